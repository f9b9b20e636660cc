// Background work on a job queue in the PostgreSQL we already have (pg-boss,
// schema "pgboss"): no new server to run. Why a queue at all: mail must reach
// people even when the mail server is down for hours, and the periodic sweeps
// must run once per interval however many web processes there are.
//
// - A job is enqueued inside the transaction of the change that causes it
//   (`enqueueJob(tx, …)`): if the change rolls back, so does the job, and if it
//   commits, the job is there even if the process dies a moment later.
// - Failed jobs are retried with exponential backoff; a worker that dies
//   mid-job stops sending heartbeats, and pg-boss hands the job to another.
// - Cron schedules are filed under one key per occurrence, so only one process
//   runs each minute's sweep.
//
// The queues and their options are declared here, once; `installJobQueue`
// (called by the migration runner) creates pg-boss's schema and the queues,
// `enqueueJob` (enqueue-job.server.ts) adds jobs, and the worker in jobs/
// consumes them. This module reads no environment: the migration runner loads
// it before the environment is complete.
import { PgBoss, type ConstructorOptions, type QueueOptions } from "pg-boss";

const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  /** Delivers one OutgoingMail row: `{ mailId }`. */
  mail: "mail.send",
  /** Closes checkouts abandoned without a word from Stripe (every minute). */
  checkoutSweep: "registration.sweep-checkouts",
  /** E-mails people the program changes in their schedule once their window closes: queued by each publish for then, and every minute to catch up. */
  programDigests: "program.send-digests",
  /** Reminds faculty and planners who have not answered a disclosure request (every minute; each person every few days). */
  disclosureReminders: "cme.remind-disclosures",
  /** Reminds learners who attended but have not claimed CME credit, between the meeting's end and the claim deadline (hourly; each person at most twice). */
  claimReminders: "cme.remind-claims",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type JobData = {
  [QUEUES.mail]: { mailId: string };
  [QUEUES.checkoutSweep]: Record<string, never>;
  [QUEUES.programDigests]: Record<string, never>;
  [QUEUES.disclosureReminders]: Record<string, never>;
  [QUEUES.claimReminders]: Record<string, never>;
};

/**
 * Mail is retried with backoff for more than a day: pg-boss waits at least
 * retryDelay × 2^(n-1) before the n-th retry (up to twice that, at random), at
 * most retryDelayMax. So 30 s, 1, 2, 4, 8, 16 and 32 min (63.5 min in all),
 * then the other 24 retries an hour apart: at least 25 hours before the message
 * is marked failed and organizers see it in the console with "Send again".
 */
export const MAIL_RETRY = { retryLimit: 31, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 } as const;

const QUEUE_OPTIONS: Record<QueueName, QueueOptions> = {
  [QUEUES.mail]: {
    ...MAIL_RETRY,
    // A live worker refreshes its heartbeat; a killed one stops, and the job is
    // retried after this long instead of waiting for the expiry below.
    heartbeatSeconds: 30,
    expireInSeconds: 10 * 60,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  // A missed sweep is made up by the next minute's; no retries pile up behind it.
  [QUEUES.checkoutSweep]: { retryLimit: 0, expireInSeconds: 5 * 60, deleteAfterSeconds: 24 * 3600 },
  [QUEUES.programDigests]: { retryLimit: 0, expireInSeconds: 5 * 60, deleteAfterSeconds: 24 * 3600 },
  [QUEUES.disclosureReminders]: { retryLimit: 0, expireInSeconds: 10 * 60, deleteAfterSeconds: 24 * 3600 },
  [QUEUES.claimReminders]: { retryLimit: 0, expireInSeconds: 10 * 60, deleteAfterSeconds: 24 * 3600 },
};

/** A pg-boss instance on `connectionString`, started; the caller stops it. */
export async function connectJobQueue(connectionString: string, options: Partial<ConstructorOptions> = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, migrate: false, ...options });
  // pg-boss reports trouble (a lost connection, a failed maintenance pass) as
  // events; without a listener Node would throw them.
  boss.on("error", (error) => console.error(`job queue: ${error.message}`));
  return boss.start();
}

/** Creates (or upgrades) pg-boss's schema and every queue with its current options. Idempotent. */
export async function installJobQueue(connectionString: string): Promise<void> {
  const boss = await connectJobQueue(connectionString, { migrate: true, supervise: false, schedule: false, max: 1 });
  try {
    for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
