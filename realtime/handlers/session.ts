// Joining and leaving a session's live Q&A. What the person may do there is
// loaded once, here, into socket.data; the verbs check again in the database.
import { getMeetingRights } from "~/models/accounts/access.server";
import { findQaSession } from "~/models/live-qa/board.server";
import { RefusalError } from "~/models/refusal";
import { joinSchema, leaveSchema } from "../contract";
import type { QaSocket, SessionFanout } from "../fanout";
import type { Presence } from "../presence";
import { handle, viewerRights, type HandlerContext } from "./respond";

/** The events that are not Q&A commands: a socket joins a session's Q&A, or leaves it. */
export const SESSION_EVENTS = ["qa:join", "qa:leave"] as const;

export function registerSessionHandlers(socket: QaSocket, context: HandlerContext & { fanout: SessionFanout; presence: Presence }) {
  const { fanout, presence } = context;

  handle(socket, context, "qa:join", joinSchema, async ({ sessionId, lastEventId }) => {
    const session = await findQaSession(sessionId);
    if (!session) throw new RefusalError("NOT_FOUND", "There is no such session.");
    const user = socket.data.user;
    const rights = user ? await getMeetingRights(user.id, session.meetingId) : { canParticipate: false, canModerate: false };
    if (socket.data.session) fanout.leave(socket, socket.data.session.id);
    socket.data.session = { id: session.id, meetingId: session.meetingId, ...rights, checkedAt: Date.now() };
    const sync = await fanout.join(socket, session.id, lastEventId);
    return {
      sessionId: session.id,
      rights: viewerRights(socket),
      sync,
      viewers: presence.total(session.id),
    };
  });

  handle(socket, context, "qa:leave", leaveSchema, async () => {
    if (socket.data.session) fanout.leave(socket, socket.data.session.id);
    socket.data.session = null;
    return null;
  });
}
