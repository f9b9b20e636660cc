// Joining and leaving a session's live Q&A. What the person may do there is
// loaded once, here, into socket.data; the verbs check again in the database.
// The live page also says whether it is on screen (at join, then by heartbeat):
// a signed-in viewer's visible time is their attendance record (../attendance.ts).
import { RefusalError } from "~/models/refusal";
import type { AttendanceRecorder } from "../attendance";
import { joinSchema, leaveSchema, presenceBeatSchema, type AttendanceState, type Visibility } from "../contract";
import type { QaSocket, SessionFanout } from "../fanout";
import type { CrowdLookups } from "../lookups";
import type { Presence } from "../presence";
import { handle, requireJoined, viewerRights, type HandlerContext } from "./respond";

/** The events that are not Q&A commands: a socket joins a session's Q&A, leaves it, or says whether its page is on screen. */
export const SESSION_EVENTS = ["qa:join", "qa:leave", "presence:beat"] as const;

export function registerSessionHandlers(
  socket: QaSocket,
  context: HandlerContext & { fanout: SessionFanout; presence: Presence; attendance: AttendanceRecorder; lookups: CrowdLookups },
) {
  const { fanout, presence, attendance, lookups } = context;

  /** Opens or keeps the socket's interval while its page is visible in the joined session; anything else closes it. Anonymous viewers are not recorded. */
  function record(visibility: Visibility | undefined): AttendanceState {
    const session = socket.data.session;
    const user = socket.data.user;
    if (visibility === "visible" && session && user && socket.connected) attendance.visible(socket.id, session.id, user.id);
    else attendance.close(socket.id);
    return { recording: attendance.recording(socket.id), heartbeatMs: attendance.heartbeatMs };
  }

  handle(socket, context, "qa:join", joinSchema, async ({ sessionId, lastEventId, visibility }) => {
    const session = await lookups.qaSession(sessionId);
    if (!session) throw new RefusalError("NOT_FOUND", "There is no such session.");
    const user = socket.data.user;
    const rights = user ? await lookups.rights(user.id, session.meetingId) : { canParticipate: false, canModerate: false };
    if (socket.data.session) fanout.leave(socket, socket.data.session.id);
    socket.data.session = { id: session.id, meetingId: session.meetingId, ...rights, checkedAt: Date.now() };
    const sync = await fanout.join(socket, session.id, lastEventId);
    return {
      sessionId: session.id,
      rights: viewerRights(socket),
      sync,
      viewers: presence.total(session.id),
      attendance: record(visibility),
    };
  });

  handle(socket, context, "qa:leave", leaveSchema, async () => {
    if (socket.data.session) fanout.leave(socket, socket.data.session.id);
    socket.data.session = null;
    record(undefined);
    return null;
  });

  handle(socket, context, "presence:beat", presenceBeatSchema, async ({ visibility }) => {
    requireJoined(socket);
    return record(visibility);
  });

  socket.on("disconnect", () => attendance.close(socket.id));
}
