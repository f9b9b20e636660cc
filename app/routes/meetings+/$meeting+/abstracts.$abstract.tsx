// An author's abstract: the form (autosaved with JavaScript, "Save draft"
// without), submit, and withdraw with a confirm step. Only its submitter sees
// it; anyone else gets the 404 of an address that holds nothing.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { AbstractForm, type FieldErrors } from "~/components/abstract-form";
import { Badge, StatusBanner } from "~/components/console";
import { pageWidthClass } from "~/components/page-width";
import { TitledSection } from "~/components/titled-section";
import { applyAuthorIntent, fieldName, formValuesOf, rawAbstractForm, readAbstractForm, type RawAbstractForm } from "~/models/abstracts/submission";
import { saveAbstract, withdrawAbstract } from "~/models/abstracts/submission.server";
import { writingWindow } from "~/models/abstracts/window";
import { type Refusal } from "~/models/refusal";
import { requireAuthorCall, requireMyAbstract } from "~/server/abstract-author.server";
import { refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.abstract.number ? `Abstract ${data.abstract.number}` : "Draft abstract"} · ${data.meeting.name}` : "Abstract" }];

const DONE: Record<string, string> = {
  saved: "Your draft is saved.",
  submitted: "Your abstract is submitted. A confirmation is on its way to your e-mail.",
  withdrawn: "Your abstract is withdrawn.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, call, abstract } = await requireMyAbstract(request, params);
  const query = new URL(request.url).searchParams;
  const window = writingWindow(call, meeting.timeZone, new Date(), { submitted: abstract.status === "SUBMITTED", lateBreaking: abstract.lateBreaking });
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    call: { sections: call.sections, topics: call.topics, maxAuthors: call.maxAuthors, totalCharacterLimit: call.totalCharacterLimit },
    abstract: { id: abstract.id, number: abstract.number, status: abstract.status, lateBreaking: abstract.lateBreaking, withdrawable: abstract.status !== "WITHDRAWN" && !abstract.notifiedAt },
    values: formValuesOf(abstract),
    editable: window.ok && abstract.status !== "WITHDRAWN",
    closed: window.ok ? null : window.message,
    done: DONE[query.get("done") ?? ""] ?? null,
    confirmWithdraw: query.has("withdraw"),
  };
}

// An autosave changes nothing the page shows but the revision, which its reply carries: reloading the page's data after each would double every autosave's cost.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => (formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate);

type Reply = { ok: false; code: Refusal["code"]; message: string; errors: FieldErrors; values: RawAbstractForm | null };

function refused(refusal: Refusal, values: RawAbstractForm | null) {
  const errors: FieldErrors = {};
  for (const problem of [{ field: refusal.field ?? "", message: refusal.message }, ...(refusal.also ?? [])]) errors[problem.field] = [...(errors[problem.field] ?? []), problem.message];
  return data<Reply>({ ok: false, code: refusal.code, message: refusal.message, errors, values }, { status: refusalStatus(refusal) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The verbs find the abstract among the caller's own (404 otherwise); the call is read once here.
  const { meeting, user, call } = await requireAuthorCall(request, params);
  const abstract = { id: params.abstract ?? "" };
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "save");
  if (intent === "withdraw") {
    const outcome = await withdrawAbstract(user, meeting, abstract.id);
    if (!outcome.ok) return refused(outcome, null);
    return redirect(href.abstract(meeting.slug, abstract.id, { done: "withdrawn" }));
  }
  const keys = call.sections.map((section) => section.key);
  const raw = rawAbstractForm(formData, keys);
  const parsed = readAbstractForm(formData, keys);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[fieldName(issue.path)] = [...(errors[fieldName(issue.path)] ?? []), issue.message];
    return data<Reply>({ ok: false, code: "INVALID", message: "Some fields need another look.", errors, values: raw }, { status: 400 });
  }
  let form = parsed.data;
  const authorChange = applyAuthorIntent(intent, form.authors, form.presenting);
  if (authorChange) form = { ...form, ...authorChange };
  const outcome = await saveAbstract(user, meeting, abstract.id, form, { submit: intent === "submit", call });
  if (!outcome.ok) return refused(outcome, { ...raw, authors: form.authors, presenting: String(form.presenting) });
  if (intent === "autosave") return data({ ok: true as const, revision: outcome.revision, savedAt: formatTime(outcome.savedAt, meeting.timeZone) });
  if (authorChange) return redirect(`${href.abstract(meeting.slug, abstract.id)}#authors`);
  return redirect(href.abstract(meeting.slug, abstract.id, { done: outcome.submittedNow ? "submitted" : "saved" }));
}

