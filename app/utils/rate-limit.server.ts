// Rate limits, counted in PostgreSQL (table rate_limits, rate-limiter-flexible's
// own layout, unlogged: counts need no crash safety) so that every web instance
// and the realtime sidecar share one count. Each limit is a small named function; live Q&A adds its own with
// defineRateLimit (e.g. questions per user per minute).
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "./env.server";

// The limiter speaks to pg directly (Prisma's pool is not exposed); a few connections suffice.
const globalForPool = globalThis as unknown as { rateLimitPool?: pg.Pool };
const pool = (globalForPool.rateLimitPool ??= new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 }));

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimit = {
  /** Counts one attempt for `key`; not allowed once more than `points` were made within the window. */
  consume(key: string): Promise<RateLimitVerdict>;
  /** Forgets the attempts of `key` (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
};

/** A limit of `points` attempts per `durationSeconds` window for each key, stored under the `name` prefix. */
export function defineRateLimit({ name, points, durationSeconds }: { name: string; points: number; durationSeconds: number }): RateLimit {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true, // the migration creates it
    keyPrefix: name,
    points,
    duration: durationSeconds,
  });
  // Keys are hashed: they stay within varchar(255) whatever the input, and the
  // table holds no email addresses or IPs.
  const storeKey = (key: string) => createHash("sha256").update(key).digest("base64url");
  return {
    async consume(key) {
      try {
        await limiter.consume(storeKey(key));
        return { allowed: true };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(storeKey(key));
    },
  };
}

const signInPerAccountAndIp = defineRateLimit({ name: "sign-in:ip+email", points: 10, durationSeconds: 15 * 60 });
const signInPerIp = defineRateLimit({ name: "sign-in:ip", points: 50, durationSeconds: 15 * 60 });
const signUpPerIp = defineRateLimit({ name: "sign-up:ip", points: 5, durationSeconds: 60 * 60 });
const signUpPerEmail = defineRateLimit({ name: "sign-up:email", points: 5, durationSeconds: 60 * 60 });
const signUpConfirmationPerLink = defineRateLimit({ name: "sign-up-confirm:link", points: 10, durationSeconds: 60 * 60 });
const promoCodesPerPerson = defineRateLimit({ name: "promo-code:user", points: 30, durationSeconds: 60 * 60 });
const signInPerTrustedDevice = defineRateLimit({ name: "sign-in:device+account", points: 10, durationSeconds: 15 * 60 });
const passwordChangePerAccount = defineRateLimit({ name: "password-change:account", points: 5, durationSeconds: 15 * 60 });
const passwordResetPerEmail = defineRateLimit({ name: "password-reset:email", points: 5, durationSeconds: 60 * 60 });
const cspReportsPerIp = defineRateLimit({ name: "csp-report:ip", points: 60, durationSeconds: 60 });
const certificateLookupsPerIp = defineRateLimit({ name: "certificate-lookup:ip", points: 30, durationSeconds: 15 * 60 });

const worst = (verdicts: RateLimitVerdict[]): RateLimitVerdict =>
  verdicts.reduce<RateLimitVerdict>(
    (acc, v) => (v.allowed ? acc : { allowed: false, retryAfterSeconds: Math.max(v.retryAfterSeconds, acc.allowed ? 0 : acc.retryAfterSeconds) }),
    { allowed: true },
  );

/** One sign-in attempt: 10 per 15 minutes for an email from one IP, 50 per 15 minutes from one IP. */
export async function limitSignIn(ip: string, email: string): Promise<RateLimitVerdict> {
  return worst(await Promise.all([signInPerAccountAndIp.consume(`${ip} ${email}`), signInPerIp.consume(ip)]));
}

/** A successful sign-in clears that account's count, so a typo or two does not linger. */
export async function resetSignInLimit(ip: string, email: string): Promise<void> {
  await signInPerAccountAndIp.reset(`${ip} ${email}`);
}

/**
 * A browser trusted for an account (its device cookie) is exempt from the
 * account's throttle but keeps its own limit: 10 attempts per 15 minutes for
 * that account, cleared by a success.
 */
