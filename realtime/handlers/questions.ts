// What the audience does: ask, edit or withdraw their own question, vote.
import { askQuestion, editQuestion, unvoteQuestion, voteQuestion, withdrawQuestion } from "~/models/live-qa.server";
import { askSchema, editSchema, questionRefSchema } from "../contract";
import type { QaSocket } from "../fanout";
import { handle, requireJoined, requireUser, type HandlerContext } from "./respond";

export function registerQuestionHandlers(socket: QaSocket, context: HandlerContext) {
  handle(socket, context, "question:ask", askSchema, ({ body, anonymous }) => {
    const user = requireUser(socket);
    const session = requireJoined(socket);
    return askQuestion({ sessionId: session.id, userId: user.id, body, anonymous });
  });

  handle(socket, context, "question:edit", editSchema, ({ questionId, body }) => {
    const user = requireUser(socket, "edit questions");
    const session = requireJoined(socket);
    return editQuestion({ sessionId: session.id, questionId, userId: user.id, body });
  });

  handle(socket, context, "question:withdraw", questionRefSchema, ({ questionId }) => {
    const user = requireUser(socket, "withdraw questions");
    const session = requireJoined(socket);
    return withdrawQuestion({ sessionId: session.id, questionId, userId: user.id });
  });

  handle(socket, context, "question:vote", questionRefSchema, ({ questionId }) => {
    const user = requireUser(socket);
    const session = requireJoined(socket);
    return voteQuestion({ sessionId: session.id, questionId, userId: user.id });
  });

  handle(socket, context, "question:unvote", questionRefSchema, ({ questionId }) => {
    const user = requireUser(socket);
    const session = requireJoined(socket);
    return unvoteQuestion({ sessionId: session.id, questionId, userId: user.id });
  });
}
