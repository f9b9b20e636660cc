// Live Q&A as every screen sees it: the rules for question text, the shape of a
// question for one viewer, and the reducer that applies events in order. Shared
// by the server (models, sidecar) and the browser, so it imports no server code.
import { z } from "zod";

export const QUESTION_MAX_LENGTH = 500;
export const DISMISS_REASON_MAX_LENGTH = 200;
/** Anything far longer is refused before cleaning: nobody types that much into a question box. */
const RAW_TEXT_LIMIT = 4 * QUESTION_MAX_LENGTH;

export type QuestionStatus = "PENDING" | "APPROVED" | "DISMISSED" | "WITHDRAWN";

export type QaEventKind =
  | "QUESTION_ASKED"
  | "QUESTION_EDITED"
  | "QUESTION_APPROVED"
  | "QUESTION_DISMISSED"
  | "QUESTION_WITHDRAWN"
  | "QUESTION_VOTED"
  | "QUESTION_UNVOTED"
  | "QUESTION_PINNED"
  | "QUESTION_UNPINNED"
  | "QUESTION_ANSWERED"
  | "QA_OPENED"
  | "QA_CLOSED"
  | "QA_MODERATION_CHANGED";

// Control characters (newlines aside) and bidirectional overrides make text render
// deceptively or not at all; they never belong in a question.
// eslint-disable-next-line no-control-regex
const UNWANTED_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Question text as it is stored: NFC, no control or direction-override characters, at most one blank line in a row, trimmed. */
export function cleanQuestionText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(UNWANTED_CHARACTERS, "")
    .replace(/[ \u00A0]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// The length rules after cleaning are checks on the cleaned text, not a second
// z.string(): Conform's form parsing turns an empty string into "missing" at
// every z.string() it finds, so a nested one would answer a whitespace-only
// question with zod's "expected string, received undefined".
export const questionBodySchema = z
  .string({ error: "Write your question" })
  .max(RAW_TEXT_LIMIT, `A question has at most ${QUESTION_MAX_LENGTH} characters`)
  .transform(cleanQuestionText)
  .refine((text) => text.length > 0, "Write your question")
  .refine((text) => text.length <= QUESTION_MAX_LENGTH, `A question has at most ${QUESTION_MAX_LENGTH} characters`);

export const dismissReasonSchema = z
  .string()
  .max(RAW_TEXT_LIMIT, `A reason has at most ${DISMISS_REASON_MAX_LENGTH} characters`)
  .transform(cleanQuestionText)
  .refine((text) => text.length <= DISMISS_REASON_MAX_LENGTH, `A reason has at most ${DISMISS_REASON_MAX_LENGTH} characters`)
  .optional();

/** Question and session ids are cuids; anything else is refused before it reaches the database. */
export const recordIdSchema = z.string({ error: "Missing id" }).regex(/^[a-z0-9]{20,40}$/, "Not a valid id");

/** The Q&A settings of a session, as every event carries them. */
export type QaSettings = { open: boolean; moderationEnabled: boolean; pinnedQuestionId: string | null };

export const DEFAULT_QA_SETTINGS: QaSettings = { open: true, moderationEnabled: true, pinnedQuestionId: null };

/** A question as stored in an event: everything anyone may see, moderators' view included. */
export type QuestionRecord = {
  id: string;
  sessionId: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  body: string;
  status: QuestionStatus;
  voteCount: number;
  createdAt: string;
  editedAt: string | null;
  approvedAt: string | null;
  answeredAt: string | null;
  dismissedAt: string | null;
  dismissReason: string | null;
};

/** A question as one viewer sees it. */
export type QuestionView = {
  id: string;
  body: string;
  status: QuestionStatus;
  voteCount: number;
  /** Null when the author asked anonymously (moderators and the author still see it). */
  authorName: string | null;
  anonymous: boolean;
  /** Asked by this viewer. */
  mine: boolean;
  /** Whether this viewer upvoted it; absent when an event does not say (keep what you knew). */
  votedByMe?: boolean;
  createdAt: string;
  /** Set when a moderator edited it for clarity. */
  editedAt: string | null;
  answeredAt: string | null;
  /** Only the author and moderators see why it was dismissed. */
  dismissReason: string | null;
};

/** Who is looking: moderators see everything, authors their own questions, everyone the approved ones. */
export type QaViewer = { userId: string | null; moderator: boolean };

/**
 * What `viewer` may see of a question: all of it, only that it left the board
 * (it was public once, so their screen must drop it), or nothing.
 */
export function viewQuestion(record: QuestionRecord, viewer: QaViewer): QuestionView | null {
  const mine = viewer.userId !== null && record.authorId === viewer.userId;
  if (viewer.moderator || mine || record.status === "APPROVED") {
    return {
      id: record.id,
      body: record.body,
      status: record.status,
      voteCount: record.voteCount,
      authorName: record.anonymous && !viewer.moderator && !mine ? null : record.authorName,
      anonymous: record.anonymous,
      mine,
      createdAt: record.createdAt,
      editedAt: record.editedAt,
      answeredAt: record.answeredAt,
      dismissReason: viewer.moderator || mine ? record.dismissReason : null,
    };
  }
  if (record.approvedAt !== null) {
    // Dismissed after approval: others learn only that it is gone.
    return {
      id: record.id,
      body: "",
      status: record.status,
      voteCount: 0,
      authorName: null,
      anonymous: record.anonymous,
      mine: false,
      createdAt: record.createdAt,
      editedAt: null,
      answeredAt: null,
      dismissReason: null,
    };
  }
  return null;
}

/** One change as a client receives it: ids rise within a session, and clients apply each once, in order. */
export type QaEventView = {
  id: number;
  kind: QaEventKind;
  at: string;
  qa: QaSettings;
  question?: QuestionView;
};

/** What an event row holds: the question (if any) and the settings right after the change. */
export type QaEventPayload = { qa: QaSettings; question?: QuestionRecord };

export type QaEventRecord = { id: number; kind: QaEventKind; actorId: string | null; createdAt: string; payload: QaEventPayload };

const VOTE_KINDS: ReadonlySet<QaEventKind> = new Set(["QUESTION_VOTED", "QUESTION_UNVOTED"]);

/** The event as `viewer` receives it, or null when it tells them nothing they may see. */
export function viewQaEvent(event: QaEventRecord, viewer: QaViewer): QaEventView | null {
  const base = { id: event.id, kind: event.kind, at: event.createdAt, qa: event.payload.qa };
  const record = event.payload.question;
  if (!record) return base;
  const question = viewQuestion(record, viewer);
  if (!question) {
    // Settings ride along with every event; a pin of something the viewer cannot
    // see does not happen (only approved questions are pinned), so nothing is lost.
    return null;
  }
  if (VOTE_KINDS.has(event.kind) && viewer.userId !== null && event.actorId === viewer.userId) {
    question.votedByMe = event.kind === "QUESTION_VOTED";
  }
  return { ...base, question };
}

/**
 * The events as `viewer` receives them in one message, in id order. A vote
 * event is left out when a later one in the same message is about the same
 * question: every event carries the whole question and the settings after it,
 * so the later one says all it did (votes are never announced). Not when it
 * tells the viewer of their own vote, which other people's events do not. In a
 * plenary most events are votes on the few top questions, so a viewer's
 * message stays small however fast people vote.
 */
export function viewQaEvents(events: readonly QaEventRecord[], viewer: QaViewer): QaEventView[] {
  const views = events.flatMap((event) => viewQaEvent(event, viewer) ?? []);
  const toldLater = new Set<string>();
  const kept: QaEventView[] = [];
  for (let i = views.length - 1; i >= 0; i--) {
    const view = views[i]!;
    const questionId = view.question?.id;
    const superseded = questionId !== undefined && VOTE_KINDS.has(view.kind) && view.question!.votedByMe === undefined && toldLater.has(questionId);
    if (questionId !== undefined) toldLater.add(questionId);
    if (!superseded) kept.push(view);
  }
  return kept.reverse();
}

/** What a change tells the one who made it: the new event's id, the settings after it, and the question as they now see it. */
export type QaChange = { eventId: number; question?: QuestionView; qa: QaSettings };

/** The Q&A state a screen holds: apply events to it with applyQaEvents. */
export type QaBoard = { qa: QaSettings; questions: QuestionView[]; lastEventId: number };

/**
 * Applies events in id order, each once: an event at or below lastEventId was
 * already applied (a replay after reconnecting, or one delivered twice) and is skipped.
 */
export function applyQaEvents(board: QaBoard, events: readonly QaEventView[]): QaBoard {
  let { qa, questions, lastEventId } = board;
  let byId: Map<string, QuestionView> | null = null;
  for (const event of [...events].sort((a, b) => a.id - b.id)) {
    if (event.id <= lastEventId) continue;
    lastEventId = event.id;
    qa = event.qa;
    if (event.question) {
      byId ??= new Map(questions.map((q) => [q.id, q]));
      const known = byId.get(event.question.id);
      // votedByMe is absent when the event does not know it: keep what we knew.
      byId.set(event.question.id, known ? { ...known, ...event.question, votedByMe: event.question.votedByMe ?? known.votedByMe } : event.question);
    }
  }
  if (byId) questions = [...byId.values()];
  return { qa, questions, lastEventId };
}

export type QuestionSort = "top" | "new";

/** Most votes first (earlier asked breaks ties), or newest first. */
export function sortQuestions(questions: readonly QuestionView[], sort: QuestionSort): QuestionView[] {
  const byTime = (a: QuestionView, b: QuestionView) => b.createdAt.localeCompare(a.createdAt);
  return [...questions].sort((a, b) => (sort === "new" ? byTime(a, b) : b.voteCount - a.voteCount || -byTime(a, b)));
}

/** What the audience list shows a viewer: the approved questions and their own pending or dismissed ones. */
export function audienceQuestions(board: QaBoard): QuestionView[] {
  return board.questions.filter((q) => q.status === "APPROVED" || (q.mine && (q.status === "PENDING" || q.status === "DISMISSED")));
}

/** The projector's list: approved, not yet answered, not the pinned one; most votes first. */
export function projectorQuestions(board: QaBoard, count: number): QuestionView[] {
  return sortQuestions(
    board.questions.filter((q) => q.status === "APPROVED" && !q.answeredAt && q.id !== board.qa.pinnedQuestionId),
    "top",
  ).slice(0, count);
}

/** A question's start, on one line, for labels and announcements: at most `max` characters, cut at a word where it can be. */
export function questionSnippet(body: string, max = 80): string {
  const line = body.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  // The cut falls between words when the next character is a space.
  const atWord = line[max - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** "Try again in 42 seconds." / "Try again in a minute." */
export function retryAfterText(seconds: number): string {
  if (seconds >= 55) return "Try again in a minute.";
  return `Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}
