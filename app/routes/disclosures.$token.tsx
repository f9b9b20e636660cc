// A faculty member's or planner's disclosure form, opened from the personal
// link in their e-mail: no account needed, only that person's form, on a
// phone first and without JavaScript (rows are added and removed by submit
// buttons). An unknown, replaced or expired link is a 404; once their
// session has started the answer is shown read-only.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { StatusBanner } from "~/components/console";
import { ErrorList, FormErrors, PageError, SubmitButton, useIsPending, controlClass } from "~/components/forms";
import { DisclosureFormSchema, NATURE_LABELS, NO_RELATIONSHIPS_STATEMENT } from "~/models/cme/disclosures";
import { getDisclosureForm, submitDisclosure } from "~/models/cme/disclosures.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatDay, dayKeyOf, formatMoment, formatTimeRange } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Disclosure of financial relationships · Meeting Platform" }, { name: "robots", content: "noindex" }];

// The URL carries a secret: never cache the page (Referrer-Policy: no-referrer comes with SECRET_URLS).
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const NOT_FOUND_MESSAGE = "This disclosure link is unknown, was replaced by a newer one, or has expired. Ask the meeting's organizers to send you a new link.";

export async function loader({ params }: LoaderFunctionArgs) {
  const form = await getDisclosureForm(params.token ?? "");
  if (!form) throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
  const zone = form.meeting.timeZone;
  return {
    name: form.name,
    role: form.role,
    meeting: form.meeting.name,
    editable: form.editable,
    until: form.firstStartsAt ? formatMoment(form.firstStartsAt, zone) : null,
    submittedAt: form.submittedAt ? formatMoment(form.submittedAt, zone) : null,
    noRelationships: form.noRelationships,
    relationships: form.relationships.map((row) => ({ company: row.company, nature: row.nature, ongoing: row.ongoing ? "ongoing" : "ended" })),
    sessions: form.sessions.map((session) => ({
      title: session.title,
      when: `${formatDay(dayKeyOf(session.startsAt, zone), "short")}, ${formatTimeRange(session.startsAt, session.endsAt, zone)}`,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  // An unknown, replaced or expired link is a 404 whatever was posted to it.
  if (!(await getDisclosureForm(token))) throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: DisclosureFormSchema });
  // Adding or removing a row (Conform's list intents) answers with the updated form, nothing saved.
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  const outcome = await submitDisclosure(token, submission.value);
  if (!outcome.ok) {
    if (outcome.code === "NOT_FOUND") throw new Response(NOT_FOUND_MESSAGE, { status: 404 });
    return data({ result: refusalReply(outcome, submission) }, { status: refusalStatus(outcome) });
  }
  return redirect(`${href.disclosure(token)}?saved=1`);
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

export default function DisclosurePage() {
  const view = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-6 sm:py-10">
      <p className="text-sm font-semibold text-brand-700">{view.meeting}</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">Disclosure of financial relationships</h1>
      <p className="mt-2 text-slate-700">
        For <strong>{view.name}</strong>, {view.role === "FACULTY" ? "faculty of an accredited session" : "planner of the meeting's education"}.
      </p>
      {view.sessions.length ? (
        <ul className="mt-3 space-y-1 text-sm text-slate-700">
          {view.sessions.map((session) => (
            <li key={`${session.title}-${session.when}`}>
              <span className="font-medium text-slate-900">{session.title}</span> · {session.when}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4 space-y-3">
        {searchParams.get("saved") ? (
          <StatusBanner outcome tone="success">
            Thank you: your disclosure was saved{view.submittedAt ? ` (${view.submittedAt})` : ""}.{view.editable && view.until ? ` You can change it until ${view.until}.` : ""}
          </StatusBanner>
        ) : null}
        {!view.editable ? (
          <StatusBanner tone="info">Your session has started, so this disclosure can no longer be changed. If something is wrong, write to the meeting&rsquo;s organizers.</StatusBanner>
        ) : null}
      </div>
      <section aria-labelledby="what-to-disclose" className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
        <h2 id="what-to-disclose" className="font-semibold text-slate-900">
          What to disclose
        </h2>
        <p className="mt-1">
          Disclose <strong>all</strong> your financial relationships with ineligible companies in the past 24 months, of any amount, whether or not you think they are relevant to
          the education. An <strong>ineligible company</strong> is one whose primary business is producing, marketing, selling, re-selling or distributing healthcare products used
          by or on patients.
        </p>
        <p className="mt-1">
          Examples of the nature of a relationship: employee, researcher, consultant, advisor, speaker, independent contractor (including contracted research), royalties or patent
          beneficiary, executive role, ownership interest (individual stocks and stock options; diversified mutual funds need not be disclosed).
        </p>
        <p className="mt-1">The organizers decide which relationships are relevant and how they are mitigated; learners see only the relevant ones.</p>
      </section>
      {view.editable ? <AnswerForm view={view} /> : <ReadOnlyAnswer view={view} />}
    </div>
  );
}

function ReadOnlyAnswer({ view }: { view: View }) {
  return (
    <section aria-labelledby="your-answer" className="mt-6">
      <h2 id="your-answer" className="text-lg font-bold text-slate-900">
        Your disclosure
      </h2>
      {!view.submittedAt ? (
        <p className="mt-2 text-slate-700">You did not submit a disclosure.</p>
      ) : view.noRelationships ? (
        <p className="mt-2 text-slate-700">{NO_RELATIONSHIPS_STATEMENT}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {view.relationships.map((row, index) => (
            <li key={index} className="px-4 py-3 text-slate-800">
              <span className="font-medium">{row.company}</span> · {NATURE_LABELS[row.nature]} · {row.ongoing}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const emptyRow = { company: "", nature: "", ongoing: "ongoing" };
type DisclosureFields = { answer: string; relationships: (typeof emptyRow)[] };

function AnswerForm({ view }: { view: View }) {
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  // Checked on the server only: Conform's list intents then always reach the action, with or without
  // JavaScript (a client-side check that failed kept "Add a relationship" from adding a row).
  const [form, fields] = useForm<DisclosureFields>({
    id: "disclosure",
    lastResult: actionData?.result as SubmissionResult<string[]> | undefined,
    defaultValue: {
      answer: view.submittedAt ? (view.noRelationships ? "none" : "some") : "",
      relationships: view.relationships.length ? view.relationships : [emptyRow],
    },
  });
  const relationships = fields.relationships.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset aria-describedby={fields.answer.errors?.length ? fields.answer.errorId : undefined}>
        <legend className="text-lg font-bold text-slate-900">Your answer</legend>
        <div className="mt-3 space-y-3">
          <label className="flex items-start gap-3 rounded-lg border border-slate-300 bg-white p-3">
            <input {...getInputProps(fields.answer, { type: "radio", value: "none" })} key={`${fields.answer.key}-none`} className="mt-1 h-5 w-5" />
            <span>{NO_RELATIONSHIPS_STATEMENT}</span>
          </label>
          <label className="flex items-start gap-3 rounded-lg border border-slate-300 bg-white p-3">
            <input {...getInputProps(fields.answer, { type: "radio", value: "some" })} key={`${fields.answer.key}-some`} className="mt-1 h-5 w-5" />
            <span>I have had financial relationships with ineligible companies in the past 24 months. I list them all below.</span>
          </label>
        </div>
        <ErrorList id={fields.answer.errorId} errors={fields.answer.errors} />
      </fieldset>

      <fieldset>
        <legend className="text-lg font-bold text-slate-900">Financial relationships</legend>
        <p className="mt-1 text-sm text-slate-600">Only when you have them: one row per company and nature of the relationship.</p>
        <ErrorList id={fields.relationships.errorId} errors={fields.relationships.errors} />
        <ol className="mt-3 space-y-4">
          {relationships.map((row, index) => {
            const cells = row.getFieldset();
            return (
              <li key={row.key} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="text-sm font-semibold text-slate-900">Relationship {index + 1}</h3>
                <div className="mt-2 grid gap-3 sm:grid-cols-2">
                  <div className="sm:col-span-2">
                    <label htmlFor={cells.company.id} className="block text-sm font-medium text-slate-800">
                      Ineligible company
                    </label>
                    <input
                      {...getInputProps(cells.company, { type: "text", ariaDescribedBy: cells.company.errors?.length ? cells.company.errorId : undefined })}
                      key={cells.company.key}
                      autoComplete="off"
                      className={controlClass(Boolean(cells.company.errors?.length))}
                    />
                    <ErrorList id={cells.company.errorId} errors={cells.company.errors} />
                  </div>
                  <div>
                    <label htmlFor={cells.nature.id} className="block text-sm font-medium text-slate-800">
                      Nature of the relationship
                    </label>
                    <select {...getSelectProps(cells.nature)} key={cells.nature.key} className={controlClass(Boolean(cells.nature.errors?.length))}>
                      <option value="">Choose…</option>
                      {Object.entries(NATURE_LABELS).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <ErrorList id={cells.nature.errorId} errors={cells.nature.errors} />
                  </div>
                  <fieldset>
                    <legend className="block text-sm font-medium text-slate-800">Ongoing or ended</legend>
                    <div className="mt-2 flex gap-4">
                      {(["ongoing", "ended"] as const).map((value) => (
                        <label key={value} className="flex items-center gap-2">
                          <input {...getInputProps(cells.ongoing, { type: "radio", value })} key={`${cells.ongoing.key}-${value}`} className="h-5 w-5" />
                          {value === "ongoing" ? "Ongoing" : "Ended (within the past 24 months)"}
                        </label>
                      ))}
                    </div>
                    <ErrorList id={cells.ongoing.errorId} errors={cells.ongoing.errors} />
                  </fieldset>
                </div>
                <button
                  {...form.remove.getButtonProps({ name: fields.relationships.name, index })}
                  className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
                >
                  Remove relationship {index + 1}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          {...form.insert.getButtonProps({ name: fields.relationships.name, defaultValue: emptyRow })}
          className="mt-3 rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50"
        >
          Add a relationship
        </button>
      </fieldset>

      <div className="border-t border-slate-200 pt-4">
        <SubmitButton pending={pending} pendingLabel="Saving…" className="w-full sm:w-auto">
          {view.submittedAt ? "Save changes" : "Submit my disclosure"}
        </SubmitButton>
        {view.until ? <p className="mt-2 text-sm text-slate-600">You can change your answer until your session starts ({view.until}).</p> : null}
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <PageError status={404} title="This disclosure link does not work" message={NOT_FOUND_MESSAGE} />;
  return <PageError status={500} title="Something went wrong" message="Your disclosure could not be shown. Please try again in a moment." />;
}
