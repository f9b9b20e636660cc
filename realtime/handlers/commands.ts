// Every Q&A command of the table (app/models/live-qa/commands.ts), bound in one
// loop, as Socket.IO's basic-crud example binds its handlers in
// createApplication. For each: the payload checked against the row's schema
// (in `handle`), the actor signed in and joined, and the row's verb run with the
// rights this socket holds in the session. The verbs refuse whoever may not,
// whatever the socket claims.
import { QA_COMMAND_EVENTS, QA_COMMANDS, type QaRole } from "~/models/live-qa/commands";
import { runCommand } from "~/models/live-qa/commands.server";
import type { QaSocket, SessionFanout } from "../fanout";
import { currentRights, handle, requireJoined, requireUser, type HandlerContext } from "./respond";

/** The end of "Sign in to …", by who may run the command. */
const SIGN_IN_TO: Record<QaRole, string> = { participant: "ask and vote", moderator: "moderate" };

export function registerQaCommands(socket: QaSocket, context: HandlerContext & { fanout: SessionFanout }) {
  for (const event of QA_COMMAND_EVENTS) {
    const command = QA_COMMANDS[event];
    handle(socket, context, event, command.schema, async (input) => {
      const user = requireUser(socket, command.signInTo ?? SIGN_IN_TO[command.who]);
      const session = requireJoined(socket);
      return runCommand(event, input, { userId: user.id, sessionId: session.id, rights: await currentRights(socket, context.fanout) });
    });
  }
}
