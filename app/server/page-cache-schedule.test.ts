// The page cache and My schedule: a signed-in page carries the viewer's own
// add/remove buttons, so their ETag must change when their schedule does, or a
// revalidation after adding a session (here or on another device) would get a
// stale 304. The same for the count of program changes not yet seen. Real Express, real sign-in cookie, real schedule rows.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { markProgramSeen } from "~/models/program/notices.server";
import { publishAgenda } from "~/models/program/publish.server";
import { addToSchedule, removeFromSchedule } from "~/models/schedule/schedule.server";
import { createPageCache } from "./page-cache.server";
import { etagOf } from "./page-cache.fixture";

let fixture: ProgramFixture;
let server: Server;
let origin: string;

beforeAll(async () => {
  fixture = await createProgramFixture();
  const app = express();
  app.use(createPageCache({ buildId: "test-build", stampTtlMs: 0 }));
  app.get("*", (_req, res) => {
    res.status(200).type("html").send("<!doctype html><p>a program page</p>");
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("signed-in program pages", () => {
  it("get a new ETag when the viewer adds or removes a session, and 304 while nothing changed", async () => {
    const person = await createPerson("attendee");
    const cookie = await cookieFor(person.id);
    const path = `${origin}/meetings/${fixture.meeting.slug}/agenda?day=2023-03-04`;
    const etagNow = async () => etagOf(await fetch(path, { headers: { Cookie: cookie } }));

    const before = await etagNow();
    expect((await fetch(path, { headers: { Cookie: cookie, "If-None-Match": before } })).status).toBe(304);

    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    const added = await etagNow();
    expect(added).not.toBe(before);
    expect((await fetch(path, { headers: { Cookie: cookie, "If-None-Match": before } })).status).toBe(200);

    await removeFromSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    expect(await etagNow()).toBe(before);
  });

  it("get a new ETag when the viewer has seen the program's changes: the navigation's count of them goes", async () => {
    const person = await createPerson("attendee");
    const cookie = await cookieFor(person.id);
    const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
    expect((await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true })).ok).toBe(true);
    const path = `${origin}/meetings/${fixture.meeting.slug}`;
    const before = etagOf(await fetch(path, { headers: { Cookie: cookie } }));
    await markProgramSeen(person.id, fixture.meeting.id);
    const after = etagOf(await fetch(path, { headers: { Cookie: cookie } }));
    expect(after).not.toBe(before);
    expect((await fetch(path, { headers: { Cookie: cookie, "If-None-Match": before } })).status).toBe(200);
  });

  it("of another meeting keep their ETag when this meeting's schedule changes", async () => {
    const other = await createProgramFixture();
    const person = await createPerson("attendee");
    const cookie = await cookieFor(person.id);
    const path = `${origin}/meetings/${other.meeting.slug}/agenda`;
    const before = etagOf(await fetch(path, { headers: { Cookie: cookie } }));
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    expect(etagOf(await fetch(path, { headers: { Cookie: cookie } }))).toBe(before);
  });
});
