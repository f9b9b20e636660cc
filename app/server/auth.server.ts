// Who is asking, and what may they do. Every loader, action and socket handler
// checks here on the server; hiding a button in the UI is not a check.
import { redirect } from "@remix-run/node";
import type { MeetingRoleKind } from "~/generated/prisma/client";
import { hasMeetingRole } from "~/models/accounts/access.server";
import { getSignInByCookie, type SignIn, type SignedInUser } from "~/models/accounts/signed-in.server";
import { href } from "~/utils/href";
import { clearLoginSessionCookie, readLoginSessionId } from "~/utils/session.server";

export type { SignIn, SignedInUser };

/** The signed-in user and the LoginSession that proves it, or null. */
export async function getSignIn(request: Request): Promise<SignIn | null> {
  return getSignInByCookie(request.headers.get("Cookie"));
}

export async function getUser(request: Request): Promise<SignedInUser | null> {
  return (await getSignIn(request))?.user ?? null;
}

/** The login page URL that brings the person back to `request`'s page afterwards. */
export function loginUrlFor(request: Request): string {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return href.login(back === "/" ? null : back);
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
  if (await getSignIn(request)) throw redirect(href.home());
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
