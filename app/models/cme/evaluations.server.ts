// Evaluations against the database: organizers make each of a meeting's two
// evaluations from its template and edit the questions (answered questions
// keep their kind and choices, so results stay comparable); learners answer
// the meeting's evaluation once registered or attended, and a session's once
// they attended it; results are read without names.
import { Prisma } from "~/generated/prisma/client";
import { type Outcome, refuse, refuseAll } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor, recordAudit } from "../meetings/audit.server";
import { hasLiveRegistration } from "../registration/registration.server";
import { myAttendance } from "./attendance.server";
import { CHOICE_KINDS, EVALUATION_TEMPLATES, fieldName, readAnswers, SCOPE_LABELS, summarize, type Answers, type EvaluationScope, type Question, type QuestionDraft } from "./evaluations";
import { movedOnePlace } from "~/utils/order";

const questionSelect = { id: true, kind: true, prompt: true, options: true, required: true } as const;

/** A meeting's evaluation of one scope with its questions in order, and how many have answered it; null before it is made. */
export async function getEvaluation(meetingId: string, scope: EvaluationScope) {
  const evaluation = await prisma.evaluation.findUnique({
    where: { meetingId_scope: { meetingId, scope } },
    select: { id: true, title: true, questions: { select: questionSelect, orderBy: { position: "asc" } }, _count: { select: { responses: true } } },
  });
  return evaluation && { id: evaluation.id, scope, title: evaluation.title, questions: evaluation.questions as Question[], responses: evaluation._count.responses };
}

