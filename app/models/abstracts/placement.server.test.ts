import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { newDraftSession } from "../program/document";
import { changeDraft, getDraft } from "../program/draft.server";
import { makeAbstract, makeCall, makeUser } from "./call.fixture";
import { decisionBoard, proposeDecision, proposeInBulk } from "./decisions.server";
import { moveOral, placeOral, unplaceOral } from "./placement.server";

/** An abstract session of the draft, 9:00–9:20 (UTC) by default, in Hall A. */
async function addAbstractSession(meetingId: string, actor: { id: string; name: string; email: string }, slug: string, options: { minutes?: number; cancelled?: boolean } = {}) {
  const startsAt = "2027-03-21T16:00:00.000Z";
  const endsAt = new Date(Date.parse(startsAt) + (options.minutes ?? 20) * 60_000).toISOString();
  const result = await changeDraft(meetingId, actor, (document) => {
    document.sessions.push({ ...newDraftSession(slug, `Session ${slug}`), kind: "ABSTRACT_SESSION", startsAt, endsAt, room: "Hall A", status: options.cancelled ? "CANCELLED" : "SCHEDULED" });
    return { ok: true, document, value: undefined, audit: { action: "session.create", summary: "test" } };
  });
  expect(result.ok).toBe(true);
}

async function setup() {
  const { meeting, call } = await makeCall();
  const chair = await makeUser("Chair Person");
  await addAbstractSession(meeting.id, chair, "orals-1");
  return { meeting, call, chair };
}

async function oral(callId: string, meetingId: string, chair: { id: string; name: string; email: string }, author: { name: string; institution: string }) {
  const abstract = await makeAbstract(callId, { authors: [author] });
  expect(await proposeDecision(meetingId, chair, { abstractId: abstract.id, decision: "ORAL" })).toMatchObject({ ok: true });
  return abstract;
}

const sessionOf = async (meetingId: string, slug: string) => (await getDraft(meetingId)).document.sessions.find((session) => session.slug === slug)!;

