// Live Q&A: every change to a session's questions, as named verbs. Each verb
// checks who may do it, then, under a per-session lock, writes the change and an
// event row in one transaction and NOTIFYs the sidecars. Socket handlers and the
// no-JavaScript forms call these same functions; nothing here imports Remix.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { defineRateLimit } from "~/utils/rate-limit.server";
import { canModerate, canParticipate } from "../accounts/access.server";
import {
  DEFAULT_QA_SETTINGS,
  QaError,
  dismissReasonSchema,
  questionBodySchema,
  retryAfterText,
  viewQuestion,
  type QaBoard,
  type QaEventKind,
  type QaEventPayload,
  type QaEventRecord,
  type QaSettings,
  type QaViewer,
  type QuestionRecord,
  type QuestionView,
} from "./questions";
import { sessionSpeakerOrder } from "../program/session.server";

export { QaError } from "./questions";

/** The channel every sidecar LISTENs on; the payload is "<sessionId>:<eventId>". */
export const QA_EVENTS_CHANNEL = "qa_events";

export const QUESTIONS_PER_MINUTE = 5;
export const VOTES_PER_MINUTE = 60;
const questionsPerPerson = defineRateLimit({ name: "qa:questions", points: QUESTIONS_PER_MINUTE, durationSeconds: 60 });
const votesPerPerson = defineRateLimit({ name: "qa:votes", points: VOTES_PER_MINUTE, durationSeconds: 60 });

type Tx = Prisma.TransactionClient;

const questionSelect = {
  id: true,
  sessionId: true,
  authorId: true,
  author: { select: { name: true } },
  anonymous: true,
  body: true,
  status: true,
  voteCount: true,
  createdAt: true,
  editedAt: true,
  approvedAt: true,
  answeredAt: true,
  dismissedAt: true,
  dismissReason: true,
} as const;

type QuestionRow = Prisma.AudienceQuestionGetPayload<{ select: typeof questionSelect }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function toRecord(row: QuestionRow): QuestionRecord {
  return {
    id: row.id,
    sessionId: row.sessionId,
    authorId: row.authorId,
    authorName: row.author.name,
    anonymous: row.anonymous,
    body: row.body,
    status: row.status,
    voteCount: row.voteCount,
    createdAt: row.createdAt.toISOString(),
    editedAt: iso(row.editedAt),
    approvedAt: iso(row.approvedAt),
    answeredAt: iso(row.answeredAt),
    dismissedAt: iso(row.dismissedAt),
    dismissReason: row.dismissReason,
  };
}

/** The session a Q&A belongs to, with what permission checks need. */
async function findSession(sessionId: string) {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { id: true, meetingId: true, status: true, meeting: { select: { name: true } } },
  });
  if (!session) throw new QaError("NOT_FOUND", "There is no such session.");
  return session;
}

async function findQuestion(questionId: string, sessionId?: string) {
  const question = await prisma.audienceQuestion.findFirst({
    where: { id: questionId, ...(sessionId ? { sessionId } : {}) },
    select: { id: true, sessionId: true, authorId: true, session: { select: { meetingId: true, meeting: { select: { name: true } } } } },
  });
  if (!question) throw new QaError("NOT_FOUND", "There is no such question in this session.");
  return question;
}

/**
 * What the caller already knows the actor may do in this session's meeting:
 * the sidecar checks canParticipate/canModerate when a socket joins a session
 * (and again every minute) and passes them along, so a vote does not repeat
 * the check. Without it, the verb asks the database.
 */
export type CheckedRights = { canParticipate: boolean; canModerate: boolean };

async function requireParticipant(userId: string, meeting: { meetingId: string; meetingName: string }, rights?: CheckedRights) {
  if (!(rights ? rights.canParticipate : await canParticipate(userId, meeting.meetingId))) {
    throw new QaError("FORBIDDEN", `Only people registered for ${meeting.meetingName} can ask and vote. Register to take part.`);
  }
}

async function requireModerator(userId: string, meetingId: string, rights?: CheckedRights) {
  if (!(rights ? rights.canModerate : await canModerate(userId, meetingId))) {
    throw new QaError("FORBIDDEN", "Only the meeting's moderators and organizers can moderate questions.");
  }
}

async function spendPoint(limit: typeof questionsPerPerson, userId: string, what: string) {
  const verdict = await limit.consume(userId);
  if (!verdict.allowed) throw new QaError("RATE_LIMITED", `${what} ${retryAfterText(verdict.retryAfterSeconds)}`);
}

