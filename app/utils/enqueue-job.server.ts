// Adding a job from the web process or the worker: inside the transaction of
// the change that causes it (see job-queue.server.ts). Apart from that module
// because this one reads the validated environment, which the migration runner
// must not load.
import { fromPrisma, type PgBoss, type SendOptions } from "pg-boss";
import { env } from "./env.server";
import { connectJobQueue, type JobData, type QueueName } from "./job-queue.server";

// Only enqueues: one small started instance per process, made on first use.
const globalForQueue = globalThis as unknown as { jobProducer?: Promise<PgBoss> };

function producer(): Promise<PgBoss> {
  return (globalForQueue.jobProducer ??= connectJobQueue(env.DATABASE_URL, { supervise: false, schedule: false, max: 2 }));
}

/** The part of a Prisma transaction client that pg-boss needs to write its job in the same transaction. */
export type JobTransaction = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/** Adds a job to `queue` inside the transaction `tx`: it exists only if the transaction commits. */
export async function enqueueJob<Q extends QueueName>(tx: JobTransaction, queue: Q, data: JobData[Q], options: SendOptions = {}): Promise<void> {
  const boss = await producer();
  await boss.send(queue, data, { ...options, db: fromPrisma(tx) });
}
