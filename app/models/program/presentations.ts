// Presentations inside a session: the timed talks (accepted orals, invited
// talks) a session holds in order. The rules every path shares — the console's
// editor, the session form moving a session, publishing — live here, pure, so
// the pages and the publish step say the same thing about the same draft.
import { formatTime, formatTimeRange } from "~/utils/time";
import { type DraftPresentation, type DraftSession, type ProgramDocument } from "./document";

const ms = (instant: string) => new Date(instant).getTime();
export const MINUTE = 60_000;

/** A talk's length in whole minutes. */
export function presentationMinutes(talk: Pick<DraftPresentation, "startsAt" | "endsAt">): number {
  return Math.round((ms(talk.endsAt) - ms(talk.startsAt)) / MINUTE);
}

/**
 * What is wrong with a session's presentations, or null: each ends after it
 * starts, lies within the session's times, does not overlap the next one
 * (back to back is fine), and names a presenter who is one of the document's
 * speakers. The first problem only: the organizer fixes one thing at a time.
 */
export function presentationProblem(session: DraftSession, speakers: ReadonlySet<string>): string | null {
  const talks = [...session.presentations].sort((a, b) => ms(a.startsAt) - ms(b.startsAt));
  const slugs = new Set<string>();
  for (const [index, talk] of talks.entries()) {
    if (slugs.has(talk.slug)) return `“${session.title}” has two presentations with the address ${talk.slug}.`;
    slugs.add(talk.slug);
    if (ms(talk.endsAt) <= ms(talk.startsAt)) return `The presentation “${talk.title}” in “${session.title}” must end after it starts.`;
    if (ms(talk.startsAt) < ms(session.startsAt) || ms(talk.endsAt) > ms(session.endsAt)) {
      return `The presentation “${talk.title}” lies outside the times of its session “${session.title}”.`;
    }
    const next = talks[index + 1];
    if (next && ms(next.startsAt) < ms(talk.endsAt)) return `The presentations “${talk.title}” and “${next.title}” in “${session.title}” overlap.`;
    if (talk.speaker && !speakers.has(talk.speaker)) return `The presentation “${talk.title}” in “${session.title}” names a presenter who is not in the draft: ${talk.speaker}.`;
  }
  return null;
}

/** Each session whose presentations have a problem, with its first one: what the Clashes page lists (publishing refuses them). */
export function presentationProblems(document: ProgramDocument): { session: DraftSession; problem: string }[] {
  const speakers = new Set(document.speakers.map((speaker) => speaker.slug));
  return document.sessions.flatMap((session) => {
    const problem = presentationProblem(session, speakers);
    return problem ? [{ session, problem }] : [];
  });
}

/** The first problem with any session's presentations in a document, or null. */
export function documentPresentationProblem(document: ProgramDocument): string | null {
  const speakers = new Set(document.speakers.map((speaker) => speaker.slug));
  for (const session of document.sessions) {
    const problem = presentationProblem(session, speakers);
    if (problem) return problem;
  }
  return null;
}

/** The talks moved along with their session: a session that starts `deltaMs` later keeps its talks' places and lengths within it. */
export function shiftPresentations(talks: readonly DraftPresentation[], deltaMs: number): DraftPresentation[] {
  if (!deltaMs) return [...talks];
  const shift = (instant: string) => new Date(ms(instant) + deltaMs).toISOString();
  return talks.map((talk) => ({ ...talk, startsAt: shift(talk.startsAt), endsAt: shift(talk.endsAt) }));
}

/**
 * The talks in the given order, back to back from where the earliest of them
 * starts, each keeping its length: what "move up/down" does, so swapping two
 * talks of different lengths leaves no gap and no overlap.
 */
export function restack(ordered: readonly DraftPresentation[]): DraftPresentation[] {
  if (!ordered.length) return [];
  let at = Math.min(...ordered.map((talk) => ms(talk.startsAt)));
  return ordered.map((talk) => {
    const length = ms(talk.endsAt) - ms(talk.startsAt);
    const moved = { ...talk, startsAt: new Date(at).toISOString(), endsAt: new Date(at + length).toISOString() };
    at += length;
    return moved;
  });
}