describe("placing orals in the draft", () => {
  it("lays talks end to end from the session's start, adds the presenter as a speaker, and refuses a full session", async () => {
    const { meeting, call, chair } = await setup();
    const first = await oral(call.id, meeting.id, chair, { name: "Ana Ruiz", institution: "Mayo Clinic" });
    const second = await oral(call.id, meeting.id, chair, { name: "Ben Okafor", institution: "Stanford University" });
    const third = await oral(call.id, meeting.id, chair, { name: "Cy Lee", institution: "Yale" });
    expect(await placeOral(meeting.id, chair, { abstractId: first.id, session: "orals-1", minutes: 8 })).toMatchObject({ ok: true });
    expect(await placeOral(meeting.id, chair, { abstractId: second.id, session: "orals-1", minutes: 8 })).toMatchObject({ ok: true, value: { startsAt: "2027-03-21T16:08:00.000Z" } });
    const full = await placeOral(meeting.id, chair, { abstractId: third.id, session: "orals-1", minutes: 8 });
    expect(full).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!full.ok && full.message).toContain("full");
    const session = await sessionOf(meeting.id, "orals-1");
    expect(session.presentations.map((talk) => [talk.abstract, talk.startsAt, talk.endsAt])).toEqual([
      [first.number, "2027-03-21T16:00:00.000Z", "2027-03-21T16:08:00.000Z"],
      [second.number, "2027-03-21T16:08:00.000Z", "2027-03-21T16:16:00.000Z"],
    ]);
    const draft = await getDraft(meeting.id);
    const ana = draft.document.speakers.find((speaker) => speaker.name === "Ana Ruiz");
    expect(ana).toMatchObject({ affiliation: "Mayo Clinic", bio: "" });
    expect(session.speakers).toContainEqual({ speaker: ana!.slug, role: "SPEAKER", position: 0 });
    expect(await placeOral(meeting.id, chair, { abstractId: first.id, session: "orals-1", minutes: 4 })).toMatchObject({ ok: false, code: "CONFLICT" });
    const audit = await prisma.auditEntry.count({ where: { meetingId: meeting.id, action: "abstract.place" } });
    expect(audit).toBe(2);
  });

  it("reuses a draft speaker with the same name and affiliation", async () => {
    const { meeting, call, chair } = await setup();
    await changeDraft(meeting.id, chair, (document) => {
      document.speakers.push({ slug: "dana-fox", name: "Dana Fox", credentials: "MD", affiliation: "Mayo Clinic", city: null, country: "USA", bio: "Known." });
      return { ok: true, document, value: undefined, audit: { action: "speaker.create", summary: "test" } };
    });
    const abstract = await oral(call.id, meeting.id, chair, { name: "dana fox", institution: "Mayo Clinic" });
    await placeOral(meeting.id, chair, { abstractId: abstract.id, session: "orals-1", minutes: 8 });
    const draft = await getDraft(meeting.id);
    expect(draft.document.speakers.filter((speaker) => speaker.name.toLowerCase() === "dana fox")).toHaveLength(1);
    expect((await sessionOf(meeting.id, "orals-1")).presentations[0]!.speaker).toBe("dana-fox");
  });

  it("unplacing and moving recompute the times; turning a placed oral into a poster takes it out", async () => {
    const { meeting, call, chair } = await setup();
    const first = await oral(call.id, meeting.id, chair, { name: "Eve Adams", institution: "A" });
    const second = await oral(call.id, meeting.id, chair, { name: "Fay Brown", institution: "B" });
    await placeOral(meeting.id, chair, { abstractId: first.id, session: "orals-1", minutes: 5 });
    await placeOral(meeting.id, chair, { abstractId: second.id, session: "orals-1", minutes: 10 });
    expect(await moveOral(meeting.id, chair, second.number!, "up")).toMatchObject({ ok: true });
    let session = await sessionOf(meeting.id, "orals-1");
    expect(session.presentations.map((talk) => [talk.abstract, talk.startsAt])).toEqual([
      [second.number, "2027-03-21T16:00:00.000Z"],
      [first.number, "2027-03-21T16:10:00.000Z"],
    ]);
    expect(await moveOral(meeting.id, chair, second.number!, "up")).toMatchObject({ ok: false, code: "INVALID" });
    expect(await unplaceOral(meeting.id, chair, second.number!)).toMatchObject({ ok: true });
    session = await sessionOf(meeting.id, "orals-1");
    expect(session.presentations.map((talk) => [talk.abstract, talk.startsAt, talk.endsAt])).toEqual([[first.number, "2027-03-21T16:00:00.000Z", "2027-03-21T16:05:00.000Z"]]);
    expect(session.speakers).toHaveLength(1);
    expect((await decisionBoard(meeting.id)).unplaced).toEqual([second.number]);
    // Withdrawn by its authors after it was placed: flagged for the chairs to take out.
    await placeOral(meeting.id, chair, { abstractId: second.id, session: "orals-1", minutes: 5 });
    await prisma.abstract.update({ where: { id: second.id }, data: { status: "WITHDRAWN" }, select: { id: true } });
    expect((await decisionBoard(meeting.id)).stale).toEqual([{ number: second.number, sessionTitle: "Session orals-1" }]);
    expect(await unplaceOral(meeting.id, chair, second.number!)).toMatchObject({ ok: true });
    expect((await decisionBoard(meeting.id)).stale).toEqual([]);
    expect(await proposeDecision(meeting.id, chair, { abstractId: first.id, decision: "POSTER" })).toMatchObject({ ok: true });
    session = await sessionOf(meeting.id, "orals-1");
    expect(session.presentations).toEqual([]);
    expect(session.speakers).toEqual([]);
  });

  it("refuses a cancelled session, a session that is not for abstracts, and an abstract that is not an oral", async () => {
    const { meeting, call, chair } = await setup();
    await addAbstractSession(meeting.id, chair, "gone", { cancelled: true });
    const abstract = await oral(call.id, meeting.id, chair, { name: "Gil Hart", institution: "C" });
    expect(await placeOral(meeting.id, chair, { abstractId: abstract.id, session: "gone", minutes: 8 })).toMatchObject({ ok: false, code: "CONFLICT" });
    const poster = await makeAbstract(call.id, { decision: "POSTER" });
    expect(await placeOral(meeting.id, chair, { abstractId: poster.id, session: "orals-1", minutes: 8 })).toMatchObject({ ok: false, code: "CONFLICT" });
    await changeDraft(meeting.id, chair, (document) => {
      document.sessions.push({ ...newDraftSession("plenary", "Plenary"), startsAt: "2027-03-21T18:00:00.000Z", endsAt: "2027-03-21T19:00:00.000Z" });
      return { ok: true, document, value: undefined, audit: { action: "session.create", summary: "test" } };
    });
    expect(await placeOral(meeting.id, chair, { abstractId: abstract.id, session: "plenary", minutes: 8 })).toMatchObject({ ok: false, code: "INVALID" });
    expect((await sessionOf(meeting.id, "orals-1")).presentations).toEqual([]);
  });
});

