// What moderators do. The verbs refuse anyone who is not a moderator or
// organizer of the meeting, whatever the socket claims.
import {
  approveQuestion,
  closeQa,
  dismissQuestion,
  markAnswered,
  openQa,
  pinQuestion,
  setModeration,
  unpinQuestion,
} from "~/models/live-qa.server";
import { dismissSchema, emptySchema, moderationSchema, questionRefSchema } from "../contract";
import type { QaSocket } from "../fanout";
import { handle, requireJoined, requireUser, type HandlerContext } from "./respond";

export function registerModerationHandlers(socket: QaSocket, context: HandlerContext) {
  const who = () => {
    const user = requireUser(socket, "moderate");
    const session = requireJoined(socket);
    return { userId: user.id, sessionId: session.id };
  };

  handle(socket, context, "question:approve", questionRefSchema, ({ questionId }) => approveQuestion({ ...who(), questionId }));
  handle(socket, context, "question:dismiss", dismissSchema, ({ questionId, reason }) => dismissQuestion({ ...who(), questionId, reason }));
  handle(socket, context, "question:pin", questionRefSchema, ({ questionId }) => pinQuestion({ ...who(), questionId }));
  handle(socket, context, "question:unpin", emptySchema, () => unpinQuestion(who()));
  handle(socket, context, "question:answer", questionRefSchema, ({ questionId }) => markAnswered({ ...who(), questionId }));
  handle(socket, context, "qa:open", emptySchema, () => openQa(who()));
  handle(socket, context, "qa:close", emptySchema, () => closeQa(who()));
  handle(socket, context, "qa:moderation", moderationSchema, ({ enabled }) => setModeration({ ...who(), enabled }));
}
