// An author's abstract against the real database: a draft saved and submitted
// (a number once, a mail queued with it), numbers never shared under
// concurrent submits, and each refusal (someone else's abstract, a stale tab,
// over a limit, too many authors, after the deadline, before the opening)
// leaving nothing written.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeCall, makeUser } from "./call.fixture";
import { type AbstractForm } from "./submission";
import { myAbstract, saveAbstract, startAbstract, withdrawAbstract } from "./submission.server";

const DAY = 86_400_000;

async function arrange(options: Parameters<typeof makeCall>[0] = {}) {
  const { meeting, call } = await makeCall(options);
  const full = await prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { id: true, slug: true, name: true, timeZone: true } });
  const author = await makeUser("Ada Author");
  return { meeting: full, call, author };
}

function completeForm(call: Awaited<ReturnType<typeof makeCall>>["call"], revision: number, changes: Partial<AbstractForm> = {}): AbstractForm {
  return {
    intent: "save",
    revision,
    title: "Prostatic artery embolization outcomes",
    topic: call.topics[0]!.id,
    body: Object.fromEntries(call.sections.map((section) => [section.key, `${section.title} of the study.`])),
    keywords: "embolization, prostate",
    preference: "ORAL",
    traineeLevel: "RESIDENT",
    authors: [
      { name: "Ada Author", institution: "Mayo Clinic", city: "Phoenix", country: "USA", email: "" },
      { name: "Ben Second", institution: "Stanford University", city: "", country: "", email: "ben@example.org" },
    ],
    presenting: 1,
    ...changes,
  };
}

