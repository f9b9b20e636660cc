// A meeting's whole program as one typed document: the shape of the organizers'
// draft (AgendaDraft.document), of every release's snapshot, and of what the
// published tables hold, so that all three can be compared key by key. Tracks,
// speakers and sessions are keyed by their slugs, rooms by their names (unique
// per meeting). Times are UTC ISO strings. Pure: the console's pages use it too.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { RoomKind, SessionKind, SessionStatus, SpeakerRole, TrackAudience } from "~/generated/prisma/enums";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().min(1).max(100).regex(SLUG_PATTERN, "use lower-case letters, digits and hyphens");
const text = (max: number) => z.string().trim().max(max);
const name = (max = 200) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });

export const draftTrackSchema = z.object({
  slug,
  name: name(),
  description: text(2000).nullable(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  audience: z.enum(TrackAudience),
  position: z.number().int(),
});

export const draftRoomSchema = z.object({
  name: name(120),
  kind: z.enum(RoomKind),
  capacity: z.number().int().positive().nullable(),
  position: z.number().int(),
});

export const draftSpeakerSchema = z.object({
  slug,
  name: name(),
  credentials: text(100).nullable(),
  affiliation: text(300).nullable(),
  city: text(120).nullable(),
  country: name(120),
  bio: text(5000),
});

export const draftSessionSpeakerSchema = z.object({
  speaker: slug,
  role: z.enum(SpeakerRole),
  position: z.number().int().min(0),
});

/**
 * A timed talk inside a session: an accepted oral abstract (cited by its
 * number in the meeting's call) or an invited talk. Its times lie within the
 * session's; its presenter is one of the document's speakers.
 */
export const draftPresentationSchema = z.object({
  slug,
  title: name(300),
  startsAt: instant,
  endsAt: instant,
  /** The presenter's speaker slug, or null while to be announced. */
  speaker: slug.nullable(),
  /** The abstract's number in the meeting's call, or null for an invited talk. */
  abstract: z.number().int().positive().nullable(),
});

export const draftSessionSchema = z.object({
  slug,
  title: name(300),
  description: text(10_000),
  kind: z.enum(SessionKind),
  learningLevel: z.number().int().nullable(),
  startsAt: instant,
  endsAt: instant,
  /** A room's name, or null while it is to be announced. */
  room: z.string().nullable(),
  track: slug.nullable(),
  /** The slug of a partner society co-hosting the session. */
  jointSociety: z.string().nullable(),
  streamUrl: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  capacity: z.number().int().positive().nullable(),
  status: z.enum(SessionStatus),
  /** Designated for AMA PRA Category 1 Credit™. Drafts and releases stored before CME existed read as not accredited. */
  cmeAccredited: z.boolean().default(false),
  /** The session's own credit in quarter hours, or null to follow its length (60 minutes = 4). */
  creditQuarters: z.number().int().min(0).nullable().default(null),
  /** Counts as ABR self-assessment CME. */
  saCme: z.boolean().default(false),
  speakers: z.array(draftSessionSpeakerSchema),
  /** Ordered talks with their own times. Drafts and releases stored before abstracts existed read as none. */
  presentations: z.array(draftPresentationSchema).default([]),
});

export const programDocumentSchema = z.object({
  tracks: z.array(draftTrackSchema),
  rooms: z.array(draftRoomSchema),
  speakers: z.array(draftSpeakerSchema),
  sessions: z.array(draftSessionSchema),
});

export type DraftTrack = z.infer<typeof draftTrackSchema>;
export type DraftRoom = z.infer<typeof draftRoomSchema>;
export type DraftSpeaker = z.infer<typeof draftSpeakerSchema>;
export type DraftSessionSpeaker = z.infer<typeof draftSessionSpeakerSchema>;
export type DraftPresentation = z.infer<typeof draftPresentationSchema>;
export type DraftSession = z.infer<typeof draftSessionSchema>;
export type ProgramDocument = z.infer<typeof programDocumentSchema>;

/** A new scientific session with nothing set but its address and title: the start of an added one. */
export function newDraftSession(slug: string, title: string): DraftSession {
  return {
    slug,
    title,
    description: "",
    kind: "SCIENTIFIC_SESSION",
    learningLevel: null,
    startsAt: "",
    endsAt: "",
    room: null,
    track: null,
    jointSociety: null,
    streamUrl: null,
    recordingUrl: null,
    capacity: null,
    status: "SCHEDULED",
    cmeAccredited: false,
    creditQuarters: null,
    saCme: false,
    speakers: [],
    presentations: [],
  };
}

/** Reads a stored document; a row that does not fit the schema is a bug worth a loud error, not a silent fix. */
export function parseProgramDocument(value: unknown): ProgramDocument {
  return programDocumentSchema.parse(value);
}

const byPositionThenName = <T extends { position: number; name: string }>(a: T, b: T) => a.position - b.position || a.name.localeCompare(b.name);
const roleRank = (role: SpeakerRole) => ["MODERATOR", "SPEAKER", "PANELIST"].indexOf(role);

/**
 * One canonical order for everything, so that two documents with the same
 * program serialize identically (the diff and the tests rely on it) and lists
 * read naturally: sessions by time, speakers of a session by role then order.
 */
export function normalizeProgram(program: ProgramDocument): ProgramDocument {
  return {
    tracks: [...program.tracks].sort(byPositionThenName),
    rooms: [...program.rooms].sort(byPositionThenName),
    speakers: [...program.speakers].sort((a, b) => a.slug.localeCompare(b.slug)),
    sessions: [...program.sessions]
      .map((session) => ({
        ...session,
        startsAt: new Date(session.startsAt).toISOString(),
        endsAt: new Date(session.endsAt).toISOString(),
        speakers: [...session.speakers].sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.position - b.position || a.speaker.localeCompare(b.speaker)),
        presentations: session.presentations
          .map((talk) => ({ ...talk, startsAt: new Date(talk.startsAt).toISOString(), endsAt: new Date(talk.endsAt).toISOString() }))
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.slug.localeCompare(b.slug)),
      }))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.slug.localeCompare(b.slug)),
  };
}

