// When authors may write: from the call's opening to its deadline, and again
// inside the late-breaking window, if there is one. Instants are compared in
// UTC; the sentences name them in the meeting's zone, as the organizers set them.
import { formatMoment } from "~/utils/time";

export type CallTimes = { opensAt: Date; closesAt: Date; lateBreakingOpensAt: Date | null; lateBreakingClosesAt: Date | null };

export type CallPhase = "before" | "open" | "between" | "late-breaking" | "closed";

export function callPhase(call: CallTimes, now: Date): CallPhase {
  if (now < call.opensAt) return "before";
  if (now < call.closesAt) return "open";
  if (call.lateBreakingOpensAt && call.lateBreakingClosesAt && now < call.lateBreakingClosesAt) {
    return now < call.lateBreakingOpensAt ? "between" : "late-breaking";
  }
  return "closed";
}

/**
 * Whether an abstract may be started, edited or submitted now, and if so
 * whether it is late-breaking. In the late-breaking window a regular
 * abstract already submitted is closed (its deadline passed); a draft or a
 * late-breaking abstract may still be written, and becomes late-breaking.
 */
export function writingWindow(call: CallTimes, zone: string, now: Date, abstract?: { submitted: boolean; lateBreaking: boolean }): { ok: true; lateBreaking: boolean } | { ok: false; message: string } {
  const phase = callPhase(call, now);
  if (phase === "before") return { ok: false, message: `The call opens on ${formatMoment(call.opensAt, zone)}.` };
  if (phase === "open") return { ok: true, lateBreaking: abstract?.lateBreaking ?? false };
  if (phase === "late-breaking" && !(abstract?.submitted && !abstract.lateBreaking)) return { ok: true, lateBreaking: true };
  if (phase === "closed" && call.lateBreakingClosesAt && call.lateBreakingClosesAt > call.closesAt) {
    return { ok: false, message: `The call closed on ${formatMoment(call.closesAt, zone)}, and late-breaking abstracts closed on ${formatMoment(call.lateBreakingClosesAt, zone)}.` };
  }
  return { ok: false, message: `The call closed on ${formatMoment(call.closesAt, zone)}.` };
}
