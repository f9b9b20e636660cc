// The model verb each Q&A command of the table (commands.ts) runs. Kept apart
// from the table because the verbs are server code and the table is also read
// by the browser. Keyed by the table's events, so a row without a verb, or a
// verb taking another payload than its row's schema gives, is a type error.
import { askQuestion, editQuestion, unvoteQuestion, voteQuestion, withdrawQuestion } from "./asking.server";
import type { QaCommandEvent, QaCommandInput } from "./commands";
import type { QaActor } from "./event-log.server";
import { approveQuestion, closeQa, dismissQuestion, markAnswered, openQa, pinQuestion, setModeration, unpinQuestion } from "./moderation.server";
import type { QaChange } from "./questions";

type Verb<E extends QaCommandEvent> = (input: QaCommandInput<E>, actor: QaActor) => Promise<QaChange>;

const VERBS: { [E in QaCommandEvent]: Verb<E> } = {
  "question:ask": ({ body, anonymous }, actor) => askQuestion({ ...actor, body, anonymous }),
  "question:edit": ({ questionId, body }, actor) => editQuestion({ ...actor, questionId, body }),
  "question:withdraw": ({ questionId }, actor) => withdrawQuestion({ ...actor, questionId }),
  "question:vote": ({ questionId }, actor) => voteQuestion({ ...actor, questionId }),
  "question:unvote": ({ questionId }, actor) => unvoteQuestion({ ...actor, questionId }),
  "question:approve": ({ questionId }, actor) => approveQuestion({ ...actor, questionId }),
  "question:dismiss": ({ questionId, reason }, actor) => dismissQuestion({ ...actor, questionId, reason }),
  "question:pin": ({ questionId }, actor) => pinQuestion({ ...actor, questionId }),
  "question:unpin": (_input, actor) => unpinQuestion(actor),
  "question:answer": ({ questionId }, actor) => markAnswered({ ...actor, questionId }),
  "qa:open": (_input, actor) => openQa(actor),
  "qa:close": (_input, actor) => closeQa(actor),
  "qa:moderation": ({ enabled }, actor) => setModeration({ ...actor, enabled }),
};

/** Runs a command whose payload passed its row's schema; refuses by throwing a RefusalError. */
export function runCommand<E extends QaCommandEvent>(event: E, input: QaCommandInput<E>, actor: QaActor): Promise<QaChange> {
  return (VERBS[event] as Verb<E>)(input, actor);
}
