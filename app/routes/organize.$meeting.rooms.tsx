// The draft's rooms and virtual channels: add, rename, edit, remove. Renaming
// moves the room's sessions along; a room with sessions cannot be removed.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { asTextField, Badge, ConsolePage, RowButton, Section, SelectField, StatusBanner } from "~/components/console";
import { ConsoleErrorBoundary } from "~/components/console-error";
import { Field, FormErrors, SubmitButton, useIsPending } from "~/components/forms";
import { deleteDraftRoom, getDraft, revisionOf, saveDraftRoom } from "~/models/agenda-draft.server";
import { RoomFormSchema } from "~/models/console-forms";
import { readFormData, refused, requireOrganizer } from "~/utils/organizer.server";

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
    if (!result.ok) return refused(result);
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
  if (!result.ok) {
    return data({ formId, result: submission.reply(result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] }) }, { status: result.status });
  }
  return { formId, result: submission.reply({ resetForm: !original }), message: original ? `Saved “${room.name}” to the draft.` : `Added “${room.name}” to the draft.` };
}

type Room = ReturnType<typeof useLoaderData<typeof loader>>["rooms"][number];

function RoomEditor({ room, lastResult }: { room?: Room; lastResult?: SubmissionResult<string[]> }) {
  const pending = useIsPending();
  const id = room ? room.key : "new-room";
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: room ? { name: room.name, kind: room.kind, capacity: room.capacity ? String(room.capacity) : "", position: String(room.position) } : { kind: "ROOM", position: "0" },
    constraint: getZodConstraint(RoomFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RoomFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save-room" />
      <input type="hidden" name="formId" value={id} />
      {room ? (
        <>
          <input type="hidden" name="original" value={room.name} />
          <input type="hidden" name="revision" value={room.revision} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.name} label="Name" autoComplete="off" hint={room ? "Renaming moves its sessions along." : undefined} />
        <SelectField
          meta={fields.kind}
          label="Kind"
          options={[
            { value: "ROOM", label: "Room" },
            { value: "VIRTUAL_CHANNEL", label: "Virtual channel" },
          ]}
        />
        <Field meta={asTextField(fields.capacity)} label="Seats (optional)" type="number" min={1} />
        <Field meta={asTextField(fields.position)} label="Position" type="number" min={0} hint="Lower numbers come first." />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={room ? "secondary" : "primary"}>
        {room ? "Save room" : "Add room"}
      </SubmitButton>
    </Form>
  );
}

export default function ConsoleRooms() {
  const { rooms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (id: string) => (actionData && "formId" in actionData && actionData.formId === id ? actionData.result : undefined);
  const message = actionData && "message" in actionData ? actionData : null;
  return (
    <ConsolePage title="Rooms and channels" intro="Where sessions happen: rooms at the venue and channels of the virtual meeting.">
      <div className="max-w-3xl space-y-4">
        {message ? <StatusBanner tone={"ok" in message && message.ok === false ? "error" : "success"}>{message.message}</StatusBanner> : null}
        <ul className="space-y-3">
          {rooms.map((room) => (
            <li key={room.key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-base font-semibold text-slate-900">{room.name}</h2>
                <div className="flex items-center gap-2">
                  <Badge tone={room.kind === "VIRTUAL_CHANNEL" ? "brand" : "slate"}>{room.kind === "VIRTUAL_CHANNEL" ? "Virtual channel" : "Room"}</Badge>
                  {room.capacity ? <Badge>{room.capacity} seats</Badge> : null}
                  <Badge>{room.sessions} sessions</Badge>
                  <Form method="post">
                    <input type="hidden" name="key" value={room.name} />
                    <RowButton tone="danger" name="intent" value="delete-room" aria-label={`Remove ${room.name}`}>
                      Remove
                    </RowButton>
                  </Form>
                </div>
              </div>
              <details className="mt-2" open={Boolean(resultFor(room.key))}>
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit {room.name}</summary>
                <div className="mt-3">
                  <RoomEditor room={room} lastResult={resultFor(room.key)} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <Section title="Add a room or channel" id="add-room">
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <RoomEditor lastResult={resultFor("new-room")} />
          </div>
        </Section>
      </div>
    </ConsolePage>
  );
}

export function ErrorBoundary() {
  return <ConsoleErrorBoundary />;
}
