// When a learner who attended but has not claimed is reminded to claim: only
// between the meeting's end and the claim deadline, at most twice. The first
// on the day after the meeting (while the sessions are fresh), the second a
// week before the deadline (the last useful nudge); never two within a few
// days of each other, which matters when the claim window is short.
import { dayRange } from "~/utils/time";

export const MAX_CLAIM_REMINDERS = 2;
export const SECOND_REMINDER_DAYS_BEFORE_DEADLINE = 7;
export const MIN_DAYS_BETWEEN_CLAIM_REMINDERS = 3;

const DAY_MS = 86_400_000;

/** The instants that bound the reminders: the day after the meeting, a week before the deadline, the deadline day's end; all in the meeting's zone. */
export type ClaimReminderWindow = { opensAt: Date; secondFrom: Date; closesAt: Date };

/** "YYYY-MM-DD" `days` after a calendar date (a @db.Date column arrives as a UTC midnight). */
const dayAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);

export function claimReminderWindow(meeting: { endsOn: Date; timeZone: string }, claimDeadline: Date): ClaimReminderWindow {
  return {
    opensAt: dayRange(dayAfter(meeting.endsOn, 1), meeting.timeZone).start,
    secondFrom: dayRange(dayAfter(claimDeadline, -SECOND_REMINDER_DAYS_BEFORE_DEADLINE), meeting.timeZone).start,
    closesAt: dayRange(dayAfter(claimDeadline, 0), meeting.timeZone).end,
  };
}

/** Whether a learner with no claim is due a reminder now, given the reminders sent so far (null: none). */
export function claimReminderDue(sent: { count: number; lastSentAt: Date } | null, window: ClaimReminderWindow, now: Date): boolean {
  if (now < window.opensAt || now >= window.closesAt) return false;
  if (!sent || sent.count === 0) return true;
  if (sent.count >= MAX_CLAIM_REMINDERS) return false;
  return now >= window.secondFrom && now.getTime() - sent.lastSentAt.getTime() >= MIN_DAYS_BETWEEN_CLAIM_REMINDERS * DAY_MS;
}
