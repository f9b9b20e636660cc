// Sign-up by e-mailed link. The form answers "check your e-mail" for every
// address, so it cannot tell anyone who has an account (OWASP Authentication
// Cheat Sheet, "Authentication Responses": account creation answers "a link to
// activate your account has been emailed to the address provided"). What
// differs is the e-mail: an address without an account gets a link that
// creates it; an address with one is told so, with how to sign in or reset.
//
// Until the link is used there is no User row, only a SignupRequest: a token
// stored as its sha256, expiring, used once. The link's page asks again for the
// password chosen on the form, so a stranger who signs up with someone else's
// address cannot get them to confirm an account whose password the stranger
// knows (pre-account hijacking).
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { signupAttemptOnExistingAccountMail, signupLinkMail } from "./mail.server";
import { normalizeEmail } from "./user.server";

export const SIGNUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

function hashSignupToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The link in the e-mail; the secret is in the path, so the page keeps it out of Referer headers. */
export function signupLink(token: string): string {
  return absoluteUrl(href.signupConfirmation(token));
}

/**
 * Someone filled in the sign-up form. Does the same work whether or not the
 * address has an account (hashes the password, queues one e-mail) and returns
 * nothing, so its caller cannot answer differently either.
 */
export async function requestSignup(
  input: { name: string; email: string; password: string; redirectTo?: string; pendingAddSessionId?: string },
  now = new Date(),
): Promise<void> {
  // Hashed on both paths: the slow part of the answer takes as long either way.
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  const owner = await prisma.user.findUnique({ where: { email }, select: { name: true, email: true } });
  if (owner) {
    await prisma.$transaction((tx) => queueMail(tx, signupAttemptOnExistingAccountMail(owner)));
    return;
  }
  const token = randomBytes(32).toString("base64url");
  const name = input.name.trim();
  await prisma.$transaction(async (tx) => {
    // Housekeeping: requests nobody confirmed hold names and password hashes; they go once dead.
    await tx.signupRequest.deleteMany({ where: { expiresAt: { lte: now } } });
    await tx.signupRequest.create({
      data: {
        email,
        name,
        passwordHash,
        redirectTo: safeRedirect(input.redirectTo, "") || null,
        pendingAddSessionId: input.pendingAddSessionId || null,
        tokenHash: hashSignupToken(token),
        expiresAt: new Date(now.getTime() + SIGNUP_LINK_TTL_MS),
      },
      select: { id: true },
    });
    await queueMail(tx, signupLinkMail({ name, email }, signupLink(token), SIGNUP_LINK_TTL_MS));
  });
}

export type PendingSignup = { name: string; email: string; pendingAddSessionId: string | null; accountExists: boolean };

/** What the link's page shows: the pending sign-up if the link is known, unused and unexpired, otherwise null. */
export async function findPendingSignup(token: string, now = new Date()): Promise<PendingSignup | null> {
  const request = await prisma.signupRequest.findFirst({
    where: { tokenHash: hashSignupToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { name: true, email: true, pendingAddSessionId: true },
  });
  if (!request) return null;
  const owner = await prisma.user.findUnique({ where: { email: request.email }, select: { id: true } });
  return { ...request, accountExists: owner !== null };
}

const createdUserSelect = { id: true, email: true, name: true } as const;

export type CompleteSignupResult =
  | { ok: true; user: Prisma.UserGetPayload<{ select: typeof createdUserSelect }>; redirectTo: string | null; pendingAddSessionId: string | null }
  | { ok: false; reason: "link-gone" }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "email-taken"; email: string };

/**
 * Uses a sign-up link: with the password chosen on the form, creates the
 * account, all or nothing. The link is spent by a conditional update, so of two
 * concurrent uses only one creates anything. If the address got an account
 * meanwhile (through another of its links, say), nothing is created and the
 * caller says so: the address's other links answer "already has an account"
 * rather than a vague "expired".
 */
export async function completeSignup(token: string, password: string, now = new Date()): Promise<CompleteSignupResult> {
  const tokenHash = hashSignupToken(token);
  const request = await prisma.signupRequest.findFirst({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    select: { email: true, name: true, passwordHash: true, redirectTo: true, pendingAddSessionId: true },
  });
  if (!request) return { ok: false, reason: "link-gone" };
  // A wrong password leaves the link usable: the person may have mistyped.
  if (!(await verifyPassword(request.passwordHash, password))) return { ok: false, reason: "wrong-password" };
  try {
    return await prisma.$transaction(async (tx) => {
      // Checked before the link is spent, so it keeps saying why it cannot be used.
      const owner = await tx.user.findUnique({ where: { email: request.email }, select: { id: true } });
      if (owner) return { ok: false, reason: "email-taken", email: request.email } as const;
      const claimed = await tx.signupRequest.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) return { ok: false, reason: "link-gone" } as const;
      const user = await tx.user.create({
        data: { email: request.email, name: request.name, passwordHash: request.passwordHash },
        select: createdUserSelect,
      });
      return { ok: true, user, redirectTo: request.redirectTo, pendingAddSessionId: request.pendingAddSessionId } as const;
    });
  } catch (error) {
    // Created by a concurrent transaction after our check: the unique email decides, and nothing of ours was kept.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "email-taken", email: request.email };
    throw error;
  }
}
