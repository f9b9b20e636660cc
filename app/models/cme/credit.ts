// Credit arithmetic, in quarter hours. The AMA PRA credit system counts 60
// minutes of participation as 1 credit and lets providers designate and award
// it in 0.25 steps, rounding to the nearest quarter hour; keeping every amount
// as a whole number of quarters makes sums, caps and comparisons exact.
export const MINUTES_PER_QUARTER = 15;

/** The credit a session of this length earns by default: its minutes to the nearest quarter hour (60 minutes = 4 quarters = 1.00). */
export function defaultCreditQuarters(minutes: number): number {
  return Math.max(0, Math.round(minutes / MINUTES_PER_QUARTER));
}

/** A session's length in whole minutes. */
export function sessionMinutes(session: { startsAt: Date | string; endsAt: Date | string }): number {
  return Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60_000);
}

/** The credit a session is designated for: its own figure, or the default from its length. */
export function designatedQuarters(session: { creditQuarters: number | null; startsAt: Date | string; endsAt: Date | string }): number {
  return session.creditQuarters ?? defaultCreditQuarters(sessionMinutes(session));
}

/** "1.25": credits as printed, always with two decimals. */
export function formatCredits(quarters: number): string {
  return (quarters / 4).toFixed(2);
}

/** "1.25 credits" / "1.00 credit". */
export function creditsLabel(quarters: number): string {
  return `${formatCredits(quarters)} ${quarters === 4 ? "credit" : "credits"}`;
}

/**
 * Reads a credit figure as typed ("1.5", "1.25", "0.75") into quarters, or says
 * what is wrong with it: not a number, not in 0.25 steps, negative.
 */
export function parseCredits(text: string): { quarters: number } | { error: string } {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isFinite(value)) return { error: "Enter the credit as a number, such as 1.25." };
  if (value < 0) return { error: "Credit cannot be negative." };
  const quarters = value * 4;
  if (Math.abs(quarters - Math.round(quarters)) > 1e-9) return { error: "Credit is designated in steps of 0.25 (1.00, 1.25, 1.50, …)." };
  return { quarters: Math.round(quarters) };
}

export type Interval = { start: Date; end: Date };

/** A stretch of time in epoch milliseconds, for arithmetic on intervals. */
export type Span = { start: number; end: number };

/** `spans` sorted, empty ones dropped, and overlapping or touching ones joined. */
export function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Intervals as spans, cut to `window` when one is given (the session's own time). */
export function spansWithin(intervals: Interval[], window?: Interval): Span[] {
  return intervals.map(({ start, end }) => ({
    start: window ? Math.max(start.getTime(), window.start.getTime()) : start.getTime(),
    end: window ? Math.min(end.getTime(), window.end.getTime()) : end.getTime(),
  }));
}

/** Whole minutes in `spans` (merged: none overlap), seconds added up before rounding down. */
export function spanMinutes(spans: Span[]): number {
  return Math.floor(spans.reduce((sum, span) => sum + span.end - span.start, 0) / 60_000);
}

/**
 * The minutes covered by a set of intervals, each counted once however many
 * overlap (two tabs, a reconnect, a scan in the room while watching online),
 * and only inside `window` when one is given (the session's own time).
 */
export function coveredMinutes(intervals: Interval[], window?: Interval): number {
  return spanMinutes(mergeSpans(spansWithin(intervals, window)));
}
