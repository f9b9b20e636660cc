// The organizer console's routes as Remix calls them. The permission matrix:
// every loader and action, as anonymous, attendee, moderator, organizer of
// another meeting, organizer and admin — only the last two get in, and the
// refused leave nothing written. Then the public side: the changelog, its Atom
// feed, the frab exports with ETags, and an invitation accepted by link.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { routeOutcome } from "../../../../tests/route-outcome";
import { createPerson, cookieFor } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { getDraft, revisionOf, saveDraftSession } from "~/models/program/draft.server";
import { inviteToTeam } from "~/models/meetings/team.server";
import { prisma } from "~/utils/db.server";
import * as consoleIndex from "../_index";
import * as layout from "./_layout";
import * as overview from "./_index";
import * as audit from "./audit";
import * as clashes from "./clashes";
import * as exportCsv from "./export[.]csv";
import * as importPage from "./import";
import * as preview from "./preview";
import * as publish from "./publish";
import * as rooms from "./rooms";
import * as session from "./sessions.$session";
import * as sessions from "./sessions._index";
import * as newSession from "./sessions.new";
import * as speaker from "./speakers.$speaker";
import * as speakers from "./speakers._index";
import * as team from "./team";
import * as mail from "./mail";
import * as tracks from "./tracks";
import * as changelog from "../../meetings+/$meeting+/changelog";
import * as atom from "../../meetings+/$meeting+/changelog[.]atom";
import * as scheduleJson from "../../meetings+/$meeting+/schedule[.]json";
import * as scheduleXml from "../../meetings+/$meeting+/schedule[.]xml";
import * as invitation from "../../_accounts+/invitations.$token";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
type RouteModule = { loader?: Handler; action?: Handler };

let fixture: ProgramFixture;
let cookies: Record<"anonymous" | "attendee" | "moderator" | "otherOrganizer" | "organizer" | "admin", string | null>;
let organizer: Awaited<ReturnType<typeof createPerson>>;
let failedMailId: string;

beforeAll(async () => {
  fixture = await createProgramFixture();
  const other = await createProgramFixture();
  const meetingId = fixture.meeting.id;
  organizer = await createPerson("organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
  const people = {
    attendee: await createPerson("attendee", { roles: [{ meetingId, role: "ATTENDEE" }] }),
    moderator: await createPerson("moderator", { roles: [{ meetingId, role: "MODERATOR" }] }),
    otherOrganizer: await createPerson("elsewhere", { roles: [{ meetingId: other.meeting.id, role: "ORGANIZER" }] }),
    admin: await createPerson("admin", { isAdmin: true }),
  };
  cookies = {
    anonymous: null,
    attendee: await cookieFor(people.attendee.id),
    moderator: await cookieFor(people.moderator.id),
    otherOrganizer: await cookieFor(people.otherOrganizer.id),
    organizer: await cookieFor(organizer.id),
    admin: await cookieFor(people.admin.id),
  };
  // A receipt whose every retry failed (the queue gives up after more than a day).
  failedMailId = (
    await prisma.outgoingMail.create({
      data: { meetingId, kind: "registration-receipt", to: "lost@example.test", subject: "Registration confirmed", text: "…", status: "FAILED", attempts: 32, lastError: "451 Mailbox busy", failedAt: new Date() },
      select: { id: true },
    })
  ).id;
});

/** The status Remix would answer with: thrown or returned Responses, data() with a status, or 200. */
async function statusOf(run: () => unknown): Promise<{ status: number; location: string | null }> {
  const { status, response } = await routeOutcome(run);
  return { status, location: response?.headers.get("Location") ?? null };
}

function call(handler: Handler, path: string, params: Record<string, string>, cookie: string | null, method = "GET", body?: URLSearchParams) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const request = new Request(`http://localhost${path}`, { method, headers, body });
  return statusOf(() => handler({ request, params, context: {} }));
}

