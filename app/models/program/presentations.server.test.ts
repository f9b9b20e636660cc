// Presentations from the draft to the published program: the console's editor
// refuses talks that do not fit; publishing writes Presentation rows (speaker
// and abstract resolved), a second publish updates and deletes them in place;
// a draft with a talk outside its session or citing an unknown abstract
// publishes nothing; moving a session takes its talks along; the changelog
// says what happened to each talk.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeAbstract } from "../abstracts/call.fixture";
import { createPerson } from "../accounts/people.fixture";
import { describeChange } from "./changes";
import { getDraft, revisionOf, saveDraftSession } from "./draft.server";
import { editDraftSessionPresentations, type PresentationFields } from "./presentation-draft.server";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";
import { publishAgenda } from "./publish.server";
import { listProgramNotices, queueDueProgramDigests } from "./notices.server";
import { mailTo } from "../../../tests/mail-queue";

let fixture: ProgramFixture;
let organizer: Awaited<ReturnType<typeof createPerson>>;
let abstract: { id: string; number: number | null; title: string };

// The Dotter lecture runs Mon Mar 6, 9:00–10:00 AM in Phoenix (16:00–17:00 UTC).
const at = (time: string) => new Date(`2023-03-06T${time}:00.000Z`);
const talk = (fields: Partial<PresentationFields>): PresentationFields => ({ title: "A talk", speaker: null, startsAt: at("16:00"), minutes: 10, abstract: null, ...fields });
const edit = (change: Parameters<typeof editDraftSessionPresentations>[3], session = "dotter-lecture") =>
  editDraftSessionPresentations(fixture.meeting.id, organizer, session, change);
const publish = () => publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true });
const rows = () =>
  prisma.presentation.findMany({
    where: { session: { meetingId: fixture.meeting.id } },
    select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, speaker: { select: { slug: true } }, abstract: { select: { id: true } } },
    orderBy: { startsAt: "asc" },
  });
const draftTalks = async (session = "dotter-lecture") => (await getDraft(fixture.meeting.id)).document.sessions.find((candidate) => candidate.slug === session)!.presentations;

beforeEach(async () => {
  fixture = await createProgramFixture();
  organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  const call = await prisma.abstractCall.create({ data: { meetingId: fixture.meeting.id, opensAt: at("00:00"), closesAt: at("01:00") }, select: { id: true } });
  abstract = await makeAbstract(call.id, { title: "Prostate artery embolization at five years", decision: "ORAL" });
});

async function addTwo() {
  const first = await edit({ intent: "add-presentation", fields: talk({ title: abstract.title, speaker: "johannes-lammer", minutes: 12, abstract: abstract.number }) });
  const second = await edit({ intent: "add-presentation", fields: talk({ title: "Invited: the next decade", speaker: "ho-young-song", startsAt: at("16:12"), minutes: 15 }) });
  expect(first.ok && second.ok).toBe(true);
}

