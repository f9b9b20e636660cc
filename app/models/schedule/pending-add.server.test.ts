// The session a signed-out "Add to my schedule" leaves pending: only one that
// can be added is offered, and adding it after sign-in treats "already there"
// as done.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { addPendingSession, findPendingAdd } from "./pending-add.server";

let fixture: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
});

describe("a pending add", () => {
  it("names a scheduled session of the program, and nothing else", async () => {
    expect(await findPendingAdd(fixture.sessions.dotter.id)).toEqual({
      sessionId: fixture.sessions.dotter.id,
      title: "Dr. Charles T. Dotter Lecture",
      meetingName: fixture.meeting.name,
    });
    for (const value of [fixture.sessions.cancelled.id, "no-such-session", "", null, undefined, "a b", "x".repeat(65)]) {
      expect(await findPendingAdd(value)).toBeNull();
    }
  });

  it("is added once; already there counts as done; a cancelled or unknown session is refused", async () => {
    const person = await createPerson("attendee");
    expect(await addPendingSession(person.id, fixture.sessions.whyIr.id)).toEqual({ ok: true });
    expect(await addPendingSession(person.id, fixture.sessions.whyIr.id)).toEqual({ ok: true });
    expect(await addPendingSession(person.id, fixture.sessions.cancelled.id)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await addPendingSession(person.id, "no-such-session")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await prisma.scheduleItem.findMany({ where: { userId: person.id }, select: { sessionId: true } })).toEqual([{ sessionId: fixture.sessions.whyIr.id }]);
  });
});
