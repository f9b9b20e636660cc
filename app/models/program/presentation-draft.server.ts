// The console's editor of a session's presentations: add, edit, remove and
// reorder the talks of one draft session. Like every draft edit it runs in
// changeDraft (locked, validated, audited) and refuses, with a message, a talk
// that would lie outside its session, overlap another or name a presenter the
// draft does not have.
import { type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { formatTimeRange } from "~/utils/time";
import { type Actor } from "../meetings/audit.server";
import { changeDraft } from "./draft.server";
import { allocateSlug, type DraftPresentation, type DraftSession, type ProgramDocument, wallClock, zonedInstant } from "./document";
import { inOrder, MINUTE, presentationMinutes, presentationProblem, restack } from "./presentations";
import { movedOnePlace } from "~/utils/order";

/** What the form gives for one talk: its start as an instant, its length, its presenter's slug (or none yet) and the abstract it presents (or none). */
export type PresentationFields = { title: string; speaker: string | null; startsAt: Date; minutes: number; abstract: number | null };

export type PresentationEdit =
  | { intent: "add-presentation"; fields: PresentationFields }
  | { intent: "edit-presentation"; presentation: string; fields: PresentationFields }
  | { intent: "remove-presentation"; presentation: string }
  | { intent: "move-presentation"; presentation: string; direction: "up" | "down" };

function build(slug: string, fields: PresentationFields): DraftPresentation {
  return {
    slug,
    title: fields.title,
    startsAt: fields.startsAt.toISOString(),
    endsAt: new Date(fields.startsAt.getTime() + fields.minutes * MINUTE).toISOString(),
    speaker: fields.speaker,
    abstract: fields.abstract,
  };
}

function presenterProblem(document: ProgramDocument, fields: PresentationFields) {
  if (fields.speaker && !document.speakers.some((speaker) => speaker.slug === fields.speaker)) return refuse("INVALID", "Choose one of the meeting's speakers as the presenter.", "speaker");
  if (fields.minutes < 1) return refuse("INVALID", "A presentation lasts at least one minute.", "minutes");
  return null;
}

/** One edit of a session's talks. The value is the slug of the talk added, edited or moved. */
export async function editDraftSessionPresentations(meetingId: string, actor: Actor, sessionSlug: string, edit: PresentationEdit) {
  // An abstract is cited by its number in the meeting's call: a typo is caught here, not at publishing.
  const cited = "fields" in edit ? edit.fields.abstract : null;
  if (cited !== null && !(await prisma.abstract.findFirst({ where: { number: cited, call: { meetingId } }, select: { id: true } }))) {
    return refuse("INVALID", `The meeting's call has no abstract ${cited}.`, "abstract");
  }
  return changeDraft<string>(meetingId, actor, (document) => {
    const session = document.sessions.find((existing) => existing.slug === sessionSlug);
    if (!session) return refuse("NOT_FOUND", "This session is no longer in the draft.");
    const talks = inOrder(session.presentations);
    let slug: string;
    let summary: string;
    if (edit.intent === "add-presentation") {
      const problem = presenterProblem(document, edit.fields);
      if (problem) return problem;
      slug = allocateSlug(undefined, edit.fields.title, talks);
      session.presentations = [...talks, build(slug, edit.fields)];
      summary = `Added the presentation “${edit.fields.title}” to “${session.title}”`;
    } else {
      const at = talks.findIndex((talk) => talk.slug === edit.presentation);
      if (at === -1) return refuse("NOT_FOUND", "This presentation is no longer in the session; someone may have removed it.");
      const talk = talks[at]!;
      slug = talk.slug;
      if (edit.intent === "edit-presentation") {
        const problem = presenterProblem(document, edit.fields);
        if (problem) return problem;
        talks[at] = build(slug, edit.fields);
        session.presentations = talks;
        summary = `Edited the presentation “${edit.fields.title}” in “${session.title}”`;
      } else if (edit.intent === "remove-presentation") {
        session.presentations = talks.filter((other) => other.slug !== slug);
        summary = `Removed the presentation “${talk.title}” from “${session.title}”`;
      } else {
        const moved = movedOnePlace(talks, at, edit.direction);
        if (!moved) return refuse("INVALID", "It is already at that end of the session.");
        // Back to back from the first talk's start, each keeping its length.
        session.presentations = restack(moved);
        summary = `Moved the presentation “${talk.title}” ${edit.direction} in “${session.title}”`;
      }
    }
    const problem = presentationProblem(session, new Set(document.speakers.map((speaker) => speaker.slug)));
    if (problem) return refuse("INVALID", problem, edit.intent === "add-presentation" || edit.intent === "edit-presentation" ? "start" : undefined);
    return { ok: true, document, value: slug, audit: { action: "session.presentations", summary, details: { session: sessionSlug, presentation: slug, intent: edit.intent } } };
  });
}

// --- The console's form ---------------------------------------------------------

export type PresentationFormValue = {
  intent: PresentationEdit["intent"];
  presentation?: string;
  title?: string;
  speaker?: string;
  start?: string;
  minutes?: number;
  abstract?: number;
  direction?: "up" | "down";
};

/** The form's values as an edit: the start is a wall-clock time on the session's day in the meeting's zone. A missing field is refused by name. */
export function presentationEditFromForm(value: PresentationFormValue, session: { startsAt: string }, zone: string): PresentationEdit | Refusal {
  if (value.intent === "remove-presentation" || value.intent === "move-presentation") {
    if (!value.presentation) return refuse("INVALID", "Choose a presentation.");
    return value.intent === "remove-presentation"
      ? { intent: value.intent, presentation: value.presentation }
      : { intent: value.intent, presentation: value.presentation, direction: value.direction ?? "up" };
  }
  if (!value.title) return refuse("INVALID", "Give the presentation a title.", "title");
  if (!value.start) return refuse("INVALID", "Enter when the presentation starts.", "start");
  if (!value.minutes) return refuse("INVALID", "Enter how many minutes the presentation lasts.", "minutes");
  const fields: PresentationFields = {
    title: value.title,
    speaker: value.speaker || null,
    startsAt: zonedInstant(wallClock(session.startsAt, zone).day, value.start, zone),
    minutes: value.minutes,
    abstract: value.abstract ?? null,
  };
  if (value.intent === "add-presentation") return { intent: value.intent, fields };
  if (!value.presentation) return refuse("INVALID", "Choose a presentation.");
  return { intent: value.intent, presentation: value.presentation, fields };
}

/** A session's talks as the console lists them, times in the meeting's zone. */
export function presentationEditorRows(session: DraftSession, speakers: ProgramDocument["speakers"], zone: string) {
  const names = new Map(speakers.map((speaker) => [speaker.slug, speaker.name]));
  const talks = inOrder(session.presentations);
  const last = talks[talks.length - 1];
  return {
    presentations: talks.map((talk) => ({
      slug: talk.slug,
      title: talk.title,
      time: formatTimeRange(new Date(talk.startsAt), new Date(talk.endsAt), zone),
      start: wallClock(talk.startsAt, zone).time,
      minutes: presentationMinutes(talk),
      speaker: talk.speaker,
      presenter: talk.speaker ? (names.get(talk.speaker) ?? talk.speaker) : null,
      abstract: talk.abstract,
    })),
    // A new talk starts where the last one ends (or with the session).
    nextStart: wallClock(last ? last.endsAt : session.startsAt, zone).time,
  };
}
