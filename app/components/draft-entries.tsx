// The console's pages that list entries of the draft (its rooms, its tracks):
// each entry is a card with its badges, a Remove button and its editor folded
// away, and a form to add one comes last. Every form posts to the page's
// action, which answers a save with the form's id, so that only the form that
// was sent shows its errors, and a removal with a message.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { RowButton, Section, StatusBanner } from "./console";

/** What a draft-entries page's action answers: a save's reply to one form, or a removal's outcome. */
export type DraftEntryReply =
  | { formId: string; result: SubmissionResult<string[]>; message?: string }
  | { ok: boolean; message: string; field: string | null }
  | undefined;

/** The reply to the form `formId`, if the action's answer was for that form. */
export function replyFor(reply: DraftEntryReply, formId: string): SubmissionResult<string[]> | undefined {
  return reply && "formId" in reply && reply.formId === formId ? reply.result : undefined;
}

/** The entries' cards, what the last action said about them, and the form to add one. */
export function DraftEntries({
  reply,
  addTitle,
  addId,
  addForm,
  children,
}: {
  reply: DraftEntryReply;
  addTitle: string;
  addId: string;
  addForm: ReactNode;
  children: ReactNode;
}) {
  const refused = reply !== undefined && "ok" in reply && !reply.ok;
  return (
    <div className="max-w-3xl space-y-4">
      {reply?.message ? <StatusBanner key={reply.message} outcome tone={refused ? "error" : "success"}>{reply.message}</StatusBanner> : null}
      <ul className="space-y-3">{children}</ul>
      <Section title={addTitle} id={addId}>
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">{addForm}</div>
      </Section>
    </div>
  );
}

/** One entry: its name, badges and Remove button (posting `intent` with the entry's key), and its editor. */
export function DraftEntryCard({
  heading,
  name,
  badges,
  removal,
  editorOpen,
  children,
}: {
  heading: ReactNode;
  /** The entry's name as text, for "Edit …". */
  name: string;
  badges: ReactNode;
  removal: { key: string; intent: string; label: string };
  editorOpen: boolean;
  children: ReactNode;
}) {
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">{heading}</h2>
        <div className="flex flex-wrap items-center gap-2">
          {badges}
          <Form method="post">
            <input type="hidden" name="key" value={removal.key} />
            <RowButton tone="danger" name="intent" value={removal.intent} aria-label={removal.label}>
              Remove
            </RowButton>
          </Form>
        </div>
      </div>
      <details className="mt-2" open={editorOpen}>
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit {name}</summary>
        <div className="mt-3">{children}</div>
      </details>
    </li>
  );
}