async function started(context: Awaited<ReturnType<typeof arrange>>) {
  const outcome = await startAbstract(context.author, context.meeting);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

const snapshot = (id: string) =>
  prisma.abstract.findUniqueOrThrow({ where: { id }, select: { title: true, body: true, revision: true, status: true, number: true, authors: { select: { name: true }, orderBy: { position: "asc" } } } });

describe("an author's abstract", () => {
  it("starts as a draft with the author presenting, saves, then submits with a number and a queued mail", async () => {
    const context = await arrange();
    const id = await started(context);
    const draft = await myAbstract(context.author.id, context.call.id, id);
    expect(draft?.authors).toEqual([expect.objectContaining({ name: "Ada Author", presenting: true })]);
    expect(draft?.status).toBe("DRAFT");

    const saved = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1));
    expect(saved).toMatchObject({ ok: true, revision: 2, status: "DRAFT", number: null });
    const submitted = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 2), { submit: true });
    expect(submitted).toMatchObject({ ok: true, revision: 3, status: "SUBMITTED", number: 1, submittedNow: true });
    const row = await myAbstract(context.author.id, context.call.id, id);
    expect(row?.authors.map((a) => [a.name, a.presenting])).toEqual([["Ada Author", false], ["Ben Second", true]]);
    expect(row?.keywords).toEqual(["embolization", "prostate"]);
    expect(row?.traineeLevel).toBe("RESIDENT");
    const mail = await prisma.outgoingMail.findMany({ where: { meetingId: context.meeting.id, kind: "abstract-submitted" }, select: { to: true, subject: true } });
    expect(mail).toEqual([{ to: context.author.email, subject: `${context.meeting.name}: abstract 1 received` }]);

    // Submitted again (after an edit): the same number, no second mail, the edit audited as the author's.
    const again = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 3, { title: "A better title" }), { submit: true });
    expect(again).toMatchObject({ ok: true, number: 1, status: "SUBMITTED", submittedNow: false });
    expect(await prisma.outgoingMail.count({ where: { meetingId: context.meeting.id, kind: "abstract-submitted" } })).toBe(1);
    // A submitted abstract is not emptied by a later edit.
    expect(await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 4, { title: "" }))).toMatchObject({ ok: false, code: "INVALID", field: "title" });
    const audit = await prisma.auditEntry.findMany({ where: { meetingId: context.meeting.id }, select: { action: true, actorId: true }, orderBy: { createdAt: "asc" } });
    expect(audit).toEqual([
      { action: "abstract.submitted", actorId: context.author.id },
      { action: "abstract.edited", actorId: context.author.id },
    ]);
  });

  it("gives concurrent submits distinct numbers in order, and never reuses a withdrawn one's", async () => {
    const context = await arrange();
    const authors = await Promise.all(Array.from({ length: 8 }, (_, i) => makeUser(`Author ${i}`)));
    const ids = await Promise.all(authors.map(async (author) => {
      const outcome = await startAbstract(author, context.meeting);
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.id;
    }));
    const outcomes = await Promise.all(ids.map((id, i) => saveAbstract(authors[i]!, context.meeting, id, completeForm(context.call, 1), { submit: true })));
    const numbers = outcomes.map((outcome) => (outcome.ok ? outcome.number : null));
    expect([...numbers].sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    expect(await withdrawAbstract(authors[7]!, context.meeting, ids[7]!)).toEqual({ ok: true });
    const late = await makeUser();
    const lateOutcome = await startAbstract(late, context.meeting);
    if (!lateOutcome.ok) throw new Error("not started");
    expect(await saveAbstract(late, context.meeting, lateOutcome.id, completeForm(context.call, 1), { submit: true })).toMatchObject({ ok: true, number: 9 });
  });

  it("is not found for anyone but its submitter, and their save writes nothing", async () => {
    const context = await arrange();
    const id = await started(context);
    const stranger = await makeUser();
    expect(await myAbstract(stranger.id, context.call.id, id)).toBeNull();
    const before = await snapshot(id);
    expect(await saveAbstract(stranger, context.meeting, id, completeForm(context.call, 1))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await withdrawAbstract(stranger, context.meeting, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a save from an older revision (another tab) with a conflict, keeping the newer text", async () => {
    const context = await arrange();
    const id = await started(context);
    expect(await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1, { title: "From tab one" }))).toMatchObject({ ok: true });
    const stale = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1, { title: "From tab two" }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("another tab") });
    expect((await snapshot(id)).title).toBe("From tab one");
  });

  it("refuses over-limit sections and too many authors, naming each, and writes nothing", async () => {
    const context = await arrange({ maxAuthors: 2 });
    const id = await started(context);
    const before = await snapshot(id);
    const purpose = context.call.sections[0]!;
    const over = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1, { body: { [purpose.key]: "x".repeat(purpose.limit + 1) } }));
    expect(over).toMatchObject({ ok: false, code: "INVALID", field: `body.${purpose.key}`, message: `Purpose is 1 character over its limit of ${purpose.limit.toLocaleString("en-US")} characters.` });
    const three = completeForm(context.call, 1).authors.concat({ name: "Cy Third", institution: "UCLA", city: "", country: "", email: "" });
    expect(await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1, { authors: three }))).toMatchObject({ ok: false, code: "INVALID", field: "authors", message: "An abstract has at most 2 authors; this one lists 3." });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses to submit an incomplete abstract (empty section, no presenter, no topic) and writes nothing", async () => {
    const context = await arrange();
    const id = await started(context);
    const before = await snapshot(id);
    const outcome = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1, { topic: "", presenting: -1, body: { purpose: "Only this." } }), { submit: true });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const fields = [outcome.field, ...(outcome.also ?? []).map((p) => p.field)];
    expect(fields).toEqual(expect.arrayContaining(["topic", "body.methods", "body.results", "body.conclusion", "presenting"]));
    expect(await snapshot(id)).toEqual(before);
  });

  it("after the deadline refuses saving and starting with the closing time in the meeting's zone", async () => {
    const context = await arrange();
    const id = await started(context);
    const before = await snapshot(id);
    const closesAt = new Date("2027-03-02T06:59:00Z");
    await prisma.abstractCall.update({ where: { id: context.call.id }, data: { closesAt }, select: { id: true } });
    const after = new Date(closesAt.getTime() + 1000);
    const refused = await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1), { submit: true, now: after });
    expect(refused).toEqual({ ok: false, code: "CLOSED", message: "The call closed on Monday, March 1, 2027, 11:59 PM MST." });
    expect(await startAbstract(context.author, context.meeting, after)).toMatchObject({ ok: false, code: "CLOSED" });
    expect(await snapshot(id)).toEqual(before);
  });

  it("before the opening says when it opens", async () => {
    const context = await arrange({ opensAt: new Date(Date.now() + 5 * DAY) });
    expect(await startAbstract(context.author, context.meeting)).toMatchObject({ ok: false, code: "CLOSED", message: expect.stringMatching(/^The call opens on /) });
  });

  it("marks abstracts started or submitted in the late-breaking window as late-breaking", async () => {
    const now = Date.now();
    const context = await arrange({ opensAt: new Date(now - 20 * DAY), closesAt: new Date(now - 5 * DAY), lateBreaking: { opensAt: new Date(now - DAY), closesAt: new Date(now + DAY) } });
    const id = await started(context);
    expect(await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 1), { submit: true })).toMatchObject({ ok: true, number: 1 });
    expect((await prisma.abstract.findUniqueOrThrow({ where: { id }, select: { lateBreaking: true } })).lateBreaking).toBe(true);
  });

  it("may be withdrawn until decisions are sent, not after", async () => {
    const context = await arrange();
    const id = await started(context);
    await prisma.abstract.update({ where: { id }, data: { notifiedAt: new Date() }, select: { id: true } });
    expect(await withdrawAbstract(context.author, context.meeting, id)).toMatchObject({ ok: false, code: "CONFLICT" });
    await prisma.abstract.update({ where: { id }, data: { notifiedAt: null }, select: { id: true } });
    expect(await withdrawAbstract(context.author, context.meeting, id)).toEqual({ ok: true });
    expect((await snapshot(id)).status).toBe("WITHDRAWN");
    expect(await saveAbstract(context.author, context.meeting, id, completeForm(context.call, 2))).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
