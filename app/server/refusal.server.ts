// Refusal → HTTP. The one place a model's "no" becomes a status code and the
// errors a Conform form shows (beside its field, or above the form).
import { type SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Refusal, RefusalCode } from "~/models/refusal";

const STATUS: Record<RefusalCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CLOSED: 409,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function refusalStatus(refusal: Pick<Refusal, "code">): number {
  return STATUS[refusal.code];
}

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] };

/**
 * The refusal as a Conform reply: under its field when it names one, else as
 * the form's error. `hideFields` (passwords) are not sent back to the browser.
 */
export function refusalReply(
  refusal: Refusal,
  submission?: { reply(options: ReplyOptions): SubmissionResult<string[]> },
  options: Pick<ReplyOptions, "hideFields"> = {},
): SubmissionResult<string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of [{ field: refusal.field ?? "", message: refusal.message }, ...(refusal.also ?? [])]) {
    fieldErrors[problem.field] = [...(fieldErrors[problem.field] ?? []), problem.message];
  }
  const { "": formErrors, ...byField } = fieldErrors;
  if (submission) return submission.reply({ ...(formErrors ? { formErrors } : {}), fieldErrors: byField, ...options });
  return { status: "error", error: fieldErrors };
}

/** An action's answer to a refused form: `{ result }` (beside `extra`, the action's other answers) with the refusal's status. */
export function refusalResponse<Extra extends object = object>(refusal: Refusal, submission?: Parameters<typeof refusalReply>[1], extra?: Extra) {
  return data({ ...(extra as Extra), result: refusalReply(refusal, submission) }, { status: refusalStatus(refusal) });
}

/**
 * An action's answer when the page shows the refusal as a message above its
 * content (a removal, a button without a form of its own), not under a field:
 * `{ ok: false, message, field }` with the refusal's status.
 */
export function refusalMessage(refusal: Refusal) {
  return data({ ok: false as const, message: refusal.message, field: refusal.field ?? null }, { status: refusalStatus(refusal) });
}

/**
 * An action's answer shown as a message above the page's content: when the verb
 * went through, `{ ok: true, message }` (`message` may read what it returned);
 * when it refused, the refusal as refusalMessage gives it.
 */
export function outcomeMessage<Done extends { ok: true }>(result: Done | Refusal, message: string | ((done: Done) => string)) {
  if (!result.ok) return refusalMessage(result);
  return { ok: true as const, message: typeof message === "function" ? message(result) : message, field: null };
}
