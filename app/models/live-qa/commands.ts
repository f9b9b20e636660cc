// Live Q&A commands, declared once. A row is one thing a person can do to a
// session's Q&A: the socket event that carries it (its name on the wire), the
// form intents that post it without JavaScript, its one payload schema, who may
// run it, and what the page says once it worked. Everything else derives from
// this table:
//   - realtime/contract.ts: the client→server event types of the commands;
//   - realtime/handlers/commands.ts: the sidecar binds every row in one loop;
//   - realtime/server.ts: the known events (anything else is UNKNOWN_EVENT);
//   - commands.server.ts: the model verb of each row (a row without one is a
//     type error), run by the sidecar and by runQaCommand, the one action of
//     both live pages (app/server/live-qa-page.server.ts);
//   - the pages: which event a button's intent sends, and the confirmations.
// Adding a moderator action = a row here, its verb (moderation.server.ts and
// commands.server.ts) and its button.
//
// This module is shared with the browser: it imports no server code.
import { z } from "zod";
import { dismissReasonSchema, questionBodySchema, recordIdSchema, type QaChange } from "./questions";

/** Participants are the meeting's registered people (moderators too); the verbs check it in the database. */
export type QaRole = "participant" | "moderator";

/** The two live pages that post commands: the audience's (/live) and the moderator's (/moderate). */
export type QaPage = "audience" | "moderator";

/** A confirmation in one voice, or one per page ("your question" to its author, "the question" to a moderator). */
export type Confirmation = string | Record<QaPage, string>;

export const askPayloadSchema = z.object({ body: questionBodySchema, anonymous: z.boolean().optional() });
const questionRef = z.object({ questionId: recordIdSchema });
/** Commands about the whole session carry nothing; a client may send no payload at all. */
export const noPayloadSchema = z.object({}).optional();

type PayloadSchema = z.ZodObject | z.ZodOptional<z.ZodObject>;

type QaCommandRow<S extends PayloadSchema> = {
  who: QaRole;
  schema: S;
  /** The intents (a button's name="intent" value) that run it, with the payload fields each one fixes. */
  intents: Record<string, Partial<NonNullable<z.input<S>>>>;
  /** What the page says once it worked, by the key a no-JS post's redirect carries in ?done=. */
  confirmations: Record<string, Confirmation>;
  /** The confirmation's key when it depends on the outcome; by default the intent. */
  confirmationOf?: (change: QaChange) => string;
  /** The end of "Sign in to …" when the role's words do not fit. */
  signInTo?: string;
  /** False when the screen already shows it (a pressed vote button): no notice after a live click. */
  announceLive?: false;
  /** True when its form shows its own refusals (the question box): the page's notice does not say them again. */
  refusalsInForm?: true;
};

const row = <S extends PayloadSchema>(command: QaCommandRow<S>) => command;

