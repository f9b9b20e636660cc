// The presenter's answer to an acceptance: the submitter, signed in, confirms
// the abstract will be presented, or declines with a reason, until the call's
// deadline (shown in the meeting's zone). Someone else's abstract is a 404; a
// rejected or not yet notified one a 409 that says why. Works without JavaScript.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusBanner } from "~/components/console";
import { CardForm, SubmitButton, TextareaField, useIsPending, useSchemaForm } from "~/components/forms";
import { pageWidthClass } from "~/components/page-width";
import { presenterAnswerSchema } from "~/models/abstracts/decision-forms";
import { DECISION_LABEL } from "~/models/abstracts/decision-labels";
import { answerAcceptance, presenterConfirmation } from "~/models/abstracts/confirmation.server";
import { requireMeetingAndUser } from "~/server/meeting-page.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatMoment } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Confirm abstract ${data.abstract.number} · ${data.meeting.name}` : "Confirm your abstract" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const page = await presenterConfirmation(meeting, user.id, params.abstract ?? "");
  if (!page.ok) throw new Response(page.message, { status: refusalStatus(page) });
  const { abstract } = page;
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    abstract: {
      id: abstract.id,
      number: abstract.number,
      title: abstract.title,
      decision: DECISION_LABEL[abstract.decision!],
      confirmedAt: abstract.presenterConfirmedAt ? formatMoment(abstract.presenterConfirmedAt, meeting.timeZone) : null,
      declinedAt: abstract.presenterDeclinedAt ? formatMoment(abstract.presenterDeclinedAt, meeting.timeZone) : null,
    },
    deadline: page.deadline,
    open: page.open,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const submission = parseWithZod(await readFormData(request), { schema: presenterAnswerSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), message: null }, { status: 400 });
  const result = await answerAcceptance(meeting, user, params.abstract ?? "", submission.value);
  if (!result.ok) return data({ result: refusalReply(result, submission), message: null }, { status: refusalStatus(result) });
  return { result: submission.reply({ resetForm: true }), message: submission.value.answer === "confirm" ? "Thank you: your place is confirmed." : "Your place is declined; the committee has been told." };
}

export default function ConfirmAbstract() {
  const { meeting, abstract, deadline, open } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const pending = useIsPending();
  const [form, fields] = useSchemaForm(presenterAnswerSchema, { id: "answer", lastResult: outcome?.result, shouldRevalidate: "onBlur" });
  return (
    <div className={`${pageWidthClass} max-w-2xl space-y-6 px-4 py-6 sm:px-6 sm:py-8`}>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Confirm your presentation</h1>
        <p className="mt-2 text-slate-700">
          Abstract {abstract.number}, “{abstract.title}”, is accepted as {abstract.decision.toLowerCase()} at {meeting.name}.
        </p>
        {deadline ? <p className="mt-1 text-slate-700">Answer by {deadline}.</p> : null}
      </div>
      {outcome?.message ? (
        <StatusBanner key={outcome.message} outcome tone="success">
          {outcome.message}
        </StatusBanner>
      ) : null}
      {abstract.declinedAt ? <StatusBanner tone="info">You declined this place on {abstract.declinedAt}.</StatusBanner> : null}
      {abstract.confirmedAt ? <StatusBanner tone="success">You confirmed on {abstract.confirmedAt}.</StatusBanner> : null}
      {open ? (
        <CardForm form={form}>
          {abstract.confirmedAt ? null : (
            <div>
              <SubmitButton pending={pending} pendingLabel="Saving…" name="answer" value="confirm" formNoValidate>
                Confirm: the presenting author will present
              </SubmitButton>
            </div>
          )}
          <div className="space-y-3 border-t border-slate-200 pt-4">
            <TextareaField meta={fields.reason} label="If the presenter cannot come, tell the committee why" rows={3} />
            <SubmitButton pending={pending} pendingLabel="Saving…" variant="danger" name="answer" value="decline" formNoValidate>
              Decline the place
            </SubmitButton>
          </div>
        </CardForm>
      ) : abstract.declinedAt ? null : (
        <StatusBanner tone="warning">Answers are closed. Write to the organizers if the presenter cannot come.</StatusBanner>
      )}
      <p>
        <Link to={href.abstracts(meeting.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to your abstracts
        </Link>
      </p>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
