// Online attendance: the intervals the realtime sidecar records while a
// signed-in viewer has a session's live page open and visible
// (realtime/attendance.ts), written here in batches, and the minutes read back
// from them. Minutes are the union of a person's intervals inside the
// session's own time (coveredMinutes), so two tabs, a reconnect or a row
// written twice never count twice.
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

type Window = { startsAt: Date; endsAt: Date };

function minutesIn(intervals: { startedAt: Date; endedAt: Date }[], session: Window): number {
  const spans: Interval[] = intervals.map((row) => ({ start: row.startedAt, end: row.endedAt }));
  return coveredMinutes(spans, { start: session.startsAt, end: session.endsAt });
}

/** The minutes a person watched a session's live page, inside the session's time; 0 when never (or no such session). */
export async function onlineMinutes(userId: string, sessionId: string): Promise<number> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { startsAt: true, endsAt: true, attendanceIntervals: { where: { userId }, select: { startedAt: true, endedAt: true } } },
  });
  return session ? minutesIn(session.attendanceIntervals, session) : 0;
}

export type OnlineAttendee = { userId: string; minutes: number; firstSeenAt: Date; lastSeenAt: Date };

/**
 * Everyone who watched a session online with their minutes (most first), and
 * the totals an organizer reads: unique people with any minute, their average.
 */
export async function sessionOnlineAttendance(sessionId: string): Promise<{ attendees: OnlineAttendee[]; uniquePeople: number; averageMinutes: number }> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { startsAt: true, endsAt: true, attendanceIntervals: { select: { userId: true, startedAt: true, endedAt: true }, orderBy: { startedAt: "asc" } } },
  });
  if (!session) return { attendees: [], uniquePeople: 0, averageMinutes: 0 };
  const byUser = new Map<string, (typeof session.attendanceIntervals)[number][]>();
  for (const row of session.attendanceIntervals) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  const attendees = [...byUser]
    .map(([userId, rows]) => ({
      userId,
      minutes: minutesIn(rows, session),
      firstSeenAt: rows[0]!.startedAt,
      lastSeenAt: new Date(Math.max(...rows.map((row) => row.endedAt.getTime()))),
    }))
    .filter((attendee) => attendee.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || a.firstSeenAt.getTime() - b.firstSeenAt.getTime());
  const total = attendees.reduce((sum, attendee) => sum + attendee.minutes, 0);
  return { attendees, uniquePeople: attendees.length, averageMinutes: attendees.length ? Math.round(total / attendees.length) : 0 };
}

/** A person's online minutes per session of a meeting (sessions with at least one minute), in session order. */
export async function personOnlineAttendance(userId: string, meetingId: string): Promise<{ sessionId: string; minutes: number }[]> {
  const sessions = await prisma.session.findMany({
    where: { meetingId, attendanceIntervals: { some: { userId } } },
    select: { id: true, startsAt: true, endsAt: true, attendanceIntervals: { where: { userId }, select: { startedAt: true, endedAt: true } } },
    orderBy: { startsAt: "asc" },
  });
  return sessions.map((session) => ({ sessionId: session.id, minutes: minutesIn(session.attendanceIntervals, session) })).filter((row) => row.minutes > 0);
}