describe("publishing presentations", () => {
  it("gives a presenter without an address the presenting author's, for the disclosure request, and keeps one already set", async () => {
    const call = await prisma.abstractCall.findFirstOrThrow({ where: { meetingId: fixture.meeting.id }, select: { id: true } });
    const mailed = await makeAbstract(call.id, { title: "Genicular artery embolization", decision: "ORAL", authors: [{ name: "Ana Ruiz", institution: "Hospital Clínic", email: "ana.ruiz@example.org", presenting: true }] });
    await prisma.speaker.updateMany({ where: { meetingId: fixture.meeting.id, slug: { in: ["johannes-lammer", "ho-young-song"] } }, data: { email: null } });
    await prisma.speaker.updateMany({ where: { meetingId: fixture.meeting.id, slug: "ho-young-song" }, data: { email: "song@example.org" } });
    expect((await edit({ intent: "add-presentation", fields: talk({ title: mailed.title, speaker: "johannes-lammer", minutes: 10, abstract: mailed.number }) })).ok).toBe(true);
    expect((await edit({ intent: "add-presentation", fields: talk({ title: "A second look", speaker: "ho-young-song", startsAt: at("16:10"), minutes: 10, abstract: mailed.number }) })).ok).toBe(true);
    expect((await publish()).ok).toBe(true);
    const emails = await prisma.speaker.findMany({ where: { meetingId: fixture.meeting.id, slug: { in: ["johannes-lammer", "ho-young-song"] } }, select: { slug: true, email: true }, orderBy: { slug: "asc" } });
    expect(emails).toEqual([
      { slug: "ho-young-song", email: "song@example.org" },
      { slug: "johannes-lammer", email: "ana.ruiz@example.org" },
    ]);
  });

  it("writes the rows with presenter and abstract, and a second publish updates in place and deletes what is gone", async () => {
    await addTwo();
    const first = await publish();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const written = await rows();
    expect(written.map((row) => [row.title, row.startsAt.toISOString(), row.endsAt.toISOString(), row.speaker?.slug, row.abstract?.id ?? null])).toEqual([
      [abstract.title, "2023-03-06T16:00:00.000Z", "2023-03-06T16:12:00.000Z", "johannes-lammer", abstract.id],
      ["Invited: the next decade", "2023-03-06T16:12:00.000Z", "2023-03-06T16:27:00.000Z", "ho-young-song", null],
    ]);
    const lines = first.changes.filter((change) => change.type === "presentation").map((change) => describeChange(change, "America/Phoenix"));
    expect(lines).toEqual([`Presentation added: 9:00 AM “${abstract.title}” — Johannes Lammer`, "Presentation added: 9:12 AM “Invited: the next decade” — Ho-Young Song"]);
    // The published program reads back as the draft: nothing left to publish.
    const again = await publish();
    expect(again.ok && again.changes).toEqual([]);

    const [kept, gone] = written;
    expect((await edit({ intent: "remove-presentation", presentation: gone!.slug })).ok).toBe(true);
    expect((await edit({ intent: "edit-presentation", presentation: kept!.slug, fields: talk({ title: "PAE at five years", speaker: "lenny-k-tan", startsAt: at("16:05"), minutes: 10, abstract: abstract.number }) })).ok).toBe(true);
    const second = await publish();
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    const after = await rows();
    expect(after.map((row) => [row.id, row.title, row.startsAt.toISOString(), row.speaker?.slug])).toEqual([[kept!.id, "PAE at five years", "2023-03-06T16:05:00.000Z", "lenny-k-tan"]]);
    expect(second.changes.map((change) => describeChange(change, "America/Phoenix"))).toEqual([
      `Presentation changed: 9:00–9:12 AM “${abstract.title}” — Johannes Lammer → 9:05–9:15 AM “PAE at five years” — Lenny K. Tan`,
      "Presentation removed: 9:12 AM “Invited: the next decade” — Ho-Young Song",
    ]);
  });

  it("refuses a draft whose presentation lies outside its session, overlaps, or cites an abstract the call does not have, and writes nothing", async () => {
    await addTwo();
    const draft = await getDraft(fixture.meeting.id);
    const bad = (change: (talks: ReturnType<typeof structuredClone<typeof draft.document>>["sessions"][number]["presentations"]) => void) => {
      const document = structuredClone(draft.document);
      change(document.sessions.find((session) => session.slug === "dotter-lecture")!.presentations);
      return prisma.agendaDraft.update({ where: { meetingId: fixture.meeting.id }, data: { document }, select: { id: true } });
    };
    // What another part (placing accepted orals) might write straight into the draft.
    await bad((talks) => (talks[1]!.endsAt = "2023-03-06T17:30:00.000Z"));
    const outside = await publish();
    expect(outside.ok || outside.message).toMatch(/“Invited: the next decade” lies outside the times of its session/);
    await bad((talks) => (talks[1]!.startsAt = "2023-03-06T16:10:00.000Z"));
    expect(((await publish()) as { message: string }).message).toMatch(/overlap/);
    await bad((talks) => (talks[0]!.abstract = 999));
    expect(((await publish()) as { message: string }).message).toMatch(/cites abstract 999/);
    await bad((talks) => (talks[0]!.speaker = "nobody-here"));
    expect(((await publish()) as { message: string }).message).toMatch(/presenter who is not in the draft: nobody-here/);
    expect(await rows()).toEqual([]);
    expect(await prisma.agendaRelease.count({ where: { meetingId: fixture.meeting.id } })).toBe(0);
  });
});