/** "Uterine Fibroid Embolization: 2023 Update" → "uterine-fibroid-embolization-2023-update" (at most 80 characters, cut at a hyphen). */
export function slugify(value: string): string {
  const slug = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 80);
  return cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
}

/** A slug not yet in `taken`: the base, else base-2, base-3… */
function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const root = base || "item";
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}

/**
 * The slug (address) a new track, speaker or session of the draft gets: the
 * one the organizer chose, else one made from its name that none of its kind
 * (`siblings`) has yet. The save verbs call it inside the draft's lock, so two
 * organizers adding "Opening Remarks" at once get two addresses.
 */
export function allocateSlug(chosen: string | undefined, name: string, siblings: readonly { slug: string }[]): string {
  return chosen || uniqueSlug(slugify(name), new Set(siblings.map((sibling) => sibling.slug)));
}

export function sessionBySlug(program: ProgramDocument): Map<string, DraftSession> {
  return new Map(program.sessions.map((session) => [session.slug, session]));
}

export function speakerBySlug(program: ProgramDocument): Map<string, DraftSpeaker> {
  return new Map(program.speakers.map((speaker) => [speaker.slug, speaker]));
}

/** A wall-clock time on a day in a zone ("2023-03-04", "08:30", "America/Phoenix") as an instant. */
export function zonedInstant(day: string, time: string, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, zone).getTime());
}

/** The day and "HH:mm" of an instant in a zone: what the session form shows. */
export function wallClock(instant: Date | string, zone: string): { day: string; time: string } {
  const local = new TZDate(new Date(instant).getTime(), zone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return { day: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`, time: `${pad(local.getHours())}:${pad(local.getMinutes())}` };
}

/** JSON with object keys sorted, so two equal values always compare equal whatever order their keys were built in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
