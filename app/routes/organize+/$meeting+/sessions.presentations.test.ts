// The console's session page edits the session's presentations through plain
// POSTs (no JavaScript): add, edit, move and remove, times entered in the
// meeting's zone on the session's day; refusals come back as a 400 with the
// reason and leave the draft as it was; only organizers may do it.
import { beforeEach, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { getDraft } from "~/models/program/draft.server";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { prisma } from "~/utils/db.server";
import { loader as clashesLoader } from "./clashes";
import { action, loader } from "./sessions.$session";

let fixture: ProgramFixture;
let organizerCookie: string;
let attendeeCookie: string;

beforeEach(async () => {
  fixture = await createProgramFixture();
  const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  const attendee = await createPerson("attendee");
  organizerCookie = await cookieFor(organizer.id);
  attendeeCookie = await cookieFor(attendee.id);
});

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const params = () => ({ meeting: fixture.meeting.slug, session: "dotter-lecture" });
const path = () => `/organize/${fixture.meeting.slug}/sessions/dotter-lecture`;

/** The action's answer as status and body: `data()` carries its own status, a plain object is a 200. */
async function post(form: Record<string, string>, cookie = organizerCookie) {
  const request = new Request(`http://localhost${path()}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form) });
  try {
    const result = (await (action as Handler)({ request, params: params(), context: {} })) as { init?: { status?: number }; data?: unknown } & Record<string, unknown>;
    if (result && typeof result === "object" && "init" in result && "data" in result) return { status: result.init?.status ?? 200, body: result.data as { ok: boolean; message: string } };
    return { status: 200, body: result as unknown as { ok: boolean; message: string } };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: { ok: false, message: await error.text() } };
    throw error;
  }
}
const talks = async () => (await getDraft(fixture.meeting.id)).document.sessions.find((session) => session.slug === "dotter-lecture")!.presentations;

describe("the session page's presentation editor", () => {
  it("adds, edits, moves and removes talks, with times in the meeting's zone", async () => {
    // The Dotter lecture runs 9:00–10:00 AM in Phoenix.
    expect(await post({ intent: "add-presentation", title: "Closing the loop", speaker: "johannes-lammer", start: "09:00", minutes: "20", abstract: "" })).toMatchObject({ status: 200, body: { ok: true } });
    expect((await post({ intent: "add-presentation", title: "Invited talk", speaker: "", start: "09:20", minutes: "10" })).status).toBe(200);
    expect((await talks()).map((talk) => [talk.title, talk.startsAt, talk.endsAt, talk.speaker])).toEqual([
      ["Closing the loop", "2023-03-06T16:00:00.000Z", "2023-03-06T16:20:00.000Z", "johannes-lammer"],
      ["Invited talk", "2023-03-06T16:20:00.000Z", "2023-03-06T16:30:00.000Z", null],
    ]);
    const [first, second] = await talks();
    expect((await post({ intent: "edit-presentation", presentation: second!.slug, title: "Invited: the future", speaker: "ho-young-song", start: "09:30", minutes: "15" })).status).toBe(200);
    expect((await post({ intent: "move-presentation", presentation: first!.slug, direction: "down" })).status).toBe(200);
    expect((await talks()).map((talk) => [talk.title, talk.startsAt, talk.endsAt])).toEqual([
      ["Invited: the future", "2023-03-06T16:00:00.000Z", "2023-03-06T16:15:00.000Z"],
      ["Closing the loop", "2023-03-06T16:15:00.000Z", "2023-03-06T16:35:00.000Z"],
    ]);

    const page = (await (loader as Handler)({ request: new Request(`http://localhost${path()}`, { headers: { Cookie: organizerCookie } }), params: params(), context: {} })) as Awaited<ReturnType<typeof loader>>;
    expect(page.talks.presentations.map((talk) => [talk.time, talk.title, talk.presenter, talk.minutes])).toEqual([
      ["9:00–9:15 AM", "Invited: the future", "Ho-Young Song", 15],
      ["9:15–9:35 AM", "Closing the loop", "Johannes Lammer", 20],
    ]);
    expect(page.talks.nextStart).toBe("09:35");

    expect((await post({ intent: "remove-presentation", presentation: first!.slug })).status).toBe(200);
    expect((await talks()).map((talk) => talk.title)).toEqual(["Invited: the future"]);
  });

  it("refuses with a 400 and a reason: outside the session, overlapping, a bad time, a missing title; 404 for a gone talk; 403 for a non-organizer", async () => {
    await post({ intent: "add-presentation", title: "Closing the loop", start: "09:00", minutes: "20" });
    const before = await talks();
    const outside = await post({ intent: "add-presentation", title: "Too late", start: "09:55", minutes: "10" });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toMatch(/outside the times of its session/);
    const overlap = await post({ intent: "add-presentation", title: "Squeezed", start: "09:10", minutes: "10" });
    expect(overlap.status).toBe(400);
    expect(overlap.body.message).toMatch(/overlap/);
    const badTime = await post({ intent: "add-presentation", title: "Odd", start: "9 o'clock", minutes: "10" });
    expect(badTime.status).toBe(400);
    expect(badTime.body.message).toMatch(/hours and minutes/);
    expect((await post({ intent: "add-presentation", start: "09:30", minutes: "10" })).body.message).toMatch(/title/);
    expect((await post({ intent: "remove-presentation", presentation: "gone" })).status).toBe(404);
    expect((await post({ intent: "add-presentation", title: "Sneaky", start: "09:30", minutes: "10" }, attendeeCookie)).status).toBe(403);
    expect(await talks()).toEqual(before);
  });
});

describe("the Clashes page", () => {
  it("lists a session whose presentation no longer fits, as written straight into the draft", async () => {
    await post({ intent: "add-presentation", title: "Closing the loop", start: "09:00", minutes: "20" });
    const draft = await getDraft(fixture.meeting.id);
    const document = structuredClone(draft.document);
    document.sessions.find((session) => session.slug === "dotter-lecture")!.presentations[0]!.endsAt = "2023-03-06T17:30:00.000Z";
    await prisma.agendaDraft.update({ where: { meetingId: fixture.meeting.id }, data: { document }, select: { id: true } });
    const request = new Request(`http://localhost/organize/${fixture.meeting.slug}/clashes`, { headers: { Cookie: organizerCookie } });
    const page = (await (clashesLoader as Handler)({ request, params: { meeting: fixture.meeting.slug }, context: {} })) as Awaited<ReturnType<typeof clashesLoader>>;
    expect(page.talks).toEqual([
      { text: "The presentation “Closing the loop” lies outside the times of its session “Dr. Charles T. Dotter Lecture”.", session: expect.objectContaining({ slug: "dotter-lecture" }) },
    ]);
  });
});
