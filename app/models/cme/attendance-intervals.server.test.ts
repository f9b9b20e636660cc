// The attendance batch write and the minutes read back, on the real database:
// a row only ever grows, a batch written twice changes nothing, rows outside
// the session's time do not count, and one bad row never sinks the batch.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeSession } from "../../../realtime/test-support";
import { sessionAttendanceTotals } from "./attendance.server";
import { onlineMinutes, saveAttendanceIntervals, type AttendanceIntervalRow } from "./attendance-intervals.server";

/** The session's time in makeSession: 16:00 to 17:00. */
const at = (minutes: number) => new Date(Date.parse("2023-03-05T16:00:00Z") + minutes * 60_000);

async function accredited() {
  const session = await makeSession();
  await prisma.session.update({ where: { id: session.id }, data: { cmeAccredited: true } });
  return session;
}

const row = (sessionId: string, userId: string, from: number, to: number, id = randomUUID()): AttendanceIntervalRow => ({ id, sessionId, userId, startedAt: at(from), endedAt: at(to) });

describe("attendance intervals", () => {
  it("a row's end only moves forward, and writing the same batch again changes nothing", async () => {
    const session = await accredited();
    const person = await makePerson("ATTENDEE");
    const first = row(session.id, person.id, 0, 10);
    expect(await saveAttendanceIntervals([first])).toBe(1);
    await saveAttendanceIntervals([{ ...first, endedAt: at(20) }]);
    // A late, older write of the same interval (a retry) does not shrink it.
    await saveAttendanceIntervals([{ ...first, endedAt: at(15) }]);
    await saveAttendanceIntervals([{ ...first, endedAt: at(20) }]);
    expect(await prisma.attendanceInterval.findMany({ where: { sessionId: session.id }, select: { id: true, startedAt: true, endedAt: true } })).toEqual([
      { id: first.id, startedAt: at(0), endedAt: at(20) },
    ]);
    expect(await onlineMinutes(person.id, session.id)).toBe(20);
  });

  it("minutes are the union of a person's intervals inside the session's time", async () => {
    const session = await accredited();
    const [ada, ben] = await Promise.all([makePerson("ATTENDEE"), makePerson("ATTENDEE")]);
    await saveAttendanceIntervals([
      // Joined early: only from 16:00 counts.
      row(session.id, ada.id, -15, 10),
      // A second tab overlapping the first.
      row(session.id, ada.id, 5, 25),
      // Stayed after the end: only until 17:00 counts.
      row(session.id, ada.id, 50, 75),
      row(session.id, ben.id, 30, 36),
    ]);
    expect(await onlineMinutes(ada.id, session.id)).toBe(35);
    expect(await onlineMinutes(ben.id, session.id)).toBe(6);
    // The organizers' totals read the same rows the same way.
    const totals = (await sessionAttendanceTotals(session.meetingId)).find((row) => row.session.id === session.id);
    expect(totals).toMatchObject({ people: 2, online: 2, inRoom: 0, averageMinutes: 21 });
  });

  it("keeps rows of accredited sessions only, and skips a row whose person is gone without failing the batch", async () => {
    const [session, plain] = await Promise.all([accredited(), makeSession()]);
    const [kept, gone] = await Promise.all([makePerson("ATTENDEE"), makePerson("ATTENDEE")]);
    await prisma.user.delete({ where: { id: gone.id } });
    const written = await saveAttendanceIntervals([row(session.id, kept.id, 0, 5), row(plain.id, kept.id, 0, 5), row(session.id, gone.id, 0, 5)]);
    expect(written).toBe(1);
    expect(await prisma.attendanceInterval.count({ where: { sessionId: { in: [session.id, plain.id] } } })).toBe(1);
    expect(await onlineMinutes(kept.id, plain.id)).toBe(0);
  });
});
