// The checks a scheduler makes before anyone else sees the program: a room
// booked twice at once, a speaker in two places at once, a session outside the
// meeting's days, and two sessions for the same special audience (medical
// students, residents) at the same time, which would make that audience choose.
// Cancelled sessions clash with nothing. Pure and fast: a sweep over the
// sessions sorted by start time, so the SIR program's 400 sessions check in
// milliseconds on every console page. The same sweep finds the overlaps in one
// person's schedule (My schedule, the change e-mails), and the same keys tell
// which clashes or overlaps a change would create (the import's dry run).
import { AUDIENCE_LABELS } from "./program";
import { type DraftSession, type ProgramDocument } from "./document";
import { dayRange, daysBetween } from "~/utils/time";

export type ClashSession = { slug: string; title: string; startsAt: string; endsAt: string };

export type Clash =
  | { type: "room"; room: string; sessions: [ClashSession, ClashSession] }
  | { type: "speaker"; speaker: string; speakerName: string; sessions: [ClashSession, ClashSession] }
  | { type: "audience"; audience: "MEDICAL_STUDENTS" | "RESIDENTS_FELLOWS"; sessions: [ClashSession, ClashSession] }
  | { type: "outside"; sessions: [ClashSession] };

export type MeetingDates = { startsOn: Date | string; endsOn: Date | string; timeZone: string };

const ref = (session: DraftSession): ClashSession => ({ slug: session.slug, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt });

/** The instants the meeting's first day starts and its last day ends, in its zone. */
export function meetingWindow(meeting: MeetingDates): { start: Date; end: Date } {
  const days = daysBetween(new Date(meeting.startsOn), new Date(meeting.endsOn));
  return { start: dayRange(days[0]!, meeting.timeZone).start, end: dayRange(days[days.length - 1]!, meeting.timeZone).end };
}

/** What the sweep needs of a session: a slug, its times (ISO text or Date) and whether it takes place. */
export type TimedSession = { slug: string; startsAt: string | Date; endsAt: string | Date; status: string };

/**
 * Every pair of sessions that run at the same time, earlier-starting first: one
 * starts before the other ends (back to back is fine). Cancelled sessions
 * overlap nothing. Sorted by start, each session meets only the sessions that
 * have not ended when it starts.
 */
export function overlappingPairs<T extends TimedSession>(sessions: readonly T[]): [T, T][] {
  const live = sessions
    .filter((session) => session.status !== "CANCELLED")
    .map((session) => ({ session, start: new Date(session.startsAt).getTime(), end: new Date(session.endsAt).getTime() }))
    .sort((a, b) => a.start - b.start || a.session.slug.localeCompare(b.session.slug));
  const pairs: [T, T][] = [];
  // `open` holds the sessions that have not ended before the next one starts.
  let open: typeof live = [];
  for (const current of live) {
    open = open.filter((earlier) => earlier.end > current.start);
    for (const earlier of open) pairs.push([earlier.session, current.session]);
    open.push(current);
  }
  return pairs;
}

export function findClashes(program: ProgramDocument, meeting: MeetingDates): Clash[] {
  const window = meetingWindow(meeting);
  const audienceOf = new Map(program.tracks.map((track) => [track.slug, track.audience]));
  const speakerNames = new Map(program.speakers.map((speaker) => [speaker.slug, speaker.name]));

  const clashes: Clash[] = [];
  for (const session of program.sessions.filter((candidate) => candidate.status === "SCHEDULED")) {
    if (new Date(session.startsAt) < window.start || new Date(session.endsAt) > window.end) clashes.push({ type: "outside", sessions: [ref(session)] });
  }
  clashes.sort((a, b) => new Date(a.sessions[0].startsAt).getTime() - new Date(b.sessions[0].startsAt).getTime() || a.sessions[0].slug.localeCompare(b.sessions[0].slug));

  for (const [earlier, current] of overlappingPairs(program.sessions)) {
    const pair: [ClashSession, ClashSession] = [ref(earlier), ref(current)];
    if (earlier.room && earlier.room === current.room) clashes.push({ type: "room", room: current.room, sessions: pair });
    const earlierSpeakers = new Set(earlier.speakers.map((entry) => entry.speaker));
    for (const speaker of new Set(current.speakers.map((entry) => entry.speaker))) {
      if (earlierSpeakers.has(speaker)) clashes.push({ type: "speaker", speaker, speakerName: speakerNames.get(speaker) ?? speaker, sessions: pair });
    }
    const audience = current.track ? audienceOf.get(current.track) : undefined;
    const earlierAudience = earlier.track ? audienceOf.get(earlier.track) : undefined;
    if (audience && audience !== "EVERYONE" && audience === earlierAudience) clashes.push({ type: "audience", audience, sessions: pair });
  }
  return clashes;
}

/** What makes a clash the same clash after an edit: its kind, what is double-booked and which sessions (titles and times may change). */
export function clashKey(clash: Clash): string {
  const slugs = clash.sessions.map((session) => session.slug).sort();
  const what = clash.type === "room" ? clash.room : clash.type === "speaker" ? clash.speaker : clash.type === "audience" ? clash.audience : "";
  return [clash.type, what, ...slugs].join("\u0000");
}

/** The items of `after` whose key is not among `before`'s: what a change creates. */
function created<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): T[] {
  const known = new Set(before.map(key));
  return after.filter((item) => !known.has(key(item)));
}

/** The clashes a change creates: in the program after it, not in the program before (the import's dry run). */
export function newClashes(before: readonly Clash[], after: readonly Clash[]): Clash[] {
  return created(before, after, clashKey);
}

const pairKey = ([a, b]: [TimedSession, TimedSession]) => [a.slug, b.slug].sort().join("\u0000");

/** The overlaps in one person's schedule after a change that were not there before it. */
export function newOverlaps<T extends TimedSession>(before: readonly T[], after: readonly T[]): [T, T][] {
  return created(overlappingPairs(before), overlappingPairs(after), pairKey);
}

/** Each session's clashes, for the warnings on its row and its edit page. */
export function clashesBySession(clashes: Clash[]): Map<string, Clash[]> {
  const bySession = new Map<string, Clash[]>();
  for (const clash of clashes) {
    for (const session of clash.sessions) bySession.set(session.slug, [...(bySession.get(session.slug) ?? []), clash]);
  }
  return bySession;
}

/** One sentence about a clash, seen from `slug`'s side when given ("… with X"). */
export function describeClash(clash: Clash, from?: string): string {
  if (clash.type === "outside") return `“${clash.sessions[0].title}” is outside the meeting's dates`;
  const other = from ? clash.sessions.find((session) => session.slug !== from) : undefined;
  const pair = other ? `with “${other.title}”` : `“${clash.sessions[0].title}” and “${clash.sessions[1].title}”`;
  switch (clash.type) {
    case "room":
      return `${clash.room} is double-booked: ${pair}`;
    case "speaker":
      return `${clash.speakerName} is in two places at once: ${pair}`;
    case "audience":
      return `Two ${AUDIENCE_LABELS[clash.audience].toLowerCase()} sessions at the same time: ${pair}`;
  }
}

export const CLASH_LABELS: Record<Clash["type"], string> = {
  room: "Room double-booked",
  speaker: "Speaker in two places",
  audience: "Same audience at once",
  outside: "Outside the meeting's dates",
};