export async function createEvaluationFromTemplate(meetingId: string, scope: EvaluationScope, actor: Actor): Promise<Outcome> {
  const template = EVALUATION_TEMPLATES[scope];
  try {
    await prisma.$transaction(async (tx) => {
      await tx.evaluation.create({
        data: { meetingId, scope, title: template.title, questions: { create: template.questions.map((question, position) => ({ ...question, position })) } },
        select: { id: true },
      });
      await recordAudit(tx, meetingId, actor, { action: "evaluation.create", summary: `Made the ${SCOPE_LABELS[scope].toLowerCase()} from its template` });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return refuse("CONFLICT", `The ${SCOPE_LABELS[scope].toLowerCase()} exists already.`);
    throw error;
  }
  return { ok: true };
}

export type QuestionInput = QuestionDraft & { questionId?: string };

/** Adds a question (no id) or changes one. Once anyone has answered, a question keeps its kind and choices. */
export async function saveQuestion(meetingId: string, scope: EvaluationScope, actor: Actor, input: QuestionInput): Promise<Outcome> {
  const evaluation = await getEvaluation(meetingId, scope);
  if (!evaluation) return refuse("NOT_FOUND", "Make the evaluation from its template first.");
  const options = CHOICE_KINDS.includes(input.kind) ? [...new Set(input.options.map((option) => option.trim()).filter(Boolean))] : [];
  if (CHOICE_KINDS.includes(input.kind) && options.length < 2) return refuse("INVALID", "A choice question needs at least two answers, one per line.", "options");
  const existing = input.questionId ? evaluation.questions.find((question) => question.id === input.questionId) : null;
  if (input.questionId && !existing) return refuse("NOT_FOUND", "That question is not in this evaluation any more.");
  if (existing && evaluation.responses && (existing.kind !== input.kind || existing.options.join("\n") !== options.join("\n"))) {
    return refuse("CONFLICT", "People have answered this evaluation, so a question keeps its kind and answers. Add a new question instead.", "kind");
  }
  await prisma.$transaction(async (tx) => {
    const data = { kind: input.kind, prompt: input.prompt.trim(), options, required: input.required };
    if (existing) await tx.evaluationQuestion.update({ where: { id: existing.id }, data, select: { id: true } });
    else await tx.evaluationQuestion.create({ data: { ...data, evaluationId: evaluation.id, position: evaluation.questions.length }, select: { id: true } });
    await recordAudit(tx, meetingId, actor, { action: existing ? "evaluation.question.update" : "evaluation.question.add", summary: `${existing ? "Changed" : "Added"} the question “${data.prompt}”`, details: { scope } });
  });
  return { ok: true };
}

/** Takes a question out, while nobody has answered; then the others close up. */
export async function removeQuestion(meetingId: string, scope: EvaluationScope, actor: Actor, questionId: string): Promise<Outcome> {
  const evaluation = await getEvaluation(meetingId, scope);
  const question = evaluation?.questions.find((candidate) => candidate.id === questionId);
  if (!evaluation || !question) return refuse("NOT_FOUND", "That question is not in this evaluation any more.");
  if (evaluation.responses) return refuse("CONFLICT", "People have answered this evaluation, so its questions stay. You can still change their wording.");
  await prisma.$transaction(async (tx) => {
    await tx.evaluationQuestion.delete({ where: { id: question.id }, select: { id: true } });
    await renumber(tx, evaluation.questions.filter((candidate) => candidate.id !== question.id));
    await recordAudit(tx, meetingId, actor, { action: "evaluation.question.remove", summary: `Removed the question “${question.prompt}”`, details: { scope } });
  });
  return { ok: true };
}

/** Moves a question one place up or down. */
export async function moveQuestion(meetingId: string, scope: EvaluationScope, questionId: string, direction: "up" | "down"): Promise<Outcome> {
  const evaluation = await getEvaluation(meetingId, scope);
  const index = evaluation?.questions.findIndex((question) => question.id === questionId) ?? -1;
  if (!evaluation || index < 0) return refuse("NOT_FOUND", "That question is not in this evaluation any more.");
  const order = movedOnePlace(evaluation.questions, index, direction);
  if (order) await prisma.$transaction((tx) => renumber(tx, order));
  return { ok: true };
}

async function renumber(tx: Prisma.TransactionClient, questions: { id: string }[]) {
  for (const [position, question] of questions.entries()) await tx.evaluationQuestion.update({ where: { id: question.id }, data: { position }, select: { id: true } });
}

/**
 * What a learner may answer: the evaluation, with (for a session evaluation)
 * the accredited session they attended; or why not. The meeting's evaluation
 * is for registrants and anyone who attended; a session's, for those who
 * attended it.
 */
export async function evaluationFor(userId: string, meetingId: string, scope: EvaluationScope, sessionSlug: string | null) {
  const evaluation = await getEvaluation(meetingId, scope);
  if (!evaluation?.questions.length) return refuse("NOT_FOUND", "This evaluation is not open yet. The organizers will say when it is.");
  const attended = await myAttendance(userId, meetingId);
  if (scope === "SESSION") {
    const session = attended.find((row) => row.session.slug === sessionSlug && row.session.accredited)?.session;
    if (!session) return refuse("FORBIDDEN", "You can evaluate an accredited session once your attendance at it is recorded (on its live page or at its door).");
    return { ok: true as const, evaluation, session };
  }
  if (!attended.length && !(await hasLiveRegistration(userId, meetingId))) return refuse("FORBIDDEN", "The meeting's evaluation is for its registrants. Register, or sign in with the account you registered with.");
  return { ok: true as const, evaluation, session: null };
}

/** Records a learner's answers (a second time replaces the first). Every wrong or missing answer is named at once. */
export async function submitEvaluation(
  userId: string,
  meetingId: string,
  scope: EvaluationScope,
  sessionSlug: string | null,
  form: { get(name: string): unknown; getAll(name: string): unknown[] },
): Promise<Outcome> {
  const allowed = await evaluationFor(userId, meetingId, scope, sessionSlug);
  if (!allowed.ok) return allowed;
  const { evaluation, session } = allowed;
  const read = readAnswers(evaluation.questions, form);
  if ("errors" in read) {
    const problems = evaluation.questions.filter((question) => question.id in read.errors).map((question) => ({ field: fieldName(question), message: read.errors[question.id]! }));
    return refuseAll(problems as [(typeof problems)[number], ...typeof problems]);
  }
  const subject = session?.id ?? "";
  await prisma.evaluationResponse.upsert({
    where: { evaluationId_userId_subject: { evaluationId: evaluation.id, userId, subject } },
    create: { evaluationId: evaluation.id, userId, sessionId: session?.id ?? null, subject, answers: read.answers as Prisma.InputJsonValue },
    update: { answers: read.answers as Prisma.InputJsonValue, submittedAt: new Date() },
    select: { id: true },
  });
  return { ok: true };
}

/** Which evaluations a learner has answered: the meeting's, and the ids of the sessions they evaluated. */
export async function evaluationStatus(userId: string, meetingId: string) {
  const responses = await prisma.evaluationResponse.findMany({ where: { userId, evaluation: { meetingId } }, select: { subject: true, evaluation: { select: { scope: true } } } });
  return {
    meetingDone: responses.some((response) => response.evaluation.scope === "MEETING"),
    sessionsDone: new Set(responses.filter((response) => response.evaluation.scope === "SESSION").map((response) => response.subject)),
  };
}

/** What a learner answered before, to fill the form again; nobody else reads answers by person. */
export async function myAnswers(userId: string, evaluationId: string, subject: string): Promise<Answers | null> {
  const response = await prisma.evaluationResponse.findUnique({ where: { evaluationId_userId_subject: { evaluationId, userId, subject } }, select: { answers: true } });
  return (response?.answers as Answers | undefined) ?? null;
}

/** Results of one evaluation (optionally for one session), question by question, without names. */
export async function evaluationResults(meetingId: string, scope: EvaluationScope, sessionId?: string) {
  const evaluation = await getEvaluation(meetingId, scope);
  if (!evaluation) return null;
  const responses = await prisma.evaluationResponse.findMany({ where: { evaluationId: evaluation.id, ...(sessionId ? { sessionId } : {}) }, select: { answers: true } });
  return { evaluation, responses: responses.length, questions: summarize(evaluation.questions, responses.map((response) => response.answers as Answers)) };
}
