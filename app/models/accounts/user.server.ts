// People with accounts: creating them, sign-in checks, password resets and
// changes. Plain functions over Prisma so that routes, scripts and the realtime
// sidecar share them. (Sign-up by e-mailed link is signup.server.ts; throttling
// failed sign-ins is sign-in.server.ts.)
import { createHash, createHmac, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { type Outcome, refuse } from "~/models/refusal";
import { env } from "~/utils/env.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { announceLoginSessionsEnded } from "~/utils/login-session-events.server";
import { passwordChangedMail, passwordResetMail } from "./mail.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** Emails are stored trimmed and lower-cased, so "Ann@Example.org " signs in as ann@example.org. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The name of an email address in sign-in throttles and device cookies: an HMAC
 * with the server's secret, so neither the table nor the cookie holds the
 * address, and nobody without the secret can test a guess against them. Known
 * and unknown addresses get keys alike.
 */
export function accountKey(email: string): string {
  return createHmac("sha256", env.SESSION_SECRET).update(`account:v1:${normalizeEmail(email)}`).digest("base64url");
}

const publicUserSelect = { id: true, email: true, name: true, isAdmin: true, createdAt: true } as const;

export type CreateUserResult =
  | { ok: true; user: Prisma.UserGetPayload<{ select: typeof publicUserSelect }> }
  | { ok: false; reason: "email-taken" };

/**
 * Creates an account. A taken email is an expected outcome, not an error: the
 * database's unique constraint decides (no check-then-insert race), and the
 * caller turns it into a field error.
 */
export async function createUser(input: { email: string; name: string; password: string }): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      data: { email: normalizeEmail(input.email), name: input.name.trim(), passwordHash },
      select: publicUserSelect,
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "email-taken" };
    throw error;
  }
}

// Verifying against a real hash when the email is unknown keeps the response
// time the same either way, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

/** The user if the email and password match, otherwise null (never says which part was wrong). */
export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...publicUserSelect, passwordHash: true },
  });
  if (!user) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _passwordHash, ...publicUser } = user;
  return publicUser;
}

function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Starts a password reset for the account with this email, if there is one.
 * Returns the secret token to put in the emailed link (only its sha256 is
 * stored, so a database leak yields no usable links), or null for unknown emails.
 */
/**
 * Issues a reset link for the account with `email`, if there is one, and
 * queues the e-mail that carries it in the same transaction. Returns the
 * secret (for tests), or null for an unknown address: callers must answer the
 * same either way.
 */
export async function createPasswordReset(email: string, now = new Date()) {
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, name: true, email: true } });
  if (!user) return null;
  const token = randomBytes(32).toString("base64url");
  const reset = await prisma.$transaction(async (tx) => {
    const created = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
      select: { expiresAt: true },
    });
    await queueMail(tx, passwordResetMail(user, absoluteUrl(href.resetPassword(token)), PASSWORD_RESET_TTL_MS));
    return created;
  });
  return { user, token, expiresAt: reset.expiresAt };
}

/** Whether a reset link is still good: known, unused and unexpired. Lets the page say so before the person types a password. */
export async function isPasswordResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  const found = await prisma.passwordResetToken.findFirst({
    where: { tokenHash: hashResetToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return found !== null;
}

/**
 * Sets a new password with a reset token, all or nothing: the token must be
 * known, unused and unexpired; it is marked used (as are the user's other
 * outstanding reset links) and every LoginSession of the user is deleted, so
 * whoever knew the old password is signed out everywhere.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<{ ok: true; userId: string; email: string } | { ok: false }> {
  // Hashing is deliberately slow; do it before the transaction so row locks are held briefly.
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashResetToken(token);
  return prisma.$transaction(async (tx) => {
    const reset = await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { userId: true } });
    if (!reset) return { ok: false } as const;
    // The conditional update is what makes the token single-use: of two concurrent
    // resets with one token, only one sees count 1.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false } as const;
    await tx.passwordResetToken.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    const { email } = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { email: true } });
    await tx.loginSession.deleteMany({ where: { userId: reset.userId } });
    // A reset proves the mailbox, so it also lifts any sign-in throttle on the
    // account: an attacker's failed guesses cannot keep the owner out (OWASP's
    // answer to lockout as denial of service).
    await tx.signInThrottle.deleteMany({ where: { accountKey: accountKey(email) } });
    await announceLoginSessionsEnded({ userId: reset.userId }, tx);
    return { ok: true, userId: reset.userId, email } as const;
  });
}

const wrongCurrentPassword = () => refuse("INVALID", "That is not your current password.", "currentPassword");

/**
 * Changes a signed-in person's password: the current one must be right (a
 * borrowed, still signed-in browser is not enough, OWASP's "Change Password
 * Feature"). All or nothing: the new hash, every other LoginSession of the user
 * deleted (the one in use stays), outstanding reset links spent, and the owner
 * told by e-mail.
 */
export async function changePassword(input: {
  userId: string;
  keepLoginSessionId: string;
  currentPassword: string;
  newPassword: string;
  now?: Date;
}): Promise<Outcome<{ otherDevicesSignedOut: number }>> {
  const now = input.now ?? new Date();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { name: true, email: true, passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return wrongCurrentPassword();
  // Hashing is deliberately slow; do it before the transaction so row locks are held briefly.
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    // Conditional on the hash just verified: of two concurrent changes, the second
    // was checked against a password that is no longer current.
    const changed = await tx.user.updateMany({ where: { id: input.userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) return wrongCurrentPassword();
    const { count } = await tx.loginSession.deleteMany({ where: { userId: input.userId, id: { not: input.keepLoginSessionId } } });
    await tx.passwordResetToken.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
    if (count > 0) await announceLoginSessionsEnded({ userId: input.userId, exceptLoginSessionId: input.keepLoginSessionId }, tx);
    await queueMail(tx, passwordChangedMail({ name: user.name, email: user.email }, { at: now, otherDevicesSignedOut: count }));
    return { ok: true, otherDevicesSignedOut: count };
  });
}
