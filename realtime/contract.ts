// The typed contract between the browser and the realtime sidecar: every event
// name (entity:verb), its payload schema and its acknowledgement. The browser
// imports the types; the sidecar validates every payload with these schemas
// before anything reaches the database.
import { z } from "zod";
import {
  dismissReasonSchema,
  questionBodySchema,
  recordIdSchema,
  type QaBoard,
  type QaErrorCode,
  type QaEventView,
  type QaSettings,
  type QuestionView,
} from "../app/models/live-qa/questions";

/** Every client event is acknowledged with one of these. */
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: { code: QaErrorCode; message: string } };
export type Ack<T> = (response: AckResponse<T>) => void;

export const joinSchema = z.object({
  sessionId: recordIdSchema,
  /** The last event id the client applied; it then receives exactly the events after it. */
  lastEventId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullish(),
});
export const askSchema = z.object({ body: questionBodySchema, anonymous: z.boolean().optional() });
export const questionRefSchema = z.object({ questionId: recordIdSchema });
export const editSchema = z.object({ questionId: recordIdSchema, body: questionBodySchema });
export const dismissSchema = z.object({ questionId: recordIdSchema, reason: dismissReasonSchema.nullish() });
export const emptySchema = z.object({}).optional();
export const moderationSchema = z.object({ enabled: z.boolean() });

export type JoinPayload = z.input<typeof joinSchema>;
export type AskPayload = z.input<typeof askSchema>;
export type QuestionRefPayload = z.input<typeof questionRefSchema>;
export type EditPayload = z.input<typeof editSchema>;
export type DismissPayload = z.input<typeof dismissSchema>;
export type ModerationPayload = z.input<typeof moderationSchema>;

/** What the sidecar knows of who is connected, for the page to show the right controls. */
export type ViewerRights = { signedIn: boolean; name: string | null; canParticipate: boolean; canModerate: boolean };

export type JoinResult = {
  sessionId: string;
  rights: ViewerRights;
  /** A whole board when the client had nothing or missed too much, else the events after its last id. */
  sync: { kind: "snapshot"; board: QaBoard } | { kind: "events"; events: QaEventView[] };
  viewers: number;
};

/** The result of a change: the new event's id, and the question as the actor now sees it. */
export type ChangeResult = { eventId: number; question?: QuestionView; qa: QaSettings };

export interface ClientToServerEvents {
  "qa:join": (payload: JoinPayload, ack: Ack<JoinResult>) => void;
  "qa:leave": (payload: Record<string, never>, ack: Ack<null>) => void;
  "question:ask": (payload: AskPayload, ack: Ack<ChangeResult>) => void;
  "question:edit": (payload: EditPayload, ack: Ack<ChangeResult>) => void;
  "question:withdraw": (payload: QuestionRefPayload, ack: Ack<ChangeResult>) => void;
  "question:vote": (payload: QuestionRefPayload, ack: Ack<ChangeResult>) => void;
  "question:unvote": (payload: QuestionRefPayload, ack: Ack<ChangeResult>) => void;
  "question:approve": (payload: QuestionRefPayload, ack: Ack<ChangeResult>) => void;
  "question:dismiss": (payload: DismissPayload, ack: Ack<ChangeResult>) => void;
  "question:pin": (payload: QuestionRefPayload, ack: Ack<ChangeResult>) => void;
  "question:unpin": (payload: Record<string, never>, ack: Ack<ChangeResult>) => void;
  "question:answer": (payload: QuestionRefPayload, ack: Ack<ChangeResult>) => void;
  "qa:open": (payload: Record<string, never>, ack: Ack<ChangeResult>) => void;
  "qa:close": (payload: Record<string, never>, ack: Ack<ChangeResult>) => void;
  "qa:moderation": (payload: ModerationPayload, ack: Ack<ChangeResult>) => void;
}

export interface ServerToClientEvents {
  /** Q&A changes in id order; apply each once (skip ids at or below the last applied). */
  "qa:events": (events: QaEventView[]) => void;
  /** People watching the session right now, across every sidecar. */
  "viewers:count": (payload: { sessionId: string; count: number }) => void;
  /** The person's rights in the meeting changed (a registration confirmed or cancelled, a role given or taken). */
  "rights:changed": (payload: { sessionId: string; rights: ViewerRights }) => void;
  /** Sent just before the sidecar disconnects a socket whose sign-in ended. */
  "auth:ended": (payload: { message: string }) => void;
}

export type InterServerEvents = Record<string, never>;

/** Loaded once: at the handshake (who), and when joining a session (what they may do there). */
export type SocketData = {
  user: { id: string; name: string } | null;
  loginSessionId: string | null;
  /** Rights are re-checked when a role changes (a NOTIFY), and before a change when older than a minute (handlers/respond.ts). */
  session: { id: string; meetingId: string; canParticipate: boolean; canModerate: boolean; checkedAt: number } | null;
};

/** Socket.IO limits each message to this many bytes: a question is at most 500 characters. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
