// The form for a speaker of the draft, for adding and for editing.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SpeakerFormSchema } from "~/models/program/forms";
import { TextareaField } from "./console";
import { Field, FormErrors, SubmitButton, useIsPending, useSchemaForm } from "./forms";

export type SpeakerFormValues = Partial<Record<"slug" | "name" | "credentials" | "affiliation" | "city" | "country" | "bio", string>>;

export function SpeakerForm({ defaultValue, revision, lastResult }: { defaultValue?: SpeakerFormValues; revision?: string; lastResult?: SubmissionResult<string[]> | null }) {
  const pending = useIsPending();
  const [form, fields] = useSchemaForm(SpeakerFormSchema, {
    id: revision ? "edit-speaker" : "new-speaker",
    lastResult,
    defaultValue,
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save-speaker" />
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.name} label="Name" autoComplete="off" />
        <Field meta={fields.credentials} label="Credentials (optional)" placeholder="MD, FSIR" autoComplete="off" />
        <Field meta={fields.affiliation} label="Affiliation (optional)" autoComplete="off" />
        <Field meta={fields.city} label="City (optional)" autoComplete="off" />
        <Field meta={fields.country} label="Country" autoComplete="off" />
        {revision ? null : <Field meta={fields.slug} label="Address (optional)" hint="Made from the name when empty." autoComplete="off" spellCheck={false} />}
      </div>
      <TextareaField meta={fields.bio} label="Biography (optional)" rows={4} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {revision ? "Save speaker" : "Add speaker"}
      </SubmitButton>
    </Form>
  );
}
