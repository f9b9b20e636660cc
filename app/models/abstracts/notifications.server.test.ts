import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { newDraftSession } from "../program/document";
import { changeDraft } from "../program/draft.server";
import { makeAbstract, makeCall, makeReviewer, makeUser } from "./call.fixture";
import { proposeDecision } from "./decisions.server";
import { notificationPreview, sendNotifications } from "./notifications.server";
import { placeOral } from "./placement.server";

async function setup() {
  const { meeting, call } = await makeCall();
  const full = await prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { id: true, slug: true, name: true, timeZone: true } });
  await prisma.abstractCall.update({ where: { id: call.id }, data: { confirmBy: new Date("2027-02-01T06:59:00.000Z") }, select: { id: true } });
  const chair = await makeUser("Chair Person");
  await changeDraft(meeting.id, chair, (document) => {
    // 9:00 in Phoenix (UTC−7).
    document.sessions.push({ ...newDraftSession("orals", "Embolization Orals"), kind: "ABSTRACT_SESSION", startsAt: "2027-03-21T16:00:00.000Z", endsAt: "2027-03-21T17:00:00.000Z", room: "Hall A" });
    return { ok: true, document, value: undefined, audit: { action: "session.create", summary: "test" } };
  });
  const reviewer = await makeReviewer(call.id, { topicIds: [], name: "Zebulon Quartermaine" });
  const review = async (abstractId: string, comment: string) =>
    prisma.reviewAssignment.create({ data: { abstractId, reviewerId: reviewer.id, review: { create: { score: 70, submittedAt: new Date(), commentToAuthors: comment, commentToCommittee: "Secret note" } } }, select: { id: true } });
  return { meeting: full, call, chair, review };
}

describe("author notifications", () => {
  it("previews each kind for a real abstract, without reviewers' names, and refuses while an oral is unplaced", async () => {
    const { meeting, call, chair, review } = await setup();
    const oral = await makeAbstract(call.id, { title: "Talk title" });
    const poster = await makeAbstract(call.id, { title: "Poster title" });
    const rejected = await makeAbstract(call.id, { title: "Rejected title" });
    await review(oral.id, "Clear methods.");
    await review(rejected.id, "Too few patients.");
    await proposeDecision(meeting.id, chair, { abstractId: oral.id, decision: "ORAL" });
    await proposeDecision(meeting.id, chair, { abstractId: poster.id, decision: "POSTER" });
    await proposeDecision(meeting.id, chair, { abstractId: rejected.id, decision: "REJECT", reason: "Out of scope." });

    let preview = await notificationPreview(meeting);
    expect(preview.unplaced).toEqual([oral.number]);
    const refused = await sendNotifications(meeting, chair, { sendAnyway: false });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!refused.ok && refused.message).toContain(String(oral.number));
    expect(await prisma.outgoingMail.count({ where: { meetingId: meeting.id } })).toBe(0);

    await placeOral(meeting.id, chair, { abstractId: oral.id, session: "orals", minutes: 8 });
    preview = await notificationPreview(meeting);
    expect(preview.unplaced).toEqual([]);
    const byKind = Object.fromEntries(preview.kinds.map((kind) => [kind.decision, kind]));
    expect(byKind.ORAL).toMatchObject({ count: 1 });
    expect(byKind.EPOSTER).toMatchObject({ count: 0, preview: null });
    const oralText = byKind.ORAL!.preview!.text;
    expect(oralText).toContain("Embolization Orals");
    expect(oralText).toContain("Sunday, March 21, 2027");
    expect(oralText).toContain("9:00–9:08 AM MST");
    expect(oralText).toContain(`/abstracts/${oral.id}/confirm`);
    expect(oralText).toContain("Sunday, January 31, 2027, 11:59 PM MST");
    expect(oralText).toContain("Clear methods.");
    expect(byKind.POSTER!.preview!.text).toContain(`/abstracts/${poster.id}/poster`);
    expect(byKind.REJECT!.preview!.text).toContain("Out of scope.");
    expect(byKind.REJECT!.preview!.text).toContain("Too few patients.");
    for (const kind of preview.kinds) {
      expect(kind.preview?.text ?? "").not.toContain("Zebulon");
      expect(kind.preview?.text ?? "").not.toContain("Quartermaine");
      expect(kind.preview?.text ?? "").not.toContain("Secret note");
    }
  });

  it("sends once per abstract and address, only for decided ones, and never twice", async () => {
    const { meeting, call, chair } = await setup();
    const submitter = await makeUser("Sam Submitter");
    const two = await makeAbstract(call.id, { submitterId: submitter.id, authors: [{ name: "Pat Presenter", institution: "Mayo", email: "pat@example.org" }] });
    const same = await makeAbstract(call.id, { submitterId: submitter.id, authors: [{ name: "Sam Submitter", institution: "Mayo", email: submitter.email.toUpperCase() }] });
    const undecided = await makeAbstract(call.id);
    const withdrawn = await makeAbstract(call.id, { status: "WITHDRAWN", decision: "POSTER" });
    const earlier = await makeAbstract(call.id, { decision: "POSTER", notified: true });
    await proposeDecision(meeting.id, chair, { abstractId: two.id, decision: "POSTER" });
    await proposeDecision(meeting.id, chair, { abstractId: same.id, decision: "EPOSTER" });

    expect(await sendNotifications(meeting, chair, { sendAnyway: false })).toEqual({ ok: true, abstracts: 2, mails: 3 });
    const mails = await prisma.outgoingMail.findMany({ where: { meetingId: meeting.id }, select: { to: true, kind: true, subject: true } });
    expect(mails.map((mail) => mail.to).sort()).toEqual([submitter.email, submitter.email, "pat@example.org"].sort());
    expect(mails.every((mail) => mail.kind === "abstract-decision")).toBe(true);
    const rows = await prisma.abstract.findMany({ where: { id: { in: [two.id, same.id, undecided.id, withdrawn.id, earlier.id] } }, select: { id: true, notifiedAt: true } });
    const told = new Set(rows.filter((row) => row.notifiedAt).map((row) => row.id));
    expect(told).toEqual(new Set([two.id, same.id, earlier.id]));

    expect(await sendNotifications(meeting, chair, { sendAnyway: true })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await prisma.outgoingMail.count({ where: { meetingId: meeting.id } })).toBe(3);
    expect(await proposeDecision(meeting.id, chair, { abstractId: two.id, decision: "REJECT", reason: "Changed our mind" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("sends anyway when the chair says so, telling the oral's authors that the time will follow", async () => {
    const { meeting, call, chair } = await setup();
    const oral = await makeAbstract(call.id);
    await proposeDecision(meeting.id, chair, { abstractId: oral.id, decision: "ORAL" });
    expect(await sendNotifications(meeting, chair, { sendAnyway: true })).toMatchObject({ ok: true, abstracts: 1 });
    const mail = await prisma.outgoingMail.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { text: true } });
    expect(mail.text).toContain("will follow");
  });
});
