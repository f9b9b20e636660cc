// SA-CME self-assessment: the questions of sessions flagged SA-CME, a
// learner's attempts, and which sessions they passed (a passed session's
// claimed credit also counts as ABR self-assessment CME). Organizers edit a
// session's questions; once anyone has tried them, a question keeps its
// answers and its correct one (a stored attempt's choices are answer
// indexes), though its wording and explanation can still be fixed, and it can
// be removed (earlier attempts keep the score they were given).
import { type Prisma } from "~/generated/prisma/client";
import { type Outcome, refuse, refuseAll } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor, recordAudit } from "../meetings/audit.server";
import { myAttendance } from "./attendance.server";
import { answerField, DEFAULT_PASSING_PERCENT, questionProblem, readChosenAnswers, reviewAnswers, scoreAnswers, type ChosenAnswers, type SelfAssessmentDraft, type SelfAssessmentQuestion } from "./self-assessment";
import { movedOnePlace } from "~/utils/order";

const questionSelect = { id: true, prompt: true, options: true, correctOption: true, explanation: true } as const;

/** The ids of a meeting's SA-CME sessions this person has passed the self-assessment of. */
export async function passedSelfAssessments(userId: string, meetingId: string): Promise<Set<string>> {
  const passed = await prisma.selfAssessmentAttempt.findMany({
    where: { userId, passed: true, session: { meetingId, saCme: true } },
    select: { sessionId: true },
    distinct: ["sessionId"],
  });
  return new Set(passed.map((row) => row.sessionId));
}

/** The meeting's passing mark, in percent, and whether its designation offers SA-CME at all. */
async function saCmeSettings(meetingId: string) {
  const designation = await prisma.creditDesignation.findUnique({ where: { meetingId }, select: { saCmePassingPercent: true, offersSaCme: true } });
  return { passingPercent: designation?.saCmePassingPercent ?? DEFAULT_PASSING_PERCENT, offered: designation?.offersSaCme ?? false };
}

/** The console's list: every SA-CME session with its questions counted, and how many people tried and passed. */
export async function selfAssessmentOverview(meetingId: string) {
  const [sessions, attempts, settings] = await Promise.all([
    prisma.session.findMany({
      where: { meetingId, saCme: true },
      select: { id: true, slug: true, title: true, startsAt: true, status: true, cmeAccredited: true, _count: { select: { selfAssessmentQuestions: true } } },
      orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    }),
    // One row per person and session (and whether that try passed): people are counted, not attempts.
    prisma.selfAssessmentAttempt.groupBy({ by: ["sessionId", "userId", "passed"], where: { session: { meetingId, saCme: true } } }),
    saCmeSettings(meetingId),
  ]);
  const people = (sessionId: string, passedOnly: boolean) => new Set(attempts.filter((row) => row.sessionId === sessionId && (!passedOnly || row.passed)).map((row) => row.userId)).size;
  return {
    ...settings,
    sessions: sessions.map((session) => ({
      slug: session.slug,
      title: session.title,
      startsAt: session.startsAt,
      cancelled: session.status === "CANCELLED",
      accredited: session.cmeAccredited,
      questions: session._count.selfAssessmentQuestions,
      tried: people(session.id, false),
      passed: people(session.id, true),
    })),
  };
}

