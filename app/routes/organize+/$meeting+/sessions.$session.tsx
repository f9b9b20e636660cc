// One session of the draft: its fields, who speaks in it (role and order), its
// presentations (timed talks), its clashes, and removing it. Every change goes to the draft only.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, ConsolePage, linkClass, RowButton, Section, OutcomeBanner, StatusBanner } from "~/components/console";
import { PlainSelect, SubmitButton, useIsPending } from "~/components/forms";
import { SessionForm } from "~/components/session-form";
import { deleteDraftSession, editDraftSessionSpeakers, getDraft, revisionOf, saveDraftSession } from "~/models/program/draft.server";
import { SessionFormSchema, SessionPresentationFormSchema, SessionSpeakerFormSchema } from "~/models/program/forms";
import { editDraftSessionPresentations, presentationEditFromForm, presentationEditorRows } from "~/models/program/presentation-draft.server";
import { PresentationEditor } from "~/components/presentation-editor";
import { ROLE_LABELS, ROLE_ORDER } from "~/models/program/program";
import { clashesBySession, describeClash, findClashes } from "~/models/program/clashes";
import { sessionFormOptions, sessionFormValues, sessionFromForm } from "~/models/program/form-values.server";
import { refuse } from "~/models/refusal";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage, refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { BackLink } from "~/components/back-link";
import { consoleTitle } from "~/components/console-meta";
import { counted } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: consoleTitle(data ? data.session.title : "Session", matches) }];

