// Telling people what a release changed in their schedule. Publishing leaves
// one ProgramNotice per person and changed session (unique per person, release
// and session, so nobody is told twice). People see them in the app at once;
// e-mail waits for a quiet window, so that a burst of releases (an organizer
// publishing, spotting a typo, publishing again) reaches each person as one
// message listing only their sessions. A scheduled job (jobs/) calls
// queueDueProgramDigests every minute, once across all processes; tests call it
// with their own clock.
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { queueMail, type QueuedMessage } from "~/utils/mail.server";
import { describeChange, type SessionChange } from "./changes";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

export type ProgramNoticeView = {
  id: string;
  sessionSlug: string;
  title: string;
  changes: SessionChange[];
  release: number;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * A person's notices for one meeting, newest first. The personal schedule page
 * may call this to show what changed in the sessions someone follows.
 */
export async function listProgramNotices(userId: string, meetingId: string, options: { unreadOnly?: boolean; take?: number } = {}): Promise<ProgramNoticeView[]> {
  const rows = await prisma.programNotice.findMany({
    where: { userId, meetingId, ...(options.unreadOnly ? { readAt: null } : {}) },
    select: { id: true, sessionSlug: true, change: true, createdAt: true, readAt: true, release: { select: { number: true } } },
    orderBy: [{ createdAt: "desc" }, { sessionSlug: "asc" }],
    take: options.take ?? 50,
  });
  return rows.map((row) => {
    const changes = row.change as unknown as SessionChange[];
    return {
      id: row.id,
      sessionSlug: row.sessionSlug,
      title: changes[0]?.title ?? row.sessionSlug,
      changes,
      release: row.release.number,
      createdAt: row.createdAt,
      readAt: row.readAt,
    };
  });
}

export async function markProgramNoticesRead(userId: string, meetingId: string, now = new Date()): Promise<number> {
  const { count } = await prisma.programNotice.updateMany({ where: { userId, meetingId, readAt: null }, data: { readAt: now } });
  return count;
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
  const windowMs = options.windowMs ?? env.PROGRAM_DIGEST_WINDOW_MINUTES * 60_000;
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
      const sent = await queueDigest(group, now);
      if (sent) {
        messages++;
        notices += sent;
      }
    } catch (error) {
      logger.error({ err: error, userId: group.userId, meetingId: group.meetingId }, "program digest: queueing failed; the next run tries again");
    }
  }
  return { messages, notices };
}

async function queueDigest(group: DueGroup, now: Date): Promise<number> {
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
      if (!claimed.length) return 0;
      const user = await tx.user.findUniqueOrThrow({ where: { id: group.userId }, select: { email: true, name: true } });
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: group.meetingId }, select: { id: true, slug: true, name: true, timeZone: true } });
      await queueMail(tx, composeDigest({ user, meeting, notices: claimed }));
      return claimed.length;
    },
    { timeout: 30_000 },
  );
}

function composeDigest({
  user,
  meeting,
  notices,
}: {
  user: { email: string; name: string };
  meeting: { id: string; slug: string; name: string; timeZone: string };
  notices: ClaimedNotice[];
}): QueuedMessage {
  // One entry per session, its changes in release order.
  const bySession = new Map<string, { title: string; lines: { release: number; text: string }[]; removed: boolean }>();
  for (const notice of [...notices].sort((a, b) => a.releaseNumber - b.releaseNumber)) {
    const changes = notice.change as SessionChange[];
    const entry = bySession.get(notice.sessionSlug) ?? { title: changes[0]?.title ?? notice.sessionSlug, lines: [], removed: false };
    for (const change of changes) {
      entry.lines.push({ release: notice.releaseNumber, text: describeChange(change, meeting.timeZone) });
      if (change.type === "removed") entry.removed = true;
      entry.title = change.title;
    }
    bySession.set(notice.sessionSlug, entry);
  }
  const releases = [...new Set(notices.map((notice) => notice.releaseNumber))].sort((a, b) => a - b);
  const count = bySession.size;
  const subject = `${meeting.name}: ${count === 1 ? "a session" : `${count} sessions`} in your schedule changed`;
  const blocks = [...bySession].map(([slug, entry]) => {
    const lines = entry.lines.map((line) => `  - ${line.text}${releases.length > 1 ? ` (release ${line.release})` : ""}`);
    const link = entry.removed ? "" : `\n  ${absoluteUrl(href.session(meeting, slug))}`;
    return `${entry.title}\n${lines.join("\n")}${link}`;
  });
  const text = [
    `Hello ${user.name},`,
    "",
    `The organizers of ${meeting.name} published ${releases.length === 1 ? `release ${releases[0]}` : `releases ${releases.slice(0, -1).join(", ")} and ${releases[releases.length - 1]}`} of the program. These changes touch sessions in your schedule (times in the meeting's zone, ${meeting.timeZone}):`,
    "",
    blocks.join("\n\n"),
    "",
    `Every change: ${absoluteUrl(href.changelog(meeting))}`,
    `Your schedule: ${absoluteUrl(href.schedule(meeting))}`,
    "",
    "You get this message because these sessions are in your schedule.",
  ].join("\n");
  return { kind: "program-digest", meetingId: meeting.id, to: user.email, subject, text };
}
