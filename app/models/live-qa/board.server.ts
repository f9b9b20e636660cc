// Reading a session's Q&A: the board a screen starts from, the events after an
// id (the sidecar's feed and a reconnecting client's catch-up), the session a
// live page is about, and what the session page keeps once the session is over.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { sessionCoreSelect, sessionSpeakerOrder } from "../program/session.server";
import { questionSelect, readSettings, toRecord } from "./event-log.server";
import { viewQuestion, type QaBoard, type QaEventPayload, type QaEventRecord, type QaViewer } from "./questions";

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

/** The session a live page or the sidecar is about, found by the meeting's and its own slug. */
export function findLiveSession(meetingSlug: string, sessionSlug: string) {
  return prisma.session.findFirst({
    where: { slug: sessionSlug, meeting: { slug: meetingSlug } },
    select: {
      ...sessionCoreSelect,
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

/** A session's id and meeting, for the sidecar to check rights against; null when there is no such session. */
export function findQaSession(sessionId: string) {
  return prisma.session.findUnique({ where: { id: sessionId }, select: { id: true, meetingId: true } });
}

/** The session's approved questions (answered or not), most votes first: what stays on the session page afterwards. */
export async function listApprovedQuestions(sessionId: string) {
  const rows = await prisma.audienceQuestion.findMany({
    where: { sessionId, status: "APPROVED" },
    select: questionSelect,
    orderBy: [{ voteCount: "desc" }, { createdAt: "asc" }],
  });
  return rows.flatMap((row) => viewQuestion(toRecord(row), { userId: null, moderator: false }) ?? []);
}
