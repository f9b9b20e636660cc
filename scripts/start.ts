// `npm start`: one command from a fresh clone to a running app. Without
// DATABASE_URL it starts the embedded PostgreSQL (data in .data/), migrates,
// seeds the demo meetings once, builds the app if the sources changed, and
// serves it, with a live Q&A sidecar and a job worker in the same process.
// `npm run dev` does the same with Vite's dev server instead of a build.
//
// A first start takes about a minute (creating the database and the build
// take most of it), so each step says what it does and how long it took.
// Ctrl-C stops it at any step without a stack trace: before the app is up the
// process just ends (the embedded database, in a process of its own, stops
// when it sees this one go); once it is up, it closes its connections first.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { BuildFailed, buildApp } from "./build-app";
import type { EmbeddedDatabase } from "./embedded-db";
import { startEmbeddedDatabaseApart } from "./embedded-db-apart";
import { ensureDatabase, migrate } from "./migrate";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const DATA_DIR = ".data";
const EMBEDDED_DIR = process.env.EMBEDDED_DATABASE_DIR ?? path.join(DATA_DIR, "postgres");
const EMBEDDED_PORT = Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329);

const startedAt = performance.now();
const took = (since: number) => `${Math.max(1, Math.round((performance.now() - since) / 1000))} s`;

/** Prints what a step does, runs it, and says how long it took. */
async function step<T>(doing: string, run: () => Promise<T>): Promise<T> {
  console.log(`${doing}…`);
  const since = performance.now();
  const result = await run();
  console.log(`  done in ${took(since)}`);
  return result;
}

// Until the app is up there is nothing to close: Ctrl-C ends the process at once.
let stopGracefully: ((signal: string) => Promise<void>) | null = null;
let stopping = false;
function onStopSignal(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (!stopGracefully) {
    console.log(`\n${signal}: stopped before the app was up.`);
    process.exit(0);
  }
  void stopGracefully(signal);
}
process.on("SIGINT", onStopSignal);
process.on("SIGTERM", onStopSignal);

/** A secret generated on first start and kept with the local data, so sign-ins survive restarts. */
async function localSessionSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "session-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("hex");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function newestChange(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(entry).map((child) => newestChange(path.join(entry, child))),
  );
}

/** Why the app must be built, or null when build/ is newer than every source. */
function buildReason(): string | null {
  const built = "build/server/index.js";
  if (!existsSync(built)) return "Building the app (the first start's longest step)";
  const sources = ["app", "public", "vite.config.ts", "package-lock.json"].filter((p) => existsSync(p));
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs ? "The sources changed: building the app again" : null;
}

let embedded: EmbeddedDatabase | undefined;
if (!process.env.DATABASE_URL) {
  const fresh = !existsSync(path.join(EMBEDDED_DIR, "PG_VERSION"));
  embedded = await step(
    fresh ? `No DATABASE_URL: creating the embedded PostgreSQL in ${EMBEDDED_DIR} (first start only)` : `No DATABASE_URL: starting the embedded PostgreSQL (data in ${EMBEDDED_DIR})`,
    () => startEmbeddedDatabaseApart(EMBEDDED_DIR, EMBEDDED_PORT),
  ).catch((error: unknown) => {
    console.error(`Could not start the embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  process.env.DATABASE_URL = `${embedded.serverUrl}/meetings`;
  process.env.SESSION_SECRET ??= await localSessionSecret();
}
const databaseUrl = process.env.DATABASE_URL;

const { applied } = await step("Applying the database migrations", async () => {
  await ensureDatabase(databaseUrl);
  return migrate(databaseUrl);
});
if (applied.length) console.log(`  applied ${applied.length} migration(s)`);

// Imported only now: these modules validate the environment when they load.
const { prisma } = await import("../app/utils/db.server");
if ((await prisma.meeting.count()) === 0) {
  await step("Empty database: seeding SIR 2023 and SIO 2023 with demo accounts", async () => {
    const { seedDatabase } = await import("../prisma/seed");
    await seedDatabase(prisma, { demo: true });
  });
}

const reason = dev ? null : buildReason();
if (reason) {
  await step(reason, () => buildApp()).catch((error: unknown) => {
    if (!(error instanceof BuildFailed)) throw error;
    console.error(error.message);
    process.exit(1);
  });
}

const { env } = await import("../app/utils/env.server");
// Stripe with STRIPE_SECRET_KEY, else the test gateway; the web app and the worker below share it.
const { bootPaymentGateway } = await import("../app/server/payments/boot.server");
bootPaymentGateway();
const { startWebServer } = await import("./server");
const server = await startWebServer({ port: env.PORT, dev });
// The live Q&A sidecar runs in this process too; `npm run start:realtime` runs more of them.
const { createRealtimeServer } = await import("../realtime/server");
const realtime = await createRealtimeServer({ port: env.REALTIME_PORT, appOrigin: env.APP_ORIGIN, databaseUrl });
// And a job worker (mail, sweeps, digests); `npm run start:worker` runs more.
const { startJobWorker } = await import("../jobs/worker");
const worker = await startJobWorker(databaseUrl);

stopGracefully = async (signal) => {
  console.log(`\n${signal}: stopping…`);
  server.closeAllConnections();
  await Promise.all([new Promise((resolve) => server.close(resolve)), realtime.close(), worker.stop()]);
  await prisma.$disconnect();
  await embedded?.stop();
  console.log("Stopped.");
  process.exit(0);
};
console.log(`Ready in ${took(startedAt)}: http://localhost:${env.PORT} (live Q&A on port ${realtime.port}). Ctrl-C stops.`);