/** A session's talks in running order. */
export function inOrder<T extends { startsAt: string | Date; slug: string }>(talks: readonly T[]): T[] {
  return [...talks].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime() || a.slug.localeCompare(b.slug));
}

/** "10:08 AM “Title” — Presenter": one talk on one line (changelog, calendar descriptions). */
export function presentationLine(talk: { title: string; startsAt: string | Date; presenter: string | null }, zone: string): string {
  return `${formatTime(new Date(talk.startsAt), zone)} “${talk.title}”${talk.presenter ? ` — ${talk.presenter}` : ""}`;
}

/** A talk as a changelog names it: the presenter by name, the abstract by number. */
export type PresentationState = { title: string; startsAt: string; endsAt: string; presenter: string | null; abstract: number | null };

/** One talk added (no `before`), removed (no `after`) or changed in a session. */
export type PresentationDelta = { slug: string; before: PresentationState | null; after: PresentationState | null };

/**
 * The talks added, removed, retimed, renamed or re-presented between two
 * versions of a session. A talk that only moved along with its session (the
 * same shift as the session's start) is not a change of its own: the session's
 * move says it.
 */
export function diffPresentations(before: DraftSession, after: DraftSession, speakerName: (slug: string) => string): PresentationDelta[] {
  const shift = ms(after.startsAt) - ms(before.startsAt);
  const state = (talk: DraftPresentation): PresentationState => ({
    title: talk.title,
    startsAt: new Date(talk.startsAt).toISOString(),
    endsAt: new Date(talk.endsAt).toISOString(),
    presenter: talk.speaker ? speakerName(talk.speaker) : null,
    abstract: talk.abstract,
  });
  const old = new Map(shiftPresentations(before.presentations, shift).map((talk) => [talk.slug, talk]));
  const original = new Map(before.presentations.map((talk) => [talk.slug, talk]));
  const deltas: PresentationDelta[] = [];
  for (const talk of inOrder(after.presentations)) {
    const shifted = old.get(talk.slug);
    if (!shifted) deltas.push({ slug: talk.slug, before: null, after: state(talk) });
    else if (JSON.stringify(state(shifted)) !== JSON.stringify(state(talk))) deltas.push({ slug: talk.slug, before: state(original.get(talk.slug)!), after: state(talk) });
  }
  const kept = new Set(after.presentations.map((talk) => talk.slug));
  for (const talk of inOrder(before.presentations)) if (!kept.has(talk.slug)) deltas.push({ slug: talk.slug, before: state(talk), after: null });
  return deltas;
}

function stateLine(talk: PresentationState, zone: string, range: boolean): string {
  const when = range ? formatTimeRange(new Date(talk.startsAt), new Date(talk.endsAt), zone) : formatTime(new Date(talk.startsAt), zone);
  return `${when} “${talk.title}”${talk.presenter ? ` — ${talk.presenter}` : ""}`;
}

/** "Presentation added: 10:08 AM “Title” — Presenter", "… removed: …", "… changed: old → new". */
export function describePresentationDelta(delta: Omit<PresentationDelta, "slug">, zone: string): string {
  if (!delta.before && delta.after) return `Presentation added: ${stateLine(delta.after, zone, false)}`;
  if (delta.before && !delta.after) return `Presentation removed: ${stateLine(delta.before, zone, false)}`;
  if (delta.before && delta.after) return `Presentation changed: ${stateLine(delta.before, zone, true)} → ${stateLine(delta.after, zone, true)}`;
  return "Presentation changed";
}

/** The same as old → new for My schedule and the e-mails: "Presentation changed: 9:00–9:10 AM “A” — X → 9:10–9:20 AM “A” — Y". */
export function presentationOldNew(delta: Omit<PresentationDelta, "slug">, zone: string): { what: string; before: string | null; after: string } {
  if (delta.before && delta.after) return { what: "Presentation changed", before: stateLine(delta.before, zone, true), after: stateLine(delta.after, zone, true) };
  if (delta.after) return { what: "Presentation added", before: null, after: stateLine(delta.after, zone, false) };
  return { what: "Presentation removed", before: null, after: delta.before ? stateLine(delta.before, zone, false) : "" };
}
