// The feeds as production serves them: the middleware in a real Express app in
// front of a stand-in for Remix that counts what reaches it, against real rows.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { createCalendarFeed, regenerateCalendarFeed } from "~/models/schedule/calendar-feed.server";
import { scheduleFeedListening } from "~/models/schedule/schedule-feed-memo.server";
import { addToSchedule } from "~/models/schedule/schedule.server";
import { prisma } from "~/utils/db.server";
import { calendarFeedAddress, serveCalendarFeeds } from "./calendar-feeds.server";
import { parseCalendar } from "./ical-parse.fixture";
import { forgetCalendarCaches, sessionUid } from "./ical.server";

let fixture: ProgramFixture;
let server: Server;
let origin: string;
let reachedRemix: string[] = [];

beforeAll(async () => {
  fixture = await createProgramFixture();
  const app = express();
  app.use(serveCalendarFeeds());
  app.all("*", (req, res) => {
    reachedRemix.push(`${req.method} ${req.originalUrl}`);
    res.status(200).type("text").send("remix");
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  reachedRemix = [];
  forgetCalendarCaches();
});

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  // fetch asks for gzip unless told otherwise.
  const response = await fetch(origin + path, { headers: { "Accept-Encoding": "identity", ...headers }, method });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function etagOf(response: { headers: Headers }): string {
  const etag = response.headers.get("etag");
  expect(etag, "the file's ETag").toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  return etag!;
}

describe("public feeds before Remix", () => {
  it("the program feed: the file, then 304 for its ETag; a new program version makes a new ETag", async () => {
    const path = `/meetings/${fixture.meeting.slug}/agenda.ics`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(Number(first.headers.get("content-length"))).toBe(Buffer.byteLength(first.body));
    expect(parseCalendar(first.body).events.map((event) => event.uid)).toContain(sessionUid(fixture.sessions.dotter.id));
    const etag = etagOf(first);

    const revalidated = await get(path, { "If-None-Match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);

    await prisma.meeting.update({ where: { id: fixture.meeting.id }, data: { programVersion: { increment: 1 } } });
    forgetCalendarCaches(); // as a publish in this process would; otherwise the version is trusted for a second
    const after = await get(path, { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(etagOf(after)).not.toBe(etag);
    expect(reachedRemix).toEqual([]);
  });

  it("a track's and a session's files at their rewritten addresses, the same bytes as the routes' (gzipped on request)", async () => {
    const track = await prisma.track.findFirstOrThrow({ where: { meetingId: fixture.meeting.id, sessions: { some: {} } }, select: { slug: true } });
    const trackPath = `/meetings/${fixture.meeting.slug}/tracks/${track.slug}/calendar.ics`;
    const plain = await get(trackPath);
    expect(plain.status).toBe(200);
    const gzipped = await fetch(origin + trackPath, { headers: { "Accept-Encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(await gzipped.text()).toBe(plain.body); // fetch decodes it
    expect((await get(trackPath, { "If-None-Match": etagOf(plain) })).status).toBe(304);

    const session = await get(`/meetings/${fixture.meeting.slug}/sessions/${fixture.sessions.dotter.slug}/calendar.ics`);
    expect(session.status).toBe(200);
    expect(parseCalendar(session.body).events.map((event) => event.uid)).toEqual([sessionUid(fixture.sessions.dotter.id)]);
    expect(reachedRemix).toEqual([]);
  });

  it("answers 404 with a sentence to an unknown meeting, track or session", async () => {
    for (const path of [
      "/meetings/no-such-meeting/agenda.ics",
      `/meetings/${fixture.meeting.slug}/tracks/no-such-track/calendar.ics`,
      // A decoded slash is part of the slug, not a way to name another track.
      `/meetings/${fixture.meeting.slug}/tracks/${fixture.tracks.oncology.slug}%2Fx/calendar.ics`,
      `/meetings/${fixture.meeting.slug}/sessions/no-such-session/calendar.ics`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.body).toMatch(/no (meeting|track|session) at this address/);
    }
  });

  it("HEAD gets the headers without the file", async () => {
    const response = await get(`/meetings/${fixture.meeting.slug}/agenda.ics`, {}, "HEAD");
    expect(response.status).toBe(200);
    expect(response.body).toBe("");
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
  });

  it("leaves every other address and method to Remix", async () => {
    await get(`/meetings/${fixture.meeting.slug}/agenda`);
    await get(`/meetings/${fixture.meeting.slug}/agenda.ics/`);
    await get(`/meetings/${fixture.meeting.slug}/agenda.ics.data`);
    await fetch(`${origin}/meetings/${fixture.meeting.slug}/agenda.ics`, { method: "POST" });
    expect(reachedRemix).toEqual([
      `GET /meetings/${fixture.meeting.slug}/agenda`,
      `GET /meetings/${fixture.meeting.slug}/agenda.ics/`,
      `GET /meetings/${fixture.meeting.slug}/agenda.ics.data`,
      `POST /meetings/${fixture.meeting.slug}/agenda.ics`,
    ]);
  });
});

describe("a personal feed before Remix", () => {
  it("304 only while the token is current and the schedule unchanged: an added session, then a replaced token, change the answer", async () => {
    const person = await createPerson("attendee");
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    const token = await createCalendarFeed(person.id, fixture.meeting.id);
    const path = `/calendar/${token}.ics`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, max-age=0, must-revalidate");
    expect(first.headers.get("x-robots-tag")).toBe("noindex");
    const etag = etagOf(first);
    expect((await get(path, { "If-None-Match": etag })).status).toBe(304);

    // Nothing is remembered between requests: no cache is cleared here.
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    const changed = await get(path, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(parseCalendar(changed.body).events).toHaveLength(2);
    const changedEtag = etagOf(changed);
    expect(changedEtag).not.toBe(etag);
    expect((await get(path, { "If-None-Match": changedEtag })).status).toBe(304);

    const fresh = await regenerateCalendarFeed(person.id, fixture.meeting.id);
    const revoked = await get(path, { "If-None-Match": changedEtag });
    expect(revoked.status).toBe(404);
    expect(revoked.body).not.toContain("BEGIN:VCALENDAR");
    expect((await get(`/calendar/${fresh}.ics`)).status).toBe(200);
    expect(reachedRemix).toEqual([]);
  });

  it("follows its meeting to a new address when the remembered one no longer leads there", async () => {
    const person = await createPerson("attendee");
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    const path = `/calendar/${await createCalendarFeed(person.id, fixture.meeting.id)}.ics`;
    const { slug } = fixture.meeting;
    // As while the web process listens for changes: the feed is remembered with its meeting's slug.
    scheduleFeedListening(true);
    try {
      expect((await get(path)).headers.get("content-disposition")).toContain(`${slug}-my-schedule.ics`);
      await prisma.meeting.update({ where: { id: fixture.meeting.id }, data: { slug: `${slug}-renamed` } });
      forgetCalendarCaches();
      const moved = await get(path);
      expect(moved.status).toBe(200);
      expect(moved.headers.get("content-disposition")).toContain(`${slug}-renamed-my-schedule.ics`);
      expect(parseCalendar(moved.body).events).toHaveLength(1);
    } finally {
      scheduleFeedListening(false);
      await prisma.meeting.update({ where: { id: fixture.meeting.id }, data: { slug } });
    }
  });

  it("answers 404 to an unknown or malformed token without a file", async () => {
    for (const file of ["A".repeat(43) + ".ics", "A".repeat(43), "..%2F..%2Fetc%2Fpasswd.ics", ".ics"]) {
      const response = await get(`/calendar/${file}`);
      expect(response.status, file).toBe(404);
      expect(response.body).toContain("unknown or has been replaced");
    }
  });
});

describe("calendarFeedAddress", () => {
  it("decodes the parameters as Remix does and names nothing else", () => {
    expect(calendarFeedAddress("/meetings/sir-2023/agenda.ics")).toEqual({ kind: "program", meeting: "sir-2023" });
    expect(calendarFeedAddress("/meetings/sir-2023/tracks/x%20y/calendar.ics")).toEqual({ kind: "track", meeting: "sir-2023", track: "x y" });
    expect(calendarFeedAddress("/calendar/abc.ics")).toEqual({ kind: "personal", file: "abc.ics" });
    expect(calendarFeedAddress("/meetings/sir-2023/agenda")).toBeNull();
    expect(calendarFeedAddress("/meetings/sir-2023/tracks/x.ics")).toBeNull(); // before the rewrite
    expect(calendarFeedAddress("/calendar/%E0%A4%A.ics")).toBeNull();
  });
});
