// The one way a model verb says no. A verb returns its data or a Refusal: a
// code that says what kind of no it is (the request layer turns it into an
// HTTP status, the sidecar into a socket acknowledgement), a sentence for the
// person, and, when one form field is at fault, that field's name as the
// form's schema spells it, so the page can show the message beside the field
// without a mapping table of its own.
//
// Inside a transaction a verb throws a RefusalError instead, so the
// transaction rolls back, and returns the refusal it carries (`refusalOf`).

export const REFUSAL_CODES = [
  /** Nobody is signed in and the verb needs someone. */
  "UNAUTHENTICATED",
  /** Signed in, but not allowed to do this. */
  "FORBIDDEN",
  /** What the request names does not exist (or is not the actor's to see). */
  "NOT_FOUND",
  /** The input breaks a rule; `field` says which, when one does. */
  "INVALID",
  /** The thing is not open for this now (Q&A closed, registration closed). */
  "CLOSED",
  /** Someone or something else changed it first, or its state forbids the step. */
  "CONFLICT",
  /** It was there and is no longer, for good (an expired checkout). */
  "GONE",
  /** Too many tries; the message says when to try again. */
  "RATE_LIMITED",
  /** A service the verb needs (the payment provider) did not answer. */
  "UNAVAILABLE",
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = {
  ok: false;
  code: RefusalCode;
  message: string;
  field?: string;
  /** Other problems the same check found, so a form can show every one at once rather than one per try. */
  also?: { field: string; message: string }[];
};

/** A verb's result: `{ ok: true, ...value }` or a Refusal. */
export type Outcome<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(code: RefusalCode, message: string, field?: string): Refusal {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}

/** An INVALID refusal naming every problem found: the first as its message and field, the rest in `also`. */
export function refuseAll(problems: readonly [{ field: string; message: string }, ...{ field: string; message: string }[]]): Refusal {
  const [first, ...rest] = problems;
  return rest.length ? { ...refuse("INVALID", first.message, first.field), also: rest } : refuse("INVALID", first.message, first.field);
}

/** Thrown inside a transaction to roll it back; the verb returns `.refusal`. */
export class RefusalError extends Error {
  readonly refusal: Refusal;
  constructor(code: RefusalCode, message: string, field?: string) {
    super(message);
    this.name = "RefusalError";
    this.refusal = refuse(code, message, field);
  }
}

/** The refusal a caught error carries, or the error again when it is not one. */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof RefusalError) return error.refusal;
  throw error;
}
