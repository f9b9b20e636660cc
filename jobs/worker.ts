// The worker: takes jobs off the queue declared in app/utils/job-queue.server.ts
// and does them with the same domain functions the web app uses. `npm start`
// runs one in its process and `npm run start:worker` runs more; any number may
// run at once. Each job kind is one small handler here; the work itself lives in
// the models.
import type { ConstructorOptions, Job, JobWithMetadata } from "pg-boss";
import { deliverQueuedMail } from "../app/utils/mail.server";
import { connectJobQueue, QUEUES, type JobData } from "../app/utils/job-queue.server";
import { logger } from "../app/utils/logger.server";
import { queueDueProgramDigests } from "../app/models/program/notices.server";
import { sweepExpiredCheckouts } from "../app/models/registration/sweep.server";
import { sendDueDisclosureReminders } from "../app/models/cme/disclosure-views.server";
import { sendDueClaimReminders } from "../app/models/cme/claim-reminders.server";

/** Once across all workers (pg-boss files each occurrence under one key): every minute, or hourly for the claim reminders. */
export const SCHEDULES = [
  { queue: QUEUES.checkoutSweep, cron: "* * * * *" },
  { queue: QUEUES.programDigests, cron: "* * * * *" },
  // A cheap query when nobody is due; each person is reminded only every few days.
  { queue: QUEUES.disclosureReminders, cron: "* * * * *" },
  // Reminders go by the day (the day after the meeting, a week before the deadline): hourly is soon enough.
  { queue: QUEUES.claimReminders, cron: "17 * * * *" },
] as const;

export type JobWorker = { stop(): Promise<void> };

/**
 * Starts a worker on `connectionString`. `queue` passes pg-boss settings
 * through (tests shorten its maintenance intervals); `schedules: false` leaves
 * the cron schedules to other workers.
 */
export async function startJobWorker(
  connectionString: string,
  options: { queue?: Partial<ConstructorOptions>; schedules?: boolean } = {},
): Promise<JobWorker> {
  const boss = await connectJobQueue(connectionString, { supervise: true, schedule: true, max: 4, ...options.queue });

  await boss.work(
    QUEUES.mail,
    { includeMetadata: true, batchSize: 1, localConcurrency: 2 },
    async ([job]: JobWithMetadata<JobData[typeof QUEUES.mail]>[]) => {
      if (!job) return;
      const lastAttempt = job.retryCount >= job.retryLimit;
      try {
        await deliverQueuedMail(job.data.mailId, { lastAttempt });
      } catch (error) {
        // The server's answer is what matters; the stack of an SMTP refusal says nothing.
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ mailId: job.data.mailId, attempt: job.retryCount + 1, reason }, lastAttempt ? "mail failed for good" : "mail not sent yet; will retry");
        throw error;
      }
    },
  );
  await boss.work(QUEUES.checkoutSweep, async (_jobs: Job<JobData[typeof QUEUES.checkoutSweep]>[]) => {
    const closed = await sweepExpiredCheckouts();
    if (closed) logger.info({ closed }, "checkout sweep closed abandoned checkouts");
  });
  await boss.work(QUEUES.programDigests, async (_jobs: Job<JobData[typeof QUEUES.programDigests]>[]) => {
    const result = await queueDueProgramDigests();
    if (result.messages) logger.info(result, "program digests queued");
  });
  await boss.work(QUEUES.disclosureReminders, async (_jobs: Job<JobData[typeof QUEUES.disclosureReminders]>[]) => {
    const result = await sendDueDisclosureReminders();
    if (result.reminded) logger.info(result, "disclosure reminders queued");
  });

  await boss.work(QUEUES.claimReminders, async (_jobs: Job<JobData[typeof QUEUES.claimReminders]>[]) => {
    const result = await sendDueClaimReminders();
    if (result.reminded) logger.info(result, "CME claim reminders queued");
  });

  if (options.schedules !== false) {
    for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron);
  }

  return {
    // Graceful: jobs in hand finish (or go back to the queue) before the pool closes.
    stop: () => boss.stop({ graceful: true, timeout: 15_000 }),
  };
}
