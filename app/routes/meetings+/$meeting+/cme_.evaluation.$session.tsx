// A session's evaluation, for those whose attendance at it is recorded.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EvaluationForm } from "~/components/evaluation-form";
import { pageWidthClass } from "~/components/page-width";
import { evaluationAction, evaluationLoader } from "~/server/evaluation-page.server";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.session ? `Evaluate “${data.session.title}” · ${data.meeting.name}` : "Evaluation" }];

export const loader = (args: LoaderFunctionArgs) => evaluationLoader(args, "SESSION");
export const action = (args: ActionFunctionArgs) => evaluationAction(args, "SESSION");

export default function SessionEvaluation() {
  const { meeting, session, questions, values, answeredBefore } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <Link to={href.myCme(meeting.slug)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        <span aria-hidden="true">← </span>My CME
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Evaluate “{session!.title}”</h1>
      <p className="mt-2 max-w-prose text-slate-700">
        {answeredBefore ? "You evaluated this session already; your answers are below. Sending again replaces them." : "Your answers are reported to the planners without your name."}
      </p>
      <EvaluationForm questions={questions} values={refused?.values ?? values} errors={refused?.result.error ?? {}} submitLabel={answeredBefore ? "Update my answers" : "Send my evaluation"} />
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
