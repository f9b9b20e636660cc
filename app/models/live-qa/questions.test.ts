// The rules every screen shares: how question text is cleaned, who sees what
// of a question, and how events are applied (in order, each once).
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { askPayloadSchema, QA_COMMANDS } from "./commands";
import {
  applyQaEvents,
  audienceQuestions,
  cleanQuestionText,
  projectorQuestions,
  questionBodySchema,
  questionSnippet,
  sortQuestions,
  viewQaEvent,
  viewQaEvents,
  viewQuestion,
  type QaBoard,
  type QaEventRecord,
  type QaEventView,
  type QuestionRecord,
  type QuestionView,
} from "./questions";

const record = (overrides: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id: "q1",
  sessionId: "s1",
  authorId: "author",
  authorName: "Ada Author",
  anonymous: false,
  body: "Why?",
  status: "APPROVED",
  voteCount: 3,
  createdAt: "2023-03-05T16:00:00.000Z",
  editedAt: null,
  approvedAt: "2023-03-05T16:01:00.000Z",
  answeredAt: null,
  dismissedAt: null,
  dismissReason: null,
  ...overrides,
});

const someone = { userId: "someone", moderator: false };
const author = { userId: "author", moderator: false };
const moderator = { userId: "mod", moderator: true };

describe("question text", () => {
  it("drops control and direction-override characters, keeps at most one blank line, trims", () => {
    expect(cleanQuestionText("  a\u0000b\u202Ec\u200B \r\n\r\n\r\n\r\nd\t e  ")).toBe("abc\n\nd  e");
    expect(cleanQuestionText("cafe\u0301")).toBe("café");
  });

  it("must have 1 to 500 characters after cleaning", () => {
    expect(questionBodySchema.safeParse(" \u0007 ").success).toBe(false);
    expect(questionBodySchema.safeParse("x".repeat(500)).success).toBe(true);
    expect(questionBodySchema.safeParse("x".repeat(501)).success).toBe(false);
    expect(questionBodySchema.safeParse(`${"x".repeat(500)}\u0000\u0000`).data).toBe("x".repeat(500));
  });
});

describe("what a question box says", () => {
  /** The errors of the question box as Conform reads it (the browser and the no-JavaScript action alike). */
  const formErrors = (fields: Record<string, string>, schema: Parameters<typeof parseWithZod>[1]["schema"] = askPayloadSchema) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const submission = parseWithZod(form, { schema });
    return submission.status === "success" ? null : submission.error;
  };

  it("says 'Write your question' for a blank or whitespace-only question, in the form and over the socket", () => {
    for (const body of ["", " ", "   \n\t ", "\u200b\u00a0"]) {
      expect(formErrors({ body }), JSON.stringify(body)).toEqual({ body: ["Write your question"] });
      expect(askPayloadSchema.safeParse({ body }).error?.issues.map((issue) => issue.message), JSON.stringify(body)).toEqual(["Write your question"]);
    }
    expect(formErrors({})).toEqual({ body: ["Write your question"] });
    expect(formErrors({ body: "x".repeat(501) })).toEqual({ body: ["A question has at most 500 characters"] });
    expect(formErrors({ body: "Why?" })).toBeNull();
  });

  it("takes a blank dismissal reason as none", () => {
    expect(formErrors({ questionId: "c".repeat(25), reason: "   " }, QA_COMMANDS["question:dismiss"].schema)).toBeNull();
    expect(formErrors({ questionId: "c".repeat(25), reason: "x".repeat(201) }, QA_COMMANDS["question:dismiss"].schema)).toEqual({ reason: ["A reason has at most 200 characters"] });
  });

  it("cuts a question to one short line for labels, at a word where it can", () => {
    expect(questionSnippet("  Is it\n\nsafe?  ")).toBe("Is it safe?");
    expect(questionSnippet("word ".repeat(40), 20)).toBe("word word word word…");
    expect(questionSnippet("x".repeat(100), 10)).toBe("xxxxxxxxx…");
  });
});

