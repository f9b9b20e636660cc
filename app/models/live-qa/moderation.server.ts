// What moderators do to a session's Q&A: approve or dismiss a question, pin
// one as "now answering", mark it answered, and switch the session's Q&A open
// or closed and moderation on or off. Every verb refuses anyone who is not a
// moderator or organizer of the meeting, whatever the caller claims.
import { RefusalError } from "../refusal";
import {
  changeFor,
  findQuestion,
  findSession,
  inSession,
  parseOrRefuse,
  questionSelect,
  readQuestionLocked,
  recordEvent,
  requireModerator,
  writeSettings,
  type QaActor,
  type QuestionInput,
  type QuestionRow,
  type Tx,
} from "./event-log.server";
import { dismissReasonSchema, type QaChange, type QaEventKind, type QaSettings } from "./questions";

async function moderate(
  input: QuestionInput,
  change: (tx: Tx, current: QuestionRow, qa: QaSettings) => Promise<{ kind: QaEventKind; row: QuestionRow; qa: QaSettings }>,
): Promise<QaChange> {
  const question = await findQuestion(input.questionId, input.sessionId);
  await requireModerator(input.userId, question.session.meetingId, input.rights);
  return inSession(question.sessionId, async (tx, qa) => {
    const current = await readQuestionLocked(tx, question.id);
    const result = await change(tx, current, qa);
    const eventId = await recordEvent(tx, { sessionId: question.sessionId, kind: result.kind, actorId: input.userId, qa: result.qa, question: result.row });
    return changeFor({ userId: input.userId, moderator: true }, eventId, result.qa, result.row);
  });
}

const WITHDRAWN = "The author withdrew this question.";

/** Puts a waiting (or earlier dismissed) question on the board. */
export function approveQuestion(input: QuestionInput): Promise<QaChange> {
  return moderate(input, async (tx, current, qa) => {
    if (current.status === "APPROVED") throw new RefusalError("CONFLICT", "This question is already approved.");
    if (current.status === "WITHDRAWN") throw new RefusalError("CONFLICT", WITHDRAWN);
    const row = await tx.audienceQuestion.update({
      where: { id: current.id },
      data: { status: "APPROVED", approvedAt: new Date(), dismissedAt: null, dismissReason: null },
      select: questionSelect,
    });
    return { kind: "QUESTION_APPROVED", row, qa };
  });
}

/** The settings once `questionId` stops being "now answering" (unchanged when it was not). */
async function unpinIfPinned(tx: Tx, sessionId: string, questionId: string, qa: QaSettings): Promise<QaSettings> {
  if (qa.pinnedQuestionId !== questionId) return qa;
  const next = { ...qa, pinnedQuestionId: null };
  await writeSettings(tx, sessionId, next);
  return next;
}

/** Takes a question off the queue or the board; the optional reason is shown to its author only. */
export function dismissQuestion(input: QuestionInput & { reason?: string | null }): Promise<QaChange> {
  const reason = parseOrRefuse(dismissReasonSchema, input.reason ?? undefined) || null;
  return moderate(input, async (tx, current, qa) => {
    if (current.status === "DISMISSED") throw new RefusalError("CONFLICT", "This question is already dismissed.");
    if (current.status === "WITHDRAWN") throw new RefusalError("CONFLICT", WITHDRAWN);
    const row = await tx.audienceQuestion.update({
      where: { id: current.id },
      data: { status: "DISMISSED", dismissedAt: new Date(), dismissReason: reason },
      select: questionSelect,
    });
    return { kind: "QUESTION_DISMISSED", row, qa: await unpinIfPinned(tx, current.sessionId, current.id, qa) };
  });
}

/** Shows an approved question as "now answering" (one at a time) on every screen. */
export function pinQuestion(input: QuestionInput): Promise<QaChange> {
  return moderate(input, async (tx, current, qa) => {
    if (current.status !== "APPROVED") throw new RefusalError("CONFLICT", "Only approved questions can be pinned.");
    if (qa.pinnedQuestionId === current.id) throw new RefusalError("CONFLICT", "This question is already pinned.");
    const next = { ...qa, pinnedQuestionId: current.id };
    await writeSettings(tx, current.sessionId, next);
    return { kind: "QUESTION_PINNED", row: current, qa: next };
  });
}

/** Clears "now answering". */
export async function unpinQuestion(input: QaActor): Promise<QaChange> {
  const session = await findSession(input.sessionId);
  await requireModerator(input.userId, session.meetingId, input.rights);
  return inSession(session.id, async (tx, qa) => {
    if (!qa.pinnedQuestionId) throw new RefusalError("CONFLICT", "No question is pinned.");
    const row = await readQuestionLocked(tx, qa.pinnedQuestionId);
    const next = await unpinIfPinned(tx, session.id, qa.pinnedQuestionId, qa);
    const eventId = await recordEvent(tx, { sessionId: session.id, kind: "QUESTION_UNPINNED", actorId: input.userId, qa: next, question: row });
    return changeFor({ userId: input.userId, moderator: true }, eventId, next, row);
  });
}

/** Marks an approved question answered; it stays on the board, and leaves "now answering". */
export function markAnswered(input: QuestionInput): Promise<QaChange> {
  return moderate(input, async (tx, current, qa) => {
    if (current.status !== "APPROVED") throw new RefusalError("CONFLICT", "Only approved questions can be marked answered.");
    if (current.answeredAt) throw new RefusalError("CONFLICT", "This question is already marked answered.");
    const row = await tx.audienceQuestion.update({ where: { id: current.id }, data: { answeredAt: new Date() }, select: questionSelect });
    return { kind: "QUESTION_ANSWERED", row, qa: await unpinIfPinned(tx, current.sessionId, current.id, qa) };
  });
}

async function changeSettings(input: QaActor, kind: QaEventKind, change: (qa: QaSettings) => QaSettings): Promise<QaChange> {
  const session = await findSession(input.sessionId);
  await requireModerator(input.userId, session.meetingId, input.rights);
  return inSession(session.id, async (tx, qa) => {
    const next = change(qa);
    await writeSettings(tx, session.id, next);
    const eventId = await recordEvent(tx, { sessionId: session.id, kind, actorId: input.userId, qa: next });
    return { eventId, qa: next };
  });
}

export function openQa(input: QaActor): Promise<QaChange> {
  return changeSettings(input, "QA_OPENED", (qa) => {
    if (qa.open) throw new RefusalError("CONFLICT", "Q&A is already open.");
    return { ...qa, open: true };
  });
}

export function closeQa(input: QaActor): Promise<QaChange> {
  return changeSettings(input, "QA_CLOSED", (qa) => {
    if (!qa.open) throw new RefusalError("CONFLICT", "Q&A is already closed.");
    return { ...qa, open: false };
  });
}

/** Moderation on: new questions wait for approval. Off: they go straight to the board. */
export function setModeration(input: QaActor & { enabled: boolean }): Promise<QaChange> {
  return changeSettings(input, "QA_MODERATION_CHANGED", (qa) => {
    if (qa.moderationEnabled === input.enabled) throw new RefusalError("CONFLICT", `Moderation is already ${input.enabled ? "on" : "off"}.`);
    return { ...qa, moderationEnabled: input.enabled };
  });
}
