// Online attendance: the intervals the realtime sidecar records while a
// signed-in viewer has a session's live page open and visible
// (realtime/attendance.ts), written here in batches, and one person's minutes
// in one session read back from them. Minutes are the union of a person's
// intervals inside the session's own time (coveredMinutes), so two tabs, a
// reconnect or a row written twice never count twice. The pages' totals (My
// CME, per session, per person, with door scans) are in attendance.server.ts.
import { prisma } from "~/utils/db.server";
import { coveredMinutes, type Interval } from "./credit";

/** One interval as the sidecar holds it: its own id, so every later write moves the same row's end. */
export type AttendanceIntervalRow = { id: string; sessionId: string; userId: string; startedAt: Date; endedAt: Date };

/**
 * Writes a batch in one statement: new intervals are inserted, known ones only
 * ever grow (GREATEST), so a batch written again, or late, changes nothing.
 * Only accredited sessions are kept (the record exists for CME credit; other
 * viewing is not tracked), and a row whose session or person was deleted
 * meanwhile is skipped rather than failing the whole batch. Returns the rows
 * written.
 */
export async function saveAttendanceIntervals(rows: readonly AttendanceIntervalRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  const sessionIds = rows.map((row) => row.sessionId);
  const userIds = rows.map((row) => row.userId);
  const starts = rows.map((row) => row.startedAt.toISOString());
  const ends = rows.map((row) => row.endedAt.toISOString());
  return prisma.$executeRaw`
    INSERT INTO "AttendanceInterval" (id, "sessionId", "userId", "startedAt", "endedAt")
    SELECT r.id, r.session_id, r.user_id, r.started_at, GREATEST(r.started_at, r.ended_at)
      FROM unnest(${ids}::text[], ${sessionIds}::text[], ${userIds}::text[], ${starts}::timestamptz[], ${ends}::timestamptz[])
           AS r(id, session_id, user_id, started_at, ended_at)
      JOIN "Session" s ON s.id = r.session_id AND s."cmeAccredited"
      JOIN "User" u ON u.id = r.user_id
    ON CONFLICT (id) DO UPDATE SET "endedAt" = GREATEST("AttendanceInterval"."endedAt", EXCLUDED."endedAt")`;
}

/** The minutes a person watched a session's live page, inside the session's time; 0 when never (or no such session). */
export async function onlineMinutes(userId: string, sessionId: string): Promise<number> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { startsAt: true, endsAt: true, attendanceIntervals: { where: { userId }, select: { startedAt: true, endedAt: true } } },
  });
  if (!session) return 0;
  const intervals: Interval[] = session.attendanceIntervals.map((row) => ({ start: row.startedAt, end: row.endedAt }));
  return coveredMinutes(intervals, { start: session.startsAt, end: session.endsAt });
}
