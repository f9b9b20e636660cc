// Attendance against the real database: live-page intervals and door scans of
// one person add up per session (overlaps once, only inside the session's
// time), the organizers' totals and the person's record agree with them, and
// evidence from another meeting never leaks in.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { attendanceCsv, findAttendees, myAttendance, personAttendance, sessionAttendanceTotals } from "./attendance.server";

let fixture: ProgramFixture;
let other: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
  other = await createProgramFixture();
  await prisma.session.update({ where: { id: fixture.sessions.embolization.id }, data: { cmeAccredited: true } });
});

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

async function registrant(meeting: { id: string }, label: string) {
  const person = await createPerson(label);
  const suffix = randomUUID().slice(0, 6);
  const category = await prisma.registrationCategory.create({ data: { meetingId: meeting.id, slug: `physician-${suffix}`, name: "Physician" }, select: { id: true } });
  const tier = await prisma.registrationTier.create({ data: { meetingId: meeting.id, slug: `standard-${suffix}`, name: "Standard" }, select: { id: true } });
  const registration = await prisma.registration.create({
    data: { meetingId: meeting.id, userId: person.id, code: `T-${suffix.toUpperCase()}`, categoryId: category.id, tierId: tier.id, attendance: "IN_PERSON", status: "ACTIVE" },
    select: { id: true, code: true },
  });
  return { ...person, registration };
}

async function scan(fixtureMeeting: { id: string }, person: { id: string; registration: { id: string } }, sessionId: string | null, direction: "IN" | "OUT", scannedAt: Date) {
  await prisma.checkIn.create({ data: { meetingId: fixtureMeeting.id, registrationId: person.registration.id, userId: person.id, sessionId, direction, scannedAt, scanId: randomUUID() } });
}

async function watched(sessionId: string, userId: string, startedAt: Date, endedAt: Date) {
  await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId, userId, startedAt, endedAt } });
}

describe("one person's attendance", () => {
  it("adds two tabs once, joins online and in-room time, and names the source", async () => {
    const person = await registrant(fixture.meeting, "attendee");
    const { embolization, dotter } = fixture.sessions; // 90 minutes; 60 minutes
    // Two tabs over the first 40 minutes (one from 10 minutes before the start).
    await watched(embolization.id, person.id, minutesAfter(embolization.startsAt, -10), minutesAfter(embolization.startsAt, 30));
    await watched(embolization.id, person.id, minutesAfter(embolization.startsAt, 20), minutesAfter(embolization.startsAt, 40));
    // Then into the room at minute 35, out at minute 80.
    await scan(fixture.meeting, person, embolization.id, "IN", minutesAfter(embolization.startsAt, 35));
    await scan(fixture.meeting, person, embolization.id, "OUT", minutesAfter(embolization.startsAt, 80));
    // The Dotter lecture: in the room from minute 15, never scanned out.
    await scan(fixture.meeting, person, dotter.id, "IN", minutesAfter(dotter.startsAt, 15));
    await scan(fixture.meeting, person, null, "IN", minutesAfter(embolization.startsAt, -30));

    const rows = await myAttendance(person.id, fixture.meeting.id);
    expect(rows.map((row) => [row.session.slug, row.minutes, row.onlineMinutes, row.roomMinutes, row.source])).toEqual([
      [embolization.slug, 80, 40, 45, "both"],
      [dotter.slug, 45, 0, 45, "room"],
    ]);
    expect(rows[0]!.session).toMatchObject({ accredited: true, creditQuarters: 6 });

    const record = (await personAttendance(fixture.meeting.id, person.id))!;
    expect(record.person.registration?.code).toBe(person.registration.code);
    expect(record.sessions.map((row) => [row.session.slug, row.minutes, row.online.length, row.scans.map((s) => s.direction)])).toEqual([
      [embolization.slug, 80, 2, ["IN", "OUT"]],
      [dotter.slug, 45, 0, ["IN"]],
    ]);
    expect(record.entrance.map((row) => row.direction)).toEqual(["IN"]);
  });

  it("leaves out evidence outside the session's time, and another meeting's", async () => {
    const person = await registrant(fixture.meeting, "late");
    const { whyIr } = fixture.sessions;
    await watched(whyIr.id, person.id, minutesAfter(whyIr.endsAt, 5), minutesAfter(whyIr.endsAt, 50));
    await watched(other.sessions.whyIr.id, person.id, other.sessions.whyIr.startsAt, other.sessions.whyIr.endsAt);
    expect(await myAttendance(person.id, fixture.meeting.id)).toEqual([]);
    expect((await myAttendance(person.id, other.meeting.id)).map((row) => row.minutes)).toEqual([60]);
    // Not registered for the other meeting, but their evidence there gives them a record in it; a stranger has none.
    expect(await personAttendance(other.meeting.id, person.id)).not.toBeNull();
    expect(await personAttendance(fixture.meeting.id, (await createPerson("stranger")).id)).toBeNull();
  });
});

describe("the organizers' views", () => {
  it("counts unique people per session, online and in the room, with their average minutes", async () => {
    const session = fixture.sessions.lateNight; // 30 minutes
    const [a, b, c] = await Promise.all([registrant(fixture.meeting, "alpha"), registrant(fixture.meeting, "beta"), registrant(fixture.meeting, "gamma")]);
    await watched(session.id, a.id, session.startsAt, session.endsAt); // 30 online
    await watched(session.id, a.id, session.startsAt, minutesAfter(session.startsAt, 10)); // a second tab: still 30
    await scan(fixture.meeting, b, session.id, "IN", session.startsAt); // 30 in the room
    await watched(session.id, c.id, session.startsAt, minutesAfter(session.startsAt, 6)); // 6 online…
    await scan(fixture.meeting, c, session.id, "IN", minutesAfter(session.startsAt, 15)); // …and 15 in the room

    const totals = (await sessionAttendanceTotals(fixture.meeting.id)).find((row) => row.session.slug === session.slug)!;
    expect(totals).toMatchObject({ people: 3, online: 2, inRoom: 2, averageMinutes: Math.round((30 + 30 + 21) / 3) });

    const csv = parse(await attendanceCsv(fixture.meeting.id, fixture.meeting.timeZone), { bom: true }) as string[][];
    const header = csv[0]!;
    const lines = csv.slice(1).filter((line) => line[header.indexOf("Session")] === session.slug);
    expect(lines.map((line) => [line[header.indexOf("E-mail")], line[header.indexOf("Minutes attended")], line[header.indexOf("Evidence")]]).sort()).toEqual(
      [
        [a.email, "30", "Online"],
        [b.email, "30", "In the room"],
        [c.email, "21", "Online and in the room"],
      ].sort(),
    );

    expect((await findAttendees(fixture.meeting.id, a.email)).map((row) => row.id)).toEqual([a.id]);
    expect((await findAttendees(fixture.meeting.id, b.registration.code.toLowerCase())).map((row) => row.id)).toEqual([b.id]);
    expect(await findAttendees(other.meeting.id, a.email)).toEqual([]);
  });
});
