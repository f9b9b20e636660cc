// What the console's session and speaker forms show, and what they save: a
// draft entry as a form's values (times as wall-clock times in the meeting's
// zone), and a validated form as the entry a save verb takes, refused when it
// breaks a rule of the meeting that the form's schema cannot know (its days).
import { type z } from "zod";
import { formatCredits, sessionMinutes } from "~/models/cme/credit";
import { readSessionCredit } from "~/models/cme/designation";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { daysBetween, zoneAbbreviation } from "~/utils/time";
import { type DraftSession, type DraftSpeaker, type ProgramDocument, wallClock, zonedInstant } from "./document";
import { type SessionFields, type WithChosenSlug } from "./draft.server";
import { type SessionFormSchema, type SpeakerFormSchema } from "./forms";

type MeetingDays = { startsOn: Date; endsOn: Date; timeZone: string };

/** The form's fields for a session of the draft, times as wall-clock times in the meeting's zone. */
export function sessionFormValues(session: DraftSession, zone: string) {
  const start = wallClock(session.startsAt, zone);
  const end = wallClock(session.endsAt, zone);
  return {
    title: session.title,
    kind: session.kind,
    learningLevel: session.learningLevel ? String(session.learningLevel) : "",
    day: start.day,
    start: start.time,
    end: end.time,
    room: session.room ?? "",
    track: session.track ?? "",
    jointSociety: session.jointSociety ?? "",
    capacity: session.capacity ? String(session.capacity) : "",
    streamUrl: session.streamUrl ?? "",
    recordingUrl: session.recordingUrl ?? "",
    status: session.status,
    description: session.description,
    cmeAccredited: session.cmeAccredited ? "on" : "",
    creditHours: session.creditQuarters === null ? "" : formatCredits(session.creditQuarters),
    saCme: session.saCme ? "on" : "",
  };
}

/** A validated session form as the draft's session fields (all but speakers; the slug only if one was chosen), on one of the meeting's days. */
export function sessionFromForm(value: z.infer<typeof SessionFormSchema>, meeting: MeetingDays): Outcome<{ session: WithChosenSlug<SessionFields> }> {
  if (!daysBetween(meeting.startsOn, meeting.endsOn).includes(value.day)) return refuse("INVALID", "Choose one of the meeting's days", "day");
  const zone = meeting.timeZone;
  const startsAt = zonedInstant(value.day, value.start, zone);
  const endsAt = zonedInstant(value.day, value.end, zone);
  // Blank follows the length; a figure must be in 0.25 steps and within what the length earns.
  const credit = readSessionCredit(value.creditHours, sessionMinutes({ startsAt, endsAt }));
  if ("error" in credit) return refuse("INVALID", credit.error, "creditHours");
  return {
    ok: true,
    session: {
      slug: value.slug || undefined,
      title: value.title,
      description: value.description ?? "",
      kind: value.kind,
      learningLevel: value.learningLevel ? Number(value.learningLevel) : null,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      room: value.room || null,
      track: value.track || null,
      jointSociety: value.jointSociety || null,
      streamUrl: value.streamUrl || null,
      recordingUrl: value.recordingUrl || null,
      capacity: value.capacity ?? null,
      status: value.status,
      cmeAccredited: value.cmeAccredited ?? false,
      creditQuarters: credit.quarters,
      saCme: value.saCme ?? false,
    },
  };
}

/** What the session form offers: the meeting's days, the draft's rooms and tracks, partner societies. */
export async function sessionFormOptions(document: ProgramDocument, meeting: MeetingDays) {
  const societies = await prisma.society.findMany({ select: { slug: true, shortName: true, name: true }, orderBy: { shortName: "asc" } });
  return {
    days: daysBetween(meeting.startsOn, meeting.endsOn),
    rooms: document.rooms.map((room) => ({ name: room.name, kind: room.kind })),
    tracks: document.tracks.map((track) => ({ slug: track.slug, name: track.name })),
    societies,
    zoneLabel: zoneAbbreviation(meeting.timeZone, new Date(meeting.startsOn.getTime() + 12 * 3_600_000)),
  };
}

/** A validated speaker form as the draft's speaker (the slug only if one was chosen; empty fields are null). */
export function speakerFromForm(value: z.infer<typeof SpeakerFormSchema>): WithChosenSlug<DraftSpeaker> {
  return {
    slug: value.slug || undefined,
    name: value.name,
    credentials: value.credentials || null,
    affiliation: value.affiliation || null,
    city: value.city || null,
    country: value.country,
    bio: value.bio ?? "",
  };
}
