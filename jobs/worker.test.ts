// Mail that is never lost, and sweeps that run once: real workers (in this
// process and as child processes, as `npm run start:worker` runs them) on this
// test worker's database, against a real SMTP server.
//
// Retry delays and the heartbeat are shortened on this database's queue so the
// tests take seconds, not hours; the production options are put back after.
// That the production backoff spans more than a day is checked on its own,
// through pg-boss's own retry arithmetic.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../tests/smtp-server";

const smtp: TestSmtpServer = await startTestSmtpServer();
// Read when the mail module loads, so it is set before the imports below.
process.env.SMTP_URL = smtp.url;
const databaseUrl = process.env.DATABASE_URL!;

const { prisma } = await import("../app/utils/db.server");
const { queueMail } = await import("../app/utils/mail.server");
const { connectJobQueue, installJobQueue, MAIL_RETRY, QUEUES } = await import("../app/utils/job-queue.server");
const { startJobWorker, SCHEDULES } = await import("./worker");
type JobWorker = Awaited<ReturnType<typeof startJobWorker>>;

const children: ChildProcess[] = [];
let worker: JobWorker | undefined;

/** A worker as its own process (`npm run start:worker`), resolved once it is ready. */
function spawnWorker(): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would run the worker in a
  // child of its own that a kill would not reach).
  const child = spawn(process.execPath, ["--import", "tsx", "jobs/index.ts"], {
    env: { ...process.env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Job worker ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it was ready:\n${output}`)));
  });
}

async function setMailQueue(options: Record<string, unknown>) {
  const boss = await connectJobQueue(databaseUrl, { supervise: false, schedule: false, max: 1 });
  await boss.updateQueue(QUEUES.mail, options);
  await boss.stop({ graceful: false });
}

function queueTestMail(to: string, meetingId?: string) {
  return prisma.$transaction((tx) => queueMail(tx, { kind: "test", meetingId, to, subject: `Receipt for ${to}`, text: "Thank you for registering." }));
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting after ${timeoutMs} ms; last value: ${JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? Number(v) : v))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const mailRow = (id: string) =>
  prisma.outgoingMail.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, lastError: true, text: true } });
const receivedBy = (to: string) => smtp.received.filter((mail) => mail.subject === `Receipt for ${to}`);

beforeAll(async () => {
  // Jobs that earlier test files queued in this database (mail, disclosure and
  // claim reminders that queue mail of their own) would reach this file's SMTP
  // server too and spend its refusals: the worker here starts on an empty queue.
  await prisma.$executeRaw`DELETE FROM pgboss.job`;
  await setMailQueue({ retryDelay: 1, retryBackoff: false, heartbeatSeconds: 10 });
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  for (const child of children.splice(0)) child.kill("SIGKILL");
  smtp.answer = () => "accept";
});
afterAll(async () => {
  await installJobQueue(databaseUrl); // the production queue options again
  await smtp.close();
});

describe("mail on the job queue", () => {
  it("is queued with its change: a rolled-back change leaves neither the message nor its job", async () => {
    const to = `rollback-${randomUUID()}@example.test`;
    await expect(
      prisma.$transaction(async (tx) => {
        await queueMail(tx, { kind: "test", to, subject: "Never", text: "never" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.outgoingMail.count({ where: { to } })).toBe(0);
    const jobs = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${QUEUES.mail} AND data->>'mailId' NOT IN (SELECT id FROM "OutgoingMail")`;
    expect(Number(jobs[0]!.n)).toBe(0);
  });

  it("arrives once, after the SMTP server refused the first two attempts", async () => {
    const to = `busy-${randomUUID()}@example.test`;
    const first = smtp.attempts;
    smtp.answer = (attempt) => (attempt <= first + 2 ? "refuse" : "accept");
    const id = await queueTestMail(to);
    worker = await startJobWorker(databaseUrl, { schedules: false, queue: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 } });

    await until(() => receivedBy(to).length, (n) => n > 0, 20_000);
    expect(smtp.attempts - first).toBe(3);
    const row = await mailRow(id);
    expect(row).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    // Nothing else comes: the job is done.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(receivedBy(to)).toHaveLength(1);
  });

  it("is marked failed after its last attempt, and 'send again' delivers it", async () => {
    await setMailQueue({ retryLimit: 1 });
    try {
      smtp.answer = () => "refuse";
      const to = `down-${randomUUID()}@example.test`;
      const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true } });
      const organizer = await prisma.user.findUniqueOrThrow({ where: { email: "organizer@example.org" }, select: { id: true, name: true, email: true } });
      const id = await queueTestMail(to, meeting.id);
      worker = await startJobWorker(databaseUrl, { schedules: false, queue: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 } });
      const failed = await until(() => mailRow(id), (row) => row.status === "FAILED", 20_000);
      expect(failed.attempts).toBe(2);
      expect(failed.lastError).toMatch(/451|busy/i);
      expect(receivedBy(to)).toHaveLength(0);

      smtp.answer = () => "accept";
      const { sendMailAgain } = await import("../app/models/meetings/outgoing-mail.server");
      expect(await sendMailAgain(meeting.id, id, organizer)).toEqual({ ok: true, to });
      // Once back on the queue it cannot be queued twice.
      expect(await sendMailAgain(meeting.id, id, organizer)).toMatchObject({ ok: false, code: "CONFLICT" });
      await until(() => mailRow(id), (row) => row.status === "SENT", 20_000);
      expect(receivedBy(to)).toHaveLength(1);
    } finally {
      await setMailQueue({ retryLimit: MAIL_RETRY.retryLimit });
    }
  });

  it("is not lost when its worker is killed mid-send: another worker sends it, once", async () => {
    const to = `killed-${randomUUID()}@example.test`;
    const first = smtp.attempts;
    smtp.answer = (attempt) => (attempt === first + 1 ? "hang" : "accept");
    const doomed = await spawnWorker();
    const hung = smtp.nextAttempt();
    const id = await queueTestMail(to);
    await hung; // the doomed worker is inside DATA now
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    expect((await mailRow(id)).status).toBe("QUEUED");

    // Its heartbeat lapses (10 s here) and the job goes back to the queue.
    worker = await startJobWorker(databaseUrl, { schedules: false, queue: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 } });
    await until(() => receivedBy(to).length, (n) => n > 0, 40_000);
    expect((await mailRow(id)).status).toBe("SENT");
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(receivedBy(to)).toHaveLength(1);
  }, 60_000);

  it("keeps retrying for more than a day with the production options", async () => {
    // pg-boss computes each retry's start time in SQL; fail one job as often as
    // the mail queue allows and add up the waits it schedules.
    const boss = await connectJobQueue(databaseUrl, { supervise: false, schedule: false, max: 1 });
    try {
      const queue = `backoff-check-${randomUUID().slice(0, 8)}`;
      await boss.createQueue(queue, MAIL_RETRY);
      await boss.send(queue, {});
      let waited = 0;
      let failures = 0;
      for (;;) {
        const [job] = await boss.findJobs(queue);
        if (job!.state === "failed") break;
        // Make the job due now (its scheduled wait is already counted), take it, fail it.
        await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now() WHERE id = $1`, job!.id);
        const [taken] = await boss.fetch(queue);
        const failedAt = Date.now();
        await boss.fail(queue, taken!.id, { error: "smtp down" });
        failures++;
        const [after] = await boss.findJobs(queue);
        if (after!.state === "retry") waited += after!.startAfter.getTime() - failedAt;
      }
      expect(failures).toBe(MAIL_RETRY.retryLimit + 1);
      expect(waited / 3_600_000).toBeGreaterThan(24);
      await boss.deleteQueue(queue);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

describe("scheduled jobs", () => {
  it("run once per minute with two worker processes", async () => {
    await Promise.all([spawnWorker(), spawnWorker()]);
    const startedAt = new Date();
    // The hourly ones (claim reminders) are filed the same way; waiting an hour for them proves nothing more.
    const names = SCHEDULES.filter((schedule) => schedule.cron === "* * * * *").map((schedule) => schedule.queue as string);
    const runsSince = () =>
      prisma.$queryRaw<{ name: string; minute: Date; jobs: bigint; completed: bigint }[]>`
        SELECT name, COALESCE(singleton_on, date_trunc('minute', created_on)) AS minute, count(*) AS jobs,
               count(*) FILTER (WHERE state = 'completed') AS completed
          FROM pgboss.job WHERE name = ANY(${names}) AND created_on >= ${startedAt}
         GROUP BY 1, 2 ORDER BY 2, 1`;
    // The next occurrence is at most a minute away, and pg-boss's cron pass files
    // it within about half a minute (under the occurrence's minute, singleton_on).
    // Then both workers get time to do it twice.
    await until(runsSince, (runs) => names.every((name) => runs.some((run) => run.name === name && run.completed > 0)), 110_000);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const runs = await runsSince();
    for (const name of names) {
      const mine = runs.filter((run) => run.name === name);
      expect(mine.length, `${name} ran`).toBeGreaterThan(0);
      for (const run of mine) expect({ name, jobs: Number(run.jobs), completed: Number(run.completed) }).toEqual({ name, jobs: 1, completed: 1 });
    }
  }, 150_000);
});
