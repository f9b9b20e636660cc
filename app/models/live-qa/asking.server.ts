// What the audience does to a session's Q&A: ask, upvote (and take the vote
// back), edit or withdraw their own question while it waits. Moderators may
// edit any question, for clarity. Each verb refuses with a RefusalError.
import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { defineRateLimit } from "~/utils/rate-limit.server";
import { RefusalError, type RefusalCode } from "../refusal";
import {
  changeFor,
  findQuestion,
  findSession,
  inSession,
  moderates,
  NO_SUCH_QUESTION,
  parseOrRefuse,
  questionSelect,
  readQuestionLocked,
  recordEvent,
  requireOpen,
  requireParticipant,
  type CheckedRights,
  type QuestionInput,
} from "./event-log.server";
import { questionBodySchema, retryAfterText, viewQuestion, type QaChange, type QaSettings, type QuestionRecord } from "./questions";

export const QUESTIONS_PER_MINUTE = 5;
export const VOTES_PER_MINUTE = 60;
const questionsPerPerson = defineRateLimit({ name: "qa:questions", points: QUESTIONS_PER_MINUTE, durationSeconds: 60 });
const votesPerPerson = defineRateLimit({ name: "qa:votes", points: VOTES_PER_MINUTE, durationSeconds: 60 });

async function spendPoint(limit: typeof questionsPerPerson, userId: string, what: string) {
  const verdict = await limit.consume(userId);
  if (!verdict.allowed) throw new RefusalError("RATE_LIMITED", `${what} ${retryAfterText(verdict.retryAfterSeconds)}`);
}

export type AskInput = { sessionId: string; userId: string; body: string; anonymous?: boolean; rights?: CheckedRights };

/** Asks a question: it waits for approval when moderation is on, else goes straight to the board. */
export async function askQuestion(input: AskInput): Promise<QaChange> {
  const body = parseOrRefuse(questionBodySchema, input.body);
  const session = await findSession(input.sessionId);
  if (session.status === "CANCELLED") throw new RefusalError("CLOSED", "This session is cancelled, so it takes no questions.");
  await requireParticipant(input.userId, { meetingId: session.meetingId, meetingName: session.meeting.name }, input.rights);
  await spendPoint(questionsPerPerson, input.userId, `You can ask up to ${QUESTIONS_PER_MINUTE} questions a minute.`);
  return inSession(session.id, async (tx, qa) => {
    requireOpen(qa);
    const now = new Date();
    const approved = !qa.moderationEnabled;
    const row = await tx.audienceQuestion.create({
      data: {
        sessionId: session.id,
        authorId: input.userId,
        body,
        anonymous: input.anonymous ?? false,
        status: approved ? "APPROVED" : "PENDING",
        approvedAt: approved ? now : null,
        createdAt: now,
      },
      select: questionSelect,
    });
    const eventId = await recordEvent(tx, { sessionId: session.id, kind: "QUESTION_ASKED", actorId: input.userId, qa, question: row });
    return changeFor({ userId: input.userId, moderator: false }, eventId, qa, row);
  });
}

/** Votes say what others want answered: an author's own vote would only count them twice. */
export const OWN_QUESTION_VOTE = "You cannot upvote your own question.";

type VoteRow = { outcome: string; event_id: bigint | null; question: QuestionRecord | null; settings: QaSettings | null };

const VOTE_REFUSALS: Record<string, [RefusalCode, string]> = {
  NOT_FOUND: ["NOT_FOUND", NO_SUCH_QUESTION],
  CLOSED: ["CLOSED", "Q&A is closed for this session."],
  PENDING: ["CONFLICT", "This question is waiting for moderation; you can vote once it is approved."],
  DISMISSED: ["CONFLICT", "This question is no longer on the board."],
  WITHDRAWN: ["CONFLICT", "This question is no longer on the board."],
  ALREADY_VOTED: ["CONFLICT", "You already voted for this question."],
  NOT_VOTED: ["CONFLICT", "You have not voted for this question."],
  OWN_QUESTION: ["FORBIDDEN", OWN_QUESTION_VOTE],
};

