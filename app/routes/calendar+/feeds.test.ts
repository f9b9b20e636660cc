// The calendar feeds as calendar apps fetch them, every file parsed back with
// ical.js: the seeded programs to the minute in their zones (Phoenix has no
// DST, Chicago does), a session across the spring-forward change, a session
// moved then cancelled through a real publish (same UID, rising SEQUENCE,
// STATUS:CANCELLED), secret tokens that can be replaced and never show someone
// else's schedule, drafts that never leak, and ETag/Last-Modified/304.
import { gunzipSync } from "node:zlib";
import { type LoaderFunctionArgs } from "@remix-run/node";
import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import { beforeAll, describe, expect, it } from "vitest";
import { getDraft, revisionOf, saveDraftSession } from "~/models/program/draft.server";
import { publishAgenda } from "~/models/program/publish.server";
import { createCalendarFeed, regenerateCalendarFeed } from "~/models/schedule/calendar-feed.server";
import { createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { addToSchedule } from "~/models/schedule/schedule.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { parseCalendar, type ParsedEvent } from "~/server/ical-parse.fixture";
import { forgetCalendarCaches, sessionUid } from "~/server/ical.server";
import { loader as personalFeed } from "./$feed";
import { loader as programFeed } from "../meetings+/$meeting+/agenda[.ics]";
import { loader as sessionFile } from "../meetings+/$meeting+/sessions.$session_.calendar[.ics]";
import { loader as trackFeed } from "../meetings+/$meeting+/tracks.$track_.calendar[.ics]";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

async function fetchFile(loader: Loader, params: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await loader({ request: new Request("http://localhost/feed", { headers }), params, context: {} });
  return { response, text: await response.text() };
}

const localTime = (instant: Date, zone: string) => format(instant, "yyyy-MM-dd'T'HH:mm:ss", { in: tz(zone) });

/** A meeting of the tests in the future (so cancelled sessions still show), with sessions of our own. */
async function futureMeeting(timeZone: string) {
  const fixture = await createProgramFixture({ timeZone, startsOn: "2030-03-08", endsOn: "2030-03-11" });
  const room = await prisma.room.create({ data: { meetingId: fixture.meeting.id, name: "Ballroom A", kind: "ROOM" }, select: { id: true } });
  const add = (slug: string, title: string, startsAt: string, endsAt: string) =>
    prisma.session.create({
      data: { meetingId: fixture.meeting.id, slug, title, kind: "SCIENTIFIC_SESSION", roomId: room.id, startsAt: new Date(startsAt), endsAt: new Date(endsAt) },
      select: { id: true, slug: true },
    });
  const sessions = {
    // Sunday March 10, 2030 is the spring-forward day in the US: 1:30 AM CST to 3:30 AM CDT in Chicago, one real hour.
    crossing: await add("night-owl-cases", "Night Owl Cases", "2030-03-10T07:30:00Z", "2030-03-10T08:30:00Z"),
    saturday: await add("saturday-plenary", "Saturday Plenary", "2030-03-09T16:00:00Z", "2030-03-09T17:00:00Z"),
    monday: await add("monday-plenary", "Monday Plenary", "2030-03-11T16:00:00Z", "2030-03-11T17:00:00Z"),
  };
  return { ...fixture, sessions: { ...fixture.sessions, ...sessions } };
}

function byUid(events: ParsedEvent[], sessionId: string): ParsedEvent {
  const event = events.find((candidate) => candidate.uid === sessionUid(sessionId));
  if (!event) throw new Error(`No event for session ${sessionId}`);
  return event;
}

describe("the seeded programs", () => {
  for (const slug of ["sir-2023", "sio-2023"]) {
    it(`${slug}: every published session, to the minute in the meeting's zone`, async () => {
      const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug }, select: { id: true, timeZone: true, format: true } });
      const sessions = await prisma.session.findMany({
        where: { meetingId: meeting.id },
        select: { id: true, slug: true, startsAt: true, endsAt: true, status: true, sequence: true, room: { select: { name: true, kind: true } } },
      });
      const { response, text } = await fetchFile(programFeed, { meeting: slug });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      const calendar = parseCalendar(text);
      expect(calendar.timezones).toEqual([meeting.timeZone]);
      // The meeting is over, so its cancelled sessions have left the feed; all the others are there, once.
      const listed = sessions.filter((session) => session.status === "SCHEDULED");
      expect(sessions.length - listed.length).toBeGreaterThan(0);
      expect(calendar.events).toHaveLength(listed.length);
      expect(new Set(calendar.events.map((event) => event.uid)).size).toBe(listed.length);
      for (const session of listed) {
        const event = byUid(calendar.events, session.id);
        expect(event.tzid).toBe(meeting.timeZone);
        expect(event.start.getTime()).toBe(session.startsAt.getTime());
        expect(event.end.getTime()).toBe(session.endsAt.getTime());
        expect(event.localStart).toBe(localTime(session.startsAt, meeting.timeZone));
        expect(event.sequence).toBe(session.sequence);
        expect(event.stampsInUtc).toBe(true);
        expect(event.location).toEqual(
          // Sessions that other test files of this worker add to the seeded meeting have no room:
          // one streams when the meeting is virtual, and is at the venue otherwise.
          session.room?.kind === "VIRTUAL_CHANNEL" || (!session.room && meeting.format === "VIRTUAL")
            ? `${env.APP_ORIGIN}/meetings/${slug}/sessions/${session.slug}/live`
            : session.room
              ? expect.stringContaining(session.room.name)
              : expect.any(String),
        );
      }
    });
  }

  it("a track's feed holds that track's sessions only", async () => {
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true } });
    const expected = await prisma.session.findMany({
      where: { meetingId: meeting.id, track: { slug: "medical-students" }, status: "SCHEDULED" },
      select: { id: true },
    });
    const { response, text } = await fetchFile(trackFeed, { meeting: "sir-2023", track: "medical-students" });
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const events = parseCalendar(text).events;
    expect(events.map((event) => event.uid).sort()).toEqual(expected.map((session) => sessionUid(session.id)).sort());
    expect(events.length).toBeGreaterThan(0);
    expect((await fetchFile(trackFeed, { meeting: "sir-2023", track: "no-such-track" })).response.status).toBe(404);
    expect((await fetchFile(programFeed, { meeting: "no-such-meeting" })).response.status).toBe(404);
  });
});

