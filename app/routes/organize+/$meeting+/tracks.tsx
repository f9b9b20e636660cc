// The draft's tracks, audience tracks included (medical students, residents):
// add, edit, remove. A track with sessions cannot be removed until they move.
import { getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage } from "~/components/console";
import { DraftEntries, DraftEntryCard, replyFor } from "~/components/draft-entries";
import { DraftForm } from "~/components/draft-form";
import { Field, FieldFrame, SelectField, TextareaField, useSchemaForm } from "~/components/forms";
import { TrackDot } from "~/components/track-chip";
import { deleteDraftTrack, getDraft, revisionOf, saveDraftTrack } from "~/models/program/draft.server";
import { TrackFormSchema } from "~/models/program/forms";
import { AUDIENCE_LABELS } from "~/models/program/program";
import { readFormData } from "~/utils/form-data.server";
import { draftEntryReply, requireOrganizer } from "~/server/organizer.server";
import { refusalMessage } from "~/server/refusal.server";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Tracks");

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
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: "Track removed from the draft.", field: null };
  }
  const submission = parseWithZod(formData, { schema: TrackFormSchema });
  const formId = String(formData.get("original") || "new-track");
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const { original, revision, slug, intent: _intent, ...fields } = submission.value;
  const track = { ...fields, description: fields.description || null, slug: slug || undefined };
  const result = await saveDraftTrack(meeting.id, user, { original: original ? { slug: original, revision: revision ?? "" } : undefined, track });
  return draftEntryReply(submission, formId, result, { name: track.name, added: !original });
}

type Track = ReturnType<typeof useLoaderData<typeof loader>>["tracks"][number];

function TrackEditor({ track, lastResult }: { track?: Track; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useSchemaForm(TrackFormSchema, {
    id: track ? `track-${track.slug}` : "new-track",
    lastResult,
    defaultValue: track
      ? { name: track.name, description: track.description ?? "", colour: track.colour, audience: track.audience, position: String(track.position) }
      : { colour: "#0f766e", audience: "EVERYONE", position: "0" },
    shouldRevalidate: "onBlur",
  });
  return (
    <DraftForm form={form} intent="save-track" original={track?.slug} revision={track?.revision} submitLabel={track ? "Save track" : "Add track"} variant={track ? "secondary" : "primary"}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.name} label="Name" autoComplete="off" />
        {track ? null : <Field meta={fields.slug} label="Address (optional)" hint="Made from the name when empty." autoComplete="off" spellCheck={false} />}
        <SelectField meta={fields.audience} label="Audience" options={AUDIENCE_LABELS} hint="Audience tracks get their own filter, and their sessions must not overlap." />
        <FieldFrame meta={fields.colour} label="Colour">
          <input {...getInputProps(fields.colour, { type: "color" })} key={fields.colour.key} className="mt-1.5 block h-10 w-20 rounded-md border border-slate-300 bg-white p-1" />
        </FieldFrame>
        <Field meta={fields.position} label="Position" type="number" min={0} hint="Lower numbers come first in lists." />
      </div>
      <TextareaField meta={fields.description} label="Description" rows={2} />
    </DraftForm>
  );
}

export default function ConsoleTracks() {
  const { tracks } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <ConsolePage title="Tracks" intro="Tracks group the program by topic or audience. Changes reach attendees with the next publish.">
      <DraftEntries reply={reply} addTitle="Add a track" addId="add-track" addForm={<TrackEditor lastResult={replyFor(reply, "new-track")} />}>
        {tracks.map((track) => (
          <DraftEntryCard
            key={track.slug}
            heading={
              <>
                <TrackDot colour={track.colour} />
                {track.name}
              </>
            }
            name={track.name}
            badges={
              <>
                {track.audience !== "EVERYONE" ? <Badge tone="brand">{AUDIENCE_LABELS[track.audience]}</Badge> : null}
                <Badge>{counted(track.sessions, "session")}</Badge>
              </>
            }
            removal={{ key: track.slug, intent: "delete-track", label: `Remove track ${track.name}` }}
            editorOpen={Boolean(replyFor(reply, track.slug))}
          >
            <TrackEditor track={track} lastResult={replyFor(reply, track.slug)} />
          </DraftEntryCard>
        ))}
      </DraftEntries>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
