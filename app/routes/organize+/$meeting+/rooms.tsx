// The draft's rooms and virtual channels: add, rename, edit, remove. Renaming
// moves the room's sessions along; a room with sessions cannot be removed.
import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage } from "~/components/console";
import { DraftEntries, DraftEntryCard, replyFor } from "~/components/draft-entries";
import { DraftForm } from "~/components/draft-form";
import { Field, SelectField, useSchemaForm } from "~/components/forms";
import { deleteDraftRoom, getDraft, revisionOf, saveDraftRoom } from "~/models/program/draft.server";
import { RoomFormSchema } from "~/models/program/forms";
import { ROOM_KIND_LABELS } from "~/models/program/program";
import { readFormData } from "~/utils/form-data.server";
import { draftEntryReply, requireOrganizer } from "~/server/organizer.server";
import { refusalMessage } from "~/server/refusal.server";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Rooms and channels");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const draft = await getDraft(meeting.id);
  return {
    rooms: draft.document.rooms.map((room, index) => ({
      ...room,
      key: `room-${index}`,
      revision: revisionOf(room),
      sessions: draft.document.sessions.filter((session) => session.room === room.name).length,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  if (formData.get("intent") === "delete-room") {
    const result = await deleteDraftRoom(meeting.id, user, String(formData.get("key") ?? ""));
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: "Room removed from the draft.", field: null };
  }
  const submission = parseWithZod(formData, { schema: RoomFormSchema });
  const formId = String(formData.get("formId") || "new-room");
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const { original, revision, intent: _intent, ...room } = submission.value;
  const result = await saveDraftRoom(meeting.id, user, {
    original: original ? { name: original, revision: revision ?? "" } : undefined,
    room: { ...room, capacity: room.capacity ?? null },
  });
  return draftEntryReply(submission, formId, result, { name: room.name, added: !original });
}

type Room = ReturnType<typeof useLoaderData<typeof loader>>["rooms"][number];

function RoomEditor({ room, lastResult }: { room?: Room; lastResult?: SubmissionResult<string[]> }) {
  const id = room ? room.key : "new-room";
  const [form, fields] = useSchemaForm(RoomFormSchema, {
    id,
    lastResult,
    defaultValue: room ? { name: room.name, kind: room.kind, capacity: room.capacity ? String(room.capacity) : "", position: String(room.position) } : { kind: "ROOM", position: "0" },
    shouldRevalidate: "onBlur",
  });
  return (
    <DraftForm form={form} intent="save-room" original={room?.name} revision={room?.revision} submitLabel={room ? "Save room" : "Add room"} variant={room ? "secondary" : "primary"}>
      <input type="hidden" name="formId" value={id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.name} label="Name" autoComplete="off" hint={room ? "Renaming moves its sessions along." : undefined} />
        <SelectField meta={fields.kind} label="Kind" options={ROOM_KIND_LABELS} />
        <Field meta={fields.capacity} label="Seats (optional)" type="number" min={1} />
        <Field meta={fields.position} label="Position" type="number" min={0} hint="Lower numbers come first." />
      </div>
    </DraftForm>
  );
}

export default function ConsoleRooms() {
  const { rooms } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <ConsolePage title="Rooms and channels" intro="Where sessions happen: rooms at the venue and channels of the virtual meeting.">
      <DraftEntries reply={reply} addTitle="Add a room or channel" addId="add-room" addForm={<RoomEditor lastResult={replyFor(reply, "new-room")} />}>
        {rooms.map((room) => (
          <DraftEntryCard
            key={room.key}
            heading={room.name}
            name={room.name}
            badges={
              <>
                <Badge tone={room.kind === "VIRTUAL_CHANNEL" ? "brand" : "slate"}>{ROOM_KIND_LABELS[room.kind]}</Badge>
                {room.capacity ? <Badge>{room.capacity} seats</Badge> : null}
                <Badge>{counted(room.sessions, "session")}</Badge>
              </>
            }
            removal={{ key: room.name, intent: "delete-room", label: `Remove ${room.name}` }}
            editorOpen={Boolean(replyFor(reply, room.key))}
          >
            <RoomEditor room={room} lastResult={replyFor(reply, room.key)} />
          </DraftEntryCard>
        ))}
      </DraftEntries>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
