// The meeting's evaluation, for its registrants: answered on a phone or
// without JavaScript; the answers can be changed by answering again.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EvaluationForm } from "~/components/evaluation-form";
import { pageWidthClass } from "~/components/page-width";
import { evaluationAction, evaluationLoader } from "~/server/evaluation-page.server";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.meeting.name}` : "Evaluation" }];

export const loader = (args: LoaderFunctionArgs) => evaluationLoader(args, "MEETING");
export const action = (args: ActionFunctionArgs) => evaluationAction(args, "MEETING");

export default function MeetingEvaluation() {
  const { meeting, title, questions, values, answeredBefore } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <Link to={href.myCme(meeting.slug)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        <span aria-hidden="true">← </span>My CME
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">
        {answeredBefore ? "You answered this already; your answers are below. Sending again replaces them." : `Your answers help the planners of ${meeting.name}. They are reported without your name.`}
      </p>
      <EvaluationForm questions={questions} values={refused?.values ?? values} errors={refused?.result.error ?? {}} submitLabel={answeredBefore ? "Update my answers" : "Send my evaluation"} />
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
