// What the live pages (viewer, moderator, projector) load and how their
// no-JavaScript forms answer: the session by its slugs, who is looking and what
// they may do, where the session stands in time, where a registrant who may not
// take part yet stands, the projector's short address, and runQaCommand, the one
// action of both pages that post: it runs whichever command of the Q&A table the
// form's intent names.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { LRUCache } from "lru-cache";
import type { z } from "zod";
import { getMeetingRights } from "~/models/accounts/access.server";
import { realtimeOrigin } from "~/models/accounts/realtime-ticket.server";
import { askCodeOf, findSessionByAskCode } from "~/models/live-qa/ask-link.server";
import { findLiveSession, type LiveSession } from "~/models/live-qa/board.server";
import { confirmationKey, qaCommandOf, qaIntent, type QaCommandEvent, type QaCommandInput, type QaIntent } from "~/models/live-qa/commands";
import { runCommand } from "~/models/live-qa/commands.server";
import type { QaActor } from "~/models/live-qa/event-log.server";
import { refuse, refusalOf, type Refusal } from "~/models/refusal";
import type { RegistrationStanding } from "~/models/registration/standing";
import { getRegistrationStanding } from "~/models/registration/standing.server";
import { sessionPhase, type SessionTiming } from "~/models/live-qa/session-phase";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { formatTime, zoneAbbreviation } from "~/utils/time";
import { getSignIn, type SignedInUser } from "./auth.server";
import { type refusalReply, refusalResponse } from "./refusal.server";

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

/** Only http(s) links become hrefs or frames: a stored "javascript:" URL must never run. */
export function webUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Where the session stands in time, for the status line every live page shows, with times in `zone`. */
export function sessionTimingOf(session: LiveSession, zone: string, now = Date.now()): SessionTiming {
  return {
    phase: sessionPhase(session, now),
    startTime: `${formatTime(session.startsAt, zone)} ${zoneAbbreviation(zone, session.startsAt)}`,
    recording: webUrl(session.recordingUrl) !== null,
  };
}

/** Why a signed-in person who may not take part cannot yet (their registration's standing); null when they may, or have none. */
export function standingOf(page: LivePageContext): Promise<RegistrationStanding | null> {
  return page.user && !page.canParticipate ? getRegistrationStanding(page.user.id, page.session.meeting.id) : Promise.resolve(null);
}

/** The short address of the session's live page, as the projector shows it (host and path) and as its QR code holds it. */
export async function askLinkOf(session: Pick<LiveSession, "id">): Promise<{ shown: string; url: string }> {
  const url = new URL(absoluteUrl(href.ask(await askCodeOf(session.id))));
  return { shown: `${url.host}${url.pathname}`, url: url.href };
}

// A plenary's audience scans the same code at once: each process looks a code up once in a while.
const askLinks = new LRUCache<string, { path: string | null }>({ max: 2_000, ttl: 10 * 60_000 });

/** The live page a short address leads to, or null. */
export async function askLinkTarget(code: string): Promise<string | null> {
  const cached = askLinks.get(code);
  if (cached) return cached.path;
  const found = await findSessionByAskCode(code);
  const path = found ? href.live(found.meetingSlug, found.sessionSlug) : null;
  askLinks.set(code, { path });
  return path;
}

/** Where a form goes back to after it worked, with a note for the page to show. */
function backTo(request: Request, done: string, hash: string): string {
  const url = new URL(request.url);
  url.searchParams.set("done", done);
  return `${url.pathname}?${url.searchParams}#${hash}`;
}

/** A refused command: the form's errors (Conform), its sentence for the page's notice, the refusal's status. */
function refused(intent: string, refusal: Refusal, submission?: Parameters<typeof refusalReply>[1]) {
  return refusalResponse(refusal, submission, { intent, error: refusal.message });
}

/** The schema the form itself must satisfy: the row's, less the fields its button fixes (moderation on/off). */
function formSchemaOf(intent: QaIntent): z.ZodType {
  const { schema } = qaCommandOf(intent);
  const fixed = Object.keys(intent.fields);
  if (!fixed.length) return schema;
  const object = "unwrap" in schema ? schema.unwrap() : schema;
  return object.omit(Object.fromEntries(fixed.map((name) => [name, true])) as Parameters<typeof object.omit>[0]);
}

/**
 * Runs the command the form's intent names, as `actor`, in the session: a
 * redirect back to the page (with ?done= for its confirmation, at `hash`), or
 * the refusal with its status: 400 for an intent no command has or a form
 * its schema refuses (the field's error beside the field), else the verb's.
 */
export async function runQaCommand(request: Request, form: FormData, actor: QaActor, hash: string) {
  const name = String(form.get("intent") ?? "");
  const intent = qaIntent(name);
  if (!intent) return refused(name, refuse("INVALID", "That request was not understood."));
  const submission = parseWithZod(form, { schema: formSchemaOf(intent) });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0] ?? "That request was not understood.";
    return data({ intent: name, result: submission.reply(), error: message }, { status: 400 });
  }
  try {
    // The event and the values come from the same row; TypeScript cannot follow that across the union of rows.
    const input = { ...(submission.value as object), ...intent.fields } as QaCommandInput<QaCommandEvent>;
    const change = await runCommand(intent.event, input, actor);
    return redirect(backTo(request, confirmationKey(intent, change), hash));
  } catch (error) {
    return refused(name, refusalOf(error), submission);
  }
}
