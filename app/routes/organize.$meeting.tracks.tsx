// The draft's tracks, audience tracks included (medical students, residents):
// add, edit, remove. A track with sessions cannot be removed until they move.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { asTextField, Badge, ConsolePage, RowButton, Section, SelectField, StatusBanner, TextareaField } from "~/components/console";
import { ConsoleErrorBoundary } from "~/components/console-error";
import { Field, FormErrors, SubmitButton, useIsPending } from "~/components/forms";
import { TrackDot } from "~/components/track-chip";
import { deleteDraftTrack, getDraft, revisionOf, saveDraftTrack } from "~/models/agenda-draft.server";
import { TrackFormSchema } from "~/models/console-forms";
import { AUDIENCE_LABELS } from "~/models/program";
import { slugify, uniqueSlug } from "~/models/program-document";
import { readFormData, refused, requireOrganizer } from "~/utils/organizer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const draft = await getDraft(meeting.id);
  return {
    tracks: draft.document.tracks.map((track) => ({
      ...track,
      revision: revisionOf(track),
      sessions: draft.document.sessions.filter((session) => session.track === track.slug).length,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  if (formData.get("intent") === "delete-track") {
    const slug = String(formData.get("key") ?? "");
    const result = await deleteDraftTrack(meeting.id, user, slug);
    if (!result.ok) return refused(result);
    return { ok: true as const, message: "Track removed from the draft.", field: null };
  }
  const submission = parseWithZod(formData, { schema: TrackFormSchema });
  const formId = String(formData.get("original") || "new-track");
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const { original, revision, slug, intent: _intent, ...fields } = submission.value;
  const draft = await getDraft(meeting.id);
  const track = {
    ...fields,
    description: fields.description || null,
    slug: original ?? (slug || uniqueSlug(slugify(fields.name), new Set(draft.document.tracks.map((existing) => existing.slug)))),
  };
  const result = await saveDraftTrack(meeting.id, user, { original: original ? { slug: original, revision: revision ?? "" } : undefined, track });
  if (!result.ok) {
    return data({ formId, result: submission.reply(result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] }) }, { status: result.status });
  }
  return { formId, result: submission.reply({ resetForm: !original }), message: original ? `Saved “${track.name}” to the draft.` : `Added “${track.name}” to the draft.` };
}

type Track = ReturnType<typeof useLoaderData<typeof loader>>["tracks"][number];

function TrackEditor({ track, lastResult }: { track?: Track; lastResult?: SubmissionResult<string[]> }) {
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: track ? `track-${track.slug}` : "new-track",
    lastResult,
    defaultValue: track
      ? { name: track.name, description: track.description ?? "", colour: track.colour, audience: track.audience, position: String(track.position) }
      : { colour: "#0f766e", audience: "EVERYONE", position: "0" },
    constraint: getZodConstraint(TrackFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TrackFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save-track" />
      {track ? (
        <>
          <input type="hidden" name="original" value={track.slug} />
          <input type="hidden" name="revision" value={track.revision} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.name} label="Name" autoComplete="off" />
        {track ? null : <Field meta={fields.slug} label="Address (optional)" hint="Made from the name when empty." autoComplete="off" spellCheck={false} />}
        <SelectField meta={fields.audience} label="Audience" options={Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))} hint="Audience tracks get their own filter, and their sessions must not overlap." />
        <div>
          <label htmlFor={fields.colour.id} className="block text-sm font-medium text-slate-800">
            Colour
          </label>
          <input {...getInputProps(fields.colour, { type: "color" })} key={fields.colour.key} className="mt-1.5 block h-10 w-20 rounded-md border border-slate-300 bg-white p-1" />
        </div>
        <Field meta={asTextField(fields.position)} label="Position" type="number" min={0} hint="Lower numbers come first in lists." />
      </div>
      <TextareaField meta={fields.description} label="Description" rows={2} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={track ? "secondary" : "primary"}>
        {track ? "Save track" : "Add track"}
      </SubmitButton>
    </Form>
  );
}

export default function ConsoleTracks() {
  const { tracks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (id: string) => (actionData && "formId" in actionData && actionData.formId === id ? actionData.result : undefined);
  const message = actionData && "message" in actionData ? actionData : null;
  return (
    <ConsolePage title="Tracks" intro="Tracks group the program by topic or audience. Changes reach attendees with the next publish.">
      <div className="max-w-3xl space-y-4">
        {message ? <StatusBanner tone={"ok" in message && message.ok === false ? "error" : "success"}>{message.message}</StatusBanner> : null}
        <ul className="space-y-3">
          {tracks.map((track) => (
            <li key={track.slug} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
                  <TrackDot colour={track.colour} />
                  {track.name}
                </h2>
                <div className="flex items-center gap-2">
                  {track.audience !== "EVERYONE" ? <Badge tone="brand">{AUDIENCE_LABELS[track.audience]}</Badge> : null}
                  <Badge>{track.sessions} sessions</Badge>
                  <Form method="post">
                    <input type="hidden" name="key" value={track.slug} />
                    <RowButton tone="danger" name="intent" value="delete-track" aria-label={`Remove track ${track.name}`}>
                      Remove
                    </RowButton>
                  </Form>
                </div>
              </div>
              <details className="mt-2" open={Boolean(resultFor(track.slug))}>
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit {track.name}</summary>
                <div className="mt-3">
                  <TrackEditor track={track} lastResult={resultFor(track.slug)} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <Section title="Add a track" id="add-track">
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <TrackEditor lastResult={resultFor("new-track")} />
          </div>
        </Section>
      </div>
    </ConsolePage>
  );
}

export function ErrorBoundary() {
  return <ConsoleErrorBoundary />;
}