export default function AbstractPage() {
  const { meeting, call, abstract, values, editable, closed, done, confirmWithdraw } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const failed = reply && !reply.ok ? reply : null;
  return (
    <div className={`${pageWidthClass} max-w-3xl px-4 py-6 sm:px-6 sm:py-8`}>
      <p>
        <Link to={href.abstracts(meeting.slug)} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← My abstracts
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{abstract.number ? `Abstract ${abstract.number}` : "Draft abstract"}</h1>
      <p className="mt-1 flex flex-wrap gap-2">
        <Badge tone={abstract.status === "SUBMITTED" ? "emerald" : abstract.status === "WITHDRAWN" ? "red" : "amber"}>{abstract.status === "SUBMITTED" ? "Submitted" : abstract.status === "WITHDRAWN" ? "Withdrawn" : "Draft"}</Badge>
        {abstract.lateBreaking ? <Badge tone="brand">Late-breaking</Badge> : null}
      </p>
      <div className="mt-4 space-y-3">
        {done ? (
          <StatusBanner key={done} outcome tone="success">
            {done}
          </StatusBanner>
        ) : null}
        {failed ? (
          <StatusBanner key={failed.message} outcome tone="error">
            {failed.message}
          </StatusBanner>
        ) : null}
        {closed && abstract.status !== "WITHDRAWN" ? <StatusBanner tone="info">{closed} It can no longer be changed.</StatusBanner> : null}
        {abstract.status === "SUBMITTED" && editable ? <StatusBanner tone="info">It stays submitted while you edit it; changes are saved as yours until the deadline.</StatusBanner> : null}
      </div>
      <div className="mt-6">
        <AbstractForm key={failed?.values ? "reply" : values.revision} meeting={meeting.slug} abstractId={abstract.id} call={call} values={failed?.values ?? values} errors={failed?.errors ?? {}} editable={editable} submitted={abstract.status === "SUBMITTED"} />
      </div>
      {!editable ? (
        <p className="mt-4">
          <Link to={href.abstractPreview(meeting.slug, abstract.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            See it as printed
          </Link>
        </p>
      ) : null}
      {abstract.withdrawable ? (
        <TitledSection id="withdraw" title="Withdraw" className="mt-10 border-t border-slate-200 pt-4">
          {confirmWithdraw ? (
            <Form method="post" className="mt-2 space-y-3">
              <p className="text-slate-700">Withdraw this abstract for good? It will not be reviewed{abstract.number ? `, and number ${abstract.number} is not given again` : ""}.</p>
              <div className="flex flex-wrap gap-3">
                <button type="submit" name="intent" value="withdraw" className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
                  Yes, withdraw it
                </button>
                <Link to={href.abstract(meeting.slug, abstract.id)} className="self-center font-medium text-brand-700 underline-offset-2 hover:underline">
                  Keep it
                </Link>
              </div>
            </Form>
          ) : (
            <p className="mt-2">
              <Link to={href.abstract(meeting.slug, abstract.id, { withdraw: "1" })} className="font-medium text-red-700 underline-offset-2 hover:underline">
                Withdraw this abstract…
              </Link>
            </p>
          )}
        </TitledSection>
      ) : null}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
