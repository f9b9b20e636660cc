// What the live pages (viewer, moderator, projector) load and how their
// no-JavaScript forms answer: the session by its slugs, who is looking and what
// they may do, and runQaCommand, the one action of both pages that post: it
// runs whichever command of the Q&A table the form's intent names.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { getMeetingRights } from "~/models/accounts/access.server";
import { realtimeOrigin } from "~/models/accounts/realtime-ticket.server";
import { findLiveSession, type LiveSession } from "~/models/live-qa/board.server";
import { confirmationKey, qaCommandOf, qaIntent, type QaCommandEvent, type QaCommandInput, type QaIntent } from "~/models/live-qa/commands";
import { runCommand } from "~/models/live-qa/commands.server";
import type { QaActor } from "~/models/live-qa/event-log.server";
import { refuse, refusalOf, type Refusal } from "~/models/refusal";
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
