// The server the end-to-end tests drive: a production build on its own freshly
// seeded database, with mail going to a known outbox the tests read.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildApp } from "../scripts/build-app";
import { freshSeededDatabase, resolveDatabaseServer } from "../tests/database-server";

// E2E_PORT and E2E_BUILD_DIR let two runs on one machine stay apart.
const port = Number(process.env.E2E_PORT ?? 3100);
const buildDir = process.env.E2E_BUILD_DIR ?? "build";
const outbox = process.env.E2E_OUTBOX ?? ".data/e2e-outbox";

const server = await resolveDatabaseServer(".data/test-postgres", 54330);
process.env.DATABASE_URL = await freshSeededDatabase(server.serverUrl, `meetings_e2e_${port}`);
process.env.NODE_ENV = "production";
process.env.PORT = String(port);
process.env.APP_ORIGIN = `http://localhost:${port}`;
process.env.REALTIME_PORT = process.env.E2E_REALTIME_PORT ?? String(port + 1000);
process.env.SESSION_SECRET ??= "e2e-session-secret-that-is-long-enough-0123456789";
process.env.MAIL_OUTBOX_DIR = outbox;
process.env.LOG_LEVEL ??= "warn";
delete process.env.SMTP_URL;
await rm(outbox, { recursive: true, force: true });

process.env.BUILD_DIR = buildDir;
// The build as npm start runs it; what it warned about is kept for e2e/public-files.spec.ts, which expects nothing.
const { warnings } = await buildApp({ buildDir });
await writeFile(path.join(buildDir, "build-warnings.txt"), warnings);
// The test gateway (no Stripe key here): it POSTs its signed events to APP_ORIGIN's /webhooks/stripe.
const { bootPaymentGateway } = await import("../app/server/payments/boot.server");
bootPaymentGateway();
const { startWebServer } = await import("../scripts/server");
await startWebServer({ port, dev: false });
// The live Q&A sidecar, where the pages expect it (APP_ORIGIN's host on REALTIME_PORT).
// E2E_PORT + 1000 keeps parallel runs (E2E_PORT 3201, 3202…) from colliding; a
// failure to start it only affects the live Q&A specs.
const realtimePort = Number(process.env.REALTIME_PORT);
try {
  const { createRealtimeServer } = await import("../realtime/server");
  // Attendance batches and heartbeats far shorter than in production, so e2e/attendance.spec.ts sees rows within a second or two.
  await createRealtimeServer({ port: realtimePort, appOrigin: process.env.APP_ORIGIN, databaseUrl: process.env.DATABASE_URL, attendance: { batchMs: 500, heartbeatMs: 2000 } });
} catch (error) {
  console.warn(`e2e: the live Q&A sidecar could not start on port ${realtimePort}: ${(error as Error).message}`);
}
// A job worker delivers queued mail to the outbox the tests read.
const { startJobWorker } = await import("../jobs/worker");
await startJobWorker(process.env.DATABASE_URL);
console.log(`e2e server ready on http://localhost:${port}`);
process.on("SIGTERM", () => void server.stop().finally(() => process.exit(0)));