describe("a meeting with a daylight-saving change, and one without", () => {
  let chicago: Awaited<ReturnType<typeof futureMeeting>>;
  let phoenix: Awaited<ReturnType<typeof futureMeeting>>;

  beforeAll(async () => {
    chicago = await futureMeeting("America/Chicago");
    phoenix = await futureMeeting("America/Phoenix");
  });

  it("Chicago: the night of the change reads 1:30 CST to 3:30 CDT and resolves to the stored hour", async () => {
    const { events } = parseCalendar((await fetchFile(programFeed, { meeting: chicago.meeting.slug })).text);
    const crossing = byUid(events, chicago.sessions.crossing.id);
    expect([crossing.localStart, crossing.localEnd]).toEqual(["2030-03-10T01:30:00", "2030-03-10T03:30:00"]);
    expect([crossing.start.toISOString(), crossing.end.toISOString()]).toEqual(["2030-03-10T07:30:00.000Z", "2030-03-10T08:30:00.000Z"]);
    // 16:00 UTC: 10:00 AM CST on Saturday, 11:00 AM CDT on Monday.
    expect(byUid(events, chicago.sessions.saturday.id).localStart).toBe("2030-03-09T10:00:00");
    expect(byUid(events, chicago.sessions.monday.id).localStart).toBe("2030-03-11T11:00:00");
  });

  it("Phoenix: the same instants keep UTC-7 on both sides of the date", async () => {
    const { events, timezones } = parseCalendar((await fetchFile(programFeed, { meeting: phoenix.meeting.slug })).text);
    expect(timezones).toEqual(["America/Phoenix"]);
    expect(byUid(events, phoenix.sessions.saturday.id).localStart).toBe("2030-03-09T09:00:00");
    expect(byUid(events, phoenix.sessions.monday.id).localStart).toBe("2030-03-11T09:00:00");
    expect(byUid(events, phoenix.sessions.crossing.id).localStart).toBe("2030-03-10T00:30:00");
    expect(byUid(events, phoenix.sessions.monday.id).start.toISOString()).toBe("2030-03-11T16:00:00.000Z");
  });

  it("a session's own file has the same event as the feeds", async () => {
    const { response, text } = await fetchFile(sessionFile, { meeting: chicago.meeting.slug, session: "night-owl-cases" });
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="night-owl-cases.ics"');
    const { events } = parseCalendar(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.uid).toBe(sessionUid(chicago.sessions.crossing.id));
    expect(events[0]!.localStart).toBe("2030-03-10T01:30:00");
    expect((await fetchFile(sessionFile, { meeting: chicago.meeting.slug, session: "nope" })).response.status).toBe(404);
  });
});

