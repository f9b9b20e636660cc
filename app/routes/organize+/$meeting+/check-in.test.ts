// Door check-in's routes as Remix calls them. Door staff (CHECK_IN) open the
// console's frame (without its navigation) and the check-in page, and every
// other console page — found by globbing this folder, so a page added later is
// covered — refuses them with 403. Others are refused the check-in page; the
// page and the scanner's endpoint record scans, once per scanId.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, cookieFor } from "~/models/accounts/people.fixture";
import { makeRegistration } from "~/models/cme/check-in.fixture";
import { inviteToTeam } from "~/models/meetings/team.server";
import { checkInToken } from "~/models/registration/registration.server";
import { prisma } from "~/utils/db.server";
import { routeOutcome } from "../../../../tests/route-outcome";
import * as invitationPage from "../../_accounts+/invitations.$token";
import * as organizeIndex from "../_index";
import * as layout from "./_layout";
import * as checkIn from "./check-in";
import * as scans from "./check-in_.scans";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
type RouteModule = { loader?: Handler; action?: Handler };

const consolePages = import.meta.glob<RouteModule>(["./*.{ts,tsx}", "!./*.test.ts", "!./_layout.tsx", "!./check-in.tsx", "!./check-in_.scans.ts"], { eager: true });

let meetingId: string;
const slug = "sir-2023";
const params = { meeting: slug, session: "no-such-session", speaker: "no-such-speaker", registration: "no-such-registration" };
let cookies: Record<"door" | "attendee" | "moderator" | "otherOrganizer" | "organizer", string>;
let door: { id: string };

