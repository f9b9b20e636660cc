// The call's settings page as an organizer's browser posts it: opening a call
// with the defaults and a topic per track, the dates entered in the meeting's
// zone, topics from tracks, sections and criteria added, moved and removed,
// each change audited; refusals (not an organizer, a deadline before the
// opening, a topic in use) write nothing.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { cookieFor, createOrganizer } from "~/models/accounts/people.fixture";
import { makeAbstract, makeCall, makeUser } from "~/models/abstracts/call.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { settle } from "../../../../tests/route-outcome";
import { action, loader } from "./abstracts.settings";

const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status?: number } }).init?.status ?? 200));
const dataOf = (result: unknown) => (result as { data: { ok: boolean; message: string } }).data;

function post(slug: string, cookie: string, fields: Record<string, string>) {
  const request = new Request(`http://localhost${href.organize.abstractSettings(slug)}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) });
  return settle(() => action({ request, params: { meeting: slug }, context: {} } as ActionFunctionArgs));
}
async function load(slug: string, cookie: string) {
  const request = new Request(`http://localhost${href.organize.abstractSettings(slug)}`, { headers: { Cookie: cookie } });
  return loader({ request, params: { meeting: slug }, context: {} } as LoaderFunctionArgs);
}

const DATES = { intent: "settings", opensOn: "2026-12-01", opensAtTime: "00:00", closesOn: "2027-03-01", closesAtTime: "23:59", lateOpensOn: "", lateOpensAtTime: "", lateClosesOn: "", lateClosesAtTime: "", confirmOn: "", confirmAtTime: "", totalCharacterLimit: "3000", maxAuthors: "8", reviewsPerAbstract: "2", guidelines: "Structured abstracts only." };

describe("/organize/:meeting/abstracts/settings", () => {
  it("opens a call with the defaults and a topic per track, then saves the dates as entered in the meeting's zone", async () => {
    // A meeting without a call: make one with a call and delete the call.
    const { meeting, call } = await makeCall();
    await prisma.abstractCall.delete({ where: { id: call.id }, select: { id: true } });
    const cookie = await cookieFor((await createOrganizer(meeting.id)).id);
    expect((await load(meeting.slug, cookie)).call).toBeNull();
    const opened = await post(meeting.slug, cookie, { intent: "open" });
    expect(statusOf(opened)).toBe(302);
    const page = await load(meeting.slug, cookie);
    expect(page.call?.topics.map((topic) => topic.name)).toEqual(["Interventional Oncology", "Peripheral Vascular Disease"]);
    expect(page.call?.sections.map((section) => section.title)).toEqual(["Purpose", "Materials and Methods", "Results", "Conclusion"]);
    expect(page.call?.criteria.map((criterion) => criterion.percent)).toEqual([25, 30, 25, 20]);
    expect(statusOf(await post(meeting.slug, cookie, { intent: "open" }))).toBe(409);

    const saved = await post(meeting.slug, cookie, DATES);
    expect(dataOf(saved)).toMatchObject({ ok: true });
    const row = await prisma.abstractCall.findUniqueOrThrow({ where: { meetingId: meeting.id }, select: { opensAt: true, closesAt: true, maxAuthors: true, totalCharacterLimit: true, guidelines: true } });
    // Phoenix is UTC-7 all year.
    expect(row).toEqual({ opensAt: new Date("2026-12-01T07:00:00Z"), closesAt: new Date("2027-03-02T06:59:00Z"), maxAuthors: 8, totalCharacterLimit: 3000, guidelines: "Structured abstracts only." });
    expect((await load(meeting.slug, cookie)).call?.dates.closes).toEqual({ day: "2027-03-01", time: "23:59" });
    const actions = (await prisma.auditEntry.findMany({ where: { meetingId: meeting.id }, select: { action: true }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["abstracts.call.opened", "abstracts.call.updated"]);
  });

  it("refuses a deadline before the opening and a half-given late-breaking window, writing nothing", async () => {
    const { meeting, call } = await makeCall();
    const cookie = await cookieFor((await createOrganizer(meeting.id)).id);
    const before = await prisma.abstractCall.findUniqueOrThrow({ where: { id: call.id }, select: { opensAt: true, closesAt: true, updatedAt: true } });
    const backwards = await post(meeting.slug, cookie, { ...DATES, closesOn: "2026-11-01" });
    expect(statusOf(backwards)).toBe(400);
    expect(dataOf(backwards).message).toContain("The deadline must come after the opening.");
    expect(statusOf(await post(meeting.slug, cookie, { ...DATES, lateOpensOn: "2027-03-05", lateOpensAtTime: "00:00" }))).toBe(400);
    expect(statusOf(await post(meeting.slug, cookie, { ...DATES, maxAuthors: "0" }))).toBe(400);
    expect(await prisma.abstractCall.findUniqueOrThrow({ where: { id: call.id }, select: { opensAt: true, closesAt: true, updatedAt: true } })).toEqual(before);
    expect(await prisma.auditEntry.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("is for organizers only", async () => {
    const { meeting } = await makeCall();
    const cookie = await cookieFor((await makeUser()).id);
    expect(statusOf(await settle(() => load(meeting.slug, cookie)))).toBe(403);
    expect(statusOf(await post(meeting.slug, cookie, { intent: "topic", name: "Intruder" }))).toBe(403);
  });

  it("adds, renames, moves and removes topics, sections and criteria; a topic in use stays", async () => {
    const { meeting, call } = await makeCall();
    const cookie = await cookieFor((await createOrganizer(meeting.id)).id);
    expect(dataOf(await post(meeting.slug, cookie, { intent: "topics-from-tracks" })).message).toBe("Every track already has a topic.");
    await post(meeting.slug, cookie, { intent: "topic", name: "Neurointervention" });
    const [first] = call.topics;
    await post(meeting.slug, cookie, { intent: "topic", id: first!.id, name: "Oncology" });
    await makeAbstract(call.id, { topicId: first!.id });
    const inUse = await post(meeting.slug, cookie, { intent: "remove", kind: "topic", id: first!.id });
    expect(statusOf(inUse)).toBe(409);
    await post(meeting.slug, cookie, { intent: "down", kind: "topic", id: first!.id });
    expect((await load(meeting.slug, cookie)).call?.topics.map((topic) => topic.name)).toEqual(["Peripheral Vascular Disease", "Oncology", "Neurointervention"]);

    await post(meeting.slug, cookie, { intent: "section", title: "Disclosures", limit: "50", unit: "WORDS", guidance: "" });
    expect(statusOf(await post(meeting.slug, cookie, { intent: "section", title: "", limit: "50", unit: "WORDS" }))).toBe(400);
    await post(meeting.slug, cookie, { intent: "criterion", name: "Clarity", description: "", weight: "20", maxScore: "5" });
    const page = await load(meeting.slug, cookie);
    expect(page.call?.sections.at(-1)).toMatchObject({ key: "disclosures", title: "Disclosures", limit: 50, unit: "WORDS" });
    expect(page.call?.criteria.map((criterion) => criterion.percent)).toEqual([21, 25, 21, 17, 17]);
    const clarity = page.call!.criteria.at(-1)!;
    await post(meeting.slug, cookie, { intent: "up", kind: "criterion", id: clarity.id });
    expect((await load(meeting.slug, cookie)).call?.criteria.map((criterion) => criterion.key)).toEqual(["originality", "methods", "results", "clarity", "relevance"]);
    // A section is removed only while no abstract is submitted: one is (above).
    expect(statusOf(await post(meeting.slug, cookie, { intent: "remove", kind: "section", id: page.call!.sections.at(-1)!.id }))).toBe(409);
    expect(dataOf(await post(meeting.slug, cookie, { intent: "remove", kind: "criterion", id: clarity.id }))).toMatchObject({ ok: true });
    expect((await load(meeting.slug, cookie)).call?.criteria).toHaveLength(4);
  });
});
