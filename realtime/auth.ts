// The handshake: who is connecting. A ticket from the web app (any host) or the
// web app's own sign-in cookie (same site) identifies a LoginSession; nothing
// else the client sends (a claimed user id or role) is believed. Nobody signed
// in is fine: anyone may watch. What they may do in a session is loaded when
// they join it (handlers/session.ts).
import type { IncomingMessage } from "node:http";
import { readRealtimeTicket } from "~/models/accounts/realtime-ticket.server";
import { readLoginSessionIdFromCookie } from "~/utils/session.server";
import type { SocketData } from "./contract";
import type { CrowdLookups } from "./lookups";

export class HandshakeError extends Error {
  readonly data = { code: "UNAUTHENTICATED" as const };
}

/**
 * The sign-in behind a handshake. A ticket that is present but bad or expired is
 * refused (the page fetches a fresh one and retries) rather than silently
 * connecting someone as signed out.
 */
export async function authenticateHandshake(
  auth: unknown,
  request: IncomingMessage,
  lookups: Pick<CrowdLookups, "signIn">,
): Promise<Pick<SocketData, "user" | "loginSessionId">> {
  const ticket = typeof auth === "object" && auth !== null ? (auth as { ticket?: unknown }).ticket : undefined;
  if (ticket !== undefined && ticket !== null && ticket !== "") {
    // The ticket's signature and expiry are checked here; the LoginSession is still looked up, so a revoked one is refused.
    const ticketed = readRealtimeTicket(ticket);
    const signIn = ticketed ? await lookups.signIn(ticketed) : null;
    if (!signIn) throw new HandshakeError("Your sign-in ticket is invalid or expired. Reload the page to reconnect.");
    return { user: { id: signIn.user.id, name: signIn.user.name }, loginSessionId: signIn.loginSessionId };
  }
  const fromCookie = await readLoginSessionIdFromCookie(request.headers.cookie);
  const signIn = fromCookie ? await lookups.signIn(fromCookie) : null;
  return signIn ? { user: { id: signIn.user.id, name: signIn.user.name }, loginSessionId: signIn.loginSessionId } : { user: null, loginSessionId: null };
}
