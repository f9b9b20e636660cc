// Reading a session's Q&A: the board a screen starts from, the events after an
// id (the sidecar's feed and a reconnecting client's catch-up), the session a
// live page is about, and what the session page keeps once the session is over.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { sessionCoreSelect, sessionSpeakerOrder } from "../program/session.server";
import { questionSelect, readSettings, toRecord } from "./event-log.server";
import { viewQuestion, type QaBoard, type QaEventPayload, type QaEventRecord, type QaViewer, type QuestionRecord } from "./questions";

/**
 * Everything `viewer` may see of a session's Q&A, and the id of the last event
 * it reflects, read from one snapshot so that applying the events after that id
 * neither misses nor repeats a change.
 */
export async function getQaBoard(sessionId: string, viewer: QaViewer): Promise<QaBoard> {
  const [board] = await getQaBoards(sessionId, [viewer]);
  return board!;
}

/** Whether a question is on `viewer`'s board: moderators see all; others the approved ones and their own waiting or dismissed ones. */
function onBoardOf(record: QuestionRecord, viewer: QaViewer): boolean {
  if (viewer.moderator || record.status === "APPROVED") return true;
  return record.authorId === viewer.userId && (record.status === "PENDING" || record.status === "DISMISSED");
}

/**
 * The boards of many viewers of one session (the sidecar's join storm: a
 * plenary's audience arriving together), each as getQaBoard makes it, from one
 * snapshot read once: the questions, the settings and the last event id are
 * the same for all, and each viewer's own votes come from one query for all of
 * them. Boards are in the order of `viewers`.
 */
export function getQaBoards(sessionId: string, viewers: readonly QaViewer[]): Promise<QaBoard[]> {
  return prisma.$transaction(
    async (tx) => {
      const last = await tx.qaEvent.findFirst({ where: { sessionId }, orderBy: { id: "desc" }, select: { id: true } });
      const qa = await readSettings(tx, sessionId);
      const rows = await tx.audienceQuestion.findMany({ where: { sessionId }, select: questionSelect, orderBy: { createdAt: "asc" } });
      const records = rows.map(toRecord);
      const voters = [...new Set(viewers.flatMap((viewer) => viewer.userId ?? []))];
      const votedBy = new Map<string, Set<string>>(voters.map((userId) => [userId, new Set()]));
      if (voters.length) {
        const votes = await tx.questionVote.findMany({ where: { userId: { in: voters }, question: { sessionId } }, select: { userId: true, questionId: true } });
        for (const vote of votes) votedBy.get(vote.userId)?.add(vote.questionId);
      }
      const lastEventId = last ? Number(last.id) : 0;
      return viewers.map((viewer) => {
        const voted = viewer.userId ? votedBy.get(viewer.userId)! : null;
        const questions = records.flatMap((record) => {
          const view = onBoardOf(record, viewer) ? viewQuestion(record, viewer) : null;
          return view ? [voted ? { ...view, votedByMe: voted.has(record.id) } : view] : [];
        });
        return { qa, questions, lastEventId };
      });
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
export async function findQaSession(sessionId: string) {
  return (await findQaSessions([sessionId])).get(sessionId) ?? null;
}

/** findQaSession for many ids in one query, keyed by id; unknown ones are absent. */
export async function findQaSessions(sessionIds: readonly string[]): Promise<Map<string, { id: string; meetingId: string }>> {
  const rows = await prisma.session.findMany({ where: { id: { in: [...sessionIds] } }, select: { id: true, meetingId: true } });
  return new Map(rows.map((row) => [row.id, row]));
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