describe("editing a session's presentations", () => {
  it("refuses a talk outside the session, overlapping another, or by someone not in the draft, and changes nothing", async () => {
    await addTwo();
    const before = await draftTalks();
    const outside = await edit({ intent: "add-presentation", fields: talk({ startsAt: at("16:55"), minutes: 10 }) });
    expect(outside).toMatchObject({ ok: false, code: "INVALID", field: "start" });
    expect(!outside.ok && outside.message).toMatch(/outside the times of its session/);
    const overlapping = await edit({ intent: "add-presentation", fields: talk({ startsAt: at("16:20"), minutes: 10 }) });
    expect(!overlapping.ok && overlapping.message).toMatch(/overlap/);
    const stranger = await edit({ intent: "add-presentation", fields: talk({ speaker: "nobody-here", startsAt: at("16:40") }) });
    expect(stranger).toMatchObject({ ok: false, field: "speaker" });
    const gone = await edit({ intent: "remove-presentation", presentation: "no-such-talk" });
    expect(gone).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const uncited = await edit({ intent: "add-presentation", fields: talk({ startsAt: at("16:40"), abstract: 999 }) });
    expect(uncited).toMatchObject({ ok: false, code: "INVALID", field: "abstract", message: "The meeting's call has no abstract 999." });
    const missing = await edit({ intent: "add-presentation", fields: talk({}) }, "no-such-session");
    expect(missing).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await draftTalks()).toEqual(before);
  });

  it("moves a talk down and restacks the talks back to back from the first start, each keeping its length", async () => {
    await addTwo();
    const [first] = await draftTalks();
    expect((await edit({ intent: "move-presentation", presentation: first!.slug, direction: "down" })).ok).toBe(true);
    expect((await draftTalks()).map((entry) => [entry.title, entry.startsAt, entry.endsAt])).toEqual([
      ["Invited: the next decade", "2023-03-06T16:00:00.000Z", "2023-03-06T16:15:00.000Z"],
      [abstract.title, "2023-03-06T16:15:00.000Z", "2023-03-06T16:27:00.000Z"],
    ]);
    expect(await edit({ intent: "move-presentation", presentation: first!.slug, direction: "down" })).toMatchObject({ ok: false, code: "INVALID" });
    const audit = await prisma.auditEntry.findFirst({ where: { meetingId: fixture.meeting.id, action: "session.presentations" }, orderBy: { createdAt: "desc" }, select: { summary: true } });
    expect(audit?.summary).toContain("Moved the presentation");
  });

  it("moving the session takes its talks along; the changelog says only that the session moved", async () => {
    await addTwo();
    expect((await publish()).ok).toBe(true);
    const session = (await getDraft(fixture.meeting.id)).document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
    const { speakers: _speakers, presentations: _talks, ...fields } = session;
    const saved = await saveDraftSession(fixture.meeting.id, organizer, {
      original: { slug: session.slug, revision: revisionOf(session) },
      session: { ...fields, startsAt: "2023-03-06T18:00:00.000Z", endsAt: "2023-03-06T19:00:00.000Z" },
    });
    expect(saved.ok).toBe(true);
    expect((await draftTalks()).map((entry) => [entry.startsAt, entry.endsAt])).toEqual([
      ["2023-03-06T18:00:00.000Z", "2023-03-06T18:12:00.000Z"],
      ["2023-03-06T18:12:00.000Z", "2023-03-06T18:27:00.000Z"],
    ]);
    const moved = await publish();
    expect(moved.ok && moved.changes.map((change) => change.type)).toEqual(["moved"]);
    expect((await rows()).map((row) => row.startsAt.toISOString())).toEqual(["2023-03-06T18:00:00.000Z", "2023-03-06T18:12:00.000Z"]);

    // Shortened below its talks: refused, with the reason.
    const current = (await getDraft(fixture.meeting.id)).document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
    const { speakers: _s, presentations: _p, ...now } = current;
    const short = await saveDraftSession(fixture.meeting.id, organizer, {
      original: { slug: current.slug, revision: revisionOf(current) },
      session: { ...now, endsAt: "2023-03-06T18:20:00.000Z" },
    });
    expect(short).toMatchObject({ ok: false, code: "INVALID", field: "end" });
  });
});

describe("telling followers", () => {
  it("e-mails whoever has the session in their schedule what happened to its talks, old → new", async () => {
    const follower = await createPerson("follower");
    await prisma.scheduleItem.create({ data: { userId: follower.id, sessionId: fixture.sessions.dotter.id }, select: { id: true } });
    const t0 = new Date("2031-01-10T12:00:00Z");
    await addTwo();
    expect((await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true, now: t0 })).ok).toBe(true);
    const notices = await listProgramNotices(follower.id, fixture.meeting.id);
    expect(notices.map((notice) => [notice.sessionSlug, notice.changes.map((change) => change.type)])).toEqual([["dotter-lecture", ["presentation", "presentation"]]]);
    await queueDueProgramDigests(new Date(t0.getTime() + 60 * 60_000), { windowMs: 10 * 60_000 });
    const [mail] = await mailTo(follower.email);
    expect(mail?.text).toContain(`Dr. Charles T. Dotter Lecture\n  - Presentation added: 9:00 AM “${abstract.title}” — Johannes Lammer\n  - Presentation added: 9:12 AM “Invited: the next decade” — Ho-Young Song\n`);
  });
});
