// The session's Q&A log: how every change is written. A verb checks who may do
// it (here: participants, moderators), then, under a per-session lock, writes
// the change and an event row in one transaction and NOTIFYs the sidecars. The
// verbs (asking.server.ts, moderation.server.ts) and the board's reads
// (board.server.ts) share the question's shape from here. Nothing here imports
// Remix, so the sidecar and the web app write the same way.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { canModerate, canParticipate } from "../accounts/access.server";
import { RefusalError } from "../refusal";
import {
  DEFAULT_QA_SETTINGS,
  viewQuestion,
  type QaChange,
  type QaEventKind,
  type QaEventPayload,
  type QaSettings,
  type QaViewer,
  type QuestionRecord,
} from "./questions";

/** The channel every sidecar LISTENs on; the payload is "<sessionId>:<eventId>". */
export const QA_EVENTS_CHANNEL = "qa_events";

export type Tx = Prisma.TransactionClient;

export const questionSelect = {
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

export type QuestionRow = Prisma.AudienceQuestionGetPayload<{ select: typeof questionSelect }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toRecord(row: QuestionRow): QuestionRecord {
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
export async function findSession(sessionId: string) {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { id: true, meetingId: true, status: true, meeting: { select: { name: true } } },
  });
  if (!session) throw new RefusalError("NOT_FOUND", "There is no such session.");
  return session;
}

export const NO_SUCH_QUESTION = "There is no such question in this session.";

export async function findQuestion(questionId: string, sessionId?: string) {
  const question = await prisma.audienceQuestion.findFirst({
    where: { id: questionId, ...(sessionId ? { sessionId } : {}) },
    select: { id: true, sessionId: true, authorId: true, session: { select: { meetingId: true, meeting: { select: { name: true } } } } },
  });
  if (!question) throw new RefusalError("NOT_FOUND", NO_SUCH_QUESTION);
  return question;
}

/**
 * What the caller already knows the actor may do in this session's meeting:
 * the sidecar checks canParticipate/canModerate when a socket joins a session
 * (and again every minute) and passes them along, so a vote does not repeat
 * the check. Without it, the verb asks the database.
 */
export type CheckedRights = { canParticipate: boolean; canModerate: boolean };

/** Who runs a verb, in which session, and what is already known of their rights there. */
export type QaActor = { userId: string; sessionId: string; rights?: CheckedRights };

/** A verb about one question; without `sessionId` the question may be in any session (tests, scripts). */
export type QuestionInput = { questionId: string; userId: string; sessionId?: string; rights?: CheckedRights };

export async function requireParticipant(userId: string, meeting: { meetingId: string; meetingName: string }, rights?: CheckedRights) {
  if (!(rights ? rights.canParticipate : await canParticipate(userId, meeting.meetingId))) {
    throw new RefusalError("FORBIDDEN", `Only people registered for ${meeting.meetingName} can ask and vote. Register to take part.`);
  }
}

export async function requireModerator(userId: string, meetingId: string, rights?: CheckedRights) {
  if (!(rights ? rights.canModerate : await canModerate(userId, meetingId))) {
    throw new RefusalError("FORBIDDEN", "Only the meeting's moderators and organizers can moderate questions.");
  }
}

/** Whether the actor moderates the question's meeting: known rights first, else the database. */
export function moderates(userId: string, meetingId: string, rights?: CheckedRights): Promise<boolean> {
  return rights ? Promise.resolve(rights.canModerate) : canModerate(userId, meetingId);
}

export function requireOpen(qa: QaSettings) {
  if (!qa.open) throw new RefusalError("CLOSED", "Q&A is closed for this session.");
}

/** Text from a verb's caller, checked with its schema: the sidecar and the forms check first, tests and scripts may not. */
export function parseOrRefuse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RefusalError("INVALID", parsed.error.issues[0]?.message ?? "That is not valid.");
  return parsed.data;
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

export async function readSettings(tx: Tx, sessionId: string): Promise<QaSettings> {
  const row = await tx.sessionQa.findUnique({ where: { sessionId }, select: { open: true, moderationEnabled: true, pinnedQuestionId: true } });
  return row ?? { ...DEFAULT_QA_SETTINGS };
}

export async function writeSettings(tx: Tx, sessionId: string, settings: QaSettings) {
  await tx.sessionQa.upsert({
    where: { sessionId },
    create: { sessionId, ...settings },
    update: settings,
    select: { sessionId: true },
  });
}

export async function readQuestionLocked(tx: Tx, questionId: string) {
  const row = await tx.audienceQuestion.findUnique({ where: { id: questionId }, select: questionSelect });
  if (!row) throw new RefusalError("NOT_FOUND", NO_SUCH_QUESTION);
  return row;
}

/** Writes the event row and queues the NOTIFY, which PostgreSQL delivers only when the transaction commits. */
export async function recordEvent(tx: Tx, input: { sessionId: string; kind: QaEventKind; actorId: string; qa: QaSettings; question?: QuestionRow }) {
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
export function inSession<T>(sessionId: string, change: (tx: Tx, qa: QaSettings) => Promise<T>): Promise<T> {
  return takeTurn(sessionId, () =>
    prisma.$transaction(async (tx) => {
      await lockSession(tx, sessionId);
      return change(tx, await readSettings(tx, sessionId));
    }),
  );
}

/** The change as the actor sees it (their own question, their own vote). */
export function changeFor(actor: QaViewer, eventId: number, qa: QaSettings, row?: QuestionRow): QaChange {
  const question = row ? viewQuestion(toRecord(row), actor) : null;
  return { eventId, qa, ...(question ? { question } : {}) };
}
