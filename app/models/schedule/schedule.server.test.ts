// My schedule against the real database: adds and removes, the unique pair that
// stops double adds, sessions of other meetings or only in the draft refused,
// overlaps found, and the fingerprint that personal ETags hang on.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import {
  addToSchedule,
  findOverlaps,
  fingerprint,
  getSchedule,
  listAudienceTracks,
  listScheduledSessionIds,
  removeFromSchedule,
  scheduleStamp,
  scheduleStampForSignIn,
} from "./schedule.server";

let fixture: ProgramFixture;
let other: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
  other = await createProgramFixture();
});

const rows = (userId: string) => prisma.scheduleItem.count({ where: { userId } });

describe("adding and removing", () => {
  it("adds a session once; a second add is a 409 and leaves one row", async () => {
    const person = await createPerson("attendee");
    const { dotter } = fixture.sessions;
    expect(await addToSchedule(person.id, fixture.meeting.id, dotter.id)).toEqual({ ok: true });
    const again = await addToSchedule(person.id, fixture.meeting.id, dotter.id);
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", message: "That session is already in your schedule." });
    expect(await rows(person.id)).toBe(1);
    expect(await listScheduledSessionIds(person.id, fixture.meeting.id)).toEqual([dotter.id]);
  });

  it("holds against two adds at the same moment: the unique pair decides", async () => {
    const person = await createPerson("attendee");
    const results = await Promise.all([1, 2, 3].map(() => addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.code === "CONFLICT")).toBe(true);
    expect(await rows(person.id)).toBe(1);
  });

  it("refuses a session of another meeting, an unknown id, and a cancelled session", async () => {
    const person = await createPerson("attendee");
    expect(await addToSchedule(person.id, fixture.meeting.id, other.sessions.dotter.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A session that exists only in the organizers' draft has no row in the program: same answer.
    expect(await addToSchedule(person.id, fixture.meeting.id, "draft-only-session-id")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.cancelled.id)).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("cancelled") });
    expect(await rows(person.id)).toBe(0);
  });

  it("removes only the person's own row, and says so when there was nothing to remove", async () => {
    const [ann, bob] = [await createPerson("ann"), await createPerson("bob")];
    const { embolization } = fixture.sessions;
    await addToSchedule(ann.id, fixture.meeting.id, embolization.id);
    await addToSchedule(bob.id, fixture.meeting.id, embolization.id);
    expect(await removeFromSchedule(ann.id, fixture.meeting.id, embolization.id)).toEqual({ ok: true });
    expect(await removeFromSchedule(ann.id, fixture.meeting.id, embolization.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Through the wrong meeting, even one's own row stays.
    expect(await removeFromSchedule(bob.id, other.meeting.id, embolization.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rows(ann.id)).toBe(0);
    expect(await rows(bob.id)).toBe(1);
  });
});

describe("the schedule", () => {
  it("lists the person's sessions of this meeting in time order, with overlaps both ways", async () => {
    const person = await createPerson("attendee");
    const { embolization, whyIr, evening, dotter } = fixture.sessions;
    for (const session of [dotter, whyIr, embolization, evening]) await addToSchedule(person.id, fixture.meeting.id, session.id);
    await addToSchedule(person.id, other.meeting.id, other.sessions.dotter.id);
    const schedule = await getSchedule(person.id, fixture.meeting.id);
    expect(schedule.map((s) => s.slug)).toEqual(["why-ir", "uterine-fibroid-embolization", "rfs-reception", "dotter-lecture"]);
    // why-ir (15:00-16:00) and the embolization session (15:00-16:30) overlap; the others do not.
    const bySlug = new Map(schedule.map((s) => [s.slug, s.conflicts.map((c) => c.slug)]));
    expect(bySlug.get("why-ir")).toEqual(["uterine-fibroid-embolization"]);
    expect(bySlug.get("uterine-fibroid-embolization")).toEqual(["why-ir"]);
    expect(bySlug.get("rfs-reception")).toEqual([]);
    expect(bySlug.get("dotter-lecture")).toEqual([]);
  });

  it("points at the meeting's programs for medical students and residents", async () => {
    const tracks = await listAudienceTracks(fixture.meeting.id);
    expect(tracks.map((track) => track.slug)).toEqual(["medical-students", "residents"]);
  });

  it("has a fingerprint that changes with every add and remove and is the same for the same sessions", async () => {
    const person = await createPerson("attendee");
    const slug = fixture.meeting.slug;
    const empty = await scheduleStamp(person.id, slug);
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    const one = await scheduleStamp(person.id, slug);
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    const two = await scheduleStamp(person.id, slug);
    await removeFromSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    expect(new Set([empty, one, two]).size).toBe(3);
    expect(await scheduleStamp(person.id, slug)).toBe(one);
    // Another meeting's schedule is another fingerprint.
    expect(await scheduleStamp(person.id, other.meeting.slug)).toBe(empty);
  });

  it("has the same fingerprint through a live sign-in, and the empty one through an expired or unknown one", async () => {
    const person = await createPerson("attendee");
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    const live = await prisma.loginSession.create({ data: { userId: person.id, expiresAt: new Date(Date.now() + 60_000) }, select: { id: true } });
    const expired = await prisma.loginSession.create({ data: { userId: person.id, expiresAt: new Date(Date.now() - 1000) }, select: { id: true } });
    const stamp = await scheduleStamp(person.id, fixture.meeting.slug);
    expect(await scheduleStampForSignIn(live.id, fixture.meeting.slug)).toBe(stamp);
    const nothing = await scheduleStamp((await createPerson("nobody")).id, fixture.meeting.slug);
    expect(nothing).toBe(`${fingerprint([])}.0`);
    expect(await scheduleStampForSignIn(expired.id, fixture.meeting.slug)).toBe(nothing);
    expect(await scheduleStampForSignIn("no-such-sign-in", fixture.meeting.slug)).toBe(nothing);
  });
});

describe("overlaps", () => {
  const at = (start: string, end: string, id: string, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") => ({
    id,
    slug: id,
    title: id.toUpperCase(),
    startsAt: new Date(`2023-03-06T${start}:00Z`),
    endsAt: new Date(`2023-03-06T${end}:00Z`),
    status,
  });

  it("flags sessions that share time, not those back to back, and never a cancelled one", () => {
    const overlaps = findOverlaps([
      at("09:00", "10:00", "a"),
      at("10:00", "11:00", "b"), // back to back with a
      at("09:30", "12:00", "c"), // overlaps a and b
      at("10:30", "10:45", "d"), // inside b and c
      at("09:00", "12:00", "x", "CANCELLED"),
    ]);
    const ids = (id: string) => (overlaps.get(id) ?? []).map((o) => o.id).sort();
    expect(ids("a")).toEqual(["c"]);
    expect(ids("b")).toEqual(["c", "d"]);
    expect(ids("c")).toEqual(["a", "b", "d"]);
    expect(ids("d")).toEqual(["b", "c"]);
    expect(ids("x")).toEqual([]);
  });
});
