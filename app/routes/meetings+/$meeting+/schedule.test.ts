// The My schedule page and its action, called as Remix calls them: signed-out
// visitors are sent to sign in and back, no-JavaScript posts come back to their
// page, background posts stay, bad input is a 4xx and writes nothing; the
// sessions changed since the person last looked are marked, and counted in the
// meeting's navigation, until the page says they were seen.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { publishEdits } from "~/models/program/publish.fixture";
import { prisma } from "~/utils/db.server";
import { loader as meetingLoader } from "./_layout";
import { action, loader } from "./schedule";

let fixture: ProgramFixture;

beforeAll(async () => {
  fixture = await createProgramFixture();
});

const schedulePath = () => `/meetings/${fixture.meeting.slug}/schedule`;

function loaderArgs(path: string, cookie?: string): LoaderFunctionArgs {
  return { request: new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} }), params: { meeting: fixture.meeting.slug }, context: {} };
}

function post(fields: Record<string, string>, cookie?: string): ActionFunctionArgs {
  const request = new Request(`http://localhost${schedulePath()}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
  return { request, params: { meeting: fixture.meeting.slug }, context: {} };
}

/** What the action answered: a thrown redirect, or data with a status. */
async function run(args: ActionFunctionArgs): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const result = await action(args);
    const init = result as unknown as { type?: string; data?: unknown; init?: { status?: number } };
    if (init && init.type === "DataWithResponseInit") return { status: init.init?.status ?? 200, location: null, body: init.data };
    return { status: 200, location: null, body: result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location"), body: null };
    throw error;
  }
}

async function signedIn() {
  const person = await createPerson("attendee");
  return { person, cookie: await cookieFor(person.id) };
}

describe("the page", () => {
  it("sends signed-out visitors to sign in and back to the page", async () => {
    try {
      await loader(loaderArgs(schedulePath()));
      expect.unreachable();
    } catch (error) {
      expect((error as Response).status).toBe(302);
      expect((error as Response).headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: schedulePath() })}`);
    }
  });

  it("groups the person's sessions by day in the shown zone, with overlaps and no feed yet", async () => {
    const { person, cookie } = await signedIn();
    const { embolization, whyIr, evening } = fixture.sessions;
    await prisma.scheduleItem.createMany({ data: [embolization, whyIr, evening].map((s) => ({ userId: person.id, sessionId: s.id })) });
    const data = await loader(loaderArgs(schedulePath(), cookie));
    // 8 PM in Phoenix on March 4 is March 5 in UTC: still March 4 in meeting time.
    expect(data.days.map((day) => [day.day, day.sessions.map((s) => s.slug)])).toEqual([["2023-03-04", ["why-ir", "uterine-fibroid-embolization", "rfs-reception"]]]);
    expect(data.conflicted).toBe(2);
    expect(data.feed).toBeNull();
    // In Berlin time the reception falls on March 5.
    const berlin = await loader(loaderArgs(`${schedulePath()}?tz=Europe/Berlin`, cookie));
    expect(berlin.days.map((day) => day.day)).toEqual(["2023-03-04", "2023-03-05"]);
  });

  it("offers the medical-student and resident programs when the schedule is empty", async () => {
    const { cookie } = await signedIn();
    const data = await loader(loaderArgs(schedulePath(), cookie));
    expect(data.total).toBe(0);
    expect(data.audienceTracks.map((track) => track.slug)).toEqual(["medical-students", "residents"]);
  });
});

