// SA-CME self-assessment against the real database: organizers edit only SA-CME
// sessions' questions (audited; answers locked once tried); learners need a
// flagged session with questions and evidence of attending it (unless the
// meeting allows self-reported attendance); every attempt is kept, the mark is
// met exactly, and passedSelfAssessments sees the pass.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganizer, createPerson } from "../accounts/people.fixture";
import { type Actor } from "../meetings/audit.server";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { answerField } from "./self-assessment";
import {
  attemptReview,
  moveSelfAssessmentQuestion,
  myAttempts,
  passedSelfAssessments,
  removeSelfAssessmentQuestion,
  saveSelfAssessmentQuestion,
  selfAssessmentFor,
  selfAssessmentOverview,
  selfAssessmentSession,
  submitAttempt,
} from "./self-assessment.server";

let fixture: ProgramFixture;
let organizer: Actor;
let meetingId: string;
const SLUG = "uterine-fibroid-embolization";

const question = (prompt: string, correctOption = 0) => ({ prompt, options: ["Right", "Wrong", "Also wrong"], correctOption, explanation: `Why “${prompt}” is so.` });

beforeAll(async () => {
  fixture = await createProgramFixture();
  meetingId = fixture.meeting.id;
  organizer = await createOrganizer(meetingId);
  await prisma.session.update({ where: { id: fixture.sessions.embolization.id }, data: { cmeAccredited: true, saCme: true } });
  await prisma.session.update({ where: { id: fixture.sessions.dotter.id }, data: { cmeAccredited: true } });
  await prisma.creditDesignation.create({
    data: { meetingId, provider: "Society of Testing", accreditationStatement: "A", designationStatement: "D", offersSaCme: true, maxCreditQuarters: 40, claimDeadline: new Date("2023-06-30T00:00:00Z") },
  });
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

async function questions() {
  const found = await selfAssessmentSession(meetingId, SLUG);
  if (!found.ok) throw new Error(found.message);
  return found.questions;
}

/** A form answering the first `right` questions correctly and the rest wrongly. */
async function answers(right: number) {
  const all = await questions();
  return form(Object.fromEntries(all.map((q, index) => [answerField(q), q.options[index < right ? q.correctOption : (q.correctOption + 1) % q.options.length]!])));
}

async function attend(userId: string, session: { id: string; startsAt: Date; endsAt: Date }) {
  await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: session.id, userId, startedAt: session.startsAt, endedAt: session.endsAt } });
}

