// Telling people what a release changed in their schedule. Publishing leaves
// one ProgramNotice per person and changed session (unique per person, release
// and session, so nobody is told twice). People see them in the app at once:
// My schedule marks each changed session (old → new) and the meeting's
// navigation counts them, until the person has seen them; "seen" is one mark per
// person and meeting (ProgramSeen: the newest release they have looked at), so
// the changelog's "New" and My schedule agree. E-mail waits a short window
// (PROGRAM_DIGEST_WINDOW_MINUTES, 2 by default), so that a burst of releases (an
// organizer publishing, spotting a typo, publishing again) reaches each person as
// one message listing only their sessions, old → new, and any overlap the changes
// made in their schedule. Publishing queues a digest run for when its window
// closes; a scheduled job (jobs/) also runs queueDueProgramDigests every minute,
// once across all processes, to catch anything a run missed. Tests call it with
// their own clock.
import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { enqueueJob, type JobTransaction } from "~/utils/enqueue-job.server";
import { QUEUES } from "~/utils/job-queue.server";
import { logger } from "~/utils/logger.server";
import { queueMail, type QueuedMessage } from "~/utils/mail.server";
import { describeOldNew, formatWhen, netSessionChanges, oldNewText, type SessionChange } from "./changes";
import { newOverlaps, type TimedSession } from "./clashes";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

export type ProgramNoticeView = {
  id: string;
  sessionSlug: string;
  title: string;
  changes: SessionChange[];
  release: number;
  createdAt: Date;
  /** Published after the newest release the person has seen. */
  unseen: boolean;
};

/** The newest release of the meeting the person has seen the changes of; 0 when they never looked. */
export async function seenRelease(userId: string, meetingId: string): Promise<number> {
  const row = await prisma.programSeen.findUnique({ where: { userId_meetingId: { userId, meetingId } }, select: { releaseNumber: true } });
  return row?.releaseNumber ?? 0;
}

/** A person's notices for one meeting, newest first (the changelog's "Changes to your schedule"). */
export async function listProgramNotices(userId: string, meetingId: string, options: { take?: number } = {}): Promise<ProgramNoticeView[]> {
  const [seen, rows] = await Promise.all([
    seenRelease(userId, meetingId),
    prisma.programNotice.findMany({
      where: { userId, meetingId },
      select: { id: true, sessionSlug: true, change: true, createdAt: true, release: { select: { number: true } } },
      orderBy: [{ createdAt: "desc" }, { sessionSlug: "asc" }],
      take: options.take ?? 50,
    }),
  ]);
  return rows.map((row) => {
    const changes = row.change as unknown as SessionChange[];
    return {
      id: row.id,
      sessionSlug: row.sessionSlug,
      title: changes[0]?.title ?? row.sessionSlug,
      changes,
      release: row.release.number,
      createdAt: row.createdAt,
      unseen: row.release.number > seen,
    };
  });
}

/** One session's changes since the person last looked, folded into old → new (netSessionChanges). */
export type UnseenSessionChange = { slug: string; title: string; changes: SessionChange[]; removed: boolean };

export type UnseenChanges = {
  /** The release the marks run up to: what "seen" records when the person has looked at them. */
  latestRelease: number;
  sessions: UnseenSessionChange[];
};

/**
 * What changed in a person's schedule since they last looked: each session still
 * in their schedule (or removed from the program, which took it out) with
 * notices of releases after the one they saw, its changes folded. Sessions whose
 * changes cancel out, and sessions they took out of their schedule themselves,
 * are left out. A handful of rows: a person's notices after one release.
 */
export async function listUnseenChanges(userId: string, meetingId: string): Promise<UnseenChanges> {
  const seen = await seenRelease(userId, meetingId);
  const [latest, notices, scheduled] = await Promise.all([
    prisma.agendaRelease.findFirst({ where: { meetingId }, orderBy: { number: "desc" }, select: { number: true } }),
    prisma.programNotice.findMany({
      where: { userId, meetingId, release: { number: { gt: seen } } },
      select: { sessionSlug: true, change: true, release: { select: { number: true } } },
      orderBy: [{ release: { number: "asc" } }, { sessionSlug: "asc" }],
    }),
    prisma.scheduleItem.findMany({ where: { userId, session: { meetingId } }, select: { session: { select: { slug: true } } } }),
  ]);
  const inSchedule = new Set(scheduled.map((item) => item.session.slug));
  return {
    latestRelease: latest?.number ?? 0,
    sessions: foldBySession(notices.map((notice) => ({ slug: notice.sessionSlug, changes: notice.change as unknown as SessionChange[] }))).filter(
      (session) => session.changes.length > 0 && (session.removed || inSchedule.has(session.slug)),
    ),
  };
}

