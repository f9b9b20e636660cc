// The console's list of a session's presentations: each talk with its time,
// title, presenter and abstract number, moved up or down (the talks then run
// back to back from the first one's start), edited in place (a <details>, so
// it works without JavaScript) or removed; and a form to add one.
import { Form } from "@remix-run/react";
import { RowButton, Section } from "~/components/console";
import { PlainInput, PlainSelect, SubmitButton } from "~/components/forms";

export type EditorPresentation = { slug: string; title: string; time: string; start: string; minutes: number; speaker: string | null; presenter: string | null; abstract: number | null };
type Choice = { slug: string; name: string };

function TalkFields({ prefix, talk, speakers, nextStart }: { prefix: string; talk?: EditorPresentation; speakers: Choice[]; nextStart: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <PlainInput id={`${prefix}-title`} label="Talk title" className="sm:col-span-2" name="title" required maxLength={300} defaultValue={talk?.title} />
      <PlainSelect
        id={`${prefix}-speaker`}
        name="speaker"
        label="Presenter"
        defaultValue={talk?.speaker ?? ""}
        placeholder="To be announced"
        options={speakers.map((speaker) => ({ value: speaker.slug, label: speaker.name }))}
      />
      <PlainInput id={`${prefix}-abstract`} label="Abstract number (optional)" name="abstract" type="number" min={1} inputMode="numeric" defaultValue={talk?.abstract ?? undefined} />
      <PlainInput id={`${prefix}-start`} label="Talk starts at (meeting time)" name="start" type="time" required defaultValue={talk?.start ?? nextStart} />
      <PlainInput id={`${prefix}-minutes`} label="Talk length (minutes)" name="minutes" type="number" min={1} max={600} required inputMode="numeric" defaultValue={talk?.minutes ?? 10} />
    </div>
  );
}

export function PresentationEditor({ presentations, speakers, nextStart, pending }: { presentations: EditorPresentation[]; speakers: Choice[]; nextStart: string; pending: boolean }) {
  return (
    <Section title="Presentations" id="presentations" description="Talks inside this session with their own times, in order. Moving one up or down runs the talks back to back from the first one's start.">
      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        {presentations.length ? (
          <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {presentations.map((talk, index) => (
              <li key={talk.slug} className="space-y-2 px-3 py-2">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-semibold text-slate-600 tabular-nums">{talk.time}</p>
                    <p className="font-medium text-slate-900">{talk.title}</p>
                    <p className="text-sm text-slate-700">
                      {talk.presenter ?? "Presenter to be announced"}
                      {talk.abstract ? ` · Abstract ${talk.abstract}` : ""}
                    </p>
                  </div>
                  <Form method="post" className="flex gap-1.5" preventScrollReset>
                    <input type="hidden" name="presentation" value={talk.slug} />
                    <input type="hidden" name="intent" value="move-presentation" />
                    <RowButton name="direction" value="up" disabled={index === 0} aria-label={`Move “${talk.title}” up`}>
                      <span aria-hidden="true">↑</span>
                    </RowButton>
                    <RowButton name="direction" value="down" disabled={index === presentations.length - 1} aria-label={`Move “${talk.title}” down`}>
                      <span aria-hidden="true">↓</span>
                    </RowButton>
                  </Form>
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="presentation" value={talk.slug} />
                    <RowButton tone="danger" name="intent" value="remove-presentation" aria-label={`Remove “${talk.title}”`}>
                      Remove
                    </RowButton>
                  </Form>
                </div>
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit “{talk.title}”</summary>
                  <Form method="post" preventScrollReset className="mt-2 space-y-3">
                    <input type="hidden" name="intent" value="edit-presentation" />
                    <input type="hidden" name="presentation" value={talk.slug} />
                    <TalkFields prefix={`edit-${talk.slug}`} talk={talk} speakers={speakers} nextStart={nextStart} />
                    <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
                      Save presentation
                    </SubmitButton>
                  </Form>
                </details>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">None yet.</p>
        )}
        <Form method="post" preventScrollReset className="space-y-3 border-t border-slate-200 pt-4">
          <h3 className="text-sm font-semibold tracking-wide text-slate-600 uppercase">Add a presentation</h3>
          <input type="hidden" name="intent" value="add-presentation" />
          <TalkFields prefix="add-presentation" speakers={speakers} nextStart={nextStart} />
          <SubmitButton pending={pending} pendingLabel="Adding…" variant="secondary">
            Add presentation
          </SubmitButton>
        </Form>
      </div>
    </Section>
  );
}
