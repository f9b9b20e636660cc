// "Add to my schedule" pressed while signed out. The schedule's action sends
// the person to sign in with the session's id beside the page to come back to
// (`add`); the sign-in and sign-up pages name the session ("Sign in to add …
// to your schedule"), and the POST that signs the person in (the sign-in form,
// or the e-mailed sign-up link's form) adds it. Nothing is added by a GET, and
// nothing without the person's own POST on a page that said what it would add:
// a link from another site can at most open that page, and a cross-site POST
// is refused before any action runs (app/server/cross-site.server.ts).
import { SessionStatus } from "~/generated/prisma/enums";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { addToSchedule } from "./schedule.server";

/** The session a sign-in page offers to add, as it names it. */
export type PendingAdd = { sessionId: string; title: string; meetingName: string };

/** Ids are cuids; anything else in the address is not one, and costs no query. */
const plausibleId = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value);

/**
 * The session behind an `add` parameter, if it is one that can be added: in a
 * meeting's published program and not cancelled. Otherwise null, and the page
 * offers plain sign-in.
 */
export async function findPendingAdd(sessionId: unknown): Promise<PendingAdd | null> {
  if (!plausibleId(sessionId)) return null;
  const session = await prisma.session.findFirst({
    where: { id: sessionId, status: SessionStatus.SCHEDULED },
    select: { id: true, title: true, meeting: { select: { name: true } } },
  });
  return session ? { sessionId: session.id, title: session.title, meetingName: session.meeting.name } : null;
}

/**
 * Adds the pending session for the person who just signed in or up. Having it
 * already is success (they may have added it in another tab); a session that
 * left the program or was cancelled meanwhile is the schedule's own refusal.
 */
export async function addPendingSession(userId: string, sessionId: string): Promise<Outcome> {
  const session = plausibleId(sessionId) ? await prisma.session.findFirst({ where: { id: sessionId }, select: { meetingId: true } }) : null;
  if (!session) return refuse("NOT_FOUND", "That session is no longer in the program.");
  const added = await addToSchedule(userId, session.meetingId, sessionId);
  return !added.ok && added.code === "CONFLICT" && (await isScheduled(userId, sessionId)) ? { ok: true } : added;
}

const isScheduled = async (userId: string, sessionId: string) => (await prisma.scheduleItem.count({ where: { userId, sessionId } })) > 0;