async function loadSession(meetingId: string, slug: string) {
  const draft = await getDraft(meetingId);
  const session = draft.document.sessions.find((candidate) => candidate.slug === slug);
  if (!session) throw new Response("This session is not in the draft. It may have been removed.", { status: 404 });
  return { draft, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const { draft, session } = await loadSession(meeting.id, params.session ?? "");
  const names = new Map(draft.document.speakers.map((speaker) => [speaker.slug, speaker.name]));
  const clashes = clashesBySession(findClashes(draft.document, meeting)).get(session.slug) ?? [];
  return {
    meeting: { slug: meeting.slug },
    session: { slug: session.slug, title: session.title },
    revision: revisionOf(session),
    values: sessionFormValues(session, meeting.timeZone),
    options: await sessionFormOptions(draft.document, meeting),
    speakers: ROLE_ORDER.map((role) => ({
      role,
      people: session.speakers
        .filter((entry) => entry.role === role)
        .sort((a, b) => a.position - b.position)
        .map((entry) => ({ slug: entry.speaker, name: names.get(entry.speaker) ?? entry.speaker })),
    })),
    allSpeakers: [...draft.document.speakers].sort((a, b) => a.name.localeCompare(b.name)).map((speaker) => ({ slug: speaker.slug, name: speaker.name })),
    clashes: clashes.map((clash) => describeClash(clash, session.slug)),
    talks: presentationEditorRows(session, draft.document.speakers, meeting.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const slug = params.session ?? "";
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "delete-session") {
    const result = await deleteDraftSession(meeting.id, user, slug);
    if (!result.ok) return refusalMessage(result);
    return redirect(href.organize.sessions(meeting, { removed: slug }));
  }

  if (intent === "add-speaker" || intent === "remove-speaker" || intent === "move-speaker") {
    const submission = parseWithZod(formData, { schema: SessionSpeakerFormSchema });
    if (submission.status !== "success") return refusalMessage(refuse("INVALID", "Choose a speaker and a role."));
    const { speaker, role, direction } = submission.value;
    const edit =
      submission.value.intent === "move-speaker"
        ? { intent: "move-speaker" as const, speaker, role, direction: direction ?? "up" }
        : { intent: submission.value.intent, speaker, role };
    const result = await editDraftSessionSpeakers(meeting.id, user, slug, edit);
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: "Speakers saved to the draft.", field: null };
  }

  if (intent === "add-presentation" || intent === "edit-presentation" || intent === "remove-presentation" || intent === "move-presentation") {
    const submission = parseWithZod(formData, { schema: SessionPresentationFormSchema });
    if (submission.status !== "success") {
      const first = Object.values(submission.error ?? {}).flat()[0];
      return refusalMessage(refuse("INVALID", first ?? "Check the presentation's fields."));
    }
    const { session } = await loadSession(meeting.id, slug);
    const edit = presentationEditFromForm(submission.value, session, meeting.timeZone);
    if ("ok" in edit) return refusalMessage(edit);
    const result = await editDraftSessionPresentations(meeting.id, user, slug, edit);
    if (!result.ok) return refusalMessage(result);
    return { ok: true as const, message: "Presentations saved to the draft.", field: null };
  }

  const submission = parseWithZod(formData, { schema: SessionFormSchema });
  if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
  await loadSession(meeting.id, slug);
  const form = sessionFromForm(submission.value, meeting);
  const result = form.ok ? await saveDraftSession(meeting.id, user, { original: { slug, revision: submission.value.revision ?? "" }, session: form.session }) : form;
  if (!result.ok) return data({ form: refusalReply(result, submission) }, { status: refusalStatus(result) });
  return redirect(href.organize.session(meeting, slug, { saved: 1 }));
}

export default function EditSession() {
  const { meeting, session, revision, values, options, speakers, allSpeakers, clashes, talks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const pending = useIsPending();
  const formResult = actionData && "form" in actionData ? actionData.form : undefined;
  const message = actionData && "message" in actionData ? actionData : undefined;
  return (
    <ConsolePage
      title={session.title}
      intro={
        <BackLink to={href.organize.sessions(meeting, { day: values.day })} className={linkClass}>Sessions of that day</BackLink>
      }
    >
      <div className="max-w-3xl space-y-4">
        {saved ? <StatusBanner outcome tone="success">{saved === "added" ? "Session added to the draft." : "Saved to the draft."} Attendees see it after the next publish.</StatusBanner> : null}
        <OutcomeBanner outcome={message} />
        {clashes.length ? (
          <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-semibold">
              {counted(clashes.length, "clash", "clashes")} with this session
            </p>
            <ul className="mt-1 list-disc pl-5">
              {clashes.map((clash) => (
                <li key={clash}>{clash}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <SessionForm mode="edit" defaultValue={values} revision={revision} options={options} lastResult={formResult} />

        <Section title="Who speaks" id="who-speaks" description="Moderators, speakers and panelists are listed in this order on the session's page.">
          <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            {speakers.map(({ role, people }) => (
              <div key={role}>
                <h3 className="text-sm font-semibold tracking-wide text-slate-600 uppercase">{ROLE_LABELS[role].many}</h3>
                {people.length ? (
                  <ol className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
                    {people.map((person, index) => (
                      <li key={person.slug} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                        <span className="font-medium text-slate-900">{person.name}</span>
                        <Form method="post" className="flex gap-1.5" preventScrollReset>
                          <input type="hidden" name="speaker" value={person.slug} />
                          <input type="hidden" name="role" value={role} />
                          <input type="hidden" name="intent" value="move-speaker" />
                          <RowButton name="direction" value="up" disabled={index === 0} aria-label={`Move ${person.name} up`}>
                            <span aria-hidden="true">↑</span>
                          </RowButton>
                          <RowButton name="direction" value="down" disabled={index === people.length - 1} aria-label={`Move ${person.name} down`}>
                            <span aria-hidden="true">↓</span>
                          </RowButton>
                        </Form>
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="speaker" value={person.slug} />
                          <input type="hidden" name="role" value={role} />
                          <RowButton tone="danger" name="intent" value="remove-speaker" aria-label={`Remove ${person.name} as ${ROLE_LABELS[role].one.toLowerCase()}`}>
                            Remove
                          </RowButton>
                        </Form>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="mt-1 text-sm text-slate-600">None.</p>
                )}
              </div>
            ))}
            <Form method="post" preventScrollReset className="grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
              <input type="hidden" name="intent" value="add-speaker" />
              <PlainSelect id="add-speaker" name="speaker" required label="Add a person" placeholder="Choose a speaker…" options={allSpeakers.map((speaker) => ({ value: speaker.slug, label: speaker.name }))} />
              <PlainSelect id="add-role" name="role" label="Role" options={ROLE_ORDER.map((role) => ({ value: role, label: ROLE_LABELS[role].one }))} />
              <SubmitButton pending={pending} pendingLabel="Adding…" variant="secondary">
                Add
              </SubmitButton>
            </Form>
            <p className="text-sm text-slate-600">
              Someone missing?{" "}
              <Link to={href.organize.speakers(meeting)} className={linkClass}>
                Add them on the Speakers page
              </Link>
              .
            </p>
          </div>
        </Section>

        <PresentationEditor presentations={talks.presentations} speakers={allSpeakers} nextStart={talks.nextStart} pending={pending} />

        <Section title="Remove this session" id="remove-session">
          <Form method="post" className="flex flex-wrap items-center gap-3 rounded-xl border border-red-200 bg-white p-4">
            <p className="flex-1 text-sm text-slate-700">
              Removes it from the draft. When published, people who have it in their schedule are told. To keep it listed as not taking place, set its status to Cancelled instead.
            </p>
            <SubmitButton pending={false} pendingLabel="Removing…" variant="danger" name="intent" value="delete-session">
              Remove session
            </SubmitButton>
          </Form>
          <p className="mt-2 text-sm text-slate-600">
            Address: <Badge>{session.slug}</Badge>
          </p>
        </Section>
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