beforeAll(async () => {
  meetingId = (await prisma.meeting.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  const sio = (await prisma.meeting.findUniqueOrThrow({ where: { slug: "sio-2023" }, select: { id: true } })).id;
  door = await createPerson("door", { roles: [{ meetingId, role: "CHECK_IN" }] });
  const organizer = await createPerson("organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
  cookies = {
    door: await cookieFor(door.id),
    attendee: await cookieFor((await createPerson("attendee", { roles: [{ meetingId, role: "ATTENDEE" }] })).id),
    moderator: await cookieFor((await createPerson("moderator", { roles: [{ meetingId, role: "MODERATOR" }] })).id),
    otherOrganizer: await cookieFor((await createPerson("elsewhere", { roles: [{ meetingId: sio, role: "ORGANIZER" }, { meetingId: sio, role: "CHECK_IN" }] })).id),
    organizer: await cookieFor(organizer.id),
  };
});

afterAll(() => prisma.$disconnect());

// The scanner's endpoint answers with JSON Responses: their body is read too.
async function statusOf(run: () => unknown): Promise<{ status: number; body: unknown }> {
  const { status, body, response } = await routeOutcome(run);
  return { status, body: response?.headers.get("Content-Type")?.includes("json") ? await response.json() : body };
}

function call(handler: Handler, path: string, cookie: string | null, form?: Record<string, string>) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const request = new Request(`http://localhost/organize/${slug}${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined });
  return statusOf(() => handler({ request, params, context: {} }));
}

const scanForm = (overrides: Record<string, string>) => ({ door: "entrance", direction: "IN", scanId: `scan${Math.random().toString(36).slice(2, 14)}`, ...overrides });

describe("door staff (CHECK_IN)", () => {
  it("are refused every console page but check-in with 403, loaders and actions alike", async () => {
    const names = Object.keys(consolePages);
    expect(names.length).toBeGreaterThan(15);
    for (const [name, module] of Object.entries(consolePages)) {
      for (const [kind, handler, form] of [["loader", module.loader, undefined], ["action", module.action, { intent: "probe" }]] as const) {
        if (!handler) continue;
        const { status } = await call(handler, "", cookies.door, form);
        expect({ name, kind, status }).toEqual({ name, kind, status: 403 });
      }
    }
  });

  it("open the console's frame without its navigation, and the check-in page", async () => {
    expect(await call(layout.loader as Handler, "", cookies.door)).toMatchObject({ status: 200, body: { counts: null } });
    expect(await call(layout.loader as Handler, "", cookies.organizer)).toMatchObject({ status: 200, body: { counts: { clashes: expect.any(Number) } } });
    expect((await call(checkIn.loader as Handler, "/check-in", cookies.door)).status).toBe(200);
    // /organize leads them straight to the door.
    const index = await call(organizeIndex.loader as Handler, "", cookies.door);
    expect(index.body).toMatchObject({ meetings: [expect.objectContaining({ slug, doorOnly: true })] });
  });
});

describe("the check-in page and the scanner's endpoint", () => {
  it("refuse everyone but door staff and organizers of this meeting", async () => {
    const guest = await makeRegistration();
    for (const who of ["attendee", "moderator", "otherOrganizer"] as const) {
      expect((await call(checkIn.loader as Handler, "/check-in", cookies[who])).status).toBe(403);
      expect((await call(checkIn.action as Handler, "/check-in", cookies[who], scanForm({ registrationId: guest.id }))).status).toBe(403);
      expect((await call(scans.action as Handler, "/check-in/scans", cookies[who], scanForm({ token: checkInToken(guest.code) }))).status).toBe(403);
    }
    expect((await call(checkIn.loader as Handler, "/check-in", null)).status).toBe(302);
    expect(await prisma.checkIn.count({ where: { registrationId: guest.id } })).toBe(0);
  });

  it("record a QR scan and a check-in by name once per scanId, and refuse a forged QR with nothing recorded", async () => {
    const guest = await makeRegistration({ name: "Nora Scanwell" });
    const scanned = await call(scans.action as Handler, "/check-in/scans", cookies.door, scanForm({ token: checkInToken(guest.code), scannedAt: new Date().toISOString() }));
    expect(scanned).toMatchObject({ status: 200, body: { scan: { ok: true, result: "RECORDED", name: "Nora Scanwell" } } });
    // The no-JavaScript button: the page's own action, the server's time, and the same form sent twice.
    const byName = scanForm({ registrationId: guest.id, direction: "OUT" });
    expect(await call(checkIn.action as Handler, "/check-in", cookies.organizer, byName)).toMatchObject({ status: 200, body: { scan: { ok: true, result: "RECORDED", direction: "OUT" } } });
    expect(await call(checkIn.action as Handler, "/check-in", cookies.organizer, byName)).toMatchObject({ status: 200, body: { scan: { ok: true } } });
    expect(await prisma.checkIn.count({ where: { registrationId: guest.id } })).toBe(2);

    const forged = await call(scans.action as Handler, "/check-in/scans", cookies.door, scanForm({ token: `${guest.code}.forgedforgedforg` }));
    expect(forged).toMatchObject({ status: 400, body: { scan: { ok: false, message: expect.stringMatching(/forged/) } } });
    // Bad input is a 400 with a sentence, never a 500.
    expect(await call(scans.action as Handler, "/check-in/scans", cookies.door, { door: "entrance", direction: "SIDEWAYS", scanId: "x" })).toMatchObject({ status: 400, body: { scan: { ok: false } } });
    expect(await call(scans.action as Handler, "/check-in/scans", cookies.door, scanForm({ token: checkInToken(guest.code), registrationId: guest.id }))).toMatchObject({ status: 400 });
    expect(await prisma.checkIn.count({ where: { registrationId: guest.id } })).toBe(2);
  });

  it("finds people by name on the page, with a button only for the confirmed", async () => {
    await makeRegistration({ name: "Quill Doorway Confirmed" });
    await makeRegistration({ name: "Quill Doorway Cancelled", status: "CANCELLED" });
    const page = await call(checkIn.loader as Handler, "/check-in?q=quill+doorway&direction=OUT", cookies.door);
    const body = page.body as Awaited<ReturnType<typeof checkIn.loader>>;
    expect(body.direction).toBe("OUT");
    expect(body.people.map((person) => [person.name, person.confirmed, person.state])).toEqual([
      ["Quill Doorway Cancelled", false, "Cancelled"],
      ["Quill Doorway Confirmed", true, "Confirmed"],
    ]);
  });
});

describe("granting the role", () => {
  it("lets an organizer invite check-in staff from the Team page's verbs", async () => {
    const organizer = await createPerson("lead", { roles: [{ meetingId, role: "ORGANIZER" }] });
    const invitee = await createPerson("new-door");
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { id: true, slug: true, name: true } });
    const invited = await inviteToTeam(meeting, organizer, { email: invitee.email, role: "CHECK_IN" });
    if (!invited.ok) throw new Error(invited.message);
    // Accepting by the link leads straight to the door.
    const request = new Request(`http://localhost/invitations/${invited.token}`, { method: "POST", headers: { Cookie: await cookieFor(invitee.id) } });
    const accepted = (await invitationPage.action({ request, params: { token: invited.token }, context: {} })) as Response;
    expect([accepted.status, accepted.headers.get("Location")]).toEqual([302, `/organize/${slug}/check-in`]);
    expect(await prisma.meetingRole.findMany({ where: { meetingId, userId: invitee.id }, select: { role: true } })).toEqual([{ role: "CHECK_IN" }]);
    expect(await inviteToTeam(meeting, organizer, { email: invitee.email, role: "CHECK_IN" })).toMatchObject({ ok: false, message: expect.stringMatching(/already check-in staff/) });
  });
});
