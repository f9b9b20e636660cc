// Where a session stands in time, said one way on every live page: live now,
// starts at …, ended (with the recording when there is one), or cancelled.
// Only this status speaks of the session; the live connection has its own
// words ("Questions update live"), so a page never shows "Live" beside "This
// session has ended". Shared with the browser: no server code.

export type SessionPhase = "cancelled" | "before" | "live" | "after";

/** The stream opens, and the session counts as live, this long before it starts. */
export const STREAM_OPENS_MS = 30 * 60 * 1000;

export function sessionPhase(session: { status: string; startsAt: Date; endsAt: Date }, now = Date.now()): SessionPhase {
  if (session.status === "CANCELLED") return "cancelled";
  if (now < session.startsAt.getTime() - STREAM_OPENS_MS) return "before";
  return now <= session.endsAt.getTime() ? "live" : "after";
}

/** What the status line needs: the phase, the start as the page shows times ("10:00 AM MST"), and whether a recording exists. */
export type SessionTiming = { phase: SessionPhase; startTime: string; recording: boolean };

export function sessionStatusText({ phase, startTime, recording }: SessionTiming): string {
  if (phase === "live") return "Live now";
  if (phase === "before") return `Starts at ${startTime}`;
  if (phase === "after") return recording ? "Ended · recording available" : "Ended";
  return "Cancelled";
}
