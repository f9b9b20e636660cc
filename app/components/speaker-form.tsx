// The form for a speaker of the draft, for adding and for editing.
import type { SubmissionResult } from "@conform-to/react";
import { SpeakerFormSchema } from "~/models/program/forms";
import { DraftForm } from "./draft-form";
import { Field, TextareaField, useSchemaForm } from "./forms";

export type SpeakerFormValues = Partial<Record<"slug" | "name" | "credentials" | "affiliation" | "city" | "country" | "bio", string>>;

export function SpeakerForm({ defaultValue, revision, lastResult }: { defaultValue?: SpeakerFormValues; revision?: string; lastResult?: SubmissionResult<string[]> | null }) {
  const [form, fields] = useSchemaForm(SpeakerFormSchema, {
    id: revision ? "edit-speaker" : "new-speaker",
    lastResult,
    defaultValue,
    shouldRevalidate: "onBlur",
  });
  return (
    <DraftForm form={form} intent="save-speaker" revision={revision} submitLabel={revision ? "Save speaker" : "Add speaker"}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.name} label="Name" autoComplete="off" />
        <Field meta={fields.credentials} label="Credentials (optional)" placeholder="MD, FSIR" autoComplete="off" />
        <Field meta={fields.affiliation} label="Affiliation (optional)" autoComplete="off" />
        <Field meta={fields.city} label="City (optional)" autoComplete="off" />
        <Field meta={fields.country} label="Country" autoComplete="off" />
        {revision ? null : <Field meta={fields.slug} label="Address (optional)" hint="Made from the name when empty." autoComplete="off" spellCheck={false} />}
      </div>
      <TextareaField meta={fields.bio} label="Biography (optional)" rows={4} />
    </DraftForm>
  );
}