async function vote(input: QuestionInput, up: boolean): Promise<QaChange> {
  // The hot path: with the session and rights known (the sidecar), no lookups before the write.
  let sessionId = input.sessionId;
  if (!sessionId || !input.rights) {
    const question = await findQuestion(input.questionId, input.sessionId);
    await requireParticipant(input.userId, { meetingId: question.session.meetingId, meetingName: question.session.meeting.name });
    sessionId = question.sessionId;
  } else if (!input.rights.canParticipate) {
    throw new RefusalError("FORBIDDEN", "Only people registered for this meeting can ask and vote. Register to take part.");
  }
  await spendPoint(votesPerPerson, input.userId, `You can vote up to ${VOTES_PER_MINUTE} times a minute.`);
  // The whole vote (lock, checks, vote row, count, event, NOTIFY) is one database
  // function, prisma/migrations/*_live_qa_vote: one round trip per vote.
  const voteId = `v${randomUUID().replaceAll("-", "")}`;
  const [row] = await prisma.$queryRaw<VoteRow[]>`SELECT * FROM "qa_vote"(${sessionId}, ${input.questionId}, ${input.userId}, ${up}, ${voteId})`;
  if (!row) throw new Error("qa_vote returned nothing");
  if (row.outcome !== "OK" || !row.question || !row.settings || row.event_id === null) {
    const [code, message] = VOTE_REFUSALS[row.outcome] ?? ["CONFLICT", "That vote could not be counted."];
    throw new RefusalError(code, message);
  }
  const question = viewQuestion(row.question, { userId: input.userId, moderator: false });
  return { eventId: Number(row.event_id), qa: row.settings, ...(question ? { question: { ...question, votedByMe: up } } : {}) };
}

/**
 * One upvote per person per question (the unique key enforces it), never on
 * one's own (qa_vote refuses it); the count is kept in the same transaction.
 */
export function voteQuestion(input: QuestionInput): Promise<QaChange> {
  return vote(input, true);
}

export function unvoteQuestion(input: QuestionInput): Promise<QaChange> {
  return vote(input, false);
}

/**
 * Changes the text. The author may, while it waits for moderation; moderators
 * may at any time, for clarity, and the author is told it was edited.
 */
export async function editQuestion(input: QuestionInput & { body: string }): Promise<QaChange> {
  const body = parseOrRefuse(questionBodySchema, input.body);
  const question = await findQuestion(input.questionId, input.sessionId);
  const moderator = await moderates(input.userId, question.session.meetingId, input.rights);
  if (!moderator && question.authorId !== input.userId) throw new RefusalError("FORBIDDEN", "You can only edit your own questions.");
  return inSession(question.sessionId, async (tx, qa) => {
    const current = await readQuestionLocked(tx, question.id);
    if (current.status === "WITHDRAWN") throw new RefusalError("CONFLICT", "This question was withdrawn.");
    if (!moderator && current.status !== "PENDING") throw new RefusalError("CONFLICT", "You can edit your question only until the moderators approve it.");
    if (current.body === body) throw new RefusalError("CONFLICT", "The text is unchanged.");
    const byModerator = moderator && current.authorId !== input.userId;
    const row = await tx.audienceQuestion.update({
      where: { id: question.id },
      data: { body, ...(byModerator ? { editedAt: new Date() } : {}) },
      select: questionSelect,
    });
    const eventId = await recordEvent(tx, { sessionId: question.sessionId, kind: "QUESTION_EDITED", actorId: input.userId, qa, question: row });
    return changeFor({ userId: input.userId, moderator }, eventId, qa, row);
  });
}

/** The author takes their question back, while it still waits for moderation. */
export async function withdrawQuestion(input: QuestionInput): Promise<QaChange> {
  const question = await findQuestion(input.questionId, input.sessionId);
  if (question.authorId !== input.userId) throw new RefusalError("FORBIDDEN", "You can only withdraw your own questions.");
  return inSession(question.sessionId, async (tx, qa) => {
    const current = await readQuestionLocked(tx, question.id);
    if (current.status !== "PENDING") {
      throw new RefusalError("CONFLICT", current.status === "WITHDRAWN" ? "You already withdrew this question." : "You can withdraw your question only until the moderators approve it.");
    }
    const row = await tx.audienceQuestion.update({ where: { id: question.id }, data: { status: "WITHDRAWN" }, select: questionSelect });
    const eventId = await recordEvent(tx, { sessionId: question.sessionId, kind: "QUESTION_WITHDRAWN", actorId: input.userId, qa, question: row });
    return changeFor({ userId: input.userId, moderator: false }, eventId, qa, row);
  });
}
