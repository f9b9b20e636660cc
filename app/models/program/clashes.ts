// The checks a scheduler makes before anyone else sees the program: a room
// booked twice at once, a speaker in two places at once, a session outside the
// meeting's days, and two sessions for the same special audience (medical
// students, residents) at the same time, which would make that audience choose.
// Cancelled sessions clash with nothing. Pure and fast: a sweep over the
// sessions sorted by start time, so the SIR program's 400 sessions check in
// milliseconds on every console page.
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

export function findClashes(program: ProgramDocument, meeting: MeetingDates): Clash[] {
  const window = meetingWindow(meeting);
  const audienceOf = new Map(program.tracks.map((track) => [track.slug, track.audience]));
  const speakerNames = new Map(program.speakers.map((speaker) => [speaker.slug, speaker.name]));
  const live = program.sessions
    .filter((session) => session.status === "SCHEDULED")
    .map((session) => ({ session, start: new Date(session.startsAt).getTime(), end: new Date(session.endsAt).getTime() }))
    .sort((a, b) => a.start - b.start || a.session.slug.localeCompare(b.session.slug));

  const clashes: Clash[] = [];
  for (const { session, start, end } of live) {
    if (start < window.start.getTime() || end > window.end.getTime()) clashes.push({ type: "outside", sessions: [ref(session)] });
  }

  // Sweep: `open` holds the sessions that have not ended before the next one starts.
  let open: typeof live = [];
  for (const current of live) {
    open = open.filter((earlier) => earlier.end > current.start);
    for (const earlier of open) {
      const pair: [ClashSession, ClashSession] = [ref(earlier.session), ref(current.session)];
      if (earlier.session.room && earlier.session.room === current.session.room) clashes.push({ type: "room", room: current.session.room, sessions: pair });
      const earlierSpeakers = new Set(earlier.session.speakers.map((entry) => entry.speaker));
      for (const speaker of new Set(current.session.speakers.map((entry) => entry.speaker))) {
        if (earlierSpeakers.has(speaker)) clashes.push({ type: "speaker", speaker, speakerName: speakerNames.get(speaker) ?? speaker, sessions: pair });
      }
      const audience = current.session.track ? audienceOf.get(current.session.track) : undefined;
      const earlierAudience = earlier.session.track ? audienceOf.get(earlier.session.track) : undefined;
      if (audience && audience !== "EVERYONE" && audience === earlierAudience) clashes.push({ type: "audience", audience, sessions: pair });
    }
    open.push(current);
  }
  return clashes;
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
