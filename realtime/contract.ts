// The typed contract between the browser and the realtime sidecar: every event
// name (entity:verb), its payload and its acknowledgement. The Q&A commands
// (question:ask, qa:open, …) and their payload schemas come from the one table
// in app/models/live-qa/commands.ts; joining and leaving are declared here. The
// browser imports the types; the sidecar validates every payload with these
// schemas before anything reaches the database.
import { z } from "zod";
import { noPayloadSchema, type QaCommandEvent, type QaCommandPayload } from "../app/models/live-qa/commands";
import { recordIdSchema, type QaBoard, type QaChange, type QaEventView } from "../app/models/live-qa/questions";
import type { RefusalCode } from "../app/models/refusal";

/** What only the sidecar says: the socket joined no session, sent an event nobody knows, or something broke on our side. */
export type SidecarErrorCode = "NOT_JOINED" | "UNKNOWN_EVENT" | "INTERNAL";

/**
 * The codes an acknowledgement carries: a model's refusal keeps its own code
 * (a service being unavailable is, to the socket, our failure: INTERNAL), and
 * the sidecar adds its own.
 */
export type AckErrorCode = Exclude<RefusalCode, "UNAVAILABLE"> | SidecarErrorCode;

/** Every client event is acknowledged with one of these. */
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: { code: AckErrorCode; message: string } };
export type Ack<T> = (response: AckResponse<T>) => void;

/**
 * Whether the page is on screen (document.visibilityState). A page that says
 * so is the live page of someone attending: the time it is visible is their
 * attendance record (signed in only). A page that never says (the projector's
 * screen, the moderator's) is not recorded.
 */
export const visibilitySchema = z.enum(["visible", "hidden"]);
export type Visibility = z.infer<typeof visibilitySchema>;

export const joinSchema = z.object({
  sessionId: recordIdSchema,
  /** The last event id the client applied; it then receives exactly the events after it. */
  lastEventId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullish(),
  visibility: visibilitySchema.optional(),
});
export const leaveSchema = noPayloadSchema;

/**
 * The live page's heartbeat: sent every `heartbeatMs` while the page is visible,
 * and at once when it becomes visible or hidden. It carries no time: the
 * sidecar stamps its own.
 */
export const presenceBeatSchema = z.object({ visibility: visibilitySchema });

/** Whether the sidecar holds this page's attendance open now, and how often it wants a heartbeat. */
export type AttendanceState = { recording: boolean; heartbeatMs: number };

export type JoinPayload = z.input<typeof joinSchema>;

/** What the sidecar knows of who is connected, for the page to show the right controls. */
export type ViewerRights = { signedIn: boolean; name: string | null; canParticipate: boolean; canModerate: boolean };

export type JoinResult = {
  sessionId: string;
  rights: ViewerRights;
  /** A whole board when the client had nothing or missed too much, else the events after its last id. */
  sync: { kind: "snapshot"; board: QaBoard } | { kind: "events"; events: QaEventView[] };
  viewers: number;
  attendance: AttendanceState;
};

/** The result of a change: the new event's id, and the question as the actor now sees it. */
export type ChangeResult = QaChange;

/** One event per command of the table, each answered with the change it made. */
type QaCommandEvents = { [E in QaCommandEvent]: (payload: QaCommandPayload<E>, ack: Ack<ChangeResult>) => void };

export interface ClientToServerEvents extends QaCommandEvents {
  "qa:join": (payload: JoinPayload, ack: Ack<JoinResult>) => void;
  "qa:leave": (payload: z.input<typeof leaveSchema>, ack: Ack<null>) => void;
  "presence:beat": (payload: z.input<typeof presenceBeatSchema>, ack: Ack<AttendanceState>) => void;
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