/** Notices in release order, grouped by session and folded: one entry per session, first-seen order. */
function foldBySession(notices: { slug: string; changes: SessionChange[] }[]): UnseenSessionChange[] {
  const bySession = new Map<string, SessionChange[]>();
  for (const notice of notices) bySession.set(notice.slug, [...(bySession.get(notice.slug) ?? []), ...notice.changes]);
  return [...bySession].map(([slug, changes]) => {
    const net = netSessionChanges(changes);
    return { slug, title: changes[changes.length - 1]?.title ?? slug, changes: net, removed: net.some((change) => change.type === "removed") };
  });
}

/**
 * Records that the person has looked at the changes up to release `upTo` (the
 * newest release when left out; never past it). The mark only moves forward: a
 * page left open since an older release cannot take it back. Returns the
 * release now recorded.
 */
export async function markProgramSeen(userId: string, meetingId: string, upTo?: number, now = new Date()): Promise<number> {
  const latest = (await prisma.agendaRelease.findFirst({ where: { meetingId }, orderBy: { number: "desc" }, select: { number: true } }))?.number ?? 0;
  const release = Math.min(upTo ?? latest, latest);
  if (release <= 0) return seenRelease(userId, meetingId);
  const [row] = await prisma.$queryRaw<{ releaseNumber: number }[]>`
    INSERT INTO "ProgramSeen" ("id", "userId", "meetingId", "releaseNumber", "seenAt")
    VALUES (${randomUUID()}, ${userId}, ${meetingId}, ${release}, ${now})
    ON CONFLICT ("userId", "meetingId") DO UPDATE
      SET "releaseNumber" = GREATEST("ProgramSeen"."releaseNumber", EXCLUDED."releaseNumber"), "seenAt" = EXCLUDED."seenAt"
    RETURNING "releaseNumber"`;
  return row!.releaseNumber;
}

/** The digest window: how long after a person's first unsent notice their e-mail goes out. */
export function digestWindowMs(): number {
  return env.PROGRAM_DIGEST_WINDOW_MINUTES * 60_000;
}

/**
 * Queues, in the publishing transaction, a digest run for just after the
 * window closes, so the e-mail goes out about a window after the publish rather
 * than at the next minute's scheduled run. A few seconds of margin let the
 * notices be due by then whatever the clocks of web and database say.
 */
export async function scheduleProgramDigest(tx: JobTransaction): Promise<void> {
  await enqueueJob(tx, QUEUES.programDigests, {}, { startAfter: Math.ceil(digestWindowMs() / 1000) + 5 });
}

export type DigestOptions = { windowMs?: number };

type DueGroup = { userId: string; meetingId: string };
type ClaimedNotice = { id: string; sessionSlug: string; change: unknown; releaseNumber: number };

/**
 * Queues the e-mails that are due at `now`: for each person and meeting whose
 * oldest unsent notice is at least the window old, one message with all their
 * unsent notices. Notices are claimed (emailedAt set, rows locked with SKIP
 * LOCKED so a concurrent run skips them) in the same transaction that queues
 * the message, which the mail queue then delivers with retries.
 */
export async function queueDueProgramDigests(now = new Date(), options: DigestOptions = {}): Promise<{ messages: number; notices: number }> {
  const windowMs = options.windowMs ?? digestWindowMs();
  const dueBefore = new Date(now.getTime() - windowMs);
  const groups = await prisma.$queryRaw<DueGroup[]>`
    SELECT "userId", "meetingId" FROM "ProgramNotice"
     WHERE "emailedAt" IS NULL
     GROUP BY "userId", "meetingId"
    HAVING min("createdAt") <= ${dueBefore}`;
  let messages = 0;
  let notices = 0;
  for (const group of groups) {
    try {
      const done = await queueDigest(group, now);
      notices += done.claimed;
      if (done.mailed) messages++;
    } catch (error) {
      logger.error({ err: error, userId: group.userId, meetingId: group.meetingId }, "program digest: queueing failed; the next run tries again");
    }
  }
  return { messages, notices };
}