describe("adding and removing", () => {
  it("signed out: sends the visitor to sign in (which adds the session), then back to the page the button was on; nothing is written yet", async () => {
    const before = await prisma.scheduleItem.count();
    const from = `/meetings/${fixture.meeting.slug}/agenda?day=2023-03-05`;
    const result = await run(post({ intent: "add", sessionId: fixture.sessions.dotter.id, redirectTo: from }));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?${new URLSearchParams({ redirectTo: from, add: fixture.sessions.dotter.id })}`);
    expect(await prisma.scheduleItem.count()).toBe(before);
  });

  it("without JavaScript: adds, then sends the browser back to its page, scrolled to the button", async () => {
    const { person, cookie } = await signedIn();
    const from = `/meetings/${fixture.meeting.slug}/tracks/oncology`;
    const result = await run(post({ intent: "add", sessionId: fixture.sessions.lateNight.id, redirectTo: from }, cookie));
    expect(result.status).toBe(303);
    expect(result.location).toBe(`${from}#schedule-${fixture.sessions.lateNight.id}`);
    expect(await prisma.scheduleItem.count({ where: { userId: person.id } })).toBe(1);
  });

  it("never redirects off the site", async () => {
    const { cookie } = await signedIn();
    const result = await run(post({ intent: "add", sessionId: fixture.sessions.dotter.id, redirectTo: "https://evil.example/x" }, cookie));
    expect(result.location).toBe(`${schedulePath()}#schedule-${fixture.sessions.dotter.id}`);
  });

  it("with JavaScript: answers with data and stays; the meeting frame then shows the new state", async () => {
    const { cookie } = await signedIn();
    const { dotter } = fixture.sessions;
    expect(await run(post({ intent: "add", sessionId: dotter.id, stay: "1" }, cookie))).toMatchObject({ status: 200, body: { ok: true } });
    const frame = await meetingLoader(loaderArgs(`/meetings/${fixture.meeting.slug}`, cookie));
    expect(frame.schedule).toEqual({ signedIn: true, sessionIds: [dotter.id] });
    expect(await run(post({ intent: "remove", sessionId: dotter.id, stay: "1" }, cookie))).toMatchObject({ status: 200, body: { ok: true } });
    expect((await meetingLoader(loaderArgs(`/meetings/${fixture.meeting.slug}`, cookie))).schedule.sessionIds).toEqual([]);
    // An anonymous frame has no schedule of its own.
    expect((await meetingLoader(loaderArgs(`/meetings/${fixture.meeting.slug}`))).schedule).toEqual({ signedIn: false, sessionIds: [] });
  });

  it("answers a double add, a foreign or unknown session and a bad form with a 4xx and a sentence, writing nothing", async () => {
    const { person, cookie } = await signedIn();
    const { dotter } = fixture.sessions;
    await run(post({ intent: "add", sessionId: dotter.id, stay: "1" }, cookie));
    const twice = await run(post({ intent: "add", sessionId: dotter.id, stay: "1" }, cookie));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: "That session is already in your schedule." });

    const foreign = await createProgramFixture();
    expect((await run(post({ intent: "add", sessionId: foreign.sessions.dotter.id }, cookie))).status).toBe(404);
    expect((await run(post({ intent: "add", sessionId: "no-such-session" }, cookie))).status).toBe(404);
    expect((await run(post({ intent: "remove", sessionId: fixture.sessions.whyIr.id }, cookie))).status).toBe(404);
    expect((await run(post({ intent: "add" }, cookie))).status).toBe(400);
    expect((await run(post({ intent: "teleport", sessionId: dotter.id }, cookie))).status).toBe(400);
    expect((await run(post({ intent: "add", sessionId: "x".repeat(500) }, cookie))).status).toBe(400);
    expect(await prisma.scheduleItem.count({ where: { userId: person.id } })).toBe(1);
  });
});

describe("adding a whole track", () => {
  it("adds the track's sessions in one POST, then My schedule says how the track sits in it, overlaps included", async () => {
    const { person, cookie } = await signedIn();
    // Already in the schedule, and at the same time as the students' "Why IR?".
    await prisma.scheduleItem.create({ data: { userId: person.id, sessionId: fixture.sessions.embolization.id } });
    const result = await run(post({ intent: "add-track", track: "medical-students" }, cookie));
    expect(result.status).toBe(303);
    expect(result.location).toBe(`${schedulePath()}?added=medical-students`);
    const data = await loader(loaderArgs(result.location!, cookie));
    expect(data.addedTrack).toEqual({ name: "Medical Student Program", sessions: 1, inSchedule: 1, overlapping: 1 });
    expect(data.total).toBe(2);
    // The empty schedule's offer counts what "Add all" adds.
    expect((await loader(loaderArgs(schedulePath(), cookie))).audienceTracks.map((track) => [track.slug, track.sessions])).toEqual([
      ["medical-students", 1],
      ["residents", 1],
    ]);
  });

  it("answers an unknown track with a 404 and a sentence, a bad form with a 400, and signed out with sign-in; nothing is written", async () => {
    const { person, cookie } = await signedIn();
    const unknown = await run(post({ intent: "add-track", track: "no-such-track" }, cookie));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: "That track is not in this meeting's program." });
    expect((await run(post({ intent: "add-track" }, cookie))).status).toBe(400);
    expect((await run(post({ intent: "add-track", track: "residents" }))).location).toMatch(/^\/login\?/);
    expect(await prisma.scheduleItem.count({ where: { userId: person.id } })).toBe(0);
    // An unknown ?added= says nothing.
    expect((await loader(loaderArgs(`${schedulePath()}?added=no-such-track`, cookie))).addedTrack).toBeNull();
  });
});

