// Tests that check what people are e-mailed: the mail jobs queued in this
// worker's database are run through the real queue (fetched from pg-boss, sent
// by the mail job's own function, completed), then the outbox is read.
import { deliverQueuedMail, readOutbox } from "~/utils/mail.server";
import { connectJobQueue, QUEUES, type JobData } from "~/utils/job-queue.server";

/** Delivers every mail job waiting in the queue; returns how many it ran. */
export async function flushMailQueue(): Promise<number> {
  const boss = await connectJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false, max: 1 });
  try {
    let ran = 0;
    for (;;) {
      const jobs = await boss.fetch<JobData[typeof QUEUES.mail]>(QUEUES.mail, { batchSize: 50, includeMetadata: true });
      if (!jobs.length) return ran;
      // In the order they were queued, as people would receive them.
      for (const job of jobs.sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())) {
        await deliverQueuedMail(job.data.mailId, { lastAttempt: job.retryCount >= job.retryLimit });
        await boss.complete(QUEUES.mail, job.id);
        ran++;
      }
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** Mail delivered to `email` (after running the queue), oldest first. */
export async function mailTo(email: string) {
  await flushMailQueue();
  return (await readOutbox()).filter((message) => message.to.includes(email));
}