const routes = (): { name: string; module: RouteModule; path: string; params: Record<string, string>; form?: Record<string, string> }[] => {
  const meeting = fixture.meeting.slug;
  const base = `/organize/${meeting}`;
  return [
    { name: "layout", module: layout, path: base, params: { meeting } },
    { name: "overview", module: overview, path: base, params: { meeting } },
    { name: "sessions", module: sessions, path: `${base}/sessions`, params: { meeting } },
    { name: "new session", module: newSession, path: `${base}/sessions/new`, params: { meeting }, form: { title: "Permission Probe", day: "2023-03-05", start: "09:00", end: "10:00", kind: "WORKSHOP" } },
    { name: "session", module: session, path: `${base}/sessions/why-ir`, params: { meeting, session: "why-ir" }, form: { intent: "add-speaker", speaker: "jim-a-reekers", role: "PANELIST" } },
    { name: "tracks", module: tracks, path: `${base}/tracks`, params: { meeting }, form: { intent: "save-track", name: "Probe Track", colour: "#123456" } },
    { name: "rooms", module: rooms, path: `${base}/rooms`, params: { meeting }, form: { intent: "save-room", name: "Probe Room" } },
    { name: "speakers", module: speakers, path: `${base}/speakers`, params: { meeting }, form: { intent: "save-speaker", name: "Probe Person", country: "Iceland" } },
    { name: "speaker", module: speaker, path: `${base}/speakers/ho-young-song`, params: { meeting, speaker: "ho-young-song" }, form: { intent: "delete-speaker" } },
    { name: "clashes", module: clashes, path: `${base}/clashes`, params: { meeting } },
    { name: "preview", module: preview, path: `${base}/preview`, params: { meeting } },
    { name: "import", module: importPage, path: `${base}/import`, params: { meeting }, form: { intent: "dry-run", csv: "title,day,start,end\nProbe,2023-03-05,09:00,10:00\n" } },
    { name: "export", module: exportCsv, path: `${base}/export.csv`, params: { meeting } },
    { name: "publish", module: publish, path: `${base}/publish`, params: { meeting }, form: { intent: "publish", draftVersion: "0" } },
    { name: "team", module: team, path: `${base}/team`, params: { meeting }, form: { intent: "invite", email: "probe@example.test", role: "MODERATOR" } },
    { name: "audit", module: audit, path: `${base}/audit`, params: { meeting } },
    { name: "mail", module: mail, path: `${base}/mail`, params: { meeting }, form: { mailId: failedMailId } },
  ];
};

