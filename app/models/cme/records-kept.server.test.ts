// The CME record outlives changes to the program: a release cannot take out a
// session people attended (it may cancel it), and a disclosure stays on record
// when its speaker leaves the program.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganizer, createPerson } from "../accounts/people.fixture";
import { type Actor } from "../meetings/audit.server";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { publishEdits } from "../program/publish.fixture";
import { deleteDraftSession } from "../program/draft.server";
import { publishAgenda } from "../program/publish.server";

let fixture: ProgramFixture;
let organizer: Actor;

beforeAll(async () => {
  fixture = await createProgramFixture();
  organizer = await createOrganizer(fixture.meeting.id);
});

describe("publishing keeps the CME record", () => {
  it("refuses to remove an attended session and says to cancel it; cancelling keeps the attendance", async () => {
    const { dotter } = fixture.sessions;
    const viewer = await createPerson("viewer");
    await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: dotter.id, userId: viewer.id, startedAt: dotter.startsAt, endedAt: dotter.endsAt } });

    await deleteDraftSession(fixture.meeting.id, organizer, dotter.slug);
    const refused = await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true });
    expect(refused).toMatchObject({ ok: false, code: "INVALID", message: expect.stringContaining("“Dr. Charles T. Dotter Lecture” has attendance on record for CME") });
    expect(await prisma.session.count({ where: { id: dotter.id } })).toBe(1);
    expect(await prisma.agendaRelease.count({ where: { meetingId: fixture.meeting.id } })).toBe(0);

    // Put back in the draft, then cancelled: published, and the attendance stays.
    await prisma.agendaDraft.delete({ where: { meetingId: fixture.meeting.id } });
    await publishEdits(fixture.meeting.id, organizer, { [dotter.slug]: { status: "CANCELLED" } });
    expect(await prisma.session.findUniqueOrThrow({ where: { id: dotter.id }, select: { status: true } })).toEqual({ status: "CANCELLED" });
    expect(await prisma.attendanceInterval.count({ where: { sessionId: dotter.id } })).toBe(1);
  });

  it("removes a session nobody attended as before", async () => {
    const result = await publishEdits(fixture.meeting.id, organizer, { [fixture.sessions.lateNight.slug]: "delete" });
    expect(result.changes.map((change) => `${change.type}:${"session" in change ? change.session : change.key}`)).toContain(`removed:${fixture.sessions.lateNight.slug}`);
  });

  it("keeps a disclosure, with its history, when its speaker leaves the program", async () => {
    const speaker = await prisma.speaker.create({ data: { meetingId: fixture.meeting.id, slug: `leaving-${randomUUID().slice(0, 6)}`, name: "Dr. Leaving", country: "US" }, select: { id: true } });
    const disclosure = await prisma.disclosure.create({
      data: { meetingId: fixture.meeting.id, role: "FACULTY", speakerId: speaker.id, name: "Dr. Leaving", email: "leaving@example.org", submittedAt: new Date(), noRelationships: true, versions: { create: { kind: "submitted", snapshot: { noRelationships: true } } } },
      select: { id: true },
    });
    await prisma.speaker.delete({ where: { id: speaker.id } });
    expect(await prisma.disclosure.findUniqueOrThrow({ where: { id: disclosure.id }, select: { speakerId: true, name: true, _count: { select: { versions: true } } } })).toEqual({ speakerId: null, name: "Dr. Leaving", _count: { versions: 1 } });
  });
});