export const QA_COMMANDS = {
  "question:ask": row({
    who: "participant",
    schema: askPayloadSchema,
    intents: { ask: {} },
    // Its words depend on the outcome: on the board at once, or waiting for a moderator.
    confirmations: {
      asked: "Your question is on the board.",
      "asked-pending": "Your question was sent. It appears for everyone once a moderator approves it.",
    },
    confirmationOf: (change) => (change.question?.status === "PENDING" ? "asked-pending" : "asked"),
    refusalsInForm: true,
  }),
  "question:edit": row({
    who: "participant",
    schema: z.object({ questionId: recordIdSchema, body: questionBodySchema }),
    intents: { edit: {} },
    confirmations: { edit: { audience: "Your question was updated.", moderator: "Saved." } },
    signInTo: "edit questions",
  }),
  "question:withdraw": row({ who: "participant", schema: questionRef, intents: { withdraw: {} }, confirmations: { withdraw: "Your question was withdrawn." }, signInTo: "withdraw questions" }),
  "question:vote": row({ who: "participant", schema: questionRef, intents: { vote: {} }, confirmations: { vote: "Your vote was counted." }, announceLive: false }),
  "question:unvote": row({ who: "participant", schema: questionRef, intents: { unvote: {} }, confirmations: { unvote: "Your vote was removed." }, announceLive: false }),
  "question:approve": row({ who: "moderator", schema: questionRef, intents: { approve: {} }, confirmations: { approve: "Approved." } }),
  "question:dismiss": row({
    who: "moderator",
    schema: z.object({ questionId: recordIdSchema, reason: dismissReasonSchema.nullish() }),
    intents: { dismiss: {} },
    confirmations: { dismiss: "Dismissed." },
  }),
  "question:pin": row({ who: "moderator", schema: questionRef, intents: { pin: {} }, confirmations: { pin: "Pinned as now answering." } }),
  "question:unpin": row({ who: "moderator", schema: noPayloadSchema, intents: { unpin: {} }, confirmations: { unpin: "Unpinned." } }),
  "question:answer": row({ who: "moderator", schema: questionRef, intents: { answer: {} }, confirmations: { answer: "Marked answered." } }),
  "qa:open": row({ who: "moderator", schema: noPayloadSchema, intents: { open: {} }, confirmations: { open: "Q&A is open." } }),
  "qa:close": row({ who: "moderator", schema: noPayloadSchema, intents: { close: {} }, confirmations: { close: "Q&A is closed." } }),
  "qa:moderation": row({
    who: "moderator",
    schema: z.object({ enabled: z.boolean() }),
    intents: { "moderation-on": { enabled: true }, "moderation-off": { enabled: false } },
    confirmations: {
      "moderation-on": "Moderation is on: new questions wait for approval.",
      "moderation-off": "Moderation is off: new questions appear right away.",
    },
  }),
};

export type QaCommandEvent = keyof typeof QA_COMMANDS;
/** What a client sends with the event. */
export type QaCommandPayload<E extends QaCommandEvent> = z.input<(typeof QA_COMMANDS)[E]["schema"]>;
/** What the verb receives, once the payload passed its schema. */
export type QaCommandInput<E extends QaCommandEvent> = z.output<(typeof QA_COMMANDS)[E]["schema"]>;

export const QA_COMMAND_EVENTS = Object.keys(QA_COMMANDS) as QaCommandEvent[];

/** A form's intent, resolved: the command it runs and the payload fields its button fixes. */
export type QaIntent = { intent: string; event: QaCommandEvent; fields: Record<string, unknown> };

const INTENTS = new Map<string, QaIntent>();
const CONFIRMATIONS = new Map<string, Confirmation>();
for (const event of QA_COMMAND_EVENTS) {
  const command: QaCommandRow<PayloadSchema> = QA_COMMANDS[event];
  for (const [intent, fields] of Object.entries(command.intents)) {
    if (INTENTS.has(intent)) throw new Error(`The intent "${intent}" runs two Q&A commands`);
    INTENTS.set(intent, { intent, event, fields });
  }
  for (const [key, text] of Object.entries(command.confirmations)) CONFIRMATIONS.set(key, text);
}

/** The command a form's (or a button's) intent runs; null for an intent no command has. */
export function qaIntent(intent: unknown): QaIntent | null {
  return typeof intent === "string" ? (INTENTS.get(intent) ?? null) : null;
}

export function qaCommandOf(intent: QaIntent): QaCommandRow<PayloadSchema> {
  return QA_COMMANDS[intent.event];
}

/** The key of what the page says once `intent` worked with this outcome (the redirect's ?done=). */
export function confirmationKey(intent: QaIntent, change: QaChange): string {
  return qaCommandOf(intent).confirmationOf?.(change) ?? intent.intent;
}

/** What `page` says for a ?done= key, if it is one of the table's. */
export function confirmationText(key: string | null | undefined, page: QaPage): string | undefined {
  const text = key ? CONFIRMATIONS.get(key) : undefined;
  return typeof text === "object" ? text[page] : text;
}

/** A live form's fields, less its intent: the command's schema drops any it does not know. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData) if (name !== "intent" && typeof value === "string") fields[name] = value;
  return fields;
}
