// Adding a session to the draft. Speakers are added on the session's page
// afterwards, where the form lands.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsolePage, linkClass } from "~/components/console";
import { ConsoleErrorBoundary } from "~/components/console-error";
import { SessionForm } from "~/components/session-form";
import { getDraft, saveDraftSession } from "~/models/program/draft.server";
import { SessionFormSchema } from "~/models/program/forms";
import { slugify, uniqueSlug } from "~/models/program/document";
import { readFormData } from "~/utils/form-data.server";
import { refusalReply, requireOrganizer, sessionFormOptions, sessionFromForm } from "~/server/organizer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const draft = await getDraft(meeting.id);
  const options = await sessionFormOptions(draft.document, meeting);
  return { slug: meeting.slug, options, defaultValue: { day: options.days[0], start: "08:00", end: "09:00", kind: "SCIENTIFIC_SESSION", status: "SCHEDULED" } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: SessionFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const draft = await getDraft(meeting.id);
  const options = await sessionFormOptions(draft.document, meeting);
  if (!options.days.includes(value.day)) return data(submission.reply({ fieldErrors: { day: ["Choose one of the meeting's days"] } }), { status: 400 });
  const slug = value.slug || uniqueSlug(slugify(value.title), new Set(draft.document.sessions.map((session) => session.slug)));
  const result = await saveDraftSession(meeting.id, user, { session: { slug, ...sessionFromForm(value, meeting.timeZone) } });
  if (!result.ok) {
    return data(refusalReply(submission, result), { status: result.status });
  }
  return redirect(`/organize/${meeting.slug}/sessions/${result.value}?saved=added`);
}

export default function NewSession() {
  const { slug, options, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <ConsolePage
      title="Add a session"
      intro={
        <Link to={`/organize/${slug}/sessions`} className={linkClass}>
          <span aria-hidden="true">← </span>All sessions
        </Link>
      }
    >
      <div className="max-w-3xl">
        <SessionForm mode="add" defaultValue={defaultValue} options={options} lastResult={lastResult} />
      </div>
    </ConsolePage>
  );
}

export function ErrorBoundary() {
  return <ConsoleErrorBoundary />;
}