async function queueDigest(group: DueGroup, now: Date): Promise<{ claimed: number; mailed: boolean }> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<ClaimedNotice[]>`
        UPDATE "ProgramNotice" AS n SET "emailedAt" = ${now}
          FROM "AgendaRelease" r
         WHERE r."id" = n."releaseId"
           AND n."id" IN (SELECT "id" FROM "ProgramNotice"
                           WHERE "userId" = ${group.userId} AND "meetingId" = ${group.meetingId}
                             AND "emailedAt" IS NULL AND "createdAt" <= ${now}
                           FOR UPDATE SKIP LOCKED)
        RETURNING n."id", n."sessionSlug", n."change", r."number" AS "releaseNumber"`;
      if (!claimed.length) return { claimed: 0, mailed: false };
      const user = await tx.user.findUniqueOrThrow({ where: { id: group.userId }, select: { email: true, name: true } });
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: group.meetingId }, select: { id: true, slug: true, name: true, timeZone: true } });
      const schedule = await tx.session.findMany({
        where: { meetingId: group.meetingId, scheduleItems: { some: { userId: group.userId } } },
        select: { slug: true, title: true, startsAt: true, endsAt: true, status: true },
      });
      const message = composeDigest({ user, meeting, notices: claimed, schedule });
      // Changes that cancel out (moved and moved back) are claimed, and nobody is told.
      if (message) await queueMail(tx, message);
      return { claimed: claimed.length, mailed: message !== null };
    },
    { timeout: 30_000 },
  );
}

type ScheduledSession = TimedSession & { title: string };

/**
 * The person's schedule as it was before the changes: each changed session put
 * back where, when and whether it was. Sessions the changes removed are gone
 * from the schedule now and can make no new overlap, so they are not needed.
 */
function scheduleBefore(schedule: ScheduledSession[], changed: Map<string, SessionChange[]>): ScheduledSession[] {
  return schedule.map((session) => {
    let before = { ...session };
    for (const change of changed.get(session.slug) ?? []) {
      if (change.type === "moved") before = { ...before, startsAt: change.from.startsAt, endsAt: change.from.endsAt };
      if (change.type === "cancelled") before = { ...before, status: "SCHEDULED" };
      if (change.type === "reinstated") before = { ...before, status: "CANCELLED" };
    }
    return before;
  });
}

/** The message, or null when the changes cancel out and there is nothing to tell. */
function composeDigest({
  user,
  meeting,
  notices,
  schedule,
}: {
  user: { email: string; name: string };
  meeting: { id: string; slug: string; name: string; timeZone: string };
  notices: ClaimedNotice[];
  /** The person's schedule now, after the changes. */
  schedule: ScheduledSession[];
}): QueuedMessage | null {
  const ordered = [...notices].sort((a, b) => a.releaseNumber - b.releaseNumber || a.sessionSlug.localeCompare(b.sessionSlug));
  const sessions = foldBySession(ordered.map((notice) => ({ slug: notice.sessionSlug, changes: notice.change as SessionChange[] }))).filter((session) => session.changes.length);
  if (!sessions.length) return null;
  const zone = meeting.timeZone;
  const releases = [...new Set(notices.map((notice) => notice.releaseNumber))].sort((a, b) => a - b);
  const count = sessions.length;
  const subject = `${meeting.name}: ${count === 1 ? "a session" : `${count} sessions`} in your schedule changed`;
  const blocks = sessions.map((session) => {
    const lines = session.changes.map((change) => `  - ${oldNewText(describeOldNew(change, zone))}`);
    const link = session.removed ? "" : `\n  ${absoluteUrl(href.session(meeting, session.slug))}`;
    return `${session.title}\n${lines.join("\n")}${link}`;
  });
  const changed = new Map(sessions.map((session) => [session.slug, session.changes]));
  const when = (session: ScheduledSession) => formatWhen({ startsAt: new Date(session.startsAt).toISOString(), endsAt: new Date(session.endsAt).toISOString() }, zone);
  const overlaps = newOverlaps(scheduleBefore(schedule, changed), schedule).map(([a, b]) => `  - “${a.title}” (${when(a)}) now overlaps “${b.title}” (${when(b)})`);
  const text = [
    `Hello ${user.name},`,
    "",
    `The organizers of ${meeting.name} published ${releases.length === 1 ? `release ${releases[0]}` : `releases ${releases.slice(0, -1).join(", ")} and ${releases[releases.length - 1]}`} of the program. These changes touch sessions in your schedule, old → new (times in the meeting's zone, ${zone}):`,
    "",
    blocks.join("\n\n"),
    ...(overlaps.length
      ? ["", `${overlaps.length === 1 ? "A new overlap" : "New overlaps"} in your schedule (they stay; choose between them, or remove one):`, ...overlaps]
      : []),
    "",
    `Every change: ${absoluteUrl(href.changelog(meeting))}`,
    `Your schedule: ${absoluteUrl(href.schedule(meeting))}`,
    "",
    "You get this message because these sessions are in your schedule.",
  ].join("\n");
  return { kind: "program-digest", meetingId: meeting.id, to: user.email, subject, text };
}
