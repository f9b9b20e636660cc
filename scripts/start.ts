// `npm start`: one command from a fresh clone to a running app. Without
// DATABASE_URL it starts the embedded PostgreSQL (data in .data/), migrates,
// seeds the demo meetings once, builds the app if the sources changed, and
// serves it, with a live Q&A sidecar and a job worker in the same process.
// `npm run dev` does the same with Vite's dev server instead of a build.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";
import { ensureDatabase, migrate } from "./migrate";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const DATA_DIR = ".data";
const EMBEDDED_PORT = Number(process.env.EMBEDDED_DATABASE_PORT ?? 54329);

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

function buildIsStale(): boolean {
  const built = "build/server/index.js";
  if (!existsSync(built)) return true;
  const sources = ["app", "public", "vite.config.ts", "package-lock.json"].filter((p) => existsSync(p));
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

let embedded: EmbeddedDatabase | undefined;
if (!process.env.DATABASE_URL) {
  console.log("No DATABASE_URL: starting the embedded PostgreSQL (data in .data/postgres)…");
  embedded = await startEmbeddedDatabase(path.join(DATA_DIR, "postgres"), EMBEDDED_PORT).catch((error: unknown) => {
    console.error(`Could not start the embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  process.env.DATABASE_URL = `${embedded.serverUrl}/meetings`;
  process.env.SESSION_SECRET ??= await localSessionSecret();
}
const databaseUrl = process.env.DATABASE_URL;

await ensureDatabase(databaseUrl);
const { applied } = await migrate(databaseUrl);
if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

// Imported only now: these modules validate the environment when they load.
const { prisma } = await import("../app/utils/db.server");
if ((await prisma.meeting.count()) === 0) {
  console.log("Empty database: seeding SIR 2023 and SIO 2023 with demo accounts…");
  const { seedDatabase } = await import("../prisma/seed");
  await seedDatabase(prisma, { demo: true });
}

if (!dev && buildIsStale()) {
  console.log("Building the app…");
  execFileSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
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
console.log(`Ready: http://localhost:${env.PORT} (live Q&A on port ${realtime.port})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  server.closeAllConnections();
  await Promise.all([new Promise((resolve) => server.close(resolve)), realtime.close(), worker.stop()]);
  await prisma.$disconnect();
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
