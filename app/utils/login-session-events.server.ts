// Ending a sign-in must also end its live connections: the realtime sidecars
// LISTEN on this channel and disconnect the sockets of the sign-ins named.
import { prisma } from "./db.server";

export const LOGIN_SESSIONS_ENDED_CHANNEL = "login_sessions_ended";

/** One LoginSession, or every one of a user's (but the one kept). */
export type LoginSessionsEnded = { loginSessionId: string } | { userId: string; exceptLoginSessionId?: string };

/** Tells every sidecar that sign-ins ended. Inside a transaction (pass it as `db`), PostgreSQL delivers it on commit. */
export async function announceLoginSessionsEnded(ended: LoginSessionsEnded, db: Pick<typeof prisma, "$executeRaw"> = prisma): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${LOGIN_SESSIONS_ENDED_CHANNEL}, ${JSON.stringify(ended)})`;
}
