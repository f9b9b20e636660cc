// `npm run start:worker`: one more worker beside `npm start` (which runs one in
// its own process). It needs the web app's DATABASE_URL; SIGINT/SIGTERM let the
// jobs in hand finish first.
import { existsSync, readFileSync } from "node:fs";

if (!process.env.DATABASE_URL) {
  console.error(
    "DATABASE_URL is not set. Beside `npm start` on the embedded database, use\n" +
      "  DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:54329/meetings npm run start:worker",
  );
  process.exit(1);
}
// Beside `npm start` on the embedded database, the web app's generated secret is
// in .data/; the shared models validate the same settings as the web app.
if (!process.env.SESSION_SECRET && existsSync(".data/session-secret")) {
  process.env.SESSION_SECRET = readFileSync(".data/session-secret", "utf8").trim();
}
process.env.NODE_ENV ??= "production";

const { startJobWorker } = await import("./worker");
const { logger } = await import("../app/utils/logger.server");
const { prisma } = await import("../app/utils/db.server");
// The sweep asks the payment provider about stale checkouts, and a late payment is refunded through it.
const { bootPaymentGateway } = await import("../app/server/payments/boot.server");
bootPaymentGateway();

const worker = await startJobWorker(process.env.DATABASE_URL);
logger.info("Job worker ready: mail, checkout sweep, program digests");

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: stopping the job worker…`);
  await worker.stop();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
