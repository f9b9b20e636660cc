// Claim reminders, sent by the worker's scheduled job: after a meeting with
// CME credit ends and until its claim deadline, everyone with evidence at an
// accredited session who has not claimed is e-mailed (their sessions, the
// deadline, a link to My CME), at most twice (when: claim-reminders.ts). Each
// reminder is counted in CreditClaimReminder in the transaction that queues the
// mail, and the count is claimed first, so several workers never send one twice.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { formatDate, formatTimeRange } from "~/utils/time";
import { type AttendedSession, accreditedLearners } from "./attendance.server";
import { claimReminderDue, claimReminderWindow, MAX_CLAIM_REMINDERS } from "./claim-reminders";

type Meeting = { id: string; slug: string; name: string; timeZone: string; endsOn: Date };

const DAY_MS = 86_400_000;

/** Counts the reminder for the person, unless another worker did first; false then. */
async function claimReminderSlot(tx: Prisma.TransactionClient, meetingId: string, userId: string, sentBefore: number, now: Date): Promise<boolean> {
  if (sentBefore === 0) {
    const created = await tx.creditClaimReminder.createMany({ data: [{ meetingId, userId, count: 1, lastSentAt: now }], skipDuplicates: true });
    return created.count === 1;
  }
  const { count } = await tx.creditClaimReminder.updateMany({ where: { meetingId, userId, count: sentBefore }, data: { count: sentBefore + 1, lastSentAt: now } });
  return count === 1;
}

function reminderText(meeting: Meeting, name: string, sessions: AttendedSession[], deadline: Date, number: number) {
  return [
    `Dear ${name},`,
    "",
    `Thank you for attending ${meeting.name}. Our records show you attended these accredited sessions:`,
    "",
    ...sessions.map((row) => `- ${row.session.title} (${formatDate(row.session.startsAt, meeting.timeZone)}, ${formatTimeRange(row.session.startsAt, row.session.endsAt, meeting.timeZone)}): ${row.minutes} minutes`),
    "",
    `You have not claimed your CME credit yet. Claims close at the end of ${formatDate(deadline, "UTC")}.`,
    "Answer the evaluation and claim your credit, and download your certificate, on My CME:",
    absoluteUrl(href.myCme(meeting.slug)),
    "",
    number < MAX_CLAIM_REMINDERS ? "We will remind you once more before the deadline." : "This is our last reminder.",
  ].join("\n");
}

/** Reminds, for one meeting, everyone who attended and is due a reminder. */
async function remindForMeeting(meeting: Meeting, claimDeadline: Date, now: Date): Promise<number> {
  const window = claimReminderWindow(meeting, claimDeadline);
  if (now < window.opensAt || now >= window.closesAt) return 0;
  const [learners, claimed, sent] = await Promise.all([
    accreditedLearners(meeting.id),
    prisma.creditClaim.findMany({ where: { meetingId: meeting.id }, select: { userId: true } }),
    prisma.creditClaimReminder.findMany({ where: { meetingId: meeting.id }, select: { userId: true, count: true, lastSentAt: true } }),
  ]);
  const hasClaim = new Set(claimed.map((claim) => claim.userId));
  const sentTo = new Map(sent.map((row) => [row.userId, row]));
  const due = [...learners.keys()].filter((userId) => !hasClaim.has(userId) && claimReminderDue(sentTo.get(userId) ?? null, window, now));
  if (!due.length) return 0;
  const people = await prisma.user.findMany({ where: { id: { in: due } }, select: { id: true, name: true, email: true } });
  let reminded = 0;
  for (const person of people) {
    const before = sentTo.get(person.id)?.count ?? 0;
    const sentNow = await prisma.$transaction(async (tx) => {
      // A claim made since the list was read ends the reminders.
      if (await tx.creditClaim.findUnique({ where: { meetingId_userId: { meetingId: meeting.id, userId: person.id } }, select: { id: true } })) return false;
      if (!(await claimReminderSlot(tx, meeting.id, person.id, before, now))) return false;
      await queueMail(tx, {
        kind: "cme-claim-reminder",
        meetingId: meeting.id,
        to: person.email,
        subject: `${meeting.name}: claim your CME credit by ${formatDate(claimDeadline, "UTC")}`,
        text: reminderText(meeting, person.name, learners.get(person.id)!, claimDeadline, before + 1),
      });
      return true;
    });
    if (sentNow) reminded++;
  }
  return reminded;
}

/** Every meeting whose claim window is open now: ended, deadline not passed (give or take a day of zones, checked exactly per meeting). */
export async function sendDueClaimReminders(now = new Date()): Promise<{ reminded: number }> {
  const designations = await prisma.creditDesignation.findMany({
    where: { claimDeadline: { gte: new Date(now.getTime() - 2 * DAY_MS) }, meeting: { endsOn: { lt: now } } },
    select: { claimDeadline: true, meeting: { select: { id: true, slug: true, name: true, timeZone: true, endsOn: true } } },
  });
  let reminded = 0;
  for (const designation of designations) reminded += await remindForMeeting(designation.meeting, designation.claimDeadline, now);
  return { reminded };
}
