// What a learner may claim, from their evidence: per accredited session the
// smaller of its designated credit and the minutes attended, in whole quarter
// hours (rounded down, so a claim never exceeds the evidence); minutes spent in
// two overlapping sessions earn credit once (AMA: simultaneous sessions count
// once), given to the session that started first; and the total no more than
// the meeting's designated maximum.
import { MINUTES_PER_QUARTER, mergeSpans, spanMinutes, spansWithin, type Interval, type Span } from "./credit";

export type ClaimSession = {
  slug: string;
  startsAt: Date;
  endsAt: Date;
  designatedQuarters: number;
  /** The person's time in the session: live-page intervals and time in the room, overlapping or not. */
  evidence: Interval[];
};

export type ClaimableSession = { slug: string; minutes: number; quarters: number };
export type Claimable = { sessions: ClaimableSession[]; totalQuarters: number; capped: boolean };

/** `spans` with every moment of `taken` removed. Both merged. */
function without(spans: Span[], taken: Span[]): Span[] {
  const left: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const cut of taken) {
      if (cut.end <= start || cut.start >= span.end) continue;
      if (cut.start > start) left.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < span.end) left.push({ start, end: span.end });
  }
  return left;
}

export function claimableCredit(sessions: ClaimSession[], maxQuarters: number): Claimable {
  let taken: Span[] = [];
  const result: ClaimableSession[] = [];
  const ordered = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.slug.localeCompare(b.slug));
  for (const session of ordered) {
    const inside = mergeSpans(spansWithin(session.evidence, { start: session.startsAt, end: session.endsAt }));
    const own = without(inside, taken);
    const minutes = spanMinutes(own);
    result.push({ slug: session.slug, minutes, quarters: Math.min(session.designatedQuarters, Math.floor(minutes / MINUTES_PER_QUARTER)) });
    taken = mergeSpans([...taken, ...own]);
  }
  const total = result.reduce((sum, session) => sum + session.quarters, 0);
  return { sessions: result, totalQuarters: Math.min(total, maxQuarters), capped: total > maxQuarters };
}
