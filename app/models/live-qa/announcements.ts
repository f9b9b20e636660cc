// What a live page says aloud when the board changes under the person, derived
// from the events the screen applies. WCAG 2.2's status messages (4.1.3, and
// technique ARIA22) are polite: one role="status" region, present from the
// first render, gets the text; it is short; and only what a person would want
// to hear unasked is said: a question put on the board, the one being answered
// now, one marked answered, the Q&A closing or opening, and, to the author, what
// happened to their own. Vote counts and the number watching change all the
// time and are never announced (they are on the screen for whoever looks).
// What the person did themselves is not repeated: their action's confirmation
// already says it. Shared with the browser: no server code.
import type { QaPage } from "./commands";
import { questionSnippet, type QaEventView } from "./questions";

/** More new questions than this in one delivery are counted, not read out one by one. */
const READ_OUT_AT_MOST = 2;

const quoted = (body: string) => `“${questionSnippet(body, 100)}”`;

/** The sentence for one event, and whether it is one of the "new question" kind that a burst counts. */
function describe(event: QaEventView, page: QaPage): { text: string; newQuestion: boolean } | null {
  const question = event.question;
  if (event.kind === "QA_CLOSED") return page === "audience" ? { text: "Q&A is now closed.", newQuestion: false } : null;
  if (event.kind === "QA_OPENED") return page === "audience" ? { text: "Q&A is open again.", newQuestion: false } : null;
  if (!question || !question.body) return null;
  if (page === "moderator") {
    // The moderator's own actions answer with a confirmation; what arrives unasked is the audience's questions.
    if (event.kind !== "QUESTION_ASKED" || question.mine) return null;
    return question.status === "PENDING"
      ? { text: `New question waiting for approval: ${quoted(question.body)}`, newQuestion: true }
      : { text: `New question on the board: ${quoted(question.body)}`, newQuestion: true };
  }
  switch (event.kind) {
    case "QUESTION_ASKED":
      return question.status === "APPROVED" && !question.mine ? { text: `New question: ${quoted(question.body)}`, newQuestion: true } : null;
    case "QUESTION_APPROVED":
      return question.mine ? { text: `Your question is on the board: ${quoted(question.body)}`, newQuestion: false } : { text: `New question: ${quoted(question.body)}`, newQuestion: true };
    case "QUESTION_PINNED":
      return { text: `Now answering${question.mine ? " your question" : ""}: ${quoted(question.body)}`, newQuestion: false };
    case "QUESTION_ANSWERED":
      return { text: `Answered: ${quoted(question.body)}`, newQuestion: false };
    case "QUESTION_DISMISSED":
      return question.mine ? { text: `A moderator did not accept your question: ${quoted(question.body)}`, newQuestion: false } : null;
    default:
      return null;
  }
}

/** What `page` announces for events just applied (in id order), or null when nothing is worth saying. */
export function qaAnnouncement(events: readonly QaEventView[], page: QaPage): string | null {
  const described = [...events].sort((a, b) => a.id - b.id).flatMap((event) => describe(event, page) ?? []);
  const fresh = described.filter((item) => item.newQuestion);
  const sentences =
    fresh.length > READ_OUT_AT_MOST
      ? [
          page === "moderator" ? `${fresh.length} new questions.` : `${fresh.length} new questions on the board.`,
          ...described.filter((item) => !item.newQuestion).map((item) => item.text),
        ]
      : described.map((item) => item.text);
  return sentences.length ? sentences.join(" ") : null;
}
