// The organizer's poster boards page through its route: organizers only, hours
// entered in the meeting's zone (Phoenix, UTC-7) stored as UTC, hours that end
// first refused with a 400, and the boards numbered by topic in one go.
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { makeAbstract, makeCall } from "~/models/abstracts/call.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import * as page from "./abstracts.posters";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

let meeting: { id: string; slug: string };
let organizer: string;
let attendee: string;
let posterId: string;

beforeAll(async () => {
  const made = await makeCall();
  meeting = made.meeting;
  organizer = await cookieFor((await createPerson("organizer", { roles: [{ meetingId: meeting.id, role: "ORGANIZER" }] })).id);
  attendee = await cookieFor((await createPerson("attendee", { roles: [{ meetingId: meeting.id, role: "ATTENDEE" }] })).id);
  posterId = (await makeAbstract(made.call.id, { decision: "POSTER", notified: true, topicId: made.call.topics[1]!.id })).id;
});

const path = () => href.organize.posters(meeting.slug);
const load = (cookie?: string) => (page.loader as unknown as Handler)({ request: new Request(`http://localhost${path()}`, { headers: cookie ? { Cookie: cookie } : {} }), params: { meeting: meeting.slug }, context: {} });
const send = (fields: Record<string, string>, cookie = organizer) =>
  (page.action as unknown as Handler)({ request: new Request(`http://localhost${path()}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } }), params: { meeting: meeting.slug }, context: {} }) as Promise<{ data: { ok: boolean; message: string }; init: { status?: number } | null }>;

describe("the poster boards page", () => {
  it("is for organizers only", async () => {
    await expect(load(attendee)).rejects.toMatchObject({ status: 403 });
    await expect(send({ intent: "number-boards" }, attendee)).rejects.toMatchObject({ status: 403 });
  });

  it("saves a board and the presenter's hours in the meeting's zone, and refuses hours that end first", async () => {
    const saved = await send({ intent: "place", abstractId: posterId, board: "Screen 4", day: "2027-03-21", start: "10:00", end: "11:30" });
    expect(saved.data).toMatchObject({ ok: true });
    expect(await prisma.poster.findUnique({ where: { abstractId: posterId }, select: { board: true, presenterStartsAt: true, presenterEndsAt: true } })).toEqual({
      board: "Screen 4",
      presenterStartsAt: new Date("2027-03-21T17:00:00Z"),
      presenterEndsAt: new Date("2027-03-21T18:30:00Z"),
    });
    const refused = await send({ intent: "place", abstractId: posterId, board: "X", day: "2027-03-21", start: "11:00", end: "10:00" });
    expect(refused.init?.status).toBe(400);
    expect(refused.data.message).toContain("end after");
    const half = await send({ intent: "place", abstractId: posterId, day: "2027-03-21" });
    expect(half.init?.status).toBe(400);
    expect((await prisma.poster.findUnique({ where: { abstractId: posterId }, select: { board: true } }))?.board).toBe("Screen 4");

    const loaded = (await load(organizer)) as { posters: { board: string; day: string; start: string; end: string; hasFile: boolean }[] };
    expect(loaded.posters).toEqual([expect.objectContaining({ board: "Screen 4", day: "2027-03-21", start: "10:00", end: "11:30", hasFile: false })]);
  });

  it("numbers the boards by topic", async () => {
    const reply = await send({ intent: "number-boards" });
    expect(reply.data).toMatchObject({ ok: true, message: "1 board numbered by topic." });
    expect((await prisma.poster.findUnique({ where: { abstractId: posterId }, select: { board: true } }))?.board).toBe("P-101");
  });
});