function loadSession(meetingId: string, sessionSlug: string) {
  return prisma.session.findUnique({
    where: { meetingId_slug: { meetingId, slug: sessionSlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      saCme: true,
      cmeAccredited: true,
      status: true,
      selfAssessmentQuestions: { select: questionSelect, orderBy: { position: "asc" } },
      _count: { select: { selfAssessmentAttempts: true } },
    },
  });
}

const noSession = () => refuse("NOT_FOUND", "There is no session at this address.");

/** An SA-CME session of the meeting with its questions in order and how many attempts it has; or why not. */
export async function selfAssessmentSession(meetingId: string, sessionSlug: string) {
  const session = await loadSession(meetingId, sessionSlug);
  if (!session) return noSession();
  if (!session.saCme) return refuse("NOT_FOUND", "This session is not flagged for SA-CME, so it has no self-assessment. Flag it on its page in the program, then publish.");
  const { selfAssessmentQuestions: questions, _count, ...rest } = session;
  return { ok: true as const, session: rest, questions: questions as SelfAssessmentQuestion[], attempts: _count.selfAssessmentAttempts };
}

export type SelfAssessmentInput = SelfAssessmentDraft & { questionId?: string };

const quoted = (prompt: string) => `“${prompt.length > 80 ? `${prompt.slice(0, 79)}…` : prompt}”`;

/** Adds a question to an SA-CME session (no id) or changes one. Once anyone has tried, a question keeps its answers and its correct one. */
export async function saveSelfAssessmentQuestion(meetingId: string, sessionSlug: string, actor: Actor, input: SelfAssessmentInput): Promise<Outcome> {
  const found = await selfAssessmentSession(meetingId, sessionSlug);
  if (!found.ok) return found;
  const draft = { prompt: input.prompt.trim(), options: input.options.map((option) => option.trim()), correctOption: input.correctOption, explanation: input.explanation.trim() };
  const problem = questionProblem(draft);
  if (problem) return refuse("INVALID", problem.message, problem.field);
  const existing = input.questionId ? found.questions.find((question) => question.id === input.questionId) : null;
  if (input.questionId && !existing) return refuse("NOT_FOUND", "That question is not in this self-assessment any more.");
  if (existing && found.attempts && (existing.options.join("\n") !== draft.options.join("\n") || existing.correctOption !== draft.correctOption)) {
    return refuse("CONFLICT", "Learners have tried this self-assessment, so a question keeps its answers and its correct one. Remove it and add a new question instead.", "options");
  }
  await prisma.$transaction(async (tx) => {
    if (existing) await tx.selfAssessmentQuestion.update({ where: { id: existing.id }, data: draft, select: { id: true } });
    else await tx.selfAssessmentQuestion.create({ data: { ...draft, sessionId: found.session.id, position: found.questions.length }, select: { id: true } });
    await recordAudit(tx, meetingId, actor, {
      action: existing ? "self-assessment.question.update" : "self-assessment.question.add",
      summary: `${existing ? "Changed" : "Added"} the SA-CME question ${quoted(draft.prompt)} of “${found.session.title}”`,
      details: { session: found.session.slug },
    });
  });
  return { ok: true };
}

/** Takes a question out; the others close up. Earlier attempts keep the score they were given. */
export async function removeSelfAssessmentQuestion(meetingId: string, sessionSlug: string, actor: Actor, questionId: string): Promise<Outcome> {
  const found = await selfAssessmentSession(meetingId, sessionSlug);
  if (!found.ok) return found;
  const question = found.questions.find((candidate) => candidate.id === questionId);
  if (!question) return refuse("NOT_FOUND", "That question is not in this self-assessment any more.");
  await prisma.$transaction(async (tx) => {
    await tx.selfAssessmentQuestion.delete({ where: { id: question.id }, select: { id: true } });
    await renumber(tx, found.questions.filter((candidate) => candidate.id !== question.id));
    await recordAudit(tx, meetingId, actor, {
      action: "self-assessment.question.remove",
      summary: `Removed the SA-CME question ${quoted(question.prompt)} of “${found.session.title}”`,
      details: { session: found.session.slug },
    });
  });
  return { ok: true };
}

/** Moves a question one place up or down. */
export async function moveSelfAssessmentQuestion(meetingId: string, sessionSlug: string, questionId: string, direction: "up" | "down"): Promise<Outcome> {
  const found = await selfAssessmentSession(meetingId, sessionSlug);
  if (!found.ok) return found;
  const index = found.questions.findIndex((question) => question.id === questionId);
  if (index < 0) return refuse("NOT_FOUND", "That question is not in this self-assessment any more.");
  const order = movedOnePlace(found.questions, index, direction);
  if (order) await prisma.$transaction((tx) => renumber(tx, order));
  return { ok: true };
}

async function renumber(tx: Prisma.TransactionClient, questions: { id: string }[]) {
  for (const [position, question] of questions.entries()) await tx.selfAssessmentQuestion.update({ where: { id: question.id }, data: { position }, select: { id: true } });
}

/**
 * What a learner may answer: an accredited SA-CME session's questions and the
 * passing mark; or why not. The learner needs evidence of attending the
 * session, unless the meeting lets learners claim self-reported attendance
 * (`selfReported` then says the attempt rests on their word).
 */
export async function selfAssessmentFor(userId: string, meetingId: string, sessionSlug: string) {
  const [session, designation] = await Promise.all([
    loadSession(meetingId, sessionSlug),
    prisma.creditDesignation.findUnique({ where: { meetingId }, select: { offersSaCme: true, allowSelfReported: true, saCmePassingPercent: true } }),
  ]);
  if (!session) return noSession();
  // A session earns SA-CME only when it is accredited, flagged, held, and the meeting offers SA-CME at all.
  if (!session.saCme || !session.cmeAccredited || session.status === "CANCELLED" || !designation?.offersSaCme) return refuse("NOT_FOUND", "This session has no SA-CME self-assessment.");
  const questions = session.selfAssessmentQuestions as SelfAssessmentQuestion[];
  if (!questions.length) return refuse("NOT_FOUND", "This session's self-assessment is not ready yet. The organizers will add its questions.");
  const attended = (await myAttendance(userId, meetingId)).some((row) => row.session.id === session.id);
  if (!attended && !designation.allowSelfReported) {
    return refuse("FORBIDDEN", "You can take a session's self-assessment once your attendance at it is recorded (on its live page or at its door).");
  }
  return { ok: true as const, session: { id: session.id, slug: session.slug, title: session.title }, questions, passingPercent: designation.saCmePassingPercent, selfReported: !attended };
}

/** Scores a learner's answers and keeps the attempt, passed or not; every missing or unknown answer is named at once. */
export async function submitAttempt(userId: string, meetingId: string, sessionSlug: string, form: { get(name: string): unknown }): Promise<Outcome<{ attemptId: string; correct: number; total: number; percent: number; passed: boolean }>> {
  const allowed = await selfAssessmentFor(userId, meetingId, sessionSlug);
  if (!allowed.ok) return allowed;
  const read = readChosenAnswers(allowed.questions, form);
  if ("errors" in read) {
    const problems = allowed.questions.filter((question) => question.id in read.errors).map((question) => ({ field: answerField(question), message: read.errors[question.id]! }));
    return refuseAll(problems as [(typeof problems)[number], ...typeof problems]);
  }
  const score = scoreAnswers(allowed.questions, read.answers, allowed.passingPercent);
  const attempt = await prisma.selfAssessmentAttempt.create({
    data: { sessionId: allowed.session.id, userId, answers: read.answers, correct: score.correct, total: score.total, passed: score.passed },
    select: { id: true },
  });
  return { ok: true, attemptId: attempt.id, ...score };
}

/**
 * One of the learner's own attempts at the session, with each question (as it
 * is now) beside what they chose, the correct answer and its explanation;
 * null for anyone else's attempt or another session's.
 */
export async function attemptReview(userId: string, sessionId: string, attemptId: string, questions: SelfAssessmentQuestion[]) {
  const attempt = await prisma.selfAssessmentAttempt.findFirst({
    where: { id: attemptId, userId, sessionId },
    select: { id: true, answers: true, correct: true, total: true, passed: true, submittedAt: true },
  });
  if (!attempt) return null;
  const answers = attempt.answers as ChosenAnswers;
  const { answers: _answers, ...score } = attempt;
  return { ...score, percent: attempt.total ? Math.floor((attempt.correct * 100) / attempt.total) : 0, questions: reviewAnswers(questions.filter((question) => question.id in answers), answers) };
}

/** The learner's attempts at one session, newest first: how many, and when they first passed. */
export async function myAttempts(userId: string, sessionId: string) {
  const attempts = await prisma.selfAssessmentAttempt.findMany({ where: { userId, sessionId }, select: { passed: true, submittedAt: true }, orderBy: { submittedAt: "asc" } });
  return { count: attempts.length, passedAt: attempts.find((attempt) => attempt.passed)?.submittedAt ?? null };
}