describe("editing a session's questions", () => {
  it("only on a session flagged SA-CME", async () => {
    expect(await saveSelfAssessmentQuestion(meetingId, fixture.sessions.dotter.slug, organizer, question("Q"))).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringMatching(/not flagged for SA-CME/) });
    expect(await saveSelfAssessmentQuestion(meetingId, "no-such-session", organizer, question("Q"))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await prisma.selfAssessmentQuestion.count({ where: { session: { meetingId } } })).toBe(0);
  });

  it("adds, refuses a broken question, moves and removes, each change audited", async () => {
    for (const prompt of ["First", "Second", "Third", "Fourth"]) expect(await saveSelfAssessmentQuestion(meetingId, SLUG, organizer, question(prompt))).toEqual({ ok: true });
    expect(await saveSelfAssessmentQuestion(meetingId, SLUG, organizer, { ...question("Broken"), correctOption: 3 })).toMatchObject({ ok: false, code: "INVALID", field: "correct" });
    expect(await saveSelfAssessmentQuestion(meetingId, SLUG, organizer, { ...question("Broken"), options: ["Only one"] })).toMatchObject({ ok: false, code: "INVALID", field: "options" });
    const [first, second] = await questions();
    expect(await moveSelfAssessmentQuestion(meetingId, SLUG, second!.id, "up")).toEqual({ ok: true });
    expect((await questions()).map((q) => q.prompt)).toEqual(["Second", "First", "Third", "Fourth"]);
    expect(await removeSelfAssessmentQuestion(meetingId, SLUG, organizer, first!.id)).toEqual({ ok: true });
    expect(await saveSelfAssessmentQuestion(meetingId, SLUG, organizer, question("Fifth", 2))).toEqual({ ok: true });
    expect((await questions()).map((q) => [q.prompt, q.correctOption])).toEqual([["Second", 0], ["Third", 0], ["Fourth", 0], ["Fifth", 2]]);
    const audit = await prisma.auditEntry.findMany({ where: { meetingId, action: { startsWith: "self-assessment" } }, select: { action: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual([...Array(5).fill("self-assessment.question.add"), "self-assessment.question.remove"].sort());
  });
});

describe("a learner's attempts", () => {
  it("are refused on a session that is not SA-CME, without evidence, and with answers missing or unknown; nothing is written", async () => {
    const learner = await createPerson("learner");
    const { embolization, dotter } = fixture.sessions;
    await attend(learner.id, dotter);
    expect(await selfAssessmentFor(learner.id, meetingId, dotter.slug)).toMatchObject({ ok: false, code: "NOT_FOUND", message: "This session has no SA-CME self-assessment." });
    expect(await submitAttempt(learner.id, meetingId, SLUG, await answers(4))).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/once your attendance at it is recorded/) });

    await attend(learner.id, embolization);
    const [first, second] = await questions();
    const partial = await submitAttempt(learner.id, meetingId, SLUG, form({ [answerField(first!)]: "Right", [answerField(second!)]: "Maybe" }));
    expect(partial).toMatchObject({ ok: false, code: "INVALID", field: answerField(second!), message: "Choose one of the answers listed." });
    expect(partial.ok === false && partial.also?.map((problem) => problem.message)).toEqual(["Answer this question.", "Answer this question."]);
    expect(await prisma.selfAssessmentAttempt.count({ where: { userId: learner.id } })).toBe(0);
  });

  it("are all kept; a pass at exactly the mark counts, and later tries do not undo it", async () => {
    await prisma.creditDesignation.update({ where: { meetingId }, data: { saCmePassingPercent: 75 } });
    const learner = await createPerson("learner");
    await attend(learner.id, fixture.sessions.embolization);
    // Four questions: 2 right is 50 %, 3 right is exactly 75 %.
    const failed = await submitAttempt(learner.id, meetingId, SLUG, await answers(2));
    expect(failed).toMatchObject({ ok: true, correct: 2, total: 4, percent: 50, passed: false });
    expect(await passedSelfAssessments(learner.id, meetingId)).toEqual(new Set());
    const passed = await submitAttempt(learner.id, meetingId, SLUG, await answers(3));
    expect(passed).toMatchObject({ ok: true, correct: 3, total: 4, percent: 75, passed: true });
    expect(await submitAttempt(learner.id, meetingId, SLUG, await answers(0))).toMatchObject({ ok: true, passed: false });

    const stored = await prisma.selfAssessmentAttempt.findMany({ where: { userId: learner.id }, select: { correct: true, total: true, passed: true }, orderBy: { submittedAt: "asc" } });
    expect(stored).toEqual([
      { correct: 2, total: 4, passed: false },
      { correct: 3, total: 4, passed: true },
      { correct: 0, total: 4, passed: false },
    ]);
    expect(await passedSelfAssessments(learner.id, meetingId)).toEqual(new Set([fixture.sessions.embolization.id]));
    expect(await myAttempts(learner.id, fixture.sessions.embolization.id)).toMatchObject({ count: 3, passedAt: expect.any(Date) });

    // The review: the learner's own attempt only, every question with their choice, the correct answer and why.
    const attemptId = failed.ok ? failed.attemptId : "";
    const review = await attemptReview(learner.id, fixture.sessions.embolization.id, attemptId, await questions());
    expect(review).toMatchObject({ correct: 2, total: 4, percent: 50, passed: false });
    expect(review!.questions.map((q) => q.right)).toEqual([true, true, false, false]);
    expect(review!.questions[3]).toMatchObject({ prompt: "Fifth", correctOption: 2, chosen: 0, explanation: "Why “Fifth” is so." });
    const someoneElse = await createPerson("other");
    expect(await attemptReview(someoneElse.id, fixture.sessions.embolization.id, attemptId, await questions())).toBeNull();

    // Once tried, a question keeps its answers and correct one, though its wording can be fixed.
    const [first] = await questions();
    expect(await saveSelfAssessmentQuestion(meetingId, SLUG, organizer, { ...question("Second"), questionId: first!.id, correctOption: 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await saveSelfAssessmentQuestion(meetingId, SLUG, organizer, { ...question("Second, reworded"), questionId: first!.id })).toEqual({ ok: true });

    // People are counted, not attempts: a second learner who failed once.
    const another = await createPerson("another");
    await attend(another.id, fixture.sessions.embolization);
    expect(await submitAttempt(another.id, meetingId, SLUG, await answers(1))).toMatchObject({ ok: true, passed: false });
    const overview = await selfAssessmentOverview(meetingId);
    expect(overview).toMatchObject({ passingPercent: 75, offered: true });
    expect(overview.sessions.find((session) => session.slug === SLUG)).toMatchObject({ questions: 4, tried: 2, passed: 1 });
  });

  it("need no evidence where the meeting allows self-reported attendance, and none before the session has questions", async () => {
    const learner = await createPerson("learner");
    await prisma.creditDesignation.update({ where: { meetingId }, data: { allowSelfReported: true } });
    expect(await selfAssessmentFor(learner.id, meetingId, SLUG)).toMatchObject({ ok: true, selfReported: true, passingPercent: 75 });
    await prisma.session.update({ where: { id: fixture.sessions.dotter.id }, data: { saCme: true } });
    expect(await selfAssessmentFor(learner.id, meetingId, fixture.sessions.dotter.slug)).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringMatching(/not ready yet/) });
    await prisma.creditDesignation.update({ where: { meetingId }, data: { allowSelfReported: false } });
    await prisma.session.update({ where: { id: fixture.sessions.dotter.id }, data: { saCme: false } });
  });
});
