// Evaluations against the real database: made from a template, edited until
// answered, answered only by those entitled (with every problem named at
// once), and read back as results without names.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganizer, createPerson } from "../accounts/people.fixture";
import { type Actor } from "../meetings/audit.server";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { createEvaluationFromTemplate, evaluationResults, evaluationStatus, getEvaluation, moveQuestion, removeQuestion, saveQuestion, submitEvaluation } from "./evaluations.server";
import { EVALUATION_TEMPLATES, fieldName } from "./evaluations";

let fixture: ProgramFixture;
let organizer: Actor;

beforeAll(async () => {
  fixture = await createProgramFixture();
  organizer = await createOrganizer(fixture.meeting.id);
  await prisma.session.update({ where: { id: fixture.sessions.dotter.id }, data: { cmeAccredited: true } });
});

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item);
  return data;
};

/** Answers every question of the session template the way a learner would. */
async function sessionAnswers(bias: "yes" | "no" = "yes") {
  const evaluation = (await getEvaluation(fixture.meeting.id, "SESSION"))!;
  const [objectives, faculty, change, free] = evaluation.questions;
  return form({ [fieldName(objectives!)]: "5", [fieldName(faculty!)]: "4", [fieldName(change!)]: "Try cone-beam CT", [fieldName(free!)]: bias, [`${fieldName(free!)}-detail`]: bias === "no" ? "Brand names" : "" });
}

describe("building an evaluation", () => {
  it("makes each scope from its template once", async () => {
    expect(await createEvaluationFromTemplate(fixture.meeting.id, "SESSION", organizer)).toEqual({ ok: true });
    expect(await createEvaluationFromTemplate(fixture.meeting.id, "SESSION", organizer)).toMatchObject({ ok: false, code: "CONFLICT" });
    const evaluation = (await getEvaluation(fixture.meeting.id, "SESSION"))!;
    expect(evaluation.questions.map((question) => question.prompt)).toEqual(EVALUATION_TEMPLATES.SESSION.questions.map((question) => question.prompt));
  });

  it("adds, moves and removes questions; a choice question needs two answers", async () => {
    await createEvaluationFromTemplate(fixture.meeting.id, "MEETING", organizer);
    const before = (await getEvaluation(fixture.meeting.id, "MEETING"))!;
    expect(await saveQuestion(fixture.meeting.id, "MEETING", organizer, { kind: "SINGLE_CHOICE", prompt: "Will you come back?", options: ["Yes"], required: false })).toMatchObject({ ok: false, field: "options" });
    expect(await saveQuestion(fixture.meeting.id, "MEETING", organizer, { kind: "SINGLE_CHOICE", prompt: "Will you come back?", options: ["Yes", " No ", "Yes", ""], required: false })).toEqual({ ok: true });
    let after = (await getEvaluation(fixture.meeting.id, "MEETING"))!;
    const added = after.questions.at(-1)!;
    expect(added).toMatchObject({ prompt: "Will you come back?", options: ["Yes", "No"] });
    await moveQuestion(fixture.meeting.id, "MEETING", added.id, "up");
    after = (await getEvaluation(fixture.meeting.id, "MEETING"))!;
    expect(after.questions.at(-2)!.id).toBe(added.id);
    expect(await removeQuestion(fixture.meeting.id, "MEETING", organizer, added.id)).toEqual({ ok: true });
    expect((await getEvaluation(fixture.meeting.id, "MEETING"))!.questions.map((question) => question.id)).toEqual(before.questions.map((question) => question.id));
  });
});

describe("answering", () => {
  it("lets only someone who attended evaluate a session, and names every problem at once", async () => {
    const learner = await createPerson("learner");
    const { dotter } = fixture.sessions;
    expect(await submitEvaluation(learner.id, fixture.meeting.id, "SESSION", dotter.slug, await sessionAnswers())).toMatchObject({ ok: false, code: "FORBIDDEN" });

    await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: dotter.id, userId: learner.id, startedAt: dotter.startsAt, endedAt: dotter.endsAt } });
    const refused = await submitEvaluation(learner.id, fixture.meeting.id, "SESSION", dotter.slug, form({}));
    expect(refused).toMatchObject({ ok: false, code: "INVALID", message: "Answer this question." });
    expect(refused.ok === false && refused.also?.length).toBe(2); // three required questions unanswered
    expect(await prisma.evaluationResponse.count({ where: { userId: learner.id } })).toBe(0);

    expect(await submitEvaluation(learner.id, fixture.meeting.id, "SESSION", dotter.slug, await sessionAnswers())).toEqual({ ok: true });
    // A second answer replaces the first.
    expect(await submitEvaluation(learner.id, fixture.meeting.id, "SESSION", dotter.slug, await sessionAnswers("no"))).toEqual({ ok: true });
    expect(await prisma.evaluationResponse.count({ where: { userId: learner.id } })).toBe(1);
    expect((await evaluationStatus(learner.id, fixture.meeting.id)).sessionsDone).toEqual(new Set([dotter.id]));
    // A session that is not accredited cannot be evaluated even when attended.
    await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: fixture.sessions.whyIr.id, userId: learner.id, startedAt: fixture.sessions.whyIr.startsAt, endedAt: fixture.sessions.whyIr.endsAt } });
    expect(await submitEvaluation(learner.id, fixture.meeting.id, "SESSION", fixture.sessions.whyIr.slug, await sessionAnswers())).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("keeps a question's kind and answers once answered, and its results carry no names", async () => {
    const evaluation = (await getEvaluation(fixture.meeting.id, "SESSION"))!;
    const rating = evaluation.questions[0]!;
    expect(await saveQuestion(fixture.meeting.id, "SESSION", organizer, { questionId: rating.id, kind: "FREE_TEXT", prompt: rating.prompt, options: [], required: true })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await saveQuestion(fixture.meeting.id, "SESSION", organizer, { questionId: rating.id, kind: "RATING", prompt: "The session met its objectives.", options: [], required: true })).toEqual({ ok: true });
    expect(await removeQuestion(fixture.meeting.id, "SESSION", organizer, rating.id)).toMatchObject({ ok: false, code: "CONFLICT" });

    const results = (await evaluationResults(fixture.meeting.id, "SESSION", fixture.sessions.dotter.id))!;
    expect(results.responses).toBe(1);
    expect(results.questions.map((row) => row.result)).toEqual([
      { kind: "RATING", answered: 1, counts: [0, 0, 0, 0, 1], average: 5 },
      { kind: "RATING", answered: 1, counts: [0, 0, 0, 1, 0], average: 4 },
      { kind: "TEXT", answered: 1, texts: ["Try cone-beam CT"] },
      { kind: "BIAS", answered: 1, free: 0, biased: 1, details: ["Brand names"] },
    ]);
    expect(JSON.stringify(results)).not.toMatch(/learner|@example/);
  });
});