describe("the personal feed", () => {
  let meeting: Awaited<ReturnType<typeof futureMeeting>>;
  let organizer: Awaited<ReturnType<typeof createPerson>>;

  beforeAll(async () => {
    meeting = await futureMeeting("America/Chicago");
    organizer = await createPerson("organizer", { roles: [{ meetingId: meeting.meeting.id, role: "ORGANIZER" }] });
  });

  const feedOf = (token: string, headers: Record<string, string> = {}) => fetchFile(personalFeed, { feed: `${token}.ics` }, headers);

  async function editInDraft(slug: string, change: (session: Awaited<ReturnType<typeof getDraft>>["document"]["sessions"][number]) => Record<string, unknown>) {
    const draft = await getDraft(meeting.meeting.id);
    const session = draft.document.sessions.find((candidate) => candidate.slug === slug)!;
    const { speakers: _speakers, ...fields } = session;
    const result = await saveDraftSession(meeting.meeting.id, organizer, { original: { slug, revision: revisionOf(session) }, session: { ...fields, ...change(session) } });
    expect(result.ok).toBe(true);
  }

  // Feeds trust a meeting's program version for a second (ical.server.ts), the
  // personal feed too: a test does not wait that out, it forgets after publishing.
  async function publish() {
    expect((await publishAgenda(meeting.meeting.id, organizer, { confirmClashes: true })).ok).toBe(true);
    forgetCalendarCaches();
  }

  it("holds the person's sessions only, marked private", async () => {
    const [ann, bob] = [await createPerson("ann"), await createPerson("bob")];
    await addToSchedule(ann.id, meeting.meeting.id, meeting.sessions.saturday.id);
    await addToSchedule(ann.id, meeting.meeting.id, meeting.sessions.crossing.id);
    await addToSchedule(bob.id, meeting.meeting.id, meeting.sessions.monday.id);
    const [annToken, bobToken] = [await createCalendarFeed(ann.id, meeting.meeting.id), await createCalendarFeed(bob.id, meeting.meeting.id)];

    const annFeed = await feedOf(annToken);
    expect(annFeed.response.status).toBe(200);
    expect(annFeed.response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(annFeed.response.headers.get("Cache-Control")).toMatch(/^private/);
    const annEvents = parseCalendar(annFeed.text).events;
    expect(annEvents.map((event) => event.uid).sort()).toEqual([meeting.sessions.saturday.id, meeting.sessions.crossing.id].map(sessionUid).sort());
    expect(byUid(annEvents, meeting.sessions.crossing.id).localEnd).toBe("2030-03-10T03:30:00");

    // Bob's token shows Bob's schedule, never Ann's.
    const bobEvents = parseCalendar((await feedOf(bobToken)).text).events;
    expect(bobEvents.map((event) => event.uid)).toEqual([sessionUid(meeting.sessions.monday.id)]);
  });

  it("follows a session that is moved, then cancelled, through real publishes: same UID, higher SEQUENCE, STATUS:CANCELLED", async () => {
    const person = await createPerson("attendee");
    await addToSchedule(person.id, meeting.meeting.id, meeting.sessions.saturday.id);
    const token = await createCalendarFeed(person.id, meeting.meeting.id);
    const uid = sessionUid(meeting.sessions.saturday.id);
    const before = byUid(parseCalendar((await feedOf(token)).text).events, meeting.sessions.saturday.id);
    expect(before.localStart).toBe("2030-03-09T10:00:00");

    await editInDraft("saturday-plenary", () => ({ startsAt: "2030-03-09T18:30:00.000Z", endsAt: "2030-03-09T19:30:00.000Z" }));
    await publish();
    const moved = byUid(parseCalendar((await feedOf(token)).text).events, meeting.sessions.saturday.id);
    expect(moved.uid).toBe(uid);
    expect([moved.localStart, moved.localEnd]).toEqual(["2030-03-09T12:30:00", "2030-03-09T13:30:00"]);
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(moved.status).toBe("CONFIRMED");

    await editInDraft("saturday-plenary", () => ({ status: "CANCELLED" }));
    await publish();
    const cancelled = byUid(parseCalendar((await feedOf(token)).text).events, meeting.sessions.saturday.id);
    expect(cancelled.uid).toBe(uid);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect(cancelled.localStart).toBe("2030-03-09T12:30:00");
  });

  it("never shows what is only in the organizers' draft", async () => {
    const person = await createPerson("attendee");
    await addToSchedule(person.id, meeting.meeting.id, meeting.sessions.monday.id);
    const token = await createCalendarFeed(person.id, meeting.meeting.id);
    await editInDraft("monday-plenary", () => ({ title: "Secret New Title", startsAt: "2030-03-11T20:00:00.000Z", endsAt: "2030-03-11T21:00:00.000Z" }));
    const draft = await getDraft(meeting.meeting.id);
    const { speakers: _speakers, ...template } = draft.document.sessions[0]!;
    const added = await saveDraftSession(meeting.meeting.id, organizer, { session: { ...template, slug: "draft-only-session", title: "Draft Only Session" } });
    expect(added.ok).toBe(true);

    const personal = parseCalendar((await feedOf(token)).text).events;
    expect(personal.map((event) => event.summary)).toEqual(["Monday Plenary"]);
    expect(personal[0]!.start.toISOString()).toBe("2030-03-11T16:00:00.000Z");
    const program = await fetchFile(programFeed, { meeting: meeting.meeting.slug });
    expect(program.text).not.toContain("Draft Only Session");
    expect(program.text).not.toContain("Secret New Title");
  });

  it("answers 404 to a replaced, unknown or malformed token", async () => {
    const person = await createPerson("attendee");
    await addToSchedule(person.id, meeting.meeting.id, meeting.sessions.monday.id);
    const old = await createCalendarFeed(person.id, meeting.meeting.id);
    expect((await feedOf(old)).response.status).toBe(200);
    const fresh = await regenerateCalendarFeed(person.id, meeting.meeting.id);
    expect(fresh).not.toBe(old);
    const revoked = await feedOf(old);
    expect(revoked.response.status).toBe(404);
    expect(revoked.text).not.toContain("BEGIN:VCALENDAR");
    expect((await feedOf(fresh)).response.status).toBe(200);

    for (const feed of ["A".repeat(43) + ".ics", `${fresh}.ICS`, fresh, `${fresh.slice(1)}.ics`, "../../etc/passwd.ics", "%00.ics", ".ics"]) {
      const { response } = await fetchFile(personalFeed, { feed });
      expect(response.status, feed).toBe(404);
    }
  });

  it("leaves out cancelled sessions once the meeting is over", async () => {
    const past = await createProgramFixture();
    const person = await createPerson("attendee");
    await prisma.scheduleItem.createMany({ data: [past.sessions.cancelled, past.sessions.dotter].map((s) => ({ userId: person.id, sessionId: s.id })) });
    const token = await createCalendarFeed(person.id, past.meeting.id);
    const { events } = parseCalendar((await feedOf(token)).text);
    expect(events.map((event) => event.uid)).toEqual([sessionUid(past.sessions.dotter.id)]);
  });
});

describe("conditional requests", () => {
  it("the program feed: 304 for its ETag or a later If-Modified-Since; a publish (new version) makes a new ETag", async () => {
    const fixture: ProgramFixture = await createProgramFixture();
    const params = { meeting: fixture.meeting.slug };
    const first = await fetchFile(programFeed, params);
    const etag = first.response.headers.get("ETag")!;
    const lastModified = first.response.headers.get("Last-Modified")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();

    const revalidated = await fetchFile(programFeed, params, { "If-None-Match": etag });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.text).toBe("");
    expect((await fetchFile(programFeed, params, { "If-Modified-Since": lastModified })).response.status).toBe(304);
    expect((await fetchFile(programFeed, params, { "If-None-Match": '"something-else"' })).response.status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await fetchFile(programFeed, params, { "If-None-Match": '"something-else"', "If-Modified-Since": lastModified })).response.status).toBe(200);

    await prisma.session.update({ where: { id: fixture.sessions.dotter.id }, data: { startsAt: new Date("2023-03-06T17:00:00Z"), endsAt: new Date("2023-03-06T18:00:00Z") } });
    await prisma.meeting.update({ where: { id: fixture.meeting.id }, data: { programVersion: { increment: 1 } } });
    // As a publish in this process would; otherwise the meeting's version is trusted for a second.
    forgetCalendarCaches();
    const after = await fetchFile(programFeed, params, { "If-None-Match": etag });
    expect(after.response.status).toBe(200);
    expect(after.response.headers.get("ETag")).not.toBe(etag);
    expect(byUid(parseCalendar(after.text).events, fixture.sessions.dotter.id).start.toISOString()).toBe("2023-03-06T17:00:00.000Z");
  });

  it("sends the stored gzipped copy to clients that accept it", async () => {
    const plain = await fetchFile(programFeed, { meeting: "sio-2023" });
    const response = await programFeed({ request: new Request("http://localhost/feed", { headers: { "Accept-Encoding": "gzip, deflate" } }), params: { meeting: "sio-2023" }, context: {} });
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    expect(response.headers.get("Vary")).toBe("Accept-Encoding");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(plain.text.length / 3);
    expect(gunzipSync(body).toString("utf8")).toBe(plain.text);
  });

  it("the personal feed: its ETag changes when the person adds a session", async () => {
    const fixture = await createProgramFixture();
    const person = await createPerson("attendee");
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.dotter.id);
    const token = await createCalendarFeed(person.id, fixture.meeting.id);
    const params = { feed: `${token}.ics` };
    const etag = (await fetchFile(personalFeed, params)).response.headers.get("ETag")!;
    expect((await fetchFile(personalFeed, params, { "If-None-Match": etag })).response.status).toBe(304);
    await addToSchedule(person.id, fixture.meeting.id, fixture.sessions.whyIr.id);
    const changed = await fetchFile(personalFeed, params, { "If-None-Match": etag });
    expect(changed.response.status).toBe(200);
    expect(parseCalendar(changed.text).events).toHaveLength(2);
  });
});
