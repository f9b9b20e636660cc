// What a job's end-to-end test stands on, as production runs the job: a real
// SMTP server (its address set before the mail module loads), a real worker
// taking jobs off this test database's queue, and a run queued the way the
// job's schedule queues it.
import { afterAll } from "vitest";
import { startTestSmtpServer } from "../tests/smtp-server";

/** A queue whose job is a periodic sweep: a run takes no data. */
type SweepQueue = "programDigests" | "disclosureReminders" | "claimReminders";

/**
 * Starts the SMTP server and sets `env` (settings read when the modules load);
 * call it with a top-level await before the test's own imports of app modules.
 */
export async function startJobRun(env: Record<string, string> = {}) {
  const smtp = await startTestSmtpServer();
  process.env.SMTP_URL = smtp.url;
  Object.assign(process.env, env);
  afterAll(() => smtp.close());
  const { prisma } = await import("../app/utils/db.server");
  const { enqueueJob } = await import("../app/utils/enqueue-job.server");
  const { QUEUES } = await import("../app/utils/job-queue.server");
  const { startJobWorker } = await import("./worker");
  return {
    smtp,
    /** Runs `body` while a worker (without the schedules: the test queues what it wants) takes jobs, and stops it after. */
    async withWorker(body: () => Promise<void>): Promise<void> {
      const worker = await startJobWorker(process.env.DATABASE_URL!, { schedules: false });
      try {
        await body();
      } finally {
        await worker.stop();
      }
    },
    /** Queues one run of a sweep, as its schedule does. */
    queueRun: (queue: SweepQueue) => prisma.$transaction((tx) => enqueueJob(tx, QUEUES[queue], {})),
    /** Waits until `found` finds a message, 40 s at most from `since`: the job, then the mail job, each take their turn on the worker. */
    async arrival(found: () => unknown[], since = Date.now()): Promise<void> {
      while (!found().length && Date.now() < since + 40_000) await new Promise((resolve) => setTimeout(resolve, 250));
    },
  };
}
