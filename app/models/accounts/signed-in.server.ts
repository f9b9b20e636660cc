// Who holds a sign-in: the user behind a LoginSession id, however the id came
// (the web app's cookie, or a ticket handed to the realtime sidecar). A deleted
// or expired LoginSession means signed out, whatever the cookie says. Here, not
// in the request layer, so the sidecar authenticates exactly as the web app does.
import { prisma } from "~/utils/db.server";
import { readLoginSessionIdFromCookie } from "~/utils/session.server";

/** What every page may know about the signed-in person (the root loader sends it to the browser). */
export type SignedInUser = { id: string; name: string; email: string; isAdmin: boolean };

export type SignIn = { user: SignedInUser; loginSessionId: string };

const signedInUserSelect = { id: true, name: true, email: true, isAdmin: true } as const;

/** The user whose unexpired LoginSession this is, in one query; null when there is none. */
export async function getSignInByLoginSession(loginSessionId: string, now = new Date()): Promise<SignIn | null> {
  const user = await prisma.user.findFirst({
    where: { loginSessions: { some: { id: loginSessionId, expiresAt: { gt: now } } } },
    select: signedInUserSelect,
  });
  return user ? { user, loginSessionId } : null;
}

/** The same, from a raw Cookie header: the web app's requests and the sidecar's handshakes. */
export async function getSignInByCookie(cookieHeader: string | null | undefined): Promise<SignIn | null> {
  const loginSessionId = await readLoginSessionIdFromCookie(cookieHeader);
  return loginSessionId ? getSignInByLoginSession(loginSessionId) : null;
}
