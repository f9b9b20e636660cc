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
} from "~/models/live-qa/questions.server";
import { dismissSchema, emptySchema, moderationSchema, questionRefSchema } from "../contract";
import type { QaSocket, SessionFanout } from "../fanout";
import { currentRights, handle, requireJoined, requireUser, type HandlerContext } from "./respond";

export function registerModerationHandlers(socket: QaSocket, context: HandlerContext & { fanout: SessionFanout }) {
  const who = async () => {
    const user = requireUser(socket, "moderate");
    const session = requireJoined(socket);
    return { userId: user.id, sessionId: session.id, rights: await currentRights(socket, context.fanout) };
  };

  handle(socket, context, "question:approve", questionRefSchema, async ({ questionId }) => approveQuestion({ ...(await who()), questionId }));
  handle(socket, context, "question:dismiss", dismissSchema, async ({ questionId, reason }) => dismissQuestion({ ...(await who()), questionId, reason }));
  handle(socket, context, "question:pin", questionRefSchema, async ({ questionId }) => pinQuestion({ ...(await who()), questionId }));
  handle(socket, context, "question:unpin", emptySchema, async () => unpinQuestion(await who()));
  handle(socket, context, "question:answer", questionRefSchema, async ({ questionId }) => markAnswered({ ...(await who()), questionId }));
  handle(socket, context, "qa:open", emptySchema, async () => openQa(await who()));
  handle(socket, context, "qa:close", emptySchema, async () => closeQa(await who()));
  handle(socket, context, "qa:moderation", moderationSchema, async ({ enabled }) => setModeration({ ...(await who()), enabled }));
}
