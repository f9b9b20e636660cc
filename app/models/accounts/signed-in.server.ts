// Who holds a sign-in: the user behind a LoginSession id, however the id came
// (the web app's cookie, or a ticket handed to the realtime sidecar). A deleted
// or expired LoginSession means signed out, whatever the cookie says. Here, not
// in the request layer, so the sidecar authenticates exactly as the web app does.
import { prisma } from "~/utils/db.server";
import { readLoginSessionIdFromCookie } from "~/utils/session.server";

/** What every page may know about the signed-in person (the root loader sends it to the browser). */
export type SignedInUser = { id: string; name: string; email: string; isAdmin: boolean };

export type SignIn = { user: SignedInUser; loginSessionId: string };

/** The user whose unexpired LoginSession this is, in one query; null when there is none. */
export async function getSignInByLoginSession(loginSessionId: string, now = new Date()): Promise<SignIn | null> {
  return (await getSignInsByLoginSessions([loginSessionId], now)).get(loginSessionId) ?? null;
}

/**
 * The users behind many LoginSession ids in one query (the realtime sidecar,
 * when a crowd connects at once), keyed by id; expired or unknown ones are
 * absent. Raw SQL for one join: Prisma reads a relation with a second query.
 */
export async function getSignInsByLoginSessions(loginSessionIds: readonly string[], now = new Date()): Promise<Map<string, SignIn>> {
  const rows = await prisma.$queryRaw<(SignedInUser & { loginSessionId: string })[]>`
    SELECT l."id" AS "loginSessionId", u."id", u."name", u."email", u."isAdmin"
      FROM "LoginSession" l JOIN "User" u ON u."id" = l."userId"
     WHERE l."id" = ANY(${loginSessionIds as string[]}) AND l."expiresAt" > ${now}`;
  return new Map(rows.map(({ loginSessionId, ...user }) => [loginSessionId, { user, loginSessionId }]));
}

/** The same, from a raw Cookie header: the web app's requests and the sidecar's handshakes. */
export async function getSignInByCookie(cookieHeader: string | null | undefined): Promise<SignIn | null> {
  const loginSessionId = await readLoginSessionIdFromCookie(cookieHeader);
  return loginSessionId ? getSignInByLoginSession(loginSessionId) : null;
}