describe("permission matrix of the organizer console", () => {
  it("sends the signed-out to sign in and refuses attendees, moderators and other meetings' organizers with 403, writing nothing", async () => {
    const writesBefore = await prisma.auditEntry.count({ where: { meetingId: fixture.meeting.id } });
    for (const route of routes()) {
      for (const who of ["anonymous", "attendee", "moderator", "otherOrganizer"] as const) {
        const handlers: [string, Handler | undefined, string][] = [
          ["loader", route.module.loader, "GET"],
          ["action", route.module.action, "POST"],
        ];
        for (const [kind, handler, method] of handlers) {
          if (!handler) continue;
          const result = await call(handler, route.path, route.params, cookies[who], method, method === "POST" ? new URLSearchParams(route.form ?? {}) : undefined);
          const expected = who === "anonymous" ? 302 : 403;
          expect({ route: route.name, kind, who, status: result.status }).toEqual({ route: route.name, kind, who, status: expected });
          if (who === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
        }
      }
    }
    expect(await prisma.auditEntry.count({ where: { meetingId: fixture.meeting.id } })).toBe(writesBefore);
    expect(await prisma.invitation.count({ where: { meetingId: fixture.meeting.id } })).toBe(0);
    expect((await prisma.outgoingMail.findUniqueOrThrow({ where: { id: failedMailId }, select: { status: true } })).status).toBe("FAILED");
  });

  it("lets the meeting's organizers and admins in to every loader and action", async () => {
    for (const who of ["organizer", "admin"] as const) {
      for (const route of routes()) {
        if (route.module.loader) {
          const result = await call(route.module.loader, route.path, route.params, cookies[who]);
          expect({ route: route.name, who, status: result.status }).toEqual({ route: route.name, who, status: 200 });
        }
        if (route.module.action && who === "organizer") {
          const result = await call(route.module.action, route.path, route.params, cookies[who], "POST", new URLSearchParams(route.form ?? {}));
          // In: a redirect, a success, or a refusal of the content (400 / 409) — never 401/403 or a crash.
          expect([200, 302, 400, 409]).toContain(result.status);
        }
      }
    }
    const actions = await prisma.auditEntry.findMany({ where: { meetingId: fixture.meeting.id }, select: { action: true } });
    expect(actions.map((entry) => entry.action)).toEqual(expect.arrayContaining(["session.create", "session.speakers", "track.create", "room.create", "speaker.create", "team.invite", "mail.resend"]));
  });

  it("puts a failed message back on the queue once, from the Mail page", async () => {
    const meeting = fixture.meeting.slug;
    // The matrix above sent it again as the organizer: it waits on the queue with a job of its own.
    const row = await prisma.outgoingMail.findUniqueOrThrow({ where: { id: failedMailId }, select: { status: true, failedAt: true } });
    expect(row).toEqual({ status: "QUEUED", failedAt: null });
    const jobs = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'mailId' = ${failedMailId}`;
    expect(Number(jobs[0]!.n)).toBe(1);
    // Again: refused, nothing queued twice; an unknown or another meeting's message is a 404.
    const again = await call(mail.action as Handler, `/organize/${meeting}/mail`, { meeting }, cookies.organizer, "POST", new URLSearchParams({ mailId: failedMailId }));
    expect(again.status).toBe(409);
    const unknown = await call(mail.action as Handler, `/organize/${meeting}/mail`, { meeting }, cookies.organizer, "POST", new URLSearchParams({ mailId: "nope" }));
    expect(unknown.status).toBe(404);
    const page = (await (mail.loader as Handler)({ request: new Request(`http://localhost/organize/${meeting}/mail`, { headers: { Cookie: cookies.organizer! } }), params: { meeting }, context: {} })) as Awaited<ReturnType<typeof mail.loader>>;
    expect(page.queued.map((message) => message.to)).toContain("lost@example.test");
    expect(page.failed.map((message) => message.to)).not.toContain("lost@example.test");
  });

  it("lists the meetings a person organizes at /organize, and refuses people who organize none", async () => {
    expect((await call(consoleIndex.loader as Handler, "/organize", {}, cookies.organizer)).status).toBe(200);
    expect((await call(consoleIndex.loader as Handler, "/organize", {}, cookies.attendee)).status).toBe(403);
    expect((await call(consoleIndex.loader as Handler, "/organize", {}, null)).status).toBe(302);
  });

  it("answers a missing form body with 400, not 500", async () => {
    const meeting = fixture.meeting.slug;
    const request = new Request(`http://localhost/organize/${meeting}/tracks`, { method: "POST", headers: { Cookie: cookies.organizer!, "Content-Type": "application/json" }, body: "{" });
    expect((await statusOf(() => (tracks.action as Handler)({ request, params: { meeting }, context: {} }))).status).toBe(400);
  });
});

describe("the console's session list", () => {
  it("shows each accredited session's CME credit, and SA-CME, as the draft has them", async () => {
    const own = await createProgramFixture();
    const person = await createPerson("organizer", { roles: [{ meetingId: own.meeting.id, role: "ORGANIZER" }] });
    await prisma.session.update({ where: { id: own.sessions.embolization.id }, data: { cmeAccredited: true, creditQuarters: 6, saCme: true } });
    const request = new Request(`http://localhost/organize/${own.meeting.slug}/sessions?day=all`, { headers: { Cookie: await cookieFor(person.id) } });
    const listed = (await sessions.loader({ request, params: { meeting: own.meeting.slug }, context: {} })) as { sessions: { slug: string; cme: string | null }[] };
    const cmeOf = Object.fromEntries(listed.sessions.map((row) => [row.slug, row.cme]));
    expect(cmeOf[own.sessions.embolization.slug]).toBe("CME 1.50, SA-CME");
    expect(Object.values(cmeOf).filter((cme) => cme !== null)).toHaveLength(1);
  });
});

describe("public changelog, feed and conference-app exports", () => {
  it("shows a published move on the changelog, in the Atom feed, and as a new ETag of schedule.json", async () => {
    const fresh = await createProgramFixture();
    const meeting = fresh.meeting.slug;
    const lead = await createPerson("lead", { roles: [{ meetingId: fresh.meeting.id, role: "ORGANIZER" }] });
    const follower = await createPerson("follower");
    await prisma.scheduleItem.create({ data: { userId: follower.id, sessionId: fresh.sessions.dotter.id } });

    const jsonBefore = (await scheduleJson.loader({ request: new Request(`http://localhost/meetings/${meeting}/schedule.json`), params: { meeting }, context: {} })) as Response;
    const etag = jsonBefore.headers.get("ETag")!;
    const notModified = (await scheduleJson.loader({ request: new Request("http://localhost/", { headers: { "If-None-Match": etag } }), params: { meeting }, context: {} })) as Response;
    expect(notModified.status).toBe(304);

    const draft = await getDraft(fresh.meeting.id);
    const dotter = draft.document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
    const { speakers: _speakers, ...fields } = dotter;
    await saveDraftSession(fresh.meeting.id, lead, {
      original: { slug: dotter.slug, revision: revisionOf(dotter) },
      session: { ...fields, startsAt: "2023-03-06T18:00:00.000Z", endsAt: "2023-03-06T19:00:00.000Z" },
    });
    const form = new URLSearchParams({ intent: "publish", draftVersion: String((await getDraft(fresh.meeting.id)).version), confirmClashes: "on", note: "Dotter moves to 11" });
    const published = await call(publish.action as Handler, `/organize/${meeting}/publish`, { meeting }, await cookieFor(lead.id), "POST", form);
    expect(published.status).toBe(302);
    expect(published.location).toMatch(/published=1/);

    const page = (await changelog.loader({ request: new Request(`http://localhost/meetings/${meeting}/changelog`, { headers: { Cookie: await cookieFor(follower.id) } }), params: { meeting }, context: {} })) as Awaited<ReturnType<typeof changelog.loader>>;
    expect(page.releases).toHaveLength(1);
    expect(page.releases[0]).toMatchObject({ number: 1, note: "Dotter moves to 11" });
    expect(page.releases[0]!.sessions).toEqual([expect.objectContaining({ type: "moved", text: "Moved from Mon, Mar 6, 9:00–10:00 AM MST to Mon, Mar 6, 11:00 AM – 12:00 PM MST" })]);
    expect(page.notices).toEqual([expect.objectContaining({ session: "dotter-lecture", unread: true, release: 1 })]);
    const anonymous = (await changelog.loader({ request: new Request(`http://localhost/meetings/${meeting}/changelog`), params: { meeting }, context: {} })) as Awaited<ReturnType<typeof changelog.loader>>;
    expect(anonymous.notices).toEqual([]);

    const feed = (await atom.loader({ request: new Request("http://localhost/"), params: { meeting }, context: {} })) as Response;
    expect(feed.headers.get("Content-Type")).toContain("application/atom+xml");
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(await feed.text());
    expect(parsed.feed.title).toContain("program changes");
    expect(parsed.feed.entry.title).toBe("Release 1 (1 change)");
    expect(parsed.feed.entry.content["#text"]).toContain("Dr. Charles T. Dotter Lecture: Moved from");

    const jsonAfter = (await scheduleJson.loader({ request: new Request("http://localhost/", { headers: { "If-None-Match": etag } }), params: { meeting }, context: {} })) as Response;
    expect(jsonAfter.status).toBe(200);
    expect(jsonAfter.headers.get("ETag")).not.toBe(etag);
    const xml = (await scheduleXml.loader({ request: new Request("http://localhost/"), params: { meeting }, context: {} })) as Response;
    expect(await xml.text()).toContain("<start>11:00</start>");
  });

  it("is a 404 for an unknown meeting", async () => {
    expect((await statusOf(() => scheduleJson.loader({ request: new Request("http://localhost/"), params: { meeting: "nope" }, context: {} }))).status).toBe(404);
    expect((await statusOf(() => atom.loader({ request: new Request("http://localhost/"), params: { meeting: "nope" }, context: {} }))).status).toBe(404);
  });
});

describe("team invitations", () => {
  it("lets only the invited address accept, once, and grants the role", async () => {
    const meeting = { id: fixture.meeting.id, slug: fixture.meeting.slug, name: fixture.meeting.name };
    const invitee = await createPerson("invitee");
    const stranger = await createPerson("stranger");
    const sent = await inviteToTeam(meeting, organizer, { email: invitee.email.toUpperCase(), role: "ORGANIZER" });
    if (!sent.ok) throw new Error(sent.message);
    const token = sent.token;
    const params = { token };

    const signedOut = await statusOf(() => (invitation.loader as Handler)({ request: new Request(`http://localhost/invitations/${token}`), params, context: {} }));
    expect(signedOut.status).toBe(200);
    const wrongPerson = await call(invitation.action as Handler, `/invitations/${token}`, params, await cookieFor(stranger.id), "POST", new URLSearchParams());
    expect(wrongPerson.status).toBe(400);
    const accepted = await call(invitation.action as Handler, `/invitations/${token}`, params, await cookieFor(invitee.id), "POST", new URLSearchParams());
    expect(accepted).toEqual({ status: 302, location: `/organize/${fixture.meeting.slug}` });
    expect(await prisma.meetingRole.count({ where: { userId: invitee.id, meetingId: fixture.meeting.id, role: "ORGANIZER" } })).toBe(1);
    const again = await call(invitation.action as Handler, `/invitations/${token}`, params, await cookieFor(invitee.id), "POST", new URLSearchParams());
    expect(again.status).toBe(409);
    const used = await statusOf(() => (invitation.loader as Handler)({ request: new Request(`http://localhost/invitations/${token}`), params, context: {} }));
    expect(used.status).toBe(410);
  });

  it("expires after a week", async () => {
    const meeting = { id: fixture.meeting.id, slug: fixture.meeting.slug, name: fixture.meeting.name };
    const invitee = await createPerson("late-invitee");
    const sent = await inviteToTeam(meeting, organizer, { email: invitee.email, role: "MODERATOR" }, new Date(Date.now() - 8 * 24 * 3_600_000));
    if (!sent.ok) throw new Error(sent.message);
    const late = await call(invitation.action as Handler, `/invitations/${sent.token}`, { token: sent.token }, await cookieFor(invitee.id), "POST", new URLSearchParams());
    expect(late.status).toBe(409);
    expect(await prisma.meetingRole.count({ where: { userId: invitee.id } })).toBe(0);
  });
});
