// What every loader and action of the organizer console does first: find the
// meeting (404 otherwise) and require the ORGANIZER role in it (admins pass;
// signed out → sign in; anyone else → 403). Also answers refused changes.
import { type Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { type z } from "zod";
import { type DraftFailure } from "~/models/program/draft.server";
import { type SessionFormSchema } from "~/models/program/forms";
import { type DraftSession, type ProgramDocument, wallClock, zonedInstant } from "~/models/program/document";
import { prisma } from "~/utils/db.server";
import { daysBetween, zoneAbbreviation } from "~/utils/time";
import { getMeeting } from "~/models/meetings/meeting.server";
import { requireMeetingRole } from "./auth.server";

export async function requireOrganizer(request: Request, params: { meeting?: string }) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  const user = await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  return { meeting, user };
}

export type ConsoleMeeting = Awaited<ReturnType<typeof requireOrganizer>>["meeting"];

/** A refused change as an action reply: the status it deserves and a sentence for the page. */
export function refused(failure: { status: number; message: string; field?: string }, extra: Record<string, unknown> = {}) {
  return data({ ok: false as const, message: failure.message, field: failure.field ?? null, ...extra }, { status: failure.status });
}

/** A refused change as its form's reply: the message under the field it names, else above the form. */
export function refusalReply(submission: Pick<Submission<unknown>, "reply">, failure: { message: string; field?: string }) {
  return submission.reply(failure.field ? { fieldErrors: { [failure.field]: [failure.message] } } : { formErrors: [failure.message] });
}

/**
 * The answer to a draft entry's editor (a room's, a track's), tagged with the
 * form's id so that only that form shows it: refused, with the refusal's
 * status, or saved, with a sentence for the page (an added entry's form is emptied).
 */
export function draftEntryReply(
  submission: Pick<Submission<unknown>, "reply">,
  formId: string,
  outcome: { ok: true } | DraftFailure,
  entry: { name: string; added: boolean },
) {
  if (!outcome.ok) return data({ formId, result: refusalReply(submission, outcome) }, { status: outcome.status });
  return {
    formId,
    result: submission.reply({ resetForm: entry.added }),
    message: entry.added ? `Added “${entry.name}” to the draft.` : `Saved “${entry.name}” to the draft.`,
  };
}

/** The address e-mailed links start with: the configured origin, as the request saw it otherwise. */
export function originOf(request: Request): string {
  return process.env.APP_ORIGIN ?? new URL(request.url).origin;
}

// --- The session form's values, both ways ------------------------------------------


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
  };
}

/** A validated form as the draft's session fields (all but slug and speakers). */
export function sessionFromForm(value: z.infer<typeof SessionFormSchema>, zone: string): Omit<DraftSession, "slug" | "speakers"> {
  return {
    title: value.title,
    description: value.description ?? "",
    kind: value.kind,
    learningLevel: value.learningLevel ? Number(value.learningLevel) : null,
    startsAt: zonedInstant(value.day, value.start, zone).toISOString(),
    endsAt: zonedInstant(value.day, value.end, zone).toISOString(),
    room: value.room || null,
    track: value.track || null,
    jointSociety: value.jointSociety || null,
    streamUrl: value.streamUrl || null,
    recordingUrl: value.recordingUrl || null,
    capacity: value.capacity ?? null,
    status: value.status,
  };
}

/** What the session form offers: the meeting's days, the draft's rooms and tracks, partner societies. */
export async function sessionFormOptions(document: ProgramDocument, meeting: { startsOn: Date; endsOn: Date; timeZone: string }) {
  const societies = await prisma.society.findMany({ select: { slug: true, shortName: true, name: true }, orderBy: { shortName: "asc" } });
  return {
    days: daysBetween(meeting.startsOn, meeting.endsOn),
    rooms: document.rooms.map((room) => ({ name: room.name, kind: room.kind })),
    tracks: document.tracks.map((track) => ({ slug: track.slug, name: track.name })),
    societies,
    zoneLabel: zoneAbbreviation(meeting.timeZone, new Date(meeting.startsOn.getTime() + 12 * 3_600_000)),
  };
}
