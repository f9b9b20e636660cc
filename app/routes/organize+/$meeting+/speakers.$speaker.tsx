// One speaker of the draft: edit their details, see their sessions, remove them.
// Also the address their CME disclosure request goes to: it belongs to the
// published speaker (not the draft) and is never shown on the program.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConsolePage, ItemList, linkClass, Section, StatusBanner } from "~/components/console";
import { Field, FormErrors, SubmitButton, useSchemaForm } from "~/components/forms";
import { getFormProps } from "@conform-to/react";
import { SpeakerEmailFormSchema } from "~/models/cme/disclosures";
import { getSpeakerEmail, saveSpeakerEmail } from "~/models/cme/disclosures.server";
import { SpeakerForm } from "~/components/speaker-form";
import { deleteDraftSpeaker, getDraft, revisionOf, saveDraftSpeaker } from "~/models/program/draft.server";
import { speakerFromForm } from "~/models/program/form-values.server";
import { SpeakerFormSchema } from "~/models/program/forms";
import { ROLE_LABELS } from "~/models/program/program";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalMessage, refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatDay, formatTimeRange, dayKeyOf } from "~/utils/time";
import { BackLink } from "~/components/back-link";
import { consoleTitle } from "~/components/console-meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: consoleTitle(data ? data.speaker.name : "Speaker", matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const draft = await getDraft(meeting.id);
  const speaker = draft.document.speakers.find((candidate) => candidate.slug === params.speaker);
  if (!speaker) throw new Response("This speaker is not in the draft.", { status: 404 });
  const zone = meeting.timeZone;
  const published = await getSpeakerEmail(meeting.id, speaker.slug);
  return {
    slug: meeting.slug,
    speaker: { slug: speaker.slug, name: speaker.name },
    email: published ? { value: published.email ?? "" } : null,
    revision: revisionOf(speaker),
    values: { name: speaker.name, credentials: speaker.credentials ?? "", affiliation: speaker.affiliation ?? "", city: speaker.city ?? "", country: speaker.country, bio: speaker.bio },
    sessions: draft.document.sessions.flatMap((session) =>
      session.speakers
        .filter((entry) => entry.speaker === speaker.slug)
        .map((entry) => ({
          slug: session.slug,
          title: session.title,
          role: ROLE_LABELS[entry.role].one,
          when: `${formatDay(dayKeyOf(new Date(session.startsAt), zone), "short")}, ${formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), zone)}`,
        })),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const slug = params.speaker ?? "";
  const formData = await readFormData(request);
  if (formData.get("intent") === "delete-speaker") {
    const result = await deleteDraftSpeaker(meeting.id, user, slug);
    if (!result.ok) return refusalMessage(result);
    return redirect(href.organize.speakers(meeting));
  }
  if (formData.get("intent") === "save-email") {
    const emailSubmission = parseWithZod(formData, { schema: SpeakerEmailFormSchema });
    if (emailSubmission.status !== "success") return data({ email: emailSubmission.reply() }, { status: 400 });
    const result = await saveSpeakerEmail(meeting.id, user, slug, emailSubmission.value.email || null);
    if (!result.ok) return data({ email: refusalReply(result, emailSubmission) }, { status: refusalStatus(result) });
    return redirect(href.organize.speaker(meeting, slug, { saved: "email" }));
  }
  const submission = parseWithZod(formData, { schema: SpeakerFormSchema });
  if (submission.status !== "success") return data({ form: submission.reply() }, { status: 400 });
  const result = await saveDraftSpeaker(meeting.id, user, { original: { slug, revision: submission.value.revision ?? "" }, speaker: speakerFromForm(submission.value) });
  if (!result.ok) return data({ form: refusalReply(result, submission) }, { status: refusalStatus(result) });
  return redirect(href.organize.speaker(meeting, slug, { saved: 1 }));
}

export default function EditSpeaker() {
  const { slug, speaker, revision, values, sessions, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  return (
    <ConsolePage
      title={speaker.name}
      intro={
        <BackLink to={href.organize.speakers(slug)} className={linkClass}>All speakers</BackLink>
      }
    >
      <div className="max-w-3xl space-y-4">
        {saved ? <StatusBanner outcome tone="success">{saved === "added" ? "Speaker added to the draft." : saved === "email" ? "E-mail address for disclosure requests saved." : "Saved to the draft."}</StatusBanner> : null}
        {actionData && "message" in actionData ? <StatusBanner key={actionData.message} outcome tone="error">{actionData.message}</StatusBanner> : null}
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <SpeakerForm defaultValue={values} revision={revision} lastResult={actionData && "form" in actionData ? actionData.form : undefined} />
        </div>
        <Section title="Sessions" id="speaker-sessions">
          <ItemList empty="Not in any session yet.">
            {sessions.map((session) => (
              <li key={`${session.slug}-${session.role}`} className="px-4 py-2.5 text-sm">
                <Link to={href.organize.session(slug, session)} className={linkClass}>
                  {session.title}
                </Link>
                <span className="block text-slate-600">
                  {session.role} · {session.when}
                </span>
              </li>
            ))}
          </ItemList>
        </Section>
        <Section title="E-mail for CME disclosure requests" id="speaker-email" description="Where the request to disclose financial relationships goes when this speaker is faculty of an accredited session. Never shown on the program.">
          {email ? (
            <SpeakerEmailForm value={email.value} lastResult={actionData && "email" in actionData ? actionData.email : undefined} />
          ) : (
            <p className="text-sm text-slate-600">Publish this speaker first: the address belongs to the published speaker.</p>
          )}
        </Section>
        <Section title="Remove this speaker" id="remove-speaker">
          <Form method="post" className="flex flex-wrap items-center gap-3 rounded-xl border border-red-200 bg-white p-4">
            <p className="flex-1 text-sm text-slate-700">Only someone who is in no session can be removed.</p>
            <SubmitButton pending={false} pendingLabel="Removing…" variant="danger" name="intent" value="delete-speaker">
              Remove speaker
            </SubmitButton>
          </Form>
        </Section>
      </div>
    </ConsolePage>
  );
}

function SpeakerEmailForm({ value, lastResult }: { value: string; lastResult?: Parameters<typeof useSchemaForm>[1]["lastResult"] }) {
  const [form, fields] = useSchemaForm(SpeakerEmailFormSchema, { id: "speaker-email-form", lastResult, defaultValue: { email: value }, shouldRevalidate: "onBlur" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save-email" />
      <Field meta={fields.email} label="E-mail" type="email" autoComplete="off" inputMode="email" autoCapitalize="none" spellCheck={false} className="min-w-64 flex-1" />
      <SubmitButton pendingLabel="Saving…" variant="secondary">
        Save e-mail
      </SubmitButton>
    </Form>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
