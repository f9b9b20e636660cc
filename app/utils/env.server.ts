import { z } from "zod";

// Validated once at boot. Development gets safe defaults; production refuses to
// start without the secrets it needs, naming what is missing.
const isProduction = process.env.NODE_ENV === "production";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  PORT: z.coerce.number().int().positive().default(3000),
  REALTIME_PORT: z.coerce.number().int().positive().default(3001),
  /** Where browsers reach the live Q&A sidecar; default: APP_ORIGIN's host on REALTIME_PORT. */
  REALTIME_ORIGIN: z.string().url().optional(),
  APP_ORIGIN: z.string().url().default("http://localhost:3000"),
  /**
   * The video players the live page may frame a session's stream from (the
   * Content-Security-Policy's frame-src): origins, separated by spaces or
   * commas. A stream elsewhere is offered as a link. Default: the seed's host.
   */
  STREAM_ORIGINS: z
    .string()
    .default("https://stream.example.org")
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
        const url = URL.parse(entry);
        if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
          ctx.addIssue({ code: "custom", message: `"${entry}" is not an http(s) origin such as https://player.vimeo.com` });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    }),
  SESSION_SECRET: isProduction
    ? z.string({ message: "SESSION_SECRET is required in production" }).min(32, "SESSION_SECRET must be at least 32 characters")
    : z.string().min(1).default("development-only-session-secret-change-me"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Meeting Platform <no-reply@localhost>"),
  MAIL_OUTBOX_DIR: z.string().default(".data/outbox"),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Trainees' proof documents; outside public/, served only to the meeting's organizers and the owner. */
  UPLOAD_DIR: z.string().default(".data/uploads"),
  REDIS_URL: z.string().url().optional(),
  /**
   * How long after a publish the change e-mail goes out (minutes, fractions
   * allowed): releases published within it reach a person as one e-mail. Short
   * by default, because a moved session matters to people at the meeting now.
   */
  PROGRAM_DIGEST_WINDOW_MINUTES: z.coerce.number().min(0).max(1440).default(2),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();