describe("who sees what", () => {
  it("hides an anonymous author from everyone but moderators and the author", () => {
    const anonymous = record({ anonymous: true });
    expect(viewQuestion(anonymous, someone)?.authorName).toBeNull();
    expect(viewQuestion(anonymous, { userId: null, moderator: false })?.authorName).toBeNull();
    expect(viewQuestion(anonymous, moderator)?.authorName).toBe("Ada Author");
    expect(viewQuestion(anonymous, author)).toMatchObject({ authorName: "Ada Author", mine: true });
  });

  it("shows a waiting question to its author and moderators only", () => {
    const waiting = record({ status: "PENDING", approvedAt: null });
    expect(viewQuestion(waiting, someone)).toBeNull();
    expect(viewQuestion(waiting, author)?.status).toBe("PENDING");
    expect(viewQuestion(waiting, moderator)?.status).toBe("PENDING");
  });

  it("tells others only that a once-public question is gone; the reason is for the author", () => {
    const dismissed = record({ status: "DISMISSED", dismissReason: "Off topic", dismissedAt: "2023-03-05T16:05:00.000Z" });
    expect(viewQuestion(dismissed, someone)).toMatchObject({ status: "DISMISSED", body: "", dismissReason: null, authorName: null });
    expect(viewQuestion(dismissed, author)).toMatchObject({ body: "Why?", dismissReason: "Off topic" });
    expect(viewQuestion(record({ status: "DISMISSED", approvedAt: null }), someone)).toBeNull();
  });

  it("marks a vote as the viewer's own only for the voter", () => {
    const event = { id: 7, kind: "QUESTION_VOTED" as const, actorId: "someone", createdAt: "2023-03-05T16:02:00.000Z", payload: { qa: { open: true, moderationEnabled: true, pinnedQuestionId: null }, question: record() } };
    expect(viewQaEvent(event, someone)?.question?.votedByMe).toBe(true);
    expect(viewQaEvent(event, author)?.question).not.toHaveProperty("votedByMe");
    expect(viewQaEvent({ ...event, kind: "QUESTION_UNVOTED" }, someone)?.question?.votedByMe).toBe(false);
  });
});

describe("applying events", () => {
  const qa = { open: true, moderationEnabled: true, pinnedQuestionId: null };
  const view = (overrides: Partial<QuestionView>): QuestionView => ({ ...viewQuestion(record(), someone)!, ...overrides });
  const event = (id: number, question: QuestionView, kind: QaEventView["kind"] = "QUESTION_VOTED"): QaEventView => ({ id, kind, at: "", qa, question });
  const empty: QaBoard = { qa, questions: [], lastEventId: 10 };

  it("applies in id order and each id once", () => {
    const board = applyQaEvents(empty, [event(12, view({ voteCount: 5 })), event(11, view({ voteCount: 4 })), event(9, view({ voteCount: 1 }))]);
    expect(board.lastEventId).toBe(12);
    expect(board.questions).toEqual([view({ voteCount: 5 })]);
    // A replay after reconnecting changes nothing.
    expect(applyQaEvents(board, [event(11, view({ voteCount: 4 }))])).toEqual(board);
  });

  it("keeps what it knew of the viewer's own vote when an event does not say", () => {
    const voted = applyQaEvents(empty, [event(11, view({ voteCount: 4, votedByMe: true }))]);
    const later = applyQaEvents(voted, [event(12, view({ voteCount: 5 }))]);
    expect(later.questions[0]).toMatchObject({ voteCount: 5, votedByMe: true });
  });

  it("sorts by votes or time, and lists what each screen shows", () => {
    const a = view({ id: "a", voteCount: 1, createdAt: "2023-03-05T16:00:00.000Z" });
    const b = view({ id: "b", voteCount: 5, createdAt: "2023-03-05T16:01:00.000Z" });
    const c = view({ id: "c", voteCount: 5, createdAt: "2023-03-05T16:02:00.000Z", answeredAt: "2023-03-05T16:10:00.000Z" });
    const mine = view({ id: "m", status: "PENDING", mine: true });
    const gone = view({ id: "g", status: "DISMISSED" });
    expect(sortQuestions([a, b, c], "top").map((q) => q.id)).toEqual(["b", "c", "a"]);
    expect(sortQuestions([a, b, c], "new").map((q) => q.id)).toEqual(["c", "b", "a"]);
    const board = { qa: { ...qa, pinnedQuestionId: "b" }, questions: [a, b, c, mine, gone], lastEventId: 0 };
    expect(audienceQuestions(board).map((q) => q.id)).toEqual(["a", "b", "c", "m"]);
    expect(projectorQuestions(board, 5).map((q) => q.id)).toEqual(["a"]);
  });
});

