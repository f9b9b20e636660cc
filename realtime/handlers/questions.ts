// What the audience does: ask, edit or withdraw their own question, vote.
import { askQuestion, editQuestion, unvoteQuestion, voteQuestion, withdrawQuestion } from "~/models/live-qa/questions.server";
import { askSchema, editSchema, questionRefSchema } from "../contract";
import type { QaSocket, SessionFanout } from "../fanout";
import { currentRights, handle, requireJoined, requireUser, type HandlerContext } from "./respond";

export function registerQuestionHandlers(socket: QaSocket, context: HandlerContext & { fanout: SessionFanout }) {
  /** The actor, their session and their rights there (the verbs skip the checks already made). */
  const actor = async (what?: string) => {
    const user = requireUser(socket, what);
    const session = requireJoined(socket);
    return { userId: user.id, sessionId: session.id, rights: await currentRights(socket, context.fanout) };
  };

  handle(socket, context, "question:ask", askSchema, async ({ body, anonymous }) => askQuestion({ ...(await actor()), body, anonymous }));

  handle(socket, context, "question:edit", editSchema, async ({ questionId, body }) => editQuestion({ ...(await actor("edit questions")), questionId, body }));

  handle(socket, context, "question:withdraw", questionRefSchema, async ({ questionId }) => withdrawQuestion({ ...(await actor("withdraw questions")), questionId }));

  handle(socket, context, "question:vote", questionRefSchema, async ({ questionId }) => voteQuestion({ ...(await actor()), questionId }));

  handle(socket, context, "question:unvote", questionRefSchema, async ({ questionId }) => unvoteQuestion({ ...(await actor()), questionId }));
}
