// Minutes attended, from the two kinds of evidence: intervals on a session's
// live page (recorded by the sidecar) and scans at its door. Evidence counts
// only inside the session's own time, and the union is taken, so two tabs, a
// reconnect or watching online while sitting in the room never count twice.
import { coveredMinutes, type Interval } from "./credit";

export type DoorScan = { direction: "IN" | "OUT"; scannedAt: Date };
export type AttendanceSource = "online" | "room" | "both";

export const SOURCE_LABELS: Record<AttendanceSource, string> = { online: "Online", room: "In the room", both: "Online and in the room" };

/**
 * A person's time in the room from their door scans: each entry lasts until
 * the next exit, or to the session's end when they left without scanning out.
 * An exit with no entry before it proves nothing and is left out.
 */
export function roomIntervals(scans: DoorScan[], session: { startsAt: Date; endsAt: Date }): Interval[] {
  const ordered = [...scans].sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime());
  const intervals: Interval[] = [];
  let enteredAt: Date | null = null;
  for (const scan of ordered) {
    if (scan.direction === "IN") enteredAt ??= scan.scannedAt;
    else if (enteredAt) {
      intervals.push({ start: enteredAt, end: scan.scannedAt });
      enteredAt = null;
    }
  }
  if (enteredAt) intervals.push({ start: enteredAt, end: session.endsAt > enteredAt ? session.endsAt : enteredAt });
  return intervals;
}

export type SessionEvidence = { online: Interval[]; scans: DoorScan[] };
export type SessionAttendance = { minutes: number; onlineMinutes: number; roomMinutes: number; source: AttendanceSource };

/** What one person's evidence for one session adds up to, or null when there is none inside its time. */
export function sessionAttendance(session: { startsAt: Date; endsAt: Date }, evidence: SessionEvidence): SessionAttendance | null {
  const window = { start: session.startsAt, end: session.endsAt };
  const room = roomIntervals(evidence.scans, session);
  const onlineMinutes = coveredMinutes(evidence.online, window);
  const roomMinutes = coveredMinutes(room, window);
  const minutes = coveredMinutes([...evidence.online, ...room], window);
  if (!minutes && !onlineMinutes && !roomMinutes) return null;
  const source: AttendanceSource = onlineMinutes && roomMinutes ? "both" : roomMinutes ? "room" : "online";
  return { minutes, onlineMinutes, roomMinutes, source };
}
