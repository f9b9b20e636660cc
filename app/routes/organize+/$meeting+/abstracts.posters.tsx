// Poster boards and presenters' hours: each published poster with its board
// ("P-112", "Screen 4") and when its presenter stands by it, entered as a day
// and times in the meeting's zone; one button numbers every board by topic;
// posters still waiting for their file are marked.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, OutcomeBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { PlainInput, SubmitButton, useIsPending } from "~/components/forms";
import { PosterPlaceSchema } from "~/models/abstracts/boards";
import { numberBoardsByTopic, placePoster, posterBoards } from "~/models/abstracts/posters.server";
import { wallClock, zonedInstant } from "~/models/program/document";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { zoneAbbreviation } from "~/utils/time";

export const meta = consoleMeta("Poster boards");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const zone = meeting.timeZone;
  const rows = await posterBoards(meeting.id);
  return {
    meeting: { slug: meeting.slug, zone: zoneAbbreviation(zone, meeting.startsOn) },
    posters: rows.map((row) => {
      const start = row.poster?.presenterStartsAt ? wallClock(row.poster.presenterStartsAt, zone) : null;
      const end = row.poster?.presenterEndsAt ? wallClock(row.poster.presenterEndsAt, zone) : null;
      return {
        id: row.id,
        number: row.number ?? 0,
        title: row.title,
        kind: row.decision === "EPOSTER" ? "E-poster" : "Poster",
        topic: row.topic?.name ?? null,
        presenter: row.authors[0]?.name ?? null,
        hasFile: Boolean(row.poster?.storageKey),
        board: row.poster?.board ?? "",
        day: start?.day ?? "",
        start: start?.time ?? "",
        end: end?.time ?? "",
      };
    }),
  };
}

type Reply = { ok: boolean; message: string; abstractId: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  if (formData.get("intent") === "number-boards") {
    const count = await numberBoardsByTopic(meeting.id);
    return data<Reply>({ ok: true, message: `${counted(count, "board")} numbered by topic.`, abstractId: null });
  }
  const submission = parseWithZod(formData, { schema: PosterPlaceSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat().filter(Boolean) as string[];
    return data<Reply>({ ok: false, message: errors[0] ?? "Check the board and hours.", abstractId: String(formData.get("abstractId") ?? "") }, { status: 400 });
  }
  const { abstractId, board, day, start, end } = submission.value;
  const outcome = await placePoster(meeting.id, abstractId, {
    board: board || null,
    presenterStartsAt: day && start ? zonedInstant(day, start, meeting.timeZone) : null,
    presenterEndsAt: day && end ? zonedInstant(day, end, meeting.timeZone) : null,
  });
  if (!outcome.ok) return data<Reply>({ ok: false, message: outcome.message, abstractId }, { status: refusalStatus(outcome) });
  return data<Reply>({ ok: true, message: "Saved.", abstractId });
}

export default function PosterBoards() {
  const { meeting, posters } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const pending = useIsPending();
  const missing = posters.filter((poster) => !poster.hasFile).length;
  return (
    <ConsolePage
      title="Poster boards"
      intro={`Each accepted poster's board or screen, and when its presenter stands by it (times in ${meeting.zone}). ${counted(posters.length, "poster")}, ${missing} without a file yet.`}
      actions={
        <Form method="post">
          <SubmitButton name="intent" value="number-boards" variant="secondary" pending={pending} pendingLabel="Numbering…">
            Number boards by topic
          </SubmitButton>
        </Form>
      }
    >
      <OutcomeBanner outcome={reply?.abstractId === null ? reply : null} />
      {posters.length === 0 ? (
        <p className="text-sm text-slate-600">No posters or e-posters have been accepted and notified yet.</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {posters.map((poster) => {
            const mine = reply && reply.abstractId === poster.id ? reply : null;
            const ids = (name: string) => `${name}-${poster.id}`;
            return (
              <li key={poster.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-baseline gap-2">
                  <a href={href.poster(meeting.slug, poster.number)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                    {poster.number} {poster.title}
                  </a>
                  <Badge>{poster.kind}</Badge>
                  {poster.hasFile ? <Badge tone="emerald">File in</Badge> : <Badge tone="amber">No file yet</Badge>}
                </div>
                <p className="text-sm text-slate-600">{[poster.presenter, poster.topic].filter(Boolean).join(" · ")}</p>
                <Form method="post" className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-[8rem_10rem_7rem_7rem_auto] sm:items-end">
                  <input type="hidden" name="abstractId" value={poster.id} />
                  <PlainInput id={ids("board")} label="Board" className="col-span-2 sm:col-span-1" name="board" defaultValue={poster.board} maxLength={40} placeholder="P-112" />
                  <PlainInput id={ids("day")} label="Day" className="col-span-2 sm:col-span-1" name="day" type="date" defaultValue={poster.day} />
                  <PlainInput id={ids("start")} label="From" name="start" type="time" defaultValue={poster.start} />
                  <PlainInput id={ids("end")} label="To" name="end" type="time" defaultValue={poster.end} aria-describedby={mine ? ids("reply") : undefined} />
                  <SubmitButton name="intent" value="place" variant="secondary" pending={pending} pendingLabel="Saving…">
                    Save
                  </SubmitButton>
                  {mine && (
                    <p id={ids("reply")} role="status" className={`col-span-2 text-sm sm:col-span-5 ${mine.ok ? "text-emerald-800" : "text-red-800"}`}>
                      {mine.message}
                    </p>
                  )}
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
