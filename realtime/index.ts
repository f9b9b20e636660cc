// `npm run start:realtime`: the live Q&A sidecar on its own (several may run at
// once, on different ports or hosts, behind one load balancer). `npm start` runs
// one beside the web app instead. SIGINT/SIGTERM close it gracefully: clients
// are disconnected and reconnect (elsewhere, or here after a restart) without
// losing an event.
import { existsSync, readFileSync } from "node:fs";
import { loadRealtimeEnv } from "./env";

// Beside `npm start` on the embedded database, the web app's generated secret is
// in .data/; the sidecar must sign and check with the same one.
if (!process.env.SESSION_SECRET && existsSync(".data/session-secret")) {
  process.env.SESSION_SECRET = readFileSync(".data/session-secret", "utf8").trim();
}
const env = loadRealtimeEnv();
// The shared models validate the web app's settings as they load; give them the same values.
process.env.REALTIME_PORT = String(env.REALTIME_PORT);
process.env.SESSION_SECRET ??= env.SESSION_SECRET;

const { createRealtimeServer } = await import("./server");
const { prisma } = await import("../app/utils/db.server");
const { logger } = await import("../app/utils/logger.server");

const server = await createRealtimeServer({
  port: env.REALTIME_PORT,
  appOrigin: env.APP_ORIGIN,
  databaseUrl: env.DATABASE_URL,
  attendance: { batchMs: env.REALTIME_ATTENDANCE_BATCH_MS, heartbeatMs: env.REALTIME_ATTENDANCE_HEARTBEAT_MS },
});
logger.info(`Realtime sidecar ready on port ${server.port} (accepting ${new URL(env.APP_ORIGIN).origin})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: stopping the realtime sidecar…`);
  const deadline = setTimeout(() => {
    logger.warn("Realtime sidecar did not stop in time; exiting anyway.");
    process.exit(1);
  }, env.REALTIME_SHUTDOWN_SECONDS * 1000);
  deadline.unref();
  await server.close();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