/**
 * Serializes the writers of one session's Q&A until the transaction ends. Event
 * ids come from one sequence; holding this lock while one is taken and
 * committed means that, within a session, ids rise in commit order, so "every
 * event after id N" never skips one that commits late.
 */
async function lockSession(tx: Tx, sessionId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7341, hashtext(${sessionId}))`;
}

async function readSettings(tx: Tx, sessionId: string): Promise<QaSettings> {
  const row = await tx.sessionQa.findUnique({ where: { sessionId }, select: { open: true, moderationEnabled: true, pinnedQuestionId: true } });
  return row ?? { ...DEFAULT_QA_SETTINGS };
}

async function writeSettings(tx: Tx, sessionId: string, settings: QaSettings) {
  await tx.sessionQa.upsert({
    where: { sessionId },
    create: { sessionId, ...settings },
    update: settings,
    select: { sessionId: true },
  });
}

async function readQuestionLocked(tx: Tx, questionId: string) {
  const row = await tx.audienceQuestion.findUnique({ where: { id: questionId }, select: questionSelect });
  if (!row) throw new QaError("NOT_FOUND", "There is no such question in this session.");
  return row;
}

/** Writes the event row and queues the NOTIFY, which PostgreSQL delivers only when the transaction commits. */
async function recordEvent(tx: Tx, input: { sessionId: string; kind: QaEventKind; actorId: string; qa: QaSettings; question?: QuestionRow }) {
  const payload: QaEventPayload = { qa: input.qa, ...(input.question ? { question: toRecord(input.question) } : {}) };
  // One round trip for the row and its notice (raw SQL: Prisma cannot return from a data-modifying CTE).
  const [event] = await tx.$queryRaw<{ id: bigint }[]>`
    WITH event AS (
      INSERT INTO "QaEvent" ("sessionId", "kind", "questionId", "actorId", "payload")
      VALUES (${input.sessionId}, ${input.kind}::"QaEventKind", ${input.question?.id ?? null}, ${input.actorId}, ${JSON.stringify(payload)}::jsonb)
      RETURNING id
    ), notice AS (
      SELECT pg_notify(${QA_EVENTS_CHANNEL}, ${input.sessionId} || ':' || id) FROM event
    )
    SELECT event.id FROM event CROSS JOIN notice`;
  if (!event) throw new Error("The Q&A event was not recorded");
  return Number(event.id);
}

export type QaChange = { eventId: number; question?: QuestionView; qa: QaSettings };

// Writers of one session in this process take turns before they open a
// transaction: otherwise a burst of votes would hold every pooled connection
// while waiting for the session's lock, and the queries that would let the
// holder finish could not get one. Other processes still wait on the lock.
const sessionTurns = new Map<string, Promise<unknown>>();

function takeTurn<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
  const previous = sessionTurns.get(sessionId) ?? Promise.resolve();
  const run = previous.then(task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  sessionTurns.set(sessionId, settled);
  void settled.then(() => {
    if (sessionTurns.get(sessionId) === settled) sessionTurns.delete(sessionId);
  });
  return run;
}

/** Runs `change` under the session's lock, in one transaction. */
function inSession<T>(sessionId: string, change: (tx: Tx, qa: QaSettings) => Promise<T>): Promise<T> {
  return takeTurn(sessionId, () =>
    prisma.$transaction(async (tx) => {
      await lockSession(tx, sessionId);
      return change(tx, await readSettings(tx, sessionId));
    }),
  );
}

function requireOpen(qa: QaSettings) {
  if (!qa.open) throw new QaError("CLOSED", "Q&A is closed for this session.");
}

/** The change as the actor sees it (their own question, their own vote). */
function changeFor(actor: QaViewer, eventId: number, qa: QaSettings, row?: QuestionRow, votedByMe?: boolean): QaChange {
  const question = row ? viewQuestion(toRecord(row), actor) : null;
  return { eventId, qa, ...(question ? { question: votedByMe === undefined ? question : { ...question, votedByMe } } : {}) };
}

export type AskInput = { sessionId: string; userId: string; body: string; anonymous?: boolean; rights?: CheckedRights };

/** Asks a question: it waits for approval when moderation is on, else goes straight to the board. */
export async function askQuestion(input: AskInput): Promise<QaChange> {
  const body = parseOrRefuse(questionBodySchema, input.body);
  const session = await findSession(input.sessionId);
  if (session.status === "CANCELLED") throw new QaError("CLOSED", "This session is cancelled, so it takes no questions.");
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

export type QuestionInput = { questionId: string; userId: string; sessionId?: string; rights?: CheckedRights };

type VoteRow = { outcome: string; event_id: bigint | null; question: QuestionRecord | null; settings: QaSettings | null };

const VOTE_REFUSALS: Record<string, [QaError["code"], string]> = {
  NOT_FOUND: ["NOT_FOUND", "There is no such question in this session."],
  CLOSED: ["CLOSED", "Q&A is closed for this session."],
  PENDING: ["CONFLICT", "This question is waiting for moderation; you can vote once it is approved."],
  DISMISSED: ["CONFLICT", "This question is no longer on the board."],
  WITHDRAWN: ["CONFLICT", "This question is no longer on the board."],
  ALREADY_VOTED: ["CONFLICT", "You already voted for this question."],
  NOT_VOTED: ["CONFLICT", "You have not voted for this question."],
};

async function vote(input: QuestionInput, up: boolean): Promise<QaChange> {
  // The hot path: with the session and rights known (the sidecar), no lookups before the write.
  let sessionId = input.sessionId;
  if (!sessionId || !input.rights) {
    const question = await findQuestion(input.questionId, input.sessionId);
    await requireParticipant(input.userId, { meetingId: question.session.meetingId, meetingName: question.session.meeting.name });
    sessionId = question.sessionId;
  } else if (!input.rights.canParticipate) {
    throw new QaError("FORBIDDEN", "Only people registered for this meeting can ask and vote. Register to take part.");
  }
  await spendPoint(votesPerPerson, input.userId, `You can vote up to ${VOTES_PER_MINUTE} times a minute.`);
  // The whole vote (lock, checks, vote row, count, event, NOTIFY) is one database
  // function, prisma/migrations/*_live_qa_vote: one round trip per vote.
  const voteId = `v${randomUUID().replaceAll("-", "")}`;
  const [row] = await prisma.$queryRaw<VoteRow[]>`SELECT * FROM "qa_vote"(${sessionId}, ${input.questionId}, ${input.userId}, ${up}, ${voteId})`;
  if (!row) throw new Error("qa_vote returned nothing");
  if (row.outcome !== "OK" || !row.question || !row.settings || row.event_id === null) {
    const [code, message] = VOTE_REFUSALS[row.outcome] ?? ["CONFLICT", "That vote could not be counted."];
    throw new QaError(code, message);
  }
  const question = viewQuestion(row.question, { userId: input.userId, moderator: false });
  return { eventId: Number(row.event_id), qa: row.settings, ...(question ? { question: { ...question, votedByMe: up } } : {}) };
}

/** One upvote per person per question (the unique key enforces it); the count is kept in the same transaction. */
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
  const moderator = input.rights ? input.rights.canModerate : await canModerate(input.userId, question.session.meetingId);
  if (!moderator && question.authorId !== input.userId) throw new QaError("FORBIDDEN", "You can only edit your own questions.");
  return inSession(question.sessionId, async (tx, qa) => {
    const current = await readQuestionLocked(tx, question.id);
    if (current.status === "WITHDRAWN") throw new QaError("CONFLICT", "This question was withdrawn.");
    if (!moderator && current.status !== "PENDING") throw new QaError("CONFLICT", "You can edit your question only until the moderators approve it.");
    if (current.body === body) throw new QaError("CONFLICT", "The text is unchanged.");
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
  if (question.authorId !== input.userId) throw new QaError("FORBIDDEN", "You can only withdraw your own questions.");
  return inSession(question.sessionId, async (tx, qa) => {
    const current = await readQuestionLocked(tx, question.id);
    if (current.status !== "PENDING") {
      throw new QaError("CONFLICT", current.status === "WITHDRAWN" ? "You already withdrew this question." : "You can withdraw your question only until the moderators approve it.");
    }
    const row = await tx.audienceQuestion.update({ where: { id: question.id }, data: { status: "WITHDRAWN" }, select: questionSelect });
    const eventId = await recordEvent(tx, { sessionId: question.sessionId, kind: "QUESTION_WITHDRAWN", actorId: input.userId, qa, question: row });
    return changeFor({ userId: input.userId, moderator: false }, eventId, qa, row);
  });
}

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

/** Puts a waiting (or earlier dismissed) question on the board. */
export function approveQuestion(input: QuestionInput): Promise<QaChange> {
  return moderate(input, async (tx, current, qa) => {
    if (current.status === "APPROVED") throw new QaError("CONFLICT", "This question is already approved.");
    if (current.status === "WITHDRAWN") throw new QaError("CONFLICT", "The author withdrew this question.");
    const row = await tx.audienceQuestion.update({
      where: { id: current.id },
      data: { status: "APPROVED", approvedAt: new Date(), dismissedAt: null, dismissReason: null },
      select: questionSelect,
    });
    return { kind: "QUESTION_APPROVED", row, qa };
  });
}

/** Takes a question off the queue or the board; the optional reason is shown to its author only. */
export function dismissQuestion(input: QuestionInput & { reason?: string | null }): Promise<QaChange> {
  const reason = parseOrRefuse(dismissReasonSchema, input.reason ?? undefined) || null;
  return moderate(input, async (tx, current, qa) => {
    if (current.status === "DISMISSED") throw new QaError("CONFLICT", "This question is already dismissed.");
    if (current.status === "WITHDRAWN") throw new QaError("CONFLICT", "The author withdrew this question.");
    const row = await tx.audienceQuestion.update({
      where: { id: current.id },
      data: { status: "DISMISSED", dismissedAt: new Date(), dismissReason: reason },
      select: questionSelect,
    });
    const next = qa.pinnedQuestionId === current.id ? { ...qa, pinnedQuestionId: null } : qa;
    if (next !== qa) await writeSettings(tx, current.sessionId, next);
    return { kind: "QUESTION_DISMISSED", row, qa: next };
  });
}

/** Shows an approved question as "now answering" (one at a time) on every screen. */
export function pinQuestion(input: QuestionInput): Promise<QaChange> {
  return moderate(input, async (tx, current, qa) => {
    if (current.status !== "APPROVED") throw new QaError("CONFLICT", "Only approved questions can be pinned.");
    if (qa.pinnedQuestionId === current.id) throw new QaError("CONFLICT", "This question is already pinned.");
    const next = { ...qa, pinnedQuestionId: current.id };
    await writeSettings(tx, current.sessionId, next);
    return { kind: "QUESTION_PINNED", row: current, qa: next };
  });
}

/** Clears "now answering". */
export async function unpinQuestion(input: { sessionId: string; userId: string; rights?: CheckedRights }): Promise<QaChange> {
  const session = await findSession(input.sessionId);
  await requireModerator(input.userId, session.meetingId, input.rights);
  return inSession(session.id, async (tx, qa) => {
    if (!qa.pinnedQuestionId) throw new QaError("CONFLICT", "No question is pinned.");
    const row = await readQuestionLocked(tx, qa.pinnedQuestionId);
    const next = { ...qa, pinnedQuestionId: null };
    await writeSettings(tx, session.id, next);
    const eventId = await recordEvent(tx, { sessionId: session.id, kind: "QUESTION_UNPINNED", actorId: input.userId, qa: next, question: row });
    return changeFor({ userId: input.userId, moderator: true }, eventId, next, row);
  });
}

/** Marks an approved question answered; it stays on the board, and leaves "now answering". */
export function markAnswered(input: QuestionInput): Promise<QaChange> {
  return moderate(input, async (tx, current, qa) => {
    if (current.status !== "APPROVED") throw new QaError("CONFLICT", "Only approved questions can be marked answered.");
    if (current.answeredAt) throw new QaError("CONFLICT", "This question is already marked answered.");
    const row = await tx.audienceQuestion.update({ where: { id: current.id }, data: { answeredAt: new Date() }, select: questionSelect });
    const next = qa.pinnedQuestionId === current.id ? { ...qa, pinnedQuestionId: null } : qa;
    if (next !== qa) await writeSettings(tx, current.sessionId, next);
    return { kind: "QUESTION_ANSWERED", row, qa: next };
  });
}

type SessionInput = { sessionId: string; userId: string; rights?: CheckedRights };

async function changeSettings(input: SessionInput, kind: QaEventKind, change: (qa: QaSettings) => QaSettings): Promise<QaChange> {
  const session = await findSession(input.sessionId);
  await requireModerator(input.userId, session.meetingId, input.rights);
  return inSession(session.id, async (tx, qa) => {
    const next = change(qa);
    await writeSettings(tx, session.id, next);
    const eventId = await recordEvent(tx, { sessionId: session.id, kind, actorId: input.userId, qa: next });
    return { eventId, qa: next };
  });
}

export function openQa(input: SessionInput): Promise<QaChange> {
  return changeSettings(input, "QA_OPENED", (qa) => {
    if (qa.open) throw new QaError("CONFLICT", "Q&A is already open.");
    return { ...qa, open: true };
  });
}

export function closeQa(input: SessionInput): Promise<QaChange> {
  return changeSettings(input, "QA_CLOSED", (qa) => {
    if (!qa.open) throw new QaError("CONFLICT", "Q&A is already closed.");
    return { ...qa, open: false };
  });
}

/** Moderation on: new questions wait for approval. Off: they go straight to the board. */
export function setModeration(input: SessionInput & { enabled: boolean }): Promise<QaChange> {
  return changeSettings(input, "QA_MODERATION_CHANGED", (qa) => {
    if (qa.moderationEnabled === input.enabled) throw new QaError("CONFLICT", `Moderation is already ${input.enabled ? "on" : "off"}.`);
    return { ...qa, moderationEnabled: input.enabled };
  });
}

function parseOrRefuse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new QaError("INVALID", parsed.error.issues[0]?.message ?? "That is not valid.");
  return parsed.data;
}

/**
 * Everything `viewer` may see of a session's Q&A, and the id of the last event
 * it reflects, read from one snapshot so that applying the events after that id
 * neither misses nor repeats a change.
 */
export function getQaBoard(sessionId: string, viewer: QaViewer): Promise<QaBoard> {
  return prisma.$transaction(
    async (tx) => {
      const last = await tx.qaEvent.findFirst({ where: { sessionId }, orderBy: { id: "desc" }, select: { id: true } });
      const qa = await readSettings(tx, sessionId);
      const visible: Prisma.AudienceQuestionWhereInput = viewer.moderator
        ? {}
        : { OR: [{ status: "APPROVED" }, ...(viewer.userId ? [{ authorId: viewer.userId, status: { in: ["PENDING" as const, "DISMISSED" as const] } }] : [])] };
      const rows = await tx.audienceQuestion.findMany({ where: { sessionId, ...visible }, select: questionSelect, orderBy: { createdAt: "asc" } });
      const voted = viewer.userId
        ? new Set(
            (
              await tx.questionVote.findMany({
                where: { userId: viewer.userId, question: { sessionId } },
                select: { questionId: true },
              })
            ).map((v) => v.questionId),
          )
        : null;
      const questions = rows.flatMap((row) => {
        const view = viewQuestion(toRecord(row), viewer);
        return view ? [voted ? { ...view, votedByMe: voted.has(row.id) } : view] : [];
      });
      return { qa, questions, lastEventId: last ? Number(last.id) : 0 };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
}

/** The session's events after `afterId`, oldest first, as stored (the sidecar makes each viewer's view). */
export async function getQaEventsSince(sessionId: string, afterId: number, limit = 500): Promise<QaEventRecord[]> {
  const rows = await prisma.qaEvent.findMany({
    where: { sessionId, id: { gt: BigInt(afterId) } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, kind: true, actorId: true, createdAt: true, payload: true },
  });
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    actorId: row.actorId,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload as unknown as QaEventPayload,
  }));
}

/** The session a live page or the sidecar is about, found by the meeting's and its own slug. */
export function findLiveSession(meetingSlug: string, sessionSlug: string) {
  return prisma.session.findFirst({
    where: { slug: sessionSlug, meeting: { slug: meetingSlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      status: true,
      streamUrl: true,
      recordingUrl: true,
      room: { select: { name: true, kind: true } },
      track: { select: { slug: true, name: true, colour: true, audience: true } },
      speakers: {
        select: { role: true, speaker: { select: { slug: true, name: true, credentials: true } } },
        orderBy: sessionSpeakerOrder,
      },
      meeting: { select: { id: true, slug: true, name: true, timeZone: true, startsOn: true, format: true } },
    },
  });
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** The session's approved questions (answered or not), most votes first: what stays on the session page afterwards. */
export async function listApprovedQuestions(sessionId: string) {
  const rows = await prisma.audienceQuestion.findMany({
    where: { sessionId, status: "APPROVED" },
    select: questionSelect,
    orderBy: [{ voteCount: "desc" }, { createdAt: "asc" }],
  });
  return rows.flatMap((row) => viewQuestion(toRecord(row), { userId: null, moderator: false }) ?? []);
}

/** A session's id and meeting, for the sidecar to check rights against; null when there is no such session. */
export function findQaSession(sessionId: string) {
  return prisma.session.findUnique({ where: { id: sessionId }, select: { id: true, meetingId: true } });
}

/** The newest event id of a session (0 when it has none). */
export async function getLastQaEventId(sessionId: string): Promise<number> {
  const last = await prisma.qaEvent.findFirst({ where: { sessionId }, orderBy: { id: "desc" }, select: { id: true } });
  return last ? Number(last.id) : 0;
}

/** Changes whenever a session's Q&A does: the page cache keys the session page on it. 0 without events (or session). */
export async function getQaVersion(meetingSlug: string, sessionSlug: string): Promise<number> {
  const last = await prisma.qaEvent.findFirst({
    where: { session: { slug: sessionSlug, meeting: { slug: meetingSlug } } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last ? Number(last.id) : 0;
}
