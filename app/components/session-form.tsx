// The form for a session of the draft, for adding and for editing: every field
// of the data model, with times as wall-clock times in the meeting's zone.
import type { SubmissionResult } from "@conform-to/react";
import { SessionFormSchema } from "~/models/program/forms";
import { KIND_LABELS, LEVEL_LABELS, SESSION_STATUS_LABELS } from "~/models/program/program";
import { formatDay } from "~/utils/time";
import { AMA_PRA_CREDIT } from "~/models/cme/designation";
import { CheckboxField } from "./checkbox-field";
import { DraftForm } from "./draft-form";
import { Field, SelectField, TextareaField, useSchemaForm } from "./forms";

export type SessionFormOptions = {
  days: string[];
  rooms: { name: string; kind: "ROOM" | "VIRTUAL_CHANNEL" }[];
  tracks: { slug: string; name: string }[];
  societies: { slug: string; shortName: string; name: string }[];
  zoneLabel: string;
};

export type SessionFormValues = Partial<Record<"slug" | "title" | "kind" | "learningLevel" | "day" | "start" | "end" | "room" | "track" | "jointSociety" | "capacity" | "streamUrl" | "recordingUrl" | "status" | "description" | "cmeAccredited" | "creditHours" | "saCme", string>>;

export function SessionForm({
  mode,
  defaultValue,
  revision,
  options,
  lastResult,
}: {
  mode: "add" | "edit";
  defaultValue: SessionFormValues;
  revision?: string;
  options: SessionFormOptions;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const [form, fields] = useSchemaForm(SessionFormSchema, {
    id: mode === "add" ? "new-session" : "edit-session",
    lastResult,
    defaultValue,
    shouldRevalidate: "onBlur",
  });
  return (
    <DraftForm
      form={form}
      intent="save-session"
      revision={revision}
      submitLabel={mode === "add" ? "Add to the draft" : "Save to the draft"}
      note="Attendees see it after the next publish."
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <Field meta={fields.title} label="Title" autoComplete="off" />
      {mode === "add" ? (
        <Field meta={fields.slug} label="Address (optional)" hint="The last part of the session's public URL. Left empty, it is made from the title. It cannot change later." autoComplete="off" spellCheck={false} />
      ) : null}
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField meta={fields.day} label="Day" options={options.days.map((day) => ({ value: day, label: formatDay(day) }))} />
        <Field meta={fields.start} label={`Starts (${options.zoneLabel})`} type="time" step={300} />
        <Field meta={fields.end} label={`Ends (${options.zoneLabel})`} type="time" step={300} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          meta={fields.room}
          label="Room or channel"
          placeholder="To be announced"
          options={options.rooms.map((room) => ({ value: room.name, label: room.kind === "VIRTUAL_CHANNEL" ? `${room.name} (virtual channel)` : room.name }))}
        />
        <SelectField meta={fields.track} label="Track" placeholder="No track" options={options.tracks.map((track) => ({ value: track.slug, label: track.name }))} />
        <SelectField meta={fields.kind} label="Kind" options={KIND_LABELS} />
        <SelectField meta={fields.learningLevel} label="Learning level" placeholder="None" options={LEVEL_LABELS} />
        <SelectField meta={fields.status} label="Status" options={SESSION_STATUS_LABELS} />
        <Field meta={fields.capacity} label="Seats (optional)" type="number" min={1} hint="For ticketed sessions such as hands-on workshops." />
        <SelectField
          meta={fields.jointSociety}
          label="Joint session with"
          placeholder="No partner society"
          options={options.societies.map((society) => ({ value: society.slug, label: `${society.shortName} – ${society.name}` }))}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field meta={fields.streamUrl} label="Stream link (optional)" type="url" placeholder="https://" />
        <Field meta={fields.recordingUrl} label="Recording link (optional)" type="url" placeholder="https://" />
      </div>
      <TextareaField meta={fields.description} label="Description" rows={6} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">Continuing medical education</legend>
        <CheckboxField meta={fields.cmeAccredited} label={`Accredited for ${AMA_PRA_CREDIT}`} hint="Educational content only: not socials, exhibit hall or industry sessions." />
        <Field
          meta={fields.creditHours}
          label="Credit (optional)"
          inputMode="decimal"
          autoComplete="off"
          className="max-w-xs"
          hint="In steps of 0.25, no more than the session's length earns (60 minutes = 1.00). Leave it blank to follow the length."
        />
        <CheckboxField meta={fields.saCme} label="ABR self-assessment CME (SA-CME)" />
      </fieldset>
    </DraftForm>
  );
}
