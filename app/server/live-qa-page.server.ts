// What the live pages (viewer, moderator, projector) load and how their
// no-JavaScript forms answer: the session by its slugs, who is looking and what
// they may do, and a refusal from the Q&A verbs turned into an HTTP status.
import { getMeetingRights } from "~/models/accounts/access.server";
import { findLiveSession, type LiveSession } from "~/models/live-qa/questions.server";
import type { QaErrorCode } from "~/models/live-qa/questions";
import { realtimeOrigin } from "~/models/accounts/realtime-ticket.server";
import { getSignIn, type SignedInUser } from "./auth.server";

export type LivePageContext = {
  session: LiveSession;
  user: SignedInUser | null;
  canParticipate: boolean;
  canModerate: boolean;
  realtimeUrl: string;
};

export async function loadLivePage(request: Request, params: { meeting?: string; session?: string }): Promise<LivePageContext> {
  const session = await findLiveSession(params.meeting ?? "", params.session ?? "");
  if (!session) throw new Response("There is no session at this address. The program lists every session.", { status: 404 });
  const user = (await getSignIn(request))?.user ?? null;
  const rights = user ? await getMeetingRights(user.id, session.meeting.id) : { canParticipate: false, canModerate: false };
  return { session, user, ...rights, realtimeUrl: realtimeOrigin() };
}

const STATUS_OF: Record<QaErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CLOSED: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  NOT_JOINED: 400,
  UNKNOWN_EVENT: 400,
  INTERNAL: 500,
};

export function httpStatusOf(code: QaErrorCode): number {
  return STATUS_OF[code];
}

/** Where a form goes back to after it worked, with a note for the page to show. */
export function backTo(request: Request, done: string, hash = "questions"): string {
  const url = new URL(request.url);
  url.searchParams.set("done", done);
  return `${url.pathname}?${url.searchParams}#${hash}`;
}
