// What each live page says aloud as events arrive: the changes a person wants
// to hear, once, politely; never vote counts or their own actions again.
import { describe, expect, it } from "vitest";
import { qaAnnouncement } from "./announcements";
import { DEFAULT_QA_SETTINGS, type QaEventKind, type QaEventView, type QuestionView } from "./questions";

let nextId = 1;
const question = (overrides: Partial<QuestionView> = {}): QuestionView => ({
  id: "q1",
  body: "What is the recurrence rate after TARE?",
  status: "APPROVED",
  voteCount: 0,
  authorName: "Ada",
  anonymous: false,
  mine: false,
  createdAt: "2023-03-05T16:00:00.000Z",
  editedAt: null,
  answeredAt: null,
  dismissReason: null,
  ...overrides,
});
const event = (kind: QaEventKind, q?: Partial<QuestionView>): QaEventView => ({
  id: nextId++,
  kind,
  at: "2023-03-05T16:00:00.000Z",
  qa: DEFAULT_QA_SETTINGS,
  ...(q ? { question: question(q) } : {}),
});

describe("the audience page announces", () => {
  it("an approved question, the one answered now, and one marked answered", () => {
    expect(qaAnnouncement([event("QUESTION_APPROVED", {})], "audience")).toBe("New question: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QUESTION_APPROVED", { mine: true })], "audience")).toBe("Your question is on the board: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QUESTION_PINNED", {})], "audience")).toBe("Now answering: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QUESTION_PINNED", { mine: true })], "audience")).toBe("Now answering your question: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QUESTION_ANSWERED", { answeredAt: "2023-03-05T16:10:00.000Z" })], "audience")).toBe("Answered: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QA_CLOSED")], "audience")).toBe("Q&A is now closed.");
  });

  it("a question asked straight onto the board by someone else, and the author's own dismissed one", () => {
    expect(qaAnnouncement([event("QUESTION_ASKED", {})], "audience")).toBe("New question: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QUESTION_DISMISSED", { mine: true, status: "DISMISSED" })], "audience")).toBe(
      "A moderator did not accept your question: “What is the recurrence rate after TARE?”",
    );
  });

  it("nothing for votes, for what the person did themselves, or for what left someone else's screen", () => {
    expect(qaAnnouncement([event("QUESTION_VOTED", { voteCount: 7 }), event("QUESTION_UNVOTED", { voteCount: 6 })], "audience")).toBeNull();
    expect(qaAnnouncement([event("QUESTION_ASKED", { mine: true, status: "PENDING" }), event("QUESTION_ASKED", { mine: true })], "audience")).toBeNull();
    expect(qaAnnouncement([event("QUESTION_DISMISSED", { status: "DISMISSED", body: "" })], "audience")).toBeNull();
    expect(qaAnnouncement([], "audience")).toBeNull();
  });

  it("a burst of new questions as a count, keeping what else happened, in event order", () => {
    const burst = [event("QUESTION_PINNED", { body: "Pinned one" }), ...[1, 2, 3].map((n) => event("QUESTION_APPROVED", { id: `n${n}`, body: `New ${n}` }))];
    expect(qaAnnouncement(burst.reverse(), "audience")).toBe("3 new questions on the board. Now answering: “Pinned one”");
    expect(qaAnnouncement([event("QUESTION_APPROVED", { body: "A" }), event("QUESTION_APPROVED", { body: "B" })], "audience")).toBe("New question: “A” New question: “B”");
  });

  it("a long question by its start only", () => {
    const text = qaAnnouncement([event("QUESTION_PINNED", { body: `${"word ".repeat(60)}end` })], "audience")!;
    expect(text.length).toBeLessThan(130);
    expect(text).toMatch(/^Now answering: “(word )+word…”$/);
  });
});

describe("the moderator page announces", () => {
  it("only questions that arrive: waiting for approval, or straight on the board", () => {
    expect(qaAnnouncement([event("QUESTION_ASKED", { status: "PENDING" })], "moderator")).toBe("New question waiting for approval: “What is the recurrence rate after TARE?”");
    expect(qaAnnouncement([event("QUESTION_ASKED", {})], "moderator")).toBe("New question on the board: “What is the recurrence rate after TARE?”");
    for (const kind of ["QUESTION_APPROVED", "QUESTION_PINNED", "QUESTION_ANSWERED", "QUESTION_VOTED", "QA_CLOSED"] as const) {
      expect(qaAnnouncement([event(kind, {})], "moderator"), kind).toBeNull();
    }
    expect(qaAnnouncement([1, 2, 3, 4].map((n) => event("QUESTION_ASKED", { id: `m${n}`, status: "PENDING" })), "moderator")).toBe("4 new questions.");
  });
});
