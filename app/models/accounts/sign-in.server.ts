// Checking a password with the account's own throttle, across every client
// address. Following OWASP's Authentication Cheat Sheet ("Account Lockout") the
// count of failures belongs to the account, not the address, and the wait grows
// with each failure (exponential lockout) up to a cap; following OWASP's "Slow
// Down Online Guessing Attacks with Device Cookies", the throttle applies only
// to browsers that have never signed in to the account: a browser holding the
// account's device cookie is limited on its own, so an attacker hammering an
// address slows down strangers, never the owner on a browser they already use.
// A password reset lifts the throttle and trusts the browser that made it. So
// the throttle is never a lock an attacker can use to shut the owner out.
//
// Unknown addresses are throttled exactly like known ones (the key is an HMAC of
// the address, whoever owns it), so a throttled answer reveals nothing.
import { prisma } from "~/utils/db.server";
import { queueMail } from "~/utils/mail.server";
import { limitTrustedDeviceSignIn, resetTrustedDeviceSignInLimit } from "~/utils/rate-limit.server";
import type { Device } from "~/utils/device-cookie.server";
import { signInThrottledMail } from "./mail.server";
import { accountKey, normalizeEmail, verifyLogin } from "./user.server";

export const SIGN_IN_THROTTLE = {
  /** Failures in an episode that cost nothing: typos and a forgotten password or two. */
  freeFailures: 5,
  /** The wait after the first failure past those, doubling with each further one... */
  firstDelaySeconds: 15,
  /** ...up to this. */
  maxDelaySeconds: 15 * 60,
  /** An hour without a failure ends the episode: the count starts again, and so does the notice. */
  episodeQuietSeconds: 60 * 60,
} as const;

/** Seconds an untrusted browser waits after an episode's `failures`-th failure: 0, then 15, 30, 60 … 900. */
export function delayAfterFailures(failures: number): number {
  const { freeFailures, firstDelaySeconds, maxDelaySeconds } = SIGN_IN_THROTTLE;
  if (failures <= freeFailures) return 0;
  // The exponent is capped too, so a huge count cannot overflow to Infinity.
  return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** Math.min(failures - freeFailures - 1, 30));
}

const secondsUntil = (then: Date, now: Date) => Math.max(1, Math.ceil((then.getTime() - now.getTime()) / 1000));

/** How long untrusted browsers must still wait before a sign-in to this address is checked; 0 when they need not. */
export async function signInThrottleWait(email: string, now = new Date()): Promise<number> {
  const row = await prisma.signInThrottle.findUnique({ where: { accountKey: accountKey(email) }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? secondsUntil(row.lockedUntil, now) : 0;
}

/**
 * Counts a failed sign-in from an untrusted browser and returns the wait it
 * starts (0 while failures are still free). The first time an episode's wait
 * begins, the owner (if the address has one) gets one e-mail about it.
 */
export async function recordFailedSignIn(email: string, now = new Date()): Promise<{ waitSeconds: number }> {
  const key = accountKey(email);
  const quietSince = new Date(now.getTime() - SIGN_IN_THROTTLE.episodeQuietSeconds * 1000);
  return prisma.$transaction(async (tx) => {
    // The row is created if missing and then locked, so concurrent failures from
    // many addresses are counted one after another, each exactly once.
    await tx.$executeRaw`INSERT INTO "SignInThrottle" ("accountKey", "failures", "lastFailureAt") VALUES (${key}, 0, ${now}) ON CONFLICT ("accountKey") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; lastFailureAt: Date; noticeSentAt: Date | null }[]>`
      SELECT "failures", "lastFailureAt", "noticeSentAt" FROM "SignInThrottle" WHERE "accountKey" = ${key} FOR UPDATE`;
    const previous = row && row.failures > 0 && row.lastFailureAt > quietSince ? row : null;
    const newEpisode = previous === null;
    const failures = (previous?.failures ?? 0) + 1;
    const waitSeconds = delayAfterFailures(failures);
    const noticeDue = waitSeconds > 0 && !previous?.noticeSentAt;
    await tx.signInThrottle.update({
      where: { accountKey: key },
      data: {
        failures,
        lastFailureAt: now,
        lockedUntil: waitSeconds > 0 ? new Date(now.getTime() + waitSeconds * 1000) : null,
        noticeSentAt: noticeDue ? now : newEpisode ? null : undefined,
      },
      select: { accountKey: true },
    });
    if (newEpisode) {
      // Housekeeping while we are here: finished episodes of any address are dead weight.
      await tx.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: quietSince } } });
    }
    if (noticeDue) {
      const owner = await tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { name: true, email: true } });
      // Queued with the change: the notice goes if and only if the episode's state says it went.
      if (owner) await queueMail(tx, signInThrottledMail(owner));
    }
    return { waitSeconds };
  });
}

/** Forgets an address's failures (a sign-in from an untrusted browser succeeded, so the episode is over). */
export async function clearSignInThrottle(email: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { accountKey: accountKey(email) } });
}

/** Whether this browser's device cookie names this account. */
export function isTrustedFor(device: Device, email: string): boolean {
  return device.accountKeys.includes(accountKey(email));
}

type SignedInUser = NonNullable<Awaited<ReturnType<typeof verifyLogin>>>;

export type SignInAttempt =
  | { ok: true; user: SignedInUser }
  /** Refused without looking at the password: the account (or this trusted browser) must wait. */
  | { ok: false; reason: "throttled"; waitSeconds: number }
  /** Wrong email or password; `waitSeconds` > 0 when this failure started a wait. */
  | { ok: false; reason: "wrong"; waitSeconds: number };

/**
 * One sign-in attempt. A browser trusted for the account has its own limit
 * (counted per device cookie) and never meets the account's throttle; any
 * other browser is refused while the account's wait lasts, and its failures
 * count towards the next one.
 */
export async function attemptSignIn(email: string, password: string, device: Device | null, now = new Date()): Promise<SignInAttempt> {
  const trusted = device && isTrustedFor(device, email) ? device : null;
  if (trusted) {
    const verdict = await limitTrustedDeviceSignIn(trusted.id, accountKey(email));
    if (!verdict.allowed) return { ok: false, reason: "throttled", waitSeconds: verdict.retryAfterSeconds };
  } else {
    const waitSeconds = await signInThrottleWait(email, now);
    if (waitSeconds > 0) return { ok: false, reason: "throttled", waitSeconds };
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    // A trusted browser's failures are already counted by its own limit above.
    const { waitSeconds } = trusted ? { waitSeconds: 0 } : await recordFailedSignIn(email, now);
    return { ok: false, reason: "wrong", waitSeconds };
  }
  if (trusted) await resetTrustedDeviceSignInLimit(trusted.id, accountKey(email));
  // A trusted browser's success leaves the account's episode alone: the owner
  // signing in on their own browser should not hand an attacker fresh free tries.
  else await clearSignInThrottle(email);
  return { ok: true, user };
}