describe("one message of events", () => {
  const settings = (pinnedQuestionId: string | null) => ({ open: true, moderationEnabled: false, pinnedQuestionId });
  /** A burst as a plenary makes it: mostly votes on two questions by many people (the viewer among them), with the odd other change. */
  function burst(length: number, seed: number): QaEventRecord[] {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const kinds = ["QUESTION_VOTED", "QUESTION_VOTED", "QUESTION_VOTED", "QUESTION_UNVOTED", "QUESTION_ANSWERED", "QUESTION_PINNED", "QA_CLOSED"] as const;
    return Array.from({ length }, (_, i) => {
      const kind = kinds[next(kinds.length)]!;
      const question = kind === "QA_CLOSED" ? undefined : record({ id: `q${next(2)}`, voteCount: i, body: `Body ${i}` });
      return { id: 100 + i, kind, actorId: next(4) === 0 ? "someone" : `voter${i}`, createdAt: "", payload: { qa: settings(next(2) ? "q0" : null), ...(question ? { question } : {}) } };
    });
  }
  const board: QaBoard = { qa: settings(null), questions: [], lastEventId: 99 };
  /** A board's questions are a set: every screen sorts them. */
  const byId = (state: QaBoard) => ({ ...state, questions: [...state.questions].sort((a, b) => a.id.localeCompare(b.id)) });

  it("leaves out votes a later event says again, and shows each viewer exactly what every event would", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const events = burst(1 + (seed % 40), seed);
      for (const viewer of [{ userId: null, moderator: false }, someone, author, moderator]) {
        const each = events.flatMap((event) => viewQaEvent(event, viewer) ?? []);
        const message = viewQaEvents(events, viewer);
        expect(byId(applyQaEvents(board, message)), `seed ${seed}`).toEqual(byId(applyQaEvents(board, each)));
        expect(message.map((event) => event.id)).toEqual([...message.map((event) => event.id)].sort((a, b) => a - b));
        // Other changes are announced to screen readers: each of them is kept.
        const notVotes = (views: QaEventView[]) => views.filter((event) => !event.kind.endsWith("VOTED")).map((event) => event.id);
        expect(notVotes(message)).toEqual(notVotes(each));
      }
    }
  });

  it("keeps a plenary's message to one event a question however many vote", () => {
    const votes = Array.from({ length: 300 }, (_, i) => ({
      id: 1000 + i,
      kind: "QUESTION_VOTED" as const,
      actorId: `voter${i}`,
      createdAt: "",
      payload: { qa: settings(null), question: record({ id: `q${i % 3}`, voteCount: 10 + Math.floor(i / 3) }) },
    }));
    const message = viewQaEvents(votes, { userId: null, moderator: false });
    expect(message.map((event) => [event.id, event.question?.voteCount])).toEqual([
      [1297, 109],
      [1298, 109],
      [1299, 109],
    ]);
    // The voter still hears of their own vote.
    expect(viewQaEvents(votes, { userId: "voter5", moderator: false }).map((event) => event.id)).toEqual([1005, 1297, 1298, 1299]);
  });
});
