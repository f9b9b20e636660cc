// The organizer console's form schemas: one zod schema per form, used by the
// browser (Conform validates as you type) and by the action (the same rules
// decide). Pure, so both bundles import it.
import { z } from "zod";
import { RoomKind, SessionKind, SessionStatus, SpeakerRole, TrackAudience } from "~/generated/prisma/enums";
import { readSessionCredit } from "../cme/designation";
import { SLUG_PATTERN } from "./document";

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} has at most ${max} characters`).optional();
const webLink = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} is too long`)
    .regex(/^https?:\/\/\S+$/i, `${label} must start with http:// or https://`)
    .optional();
const slugField = z
  .string()
  .trim()
  .max(80, "An address has at most 80 characters")
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens, like dotter-lecture")
  .optional();

export const SessionFormSchema = z
  .object({
    intent: z.literal("save-session").default("save-session"),
    revision: z.string().max(64).optional(),
    slug: slugField,
    title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(300, "A title has at most 300 characters"),
    kind: z.enum(SessionKind, { error: "Choose a kind of session" }),
    learningLevel: z.enum(["100", "200", "300"], { error: "Choose level 100, 200 or 300" }).optional(),
    day: z.string({ error: "Choose a day" }).regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day"),
    start: z.string({ error: "Enter a start time" }).regex(HH_MM, "Enter a time like 08:30"),
    end: z.string({ error: "Enter an end time" }).regex(HH_MM, "Enter a time like 10:00"),
    room: z.string().max(120).optional(),
    track: z.string().max(100).optional(),
    jointSociety: z.string().max(100).optional(),
    capacity: z.number({ error: "Enter a whole number of seats" }).int("Enter a whole number of seats").min(1, "At least 1 seat").max(100_000).optional(),
    streamUrl: webLink("The stream link"),
    recordingUrl: webLink("The recording link"),
    status: z.enum(SessionStatus).default("SCHEDULED"),
    description: optionalText(10_000, "The description"),
    cmeAccredited: z.boolean().optional(),
    /** Blank follows the length; else credits in 0.25 steps, no more than the length earns. */
    creditHours: z.string().trim().max(10, "Enter the credit as a number, such as 1.25").optional(),
    saCme: z.boolean().optional(),
  })
  .refine((value) => value.end > value.start, { path: ["end"], message: "The session must end after it starts" })
  .superRefine((value, context) => {
    if (!value.creditHours || value.end <= value.start) return;
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const credit = readSessionCredit(value.creditHours, minutes(value.end) - minutes(value.start));
    if ("error" in credit) context.addIssue({ code: "custom", path: ["creditHours"], message: credit.error });
  });

export const SessionSpeakerFormSchema = z.object({
  intent: z.enum(["add-speaker", "remove-speaker", "move-speaker"]),
  speaker: z.string({ error: "Choose a speaker" }).max(100),
  role: z.enum(SpeakerRole, { error: "Choose a role" }),
  direction: z.enum(["up", "down"]).optional(),
});

/** The console's editor of a session's talks: one schema for add, edit, remove and move; the start is a wall-clock time on the session's day. */
export const SessionPresentationFormSchema = z.object({
  intent: z.enum(["add-presentation", "edit-presentation", "remove-presentation", "move-presentation"]),
  presentation: z.string().max(100).optional(),
  title: z.string().trim().max(300, "At most 300 characters").optional(),
  speaker: z.string().max(100).optional(),
  start: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Enter the start as hours and minutes, e.g. 09:05").optional(),
  minutes: z.number({ error: "Enter the length in minutes" }).int().min(1, "At least one minute").max(600, "At most 600 minutes").optional(),
  abstract: z.number({ error: "Enter the abstract's number" }).int().positive().optional(),
  direction: z.enum(["up", "down"]).optional(),
});

export const TrackFormSchema = z.object({
  intent: z.literal("save-track").default("save-track"),
  original: z.string().max(100).optional(),
  revision: z.string().max(64).optional(),
  slug: slugField,
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(200, "A name has at most 200 characters"),
  description: optionalText(2000, "The description"),
  colour: z.string({ error: "Choose a colour" }).regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #0f766e"),
  audience: z.enum(TrackAudience).default("EVERYONE"),
  position: z.number({ error: "Enter a number" }).int().min(0).max(1000).default(0),
});

export const RoomFormSchema = z.object({
  intent: z.literal("save-room").default("save-room"),
  original: z.string().max(120).optional(),
  revision: z.string().max(64).optional(),
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "A name has at most 120 characters"),
  kind: z.enum(RoomKind).default("ROOM"),
  capacity: z.number({ error: "Enter a whole number of seats" }).int().min(1, "At least 1 seat").max(100_000).optional(),
  position: z.number({ error: "Enter a number" }).int().min(0).max(1000).default(0),
});

export const SpeakerFormSchema = z.object({
  intent: z.literal("save-speaker").default("save-speaker"),
  revision: z.string().max(64).optional(),
  slug: slugField,
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(200, "A name has at most 200 characters"),
  credentials: optionalText(100, "Credentials"),
  affiliation: optionalText(300, "The affiliation"),
  city: optionalText(120, "The city"),
  country: z.string({ error: "Enter a country" }).trim().min(1, "Enter a country").max(120),
  bio: optionalText(5000, "The biography"),
});

export const PublishFormSchema = z.object({
  intent: z.literal("publish"),
  draftVersion: z.number().int(),
  note: z.string().trim().max(2000, "A note has at most 2,000 characters").optional(),
  confirmClashes: z.boolean().optional(),
});

export const InviteFormSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ error: "Enter an e-mail address" })
    .trim()
    .max(254, "An e-mail address has at most 254 characters")
    .pipe(z.email("Enter a valid e-mail address, like name@example.org")),
  role: z.enum(["ORGANIZER", "MODERATOR", "CHECK_IN"], { error: "Choose a role" }),
});

export const TEAM_ROLE_LABELS = { ORGANIZER: "Organizer", MODERATOR: "Moderator", CHECK_IN: "Check-in staff" } as const;
/** "an organizer", "a moderator", "check-in staff": the role in a sentence. */
export const TEAM_ROLE_PHRASES = { ORGANIZER: "an organizer", MODERATOR: "a moderator", CHECK_IN: "check-in staff" } as const satisfies Record<TeamRole, string>;
export type TeamRole = keyof typeof TEAM_ROLE_LABELS;
