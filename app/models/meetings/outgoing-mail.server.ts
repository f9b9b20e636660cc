// A meeting's outgoing mail as its organizers see it in the console: what is
// waiting, what failed for good (after more than a day of retries), and "send
// again" for a failed message once the cause is fixed (a mistyped address
// corrected elsewhere, a mail server back up).
import type { MailStatus } from "~/generated/prisma/enums";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { enqueueJob } from "~/utils/enqueue-job.server";
import { QUEUES } from "~/utils/job-queue.server";
import { type Actor, recordAudit } from "./audit.server";

export type MeetingMailCounts = Record<MailStatus, number>;

/** How many of the meeting's messages are queued, sent and failed. */
export async function countMeetingMail(meetingId: string): Promise<MeetingMailCounts> {
  const groups = await prisma.outgoingMail.groupBy({ by: ["status"], where: { meetingId }, _count: { _all: true } });
  const counts: MeetingMailCounts = { QUEUED: 0, SENT: 0, FAILED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** The meeting's messages in one state, newest first. */
export function listMeetingMail(meetingId: string, status: MailStatus, take = 100) {
  return prisma.outgoingMail.findMany({
    where: { meetingId, status },
    select: { id: true, kind: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, failedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/**
 * Puts a failed message of the meeting back on the queue, with a fresh round
 * of retries, and records who did it. Only a failed message can be sent again:
 * one still queued is already being retried, and one sent arrived.
 */
export async function sendMailAgain(meetingId: string, mailId: string, actor: Actor): Promise<Outcome<{ to: string }>> {
  return prisma.$transaction(async (tx) => {
    const mail = await tx.outgoingMail.findFirst({ where: { id: mailId, meetingId }, select: { to: true, subject: true, status: true } });
    if (!mail) return refuse("NOT_FOUND", "There is no such message for this meeting.");
    const { count } = await tx.outgoingMail.updateMany({
      where: { id: mailId, meetingId, status: "FAILED" },
      data: { status: "QUEUED", failedAt: null },
    });
    if (!count) return refuse("CONFLICT", mail.status === "SENT" ? "This message was delivered already." : "This message is already waiting to be sent.");
    await enqueueJob(tx, QUEUES.mail, { mailId });
    await recordAudit(tx, meetingId, actor, { action: "mail.resend", summary: `Sent again: “${mail.subject}” to ${mail.to}`, details: { mailId } });
    return { ok: true, to: mail.to };
  });
}
