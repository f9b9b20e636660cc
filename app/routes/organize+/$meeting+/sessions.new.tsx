// Adding a session to the draft. Speakers are added on the session's page
// afterwards, where the form lands.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConsolePage, linkClass } from "~/components/console";
import { SessionForm } from "~/components/session-form";
import { getDraft, saveDraftSession } from "~/models/program/draft.server";
import { sessionFormOptions, sessionFromForm } from "~/models/program/form-values.server";
import { SessionFormSchema } from "~/models/program/forms";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { BackLink } from "~/components/back-link";
import { consoleMeta } from "~/components/console-meta";

export const meta = consoleMeta("Add a session");

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
  const form = sessionFromForm(submission.value, meeting);
  const result = form.ok ? await saveDraftSession(meeting.id, user, { session: form.session }) : form;
  if (!result.ok) return data(refusalReply(result, submission), { status: refusalStatus(result) });
  return redirect(href.organize.session(meeting, result.value, { saved: "added" }));
}

export default function NewSession() {
  const { slug, options, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <ConsolePage
      title="Add a session"
      intro={
        <BackLink to={href.organize.sessions(slug)} className={linkClass}>All sessions</BackLink>
      }
    >
      <div className="max-w-3xl">
        <SessionForm mode="add" defaultValue={defaultValue} options={options} lastResult={lastResult} />
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
