// The sidecar's settings, validated once at start. The web app's own settings
// (app/utils/env.server.ts) are validated too when the shared models load; this
// names what the sidecar itself needs, with the same defaults.
import { z } from "zod";
import { ATTENDANCE_DEFAULTS } from "./attendance";

const isProduction = process.env.NODE_ENV === "production";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string({ message: "DATABASE_URL is required: the sidecar shares the web app's PostgreSQL" }).url(),
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Browsers may connect only from this origin (CORS, and the Origin of WebSocket upgrades). */
  APP_ORIGIN: z.string().url().default("http://localhost:3000"),
  SESSION_SECRET: isProduction
    ? z.string({ message: "SESSION_SECRET is required in production" }).min(32, "SESSION_SECRET must be at least 32 characters")
    : z.string().min(1).default("development-only-session-secret-change-me"),
  /** Seconds to wait for connections to close on SIGTERM before exiting anyway. */
  REALTIME_SHUTDOWN_SECONDS: z.coerce.number().positive().default(10),
  /** The live page's attendance record: how often changed intervals are written, at most this much is lost if the sidecar is killed (ms). */
  REALTIME_ATTENDANCE_BATCH_MS: z.coerce.number().int().min(50).max(60_000).default(ATTENDANCE_DEFAULTS.batchMs),
  /** How often the live page sends a heartbeat while visible (ms); two missed and its interval closes. */
  REALTIME_ATTENDANCE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(ATTENDANCE_DEFAULTS.heartbeatMs),
});

export type RealtimeEnv = z.infer<typeof schema>;

export function loadRealtimeEnv(source: NodeJS.ProcessEnv = process.env): RealtimeEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for the realtime sidecar:\n${problems.join("\n")}`);
  }
  return parsed.data;
}
