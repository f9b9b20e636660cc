// A person's feed remembered in memory is exactly as fresh as one read from the
// database: with the listener running, every change to the schedule or the
// token reaches the next request once its notice has arrived, and while the
// listener is down nothing is remembered at all.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { createCalendarFeed, regenerateCalendarFeed } from "~/models/schedule/calendar-feed.server";
import { CALENDAR_FEED_CHANGED_CHANNEL, lastScheduleFeedNotice, rememberedScheduleFeedCount } from "~/models/schedule/schedule-feed-memo.server";
import { addToSchedule, removeFromSchedule } from "~/models/schedule/schedule.server";
import { prisma } from "~/utils/db.server";
import { serveCalendarFeeds } from "~/server/calendar-feeds.server";
import { parseCalendar } from "~/server/ical-parse.fixture";
import { forgetCalendarCaches, sessionUid } from "~/server/ical.server";
import { listenForScheduleFeedChanges } from "./schedule-feed-listener";

let fixture: ProgramFixture;
let server: Server;
let origin: string;
let listener: { close: () => Promise<void> } | null = null;
let listening = false;

beforeAll(async () => {
  fixture = await createProgramFixture();
  const app = express();
  app.use(serveCalendarFeeds());
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  forgetCalendarCaches();
  listener = await listenForScheduleFeedChanges(process.env.DATABASE_URL!);
  listening = true;
});

afterEach(async () => {
  await listener?.close();
  listener = null;
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(origin + path, { headers: { "Accept-Encoding": "identity", ...headers } });
  return { status: response.status, etag: response.headers.get("etag"), body: await response.text() };
}

function uids(body: string): string[] {
  return parseCalendar(body).events.map((event) => event.uid);
}

/** Waits (bounded) until the memo holds `count` feeds: a notice's arrival, or the listener's state, shows there. */
async function untilRemembered(count: number) {
  for (let waited = 0; rememberedScheduleFeedCount() !== count; waited += 10) {
    if (waited > 5000) throw new Error(`the memo still holds ${rememberedScheduleFeedCount()} feeds, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits (bounded) until every notice committed so far has arrived: PostgreSQL delivers them in commit order, so up to one of our own. */
async function noticesDelivered() {
  const marker = `marker-${Math.random()}`;
  await prisma.$executeRaw`SELECT pg_notify(${CALENDAR_FEED_CHANGED_CHANNEL}, ${marker})`;
  for (let waited = 0; lastScheduleFeedNotice() !== marker; waited += 10) {
    if (waited > 5000) throw new Error("the marker notice did not arrive");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function subscribedPerson() {
  const person = await createPerson("attendee");
  await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
  const token = await createCalendarFeed(person.id, fixture.meeting.id);
  // The notices of the setup itself, before anything is remembered (none while the listener is down).
  if (listening) await noticesDelivered();
  return { person, token, path: `/calendar/${token}.ics` };
}

describe("a personal feed remembered while the listener runs", () => {
  it("is remembered, and adding or removing a session gives the new file on the next request", async () => {
    const { person, path } = await subscribedPerson();
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(uids(first.body)).toEqual([sessionUid(fixture.sessions.dotter.id)]);
    expect(rememberedScheduleFeedCount()).toBe(1);
    expect((await get(path, { "If-None-Match": first.etag! })).status).toBe(304);

    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    await untilRemembered(0);
    const added = await get(path, { "If-None-Match": first.etag! });
    expect(added.status).toBe(200);
    expect(uids(added.body).sort()).toEqual([sessionUid(fixture.sessions.dotter.id), sessionUid(fixture.sessions.whyIr.id)].sort());
    expect(rememberedScheduleFeedCount()).toBe(1);

    await removeFromSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    await untilRemembered(0);
    const removed = await get(path, { "If-None-Match": added.etag! });
    expect(removed.status).toBe(200);
    expect(uids(removed.body)).toEqual([sessionUid(fixture.sessions.whyIr.id)]);
  });

  it("a replaced token answers 404 at once and the new one works; a deleted feed answers 404", async () => {
    const { person, path } = await subscribedPerson();
    expect((await get(path)).status).toBe(200);
    expect(rememberedScheduleFeedCount()).toBe(1);

    const fresh = await regenerateCalendarFeed(person.id, fixture.meeting.id);
    await untilRemembered(0);
    expect((await get(path)).status).toBe(404);
    const replaced = await get(`/calendar/${fresh}.ics`);
    expect(replaced.status).toBe(200);
    expect(uids(replaced.body)).toEqual([sessionUid(fixture.sessions.dotter.id)]);

    await prisma.calendarFeed.delete({ where: { userId_meetingId: { userId: person.id, meetingId: fixture.meeting.id } } });
    await untilRemembered(0);
    expect((await get(`/calendar/${fresh}.ics`)).status).toBe(404);
  });

  it("unknown tokens are not remembered", async () => {
    expect((await get(`/calendar/${"x".repeat(43)}.ics`)).status).toBe(404);
    expect(rememberedScheduleFeedCount()).toBe(0);
  });
});

describe("a personal feed while the listener is down", () => {
  it("is never remembered, so a change shows on the next request without any notice", async () => {
    await listener!.close();
    listening = false;
    const { person, path } = await subscribedPerson();
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(rememberedScheduleFeedCount()).toBe(0);
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    const after = await get(path, { "If-None-Match": first.etag! });
    expect(after.status).toBe(200);
    expect(uids(after.body)).toHaveLength(2);
  });

  it("a dropped connection forgets everything, and the memo is used again once LISTEN is back", async () => {
    const { path } = await subscribedPerson();
    expect((await get(path)).status).toBe(200);
    expect(rememberedScheduleFeedCount()).toBe(1);

    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'meetings-realtime' AND query LIKE 'LISTEN "calendar_feed_changed"%'`,
      );
    } finally {
      await db.end();
    }
    await untilRemembered(0);
    // Back after the bus's first retry: the feed is remembered again on its next request.
    for (let waited = 0; rememberedScheduleFeedCount() === 0; waited += 50) {
      if (waited > 5000) throw new Error("the memo was not used again after the listener reconnected");
      expect((await get(path)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
