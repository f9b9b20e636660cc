// "Add all" for a track against the real database: every session of the track
// that can be added goes in, clashes included, once; a cancelled one and
// another meeting's track do not; and how the track then sits in the schedule.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { getSchedule } from "./schedule.server";
import { addTrackToSchedule, trackInSchedule } from "./track-in-schedule.server";

let fixture: ProgramFixture;
let other: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
  other = await createProgramFixture();
});

const scheduled = async (userId: string) =>
  (await prisma.scheduleItem.findMany({ where: { userId }, select: { session: { select: { slug: true } } } })).map((row) => row.session.slug).sort();

describe("adding a whole track", () => {
  it("adds every session of the track that is not cancelled, even one that clashes with the schedule", async () => {
    const person = await createPerson("attendee");
    // The embolization session runs at the same time as the students' "Why IR?".
    await prisma.scheduleItem.create({ data: { userId: person.id, sessionId: fixture.sessions.embolization.id } });
    expect(await addTrackToSchedule(person.id, fixture.meeting.id, "medical-students")).toEqual({ ok: true, added: 1, sessions: 1 });
    expect(await scheduled(person.id)).toEqual(["uterine-fibroid-embolization", "why-ir"]);
    expect(await trackInSchedule(fixture.meeting.id, "medical-students", await getSchedule(person.id, fixture.meeting.id))).toEqual({
      name: "Medical Student Program",
      sessions: 1,
      inSchedule: 1,
      overlapping: 1,
    });
  });

  it("leaves out the cancelled session and adds nothing twice", async () => {
    const person = await createPerson("attendee");
    const first = await addTrackToSchedule(person.id, fixture.meeting.id, "oncology");
    expect(first).toEqual({ ok: true, added: 2, sessions: 2 });
    expect(await scheduled(person.id)).toEqual(["late-night-cases", "uterine-fibroid-embolization"]);
    // Both clicks of a double click: the second finds them all there.
    expect(await addTrackToSchedule(person.id, fixture.meeting.id, "oncology")).toEqual({ ok: true, added: 0, sessions: 2 });
    expect(await prisma.scheduleItem.count({ where: { userId: person.id } })).toBe(2);
  });

  it("refuses a track that is not the meeting's, and writes nothing", async () => {
    const person = await createPerson("attendee");
    const elsewhere = await prisma.track.create({
      data: { meetingId: other.meeting.id, slug: "only-elsewhere", name: "Elsewhere", colour: "#000000", position: 9 },
      select: { id: true },
    });
    await prisma.session.update({ where: { id: other.sessions.dotter.id }, data: { trackId: elsewhere.id } });
    expect(await addTrackToSchedule(person.id, fixture.meeting.id, "only-elsewhere")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await addTrackToSchedule(person.id, fixture.meeting.id, "no-such-track")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await prisma.scheduleItem.count({ where: { userId: person.id } })).toBe(0);
  });

  it("says how much of a track is in the schedule, and nothing for an unknown track", async () => {
    const person = await createPerson("attendee");
    await prisma.scheduleItem.create({ data: { userId: person.id, sessionId: fixture.sessions.lateNight.id } });
    const schedule = await getSchedule(person.id, fixture.meeting.id);
    expect(await trackInSchedule(fixture.meeting.id, "oncology", schedule)).toEqual({ name: "Interventional Oncology", sessions: 2, inSchedule: 1, overlapping: 0 });
    expect(await trackInSchedule(fixture.meeting.id, "no-such-track", schedule)).toBeNull();
    expect(await trackInSchedule(fixture.meeting.id, null, schedule)).toBeNull();
  });
});
