// Every client event goes through `handle`: a bounded rate per socket, the
// payload checked against its schema, the work, and exactly one acknowledgement,
// { ok: true, data } or { ok: false, error } with a sentence for people. A bad
// request never throws out of the handler, so the socket stays usable.
import type { z } from "zod";
import { getMeetingRights } from "~/models/accounts/access.server";
import type { CheckedRights } from "~/models/live-qa/event-log.server";
import { RefusalError, refuse, type Refusal } from "~/models/refusal";
import type { AckResponse, ClientToServerEvents, SidecarErrorCode, ViewerRights } from "../contract";
import type { QaSocket, SessionFanout } from "../fanout";

export type HandlerContext = { log: (error: unknown, context: string) => void };

/** At most this many events per socket in each window; a person clicking never gets near it. */
const BURST_EVENTS = 40;
const BURST_WINDOW_MS = 10_000;
const windows = new WeakMap<QaSocket, { startedAt: number; count: number }>();

function overBurst(socket: QaSocket): boolean {
  const now = Date.now();
  const window = windows.get(socket);
  if (!window || now - window.startedAt >= BURST_WINDOW_MS) {
    windows.set(socket, { startedAt: now, count: 1 });
    return false;
  }
  window.count += 1;
  return window.count > BURST_EVENTS;
}

/** A no that only the sidecar says (no session joined): not a model's refusal, so it has a sidecar code. */
class SidecarRefusal extends Error {
  constructor(
    readonly code: SidecarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SidecarRefusal";
  }
}

type AckFailure = Extract<AckResponse<never>, { ok: false }>;

/** The one map from a model's refusal to an acknowledgement: same code and sentence (UNAVAILABLE is our failure to the socket). */
function refusalAck(refusal: Pick<Refusal, "code" | "message">): AckFailure {
  return { ok: false, error: { code: refusal.code === "UNAVAILABLE" ? "INTERNAL" : refusal.code, message: refusal.message } };
}

/** What a handler's error becomes: a refusal's sentence, or, for anything unexpected (logged), an apology. */
function failureAck(error: unknown, context: HandlerContext, event: string): AckFailure {
  if (error instanceof RefusalError) return refusalAck(error.refusal);
  if (error instanceof SidecarRefusal) return { ok: false, error: { code: error.code, message: error.message } };
  context.log(error, event);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } };
}

export function handle<E extends keyof ClientToServerEvents, S extends z.ZodType, T>(
  socket: QaSocket,
  context: HandlerContext,
  event: E,
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
): void {
  // Registered loosely on purpose: a client may send anything (no payload, no
  // callback, the callback first); the types describe what a correct one sends.
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === "function" ? (last as (response: AckResponse<T>) => void) : () => {};
    const payload = typeof args[0] === "function" ? undefined : args[0];
    void respond(socket, context, event, schema, run, payload).then(ack);
  });
}

async function respond<S extends z.ZodType, T>(
  socket: QaSocket,
  context: HandlerContext,
  event: string,
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
  payload: unknown,
): Promise<AckResponse<T>> {
  if (overBurst(socket)) return refusalAck(refuse("RATE_LIMITED", "Too many requests at once. Wait a few seconds and try again."));
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    return refusalAck(refuse("INVALID", `${issue?.message ?? "Invalid request"}${where}`));
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    return failureAck(error, context, event);
  }
}

/** The signed-in person and the session this socket joined, or a refusal. */
export function requireJoined(socket: QaSocket) {
  const session = socket.data.session;
  if (!session) throw new SidecarRefusal("NOT_JOINED", "Join a session first.");
  return session;
}

/** A role change is pushed at once (a NOTIFY); this re-check also covers notices lost while the LISTEN connection was down. */
export const RIGHTS_TTL_MS = 60_000;

/** The joined session and the actor's rights in it, re-checked when stale. */
export async function currentRights(socket: QaSocket, fanout: SessionFanout): Promise<CheckedRights> {
  const session = requireJoined(socket);
  if (socket.data.user && Date.now() - session.checkedAt > RIGHTS_TTL_MS) await recheckRights(socket, fanout);
  return { canParticipate: session.canParticipate, canModerate: session.canModerate };
}

/**
 * Reads the person's rights in the joined session's meeting again. When they
 * changed, moves the socket between audience and moderators and tells the
 * screen, which shows the right controls (and fetches a fresh board when it
 * gains or loses the moderator's view).
 */
export async function recheckRights(socket: QaSocket, fanout: SessionFanout): Promise<void> {
  const session = socket.data.session;
  const user = socket.data.user;
  if (!session || !user) return;
  const rights = await getMeetingRights(user.id, session.meetingId);
  if (socket.data.session !== session) return;
  const changed = rights.canParticipate !== session.canParticipate || rights.canModerate !== session.canModerate;
  if (rights.canModerate !== session.canModerate) fanout.moveAudience(socket, session.id, rights.canModerate);
  Object.assign(session, { ...rights, checkedAt: Date.now() });
  if (changed) socket.emit("rights:changed", { sessionId: session.id, rights: viewerRights(socket) });
}

/** What the screen is told of who it is and what it may do in the joined session. */
export function viewerRights(socket: QaSocket): ViewerRights {
  const user = socket.data.user;
  const session = socket.data.session;
  return { signedIn: user !== null, name: user?.name ?? null, canParticipate: session?.canParticipate ?? false, canModerate: session?.canModerate ?? false };
}

export function requireUser(socket: QaSocket, what: string) {
  const user = socket.data.user;
  if (!user) throw new RefusalError("UNAUTHENTICATED", `Sign in to ${what}.`);
  return user;
}
