// The draft's speakers: find one, open them to edit, or add someone new.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsolePage, Section } from "~/components/console";
import { SpeakerForm } from "~/components/speaker-form";
import { getDraft, saveDraftSpeaker } from "~/models/program/draft.server";
import { speakerFromForm } from "~/models/program/form-values.server";
import { SpeakerFormSchema } from "~/models/program/forms";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Speakers");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const draft = await getDraft(meeting.id);
  const counts = new Map<string, number>();
  for (const session of draft.document.sessions) for (const entry of session.speakers) counts.set(entry.speaker, (counts.get(entry.speaker) ?? 0) + 1);
  const needle = q.toLowerCase();
  const speakers = draft.document.speakers
    .filter((speaker) => !needle || speaker.name.toLowerCase().includes(needle) || (speaker.affiliation ?? "").toLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((speaker) => ({ slug: speaker.slug, name: speaker.name, credentials: speaker.credentials, where: [speaker.affiliation, speaker.country].filter(Boolean).join(" · "), sessions: counts.get(speaker.slug) ?? 0 }));
  return { slug: meeting.slug, q, speakers, total: draft.document.speakers.length };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: SpeakerFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await saveDraftSpeaker(meeting.id, user, { speaker: speakerFromForm(submission.value) });
  if (!result.ok) return data(refusalReply(result, submission), { status: refusalStatus(result) });
  return redirect(href.organize.speaker(meeting, result.value, { saved: "added" }));
}

export default function ConsoleSpeakers() {
  const { slug, q, speakers, total } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <ConsolePage title="Speakers" intro={`${total} people in the draft. Who speaks in which session is set on each session's page.`}>
      <div className="max-w-3xl">
        <Form method="get" role="search" className="flex gap-2">
          <label htmlFor="speaker-search" className="sr-only">
            Find a speaker
          </label>
          <input id="speaker-search" name="q" type="search" defaultValue={q} placeholder="Find by name or affiliation" className="w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 py-2 text-base shadow-sm" />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-semibold text-slate-800 hover:bg-slate-50">
            Find
          </button>
        </Form>
        {speakers.length ? (
          <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
            {speakers.map((speaker) => (
              <li key={speaker.slug} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2.5">
                <span>
                  <Link to={href.organize.speaker(slug, speaker)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                    {speaker.name}
                  </Link>
                  {speaker.credentials ? <span className="text-slate-700">, {speaker.credentials}</span> : null}
                  <span className="block text-sm text-slate-600">{speaker.where}</span>
                </span>
                <span className="text-sm text-slate-600">{counted(speaker.sessions, "session")}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-slate-600">{q ? `Nobody matches “${q}”.` : "No speakers yet."}</p>
        )}
        <Section title="Add a speaker" id="add-speaker">
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <SpeakerForm lastResult={lastResult} />
          </div>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