describe("proposing decisions", () => {
  it("refuses withdrawn and notified abstracts, and a reject without a reason", async () => {
    const { meeting, call, chair } = await setup();
    const withdrawn = await makeAbstract(call.id, { status: "WITHDRAWN" });
    expect(await proposeDecision(meeting.id, chair, { abstractId: withdrawn.id, decision: "POSTER" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const notified = await makeAbstract(call.id, { decision: "POSTER", notified: true });
    expect(await proposeDecision(meeting.id, chair, { abstractId: notified.id, decision: "ORAL" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const open = await makeAbstract(call.id);
    expect(await proposeDecision(meeting.id, chair, { abstractId: open.id, decision: "REJECT", reason: "  " })).toMatchObject({ ok: false, code: "INVALID", field: "reason" });
    const { meeting: other } = await makeCall();
    expect(await proposeDecision(other.id, chair, { abstractId: open.id, decision: "POSTER" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const rows = await prisma.abstract.findMany({ where: { id: { in: [withdrawn.id, notified.id, open.id] } }, select: { decision: true } });
    expect(rows.map((row) => row.decision).sort()).toEqual(["POSTER", null, null].sort());
  });

  it("in bulk: the top N of a topic, and the undecided below a score", async () => {
    const { meeting, call, chair } = await setup();
    const [topic] = call.topics;
    const reviewer = await prisma.abstractReviewer.create({ data: { callId: call.id, email: `r-${Date.now()}@example.org`, name: "R", institution: "X" }, select: { id: true } });
    const scored = async (score: number, topicId: string | null = topic!.id) => {
      const abstract = await makeAbstract(call.id, { topicId });
      await prisma.reviewAssignment.create({ data: { abstractId: abstract.id, reviewerId: reviewer.id, review: { create: { score, submittedAt: new Date() } } }, select: { id: true } });
      return abstract;
    };
    const best = await scored(90);
    const good = await scored(80);
    const weak = await scored(40);
    const elsewhere = await scored(95, call.topics[1]!.id);
    expect(await proposeInBulk(meeting.id, chair, { kind: "top", topicId: topic!.id, count: 2, decision: "ORAL" })).toEqual({ ok: true, numbers: [best.number, good.number] });
    // A placed oral still counts among the top N, and is left as it is.
    await placeOral(meeting.id, chair, { abstractId: best.id, session: "orals-1", minutes: 8 });
    expect(await proposeInBulk(meeting.id, chair, { kind: "top", topicId: topic!.id, count: 1, decision: "POSTER" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await proposeInBulk(meeting.id, chair, { kind: "below", score: 85, decision: "REJECT" })).toMatchObject({ ok: false, field: "reason" });
    expect(await proposeInBulk(meeting.id, chair, { kind: "below", score: 85, decision: "REJECT", reason: "Below the bar." })).toEqual({ ok: true, numbers: [weak.number] });
    const decided = await prisma.abstract.findMany({ where: { callId: call.id }, select: { number: true, decision: true }, orderBy: { number: "asc" } });
    expect(decided).toEqual([
      { number: best.number, decision: "ORAL" },
      { number: good.number, decision: "ORAL" },
      { number: weak.number, decision: "REJECT" },
      { number: elsewhere.number, decision: null },
    ]);
  });
});
