// Who is asking, and what may they do. Every loader, action and socket handler
// checks here on the server; hiding a button in the UI is not a check.
import { redirect } from "@remix-run/node";
import type { MeetingRoleKind } from "~/generated/prisma/client";
import { hasMeetingRole } from "~/models/accounts/access.server";
import { prisma } from "~/utils/db.server";
import { clearLoginSessionCookie, readLoginSessionId, readLoginSessionIdFromCookie } from "~/utils/session.server";

/** What every page may know about the signed-in person (the root loader sends it to the browser). */
export type SignedInUser = { id: string; name: string; email: string; isAdmin: boolean };

const signedInUserSelect = { id: true, name: true, email: true, isAdmin: true } as const;

/**
 * The signed-in user and the LoginSession that proves it, or null. One query:
 * the user whose unexpired LoginSession matches the cookie. A deleted or expired
 * LoginSession means signed out, whatever the cookie says.
 */
export async function getSignIn(request: Request): Promise<SignIn | null> {
  return getSignInByCookie(request.headers.get("Cookie"));
}

export type SignIn = { user: SignedInUser; loginSessionId: string };

/** The same, from a raw Cookie header: the realtime sidecar authenticates its handshake with this. */
export async function getSignInByCookie(cookieHeader: string | null | undefined): Promise<SignIn | null> {
  const loginSessionId = await readLoginSessionIdFromCookie(cookieHeader);
  if (!loginSessionId) return null;
  const user = await prisma.user.findFirst({
    where: { loginSessions: { some: { id: loginSessionId, expiresAt: { gt: new Date() } } } },
    select: signedInUserSelect,
  });
  return user ? { user, loginSessionId } : null;
}

export async function getUser(request: Request): Promise<SignedInUser | null> {
  return (await getSignIn(request))?.user ?? null;
}

/** The login page URL that brings the person back to `request`'s page afterwards. */
export function loginUrlFor(request: Request): string {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`;
}

/** The signed-in user and their LoginSession id; otherwise throws a redirect to sign in (and clears a stale cookie). */
export async function requireSignIn(request: Request) {
  const signIn = await getSignIn(request);
  if (signIn) return signIn;
  const headers = new Headers();
  if (await readLoginSessionId(request)) headers.append("Set-Cookie", await clearLoginSessionCookie());
  throw redirect(loginUrlFor(request), { headers });
}

export async function requireUser(request: Request): Promise<SignedInUser> {
  return (await requireSignIn(request)).user;
}

/** For pages only signed-out people need (sign in, sign up, password reset): the signed-in go home instead. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getSignIn(request)) throw redirect("/");
}

/**
 * The signed-in user if they hold one of `roles` in the meeting (or are an admin).
 * Signed out: redirect to sign in. Signed in without the role: 403.
 */
export async function requireMeetingRole(request: Request, meetingId: string, roles: readonly MeetingRoleKind[]): Promise<SignedInUser> {
  const user = await requireUser(request);
  if (!(await hasMeetingRole(user.id, meetingId, roles))) {
    throw new Response("You do not have permission to do this for this meeting.", { status: 403 });
  }
  return user;
}
