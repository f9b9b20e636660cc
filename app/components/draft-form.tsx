// The form that saves one thing of the draft (a session, a speaker, a room, a
// track): its intent, and for an edit the revision it was read at, so the
// model can refuse a save over someone else's newer change.
import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors, SubmitButton, useIsPending } from "./forms";

export function DraftForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  revision,
  original,
  submitLabel,
  variant = "primary",
  note,
  className = "space-y-4",
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  /** The revision the edited thing was read at; absent when adding. */
  revision?: string;
  /** The key the thing had when it was read, for pages where the key itself can be edited. */
  original?: string;
  submitLabel: string;
  variant?: "primary" | "secondary";
  /** A line beside the submit button. */
  note?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const pending = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className={className}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      {original !== undefined ? <input type="hidden" name="original" value={original} /> : null}
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…" variant={variant}>
          {submitLabel}
        </SubmitButton>
        {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      </div>
    </Form>
  );
}