describe("the calendar address", () => {
  it("is created on request, kept on a second request, and replaced on regenerate", async () => {
    const { person, cookie } = await signedIn();
    const created = await run(post({ intent: "create-feed" }, cookie));
    expect(created.status).toBe(303);
    expect(created.location).toBe(`${schedulePath()}?feed=created#calendar`);
    const first = await prisma.calendarFeed.findUniqueOrThrow({ where: { userId_meetingId: { userId: person.id, meetingId: fixture.meeting.id } }, select: { token: true } });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await run(post({ intent: "create-feed" }, cookie));
    const kept = await prisma.calendarFeed.findMany({ where: { userId: person.id }, select: { token: true } });
    expect(kept).toEqual([first]);

    expect((await run(post({ intent: "regenerate-feed" }, cookie))).location).toBe(`${schedulePath()}?feed=replaced#calendar`);
    const replaced = await prisma.calendarFeed.findMany({ where: { userId: person.id }, select: { token: true } });
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.token).not.toBe(first.token);

    const data = await loader(loaderArgs(`${schedulePath()}?feed=replaced`, cookie));
    expect(data.feedChange).toBe("replaced");
    expect(data.feed?.https).toMatch(new RegExp(`/calendar/${replaced[0]!.token}\\.ics$`));
    expect(data.feed?.webcal).toMatch(/^webcal:\/\//);
    expect(new URL(data.feed!.google).searchParams.get("cid")).toBe(data.feed!.webcal);
  });

  it("cannot be made for someone signed out", async () => {
    const before = await prisma.calendarFeed.count();
    expect((await run(post({ intent: "create-feed" }))).location).toMatch(/^\/login\?/);
    expect(await prisma.calendarFeed.count()).toBe(before);
  });
});

describe("changes since the last look", () => {
  it("are marked old → new and counted in the meeting's navigation until the page posts that they were seen", async () => {
    // A meeting of its own: this test publishes.
    const own = await createProgramFixture();
    const organizer = await createPerson("organizer", { roles: [{ meetingId: own.meeting.id, role: "ORGANIZER" }] });
    const { person, cookie } = await signedIn();
    await prisma.scheduleItem.createMany({ data: [own.sessions.dotter, own.sessions.whyIr].map((s) => ({ userId: person.id, sessionId: s.id })) });
    const at = (path: string) => ({ ...loaderArgs(path, cookie), params: { meeting: own.meeting.slug } });
    const page = `/meetings/${own.meeting.slug}/schedule`;

    await publishEdits(own.meeting.id, organizer, { "dotter-lecture": { startsAt: "2023-03-06T18:00:00.000Z", endsAt: "2023-03-06T19:00:00.000Z" } });

    expect((await meetingLoader(at(`/meetings/${own.meeting.slug}`))).changedSessions).toBe(1);
    const data = await loader(at(page));
    expect(data.changes).toEqual({
      release: 1,
      sessions: [
        {
          slug: "dotter-lecture",
          title: "Dr. Charles T. Dotter Lecture",
          removed: false,
          lines: [{ what: "Time", before: "Mon, Mar 6, 9:00–10:00 AM MST", after: "Mon, Mar 6, 11:00 AM – 12:00 PM MST" }],
        },
      ],
    });
    // In the viewer's zone when they chose theirs.
    const berlin = await loader(at(`${page}?tz=Europe/Berlin`));
    expect(berlin.changes.sessions[0]!.lines[0]!.after).toBe("Mon, Mar 6, 7:00–8:00 PM GMT+1");

    // Reading the page changes nothing: the page posts "seen" once it has shown the marks.
    expect((await meetingLoader(at(`/meetings/${own.meeting.slug}`))).changedSessions).toBe(1);
    const seen = await action({ ...post({ intent: "seen", release: "1", stay: "1" }, cookie), params: { meeting: own.meeting.slug } });
    expect(seen).toEqual({ ok: true });
    expect((await meetingLoader(at(`/meetings/${own.meeting.slug}`))).changedSessions).toBe(0);
    expect((await loader(at(page))).changes.sessions).toEqual([]);
  });

  it("without JavaScript: the button records them seen and comes back; a bad release is a 400", async () => {
    const { cookie } = await signedIn();
    const result = await run(post({ intent: "seen", release: "0" }, cookie));
    expect(result).toMatchObject({ status: 303, location: schedulePath() });
    expect((await run(post({ intent: "seen", release: "soon" }, cookie))).status).toBe(400);
    expect((await run(post({ intent: "seen" }, cookie))).status).toBe(400);
    expect((await run(post({ intent: "seen", release: "1" }))).location).toMatch(/^\/login\?/);
  });
});