export function limitTrustedDeviceSignIn(deviceId: string, accountKey: string): Promise<RateLimitVerdict> {
  return signInPerTrustedDevice.consume(`${deviceId} ${accountKey}`);
}

export async function resetTrustedDeviceSignInLimit(deviceId: string, accountKey: string): Promise<void> {
  await signInPerTrustedDevice.reset(`${deviceId} ${accountKey}`);
}

/** One sign-up: 5 per hour from one IP. */
export function limitSignUp(ip: string): Promise<RateLimitVerdict> {
  return signUpPerIp.consume(ip);
}

/**
 * One sign-up for an address: 5 per hour, known or not (so the limit reveals
 * nothing), which caps the e-mails anyone can make the form send to one inbox.
 */
export function limitSignUpForEmail(email: string): Promise<RateLimitVerdict> {
  return signUpPerEmail.consume(email);
}

/** One promo code tried by a person (checked or used): 30 per hour, so codes cannot be guessed by trying many. */
export function limitPromoCodeTries(userId: string): Promise<RateLimitVerdict> {
  return promoCodesPerPerson.consume(userId);
}

/** One try of the password on a sign-up link's page: 10 per hour per link. */
export function limitSignUpConfirmation(token: string): Promise<RateLimitVerdict> {
  return signUpConfirmationPerLink.consume(token);
}

/**
 * One password change, like a sign-in (its current password is a guess too):
 * the sign-in limits for this IP and account, and 5 per 15 minutes for the
 * account from anywhere, so a stolen sign-in cannot be used to guess the password.
 */
export async function limitPasswordChange(ip: string, email: string, userId: string): Promise<RateLimitVerdict> {
  return worst(await Promise.all([signInPerAccountAndIp.consume(`${ip} ${email}`), signInPerIp.consume(ip), passwordChangePerAccount.consume(userId)]));
}

/** A password change succeeded: its counts start again. */
export async function resetPasswordChangeLimit(ip: string, email: string, userId: string): Promise<void> {
  await Promise.all([signInPerAccountAndIp.reset(`${ip} ${email}`), passwordChangePerAccount.reset(userId)]);
}

/** One password-reset request: 5 per hour for one email (known or not, so the limit reveals nothing). */
export function limitPasswordResetRequest(email: string): Promise<RateLimitVerdict> {
  return passwordResetPerEmail.consume(email);
}

/**
 * One Content-Security-Policy violation report: 60 a minute from one IP. A
 * broken page sends a few per view (each violation goes to report-uri and to
 * report-to); more is a flood meant to fill the log.
 */
export function limitCspReports(ip: string): Promise<RateLimitVerdict> {
  return cspReportsPerIp.consume(ip);
}

/**
 * One certificate looked up by its code at /verify: 30 per 15 minutes from one
 * IP, plenty for a credentialing office checking a stack of certificates, and
 * far too few to find a code by trying (there are 2^60 of them).
 */
export function limitCertificateLookups(ip: string): Promise<RateLimitVerdict> {
  return certificateLookupsPerIp.consume(ip);
}

/** "Too many sign-in attempts. Try again in 15 minutes." */
export function tooManyAttemptsMessage(what: string, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many ${what}. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/** "45 seconds", "2 minutes": a wait as people say it, in seconds below two minutes. */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 120) return `${whole} ${whole === 1 ? "second" : "seconds"}`;
  return `${Math.ceil(whole / 60)} minutes`;
}

/**
 * The client's IP, as well as the server lets us tell. Best is an address the
 * Express server puts in the load context (`clientIp`, from `req.ip`, which
 * honours its "trust proxy" setting). Otherwise the first X-Forwarded-For
 * entry, which is right behind a reverse proxy that sets it; without such a
 * proxy a client could forge it to dodge the per-IP counts (the per-email
 * counts still hold). Without either (tests, a bare local server) every request
 * shares one fixed key.
 */
export function clientIp(request: Request, context?: AppLoadContext): string {
  const fromServer = context?.clientIp;
  if (typeof fromServer === "string" && fromServer) return fromServer.slice(0, 64);
  const forwarded = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim();
  return forwarded ? forwarded.slice(0, 64) : "unknown-client";
}
