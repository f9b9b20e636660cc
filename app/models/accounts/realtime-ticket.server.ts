// Short-lived tickets that let a browser prove its sign-in to the realtime
// sidecar when the sidecar cannot read the sign-in cookie (another host). A
// ticket names a LoginSession and an expiry, signed with SESSION_SECRET; the
// sidecar still looks the LoginSession up (realtime/auth.ts), so a revoked
// sign-in is refused even with a fresh ticket.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server";

export const REALTIME_TICKET_TTL_MS = 2 * 60 * 1000;

function sign(body: string): string {
  // A purpose prefix keeps these signatures apart from the cookie's, made with the same secret.
  return createHmac("sha256", env.SESSION_SECRET).update(`realtime-ticket:v1:${body}`).digest("base64url");
}

export function issueRealtimeTicket(loginSessionId: string, now = Date.now()): { ticket: string; expiresAt: number } {
  const expiresAt = now + REALTIME_TICKET_TTL_MS;
  const body = `${loginSessionId}.${expiresAt}`;
  return { ticket: `${body}.${sign(body)}`, expiresAt };
}

/** The LoginSession id a ticket names, if it is well-formed, correctly signed and unexpired. */
export function readRealtimeTicket(ticket: unknown, now = Date.now()): string | null {
  if (typeof ticket !== "string" || ticket.length > 200) return null;
  const [loginSessionId, expiresAt, signature] = ticket.split(".");
  if (!loginSessionId || !expiresAt || !signature || !/^\d+$/.test(expiresAt)) return null;
  const expected = Buffer.from(sign(`${loginSessionId}.${expiresAt}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expiresAt) > now ? loginSessionId : null;
}

/** Where the browser connects to the sidecar: REALTIME_ORIGIN, else the web app's host on REALTIME_PORT. */
export function realtimeOrigin(): string {
  if (env.REALTIME_ORIGIN) return new URL(env.REALTIME_ORIGIN).origin;
  const url = new URL(env.APP_ORIGIN);
  url.port = String(env.REALTIME_PORT);
  return url.origin;
}
