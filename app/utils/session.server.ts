// Sign-ins live in the database as LoginSession rows; the cookie carries only
// the row's id, signed with SESSION_SECRET. Deleting a row signs that device out
// everywhere at once (web and realtime sidecar), which a cookie holding the
// user itself could never do.
import { createCookie } from "@remix-run/node";
import { prisma } from "./db.server";
import { announceLoginSessionsEnded } from "./login-session-events.server";
import { env } from "./env.server";

export const LOGIN_SESSION_DAYS = 30;
const LOGIN_SESSION_MS = LOGIN_SESSION_DAYS * 24 * 60 * 60 * 1000;

const isProduction = env.NODE_ENV === "production";

// `__Host-` makes the browser refuse the cookie unless it is Secure, path=/ and
// has no Domain, so a sibling subdomain cannot plant or overwrite it. Browsers
// only accept Secure cookies over HTTPS (and http://localhost), hence production only.
export const loginSessionCookie = createCookie(isProduction ? "__Host-meetings_session" : "meetings_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: isProduction,
  secrets: [env.SESSION_SECRET],
  maxAge: LOGIN_SESSION_MS / 1000,
});

/** The LoginSession id in the request's cookie, if it is there and correctly signed. Does not check the database. */
export function readLoginSessionId(request: Request): Promise<string | null> {
  return readLoginSessionIdFromCookie(request.headers.get("Cookie"));
}

export async function readLoginSessionIdFromCookie(cookieHeader: string | null | undefined): Promise<string | null> {
  const value: unknown = await loginSessionCookie.parse(cookieHeader ?? null);
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Signs a user in on this device: a new LoginSession row and the Set-Cookie header that carries its id. */
export async function createLoginSession(userId: string, request: Request) {
  const expiresAt = new Date(Date.now() + LOGIN_SESSION_MS);
  const userAgent = request.headers.get("User-Agent")?.slice(0, 500) ?? null;
  // Housekeeping while we are here: this user's expired sign-ins are dead weight.
  await prisma.loginSession.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } });
  const loginSession = await prisma.loginSession.create({
    data: { userId, expiresAt, userAgent },
    select: { id: true, expiresAt: true },
  });
  const setCookie = await loginSessionCookie.serialize(loginSession.id, { expires: expiresAt });
  return { loginSession, setCookie };
}

/** Signs this device out: deletes its LoginSession (so the id is dead even if the cookie survives) and clears the cookie. */
export async function destroyLoginSession(request: Request): Promise<string> {
  const id = await readLoginSessionId(request);
  if (id) {
    await prisma.loginSession.deleteMany({ where: { id } });
    await announceLoginSessionsEnded({ loginSessionId: id });
  }
  return clearLoginSessionCookie();
}

export function clearLoginSessionCookie(): Promise<string> {
  return loginSessionCookie.serialize("", { maxAge: 0, expires: new Date(0) });
}

/** The devices a user is signed in on, newest first. */
export function listLoginSessions(userId: string) {
  return prisma.loginSession.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, expiresAt: true, userAgent: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Signs a user out of every device but the one given; returns how many were signed out. */
export async function revokeOtherLoginSessions(userId: string, keepLoginSessionId: string): Promise<number> {
  const { count } = await prisma.loginSession.deleteMany({ where: { userId, id: { not: keepLoginSessionId } } });
  if (count > 0) await announceLoginSessionsEnded({ userId, exceptLoginSessionId: keepLoginSessionId });
  return count;
}
