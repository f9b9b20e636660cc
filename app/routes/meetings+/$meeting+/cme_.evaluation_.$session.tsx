// A session's evaluation, for those whose attendance at it is recorded.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EvaluationPage } from "~/components/evaluation-form";
import { evaluationAction, evaluationLoader } from "~/server/evaluation-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.session ? `Evaluate “${data.session.title}” · ${data.meeting.name}` : "Evaluation" }];

export const loader = (args: LoaderFunctionArgs) => evaluationLoader(args, "SESSION");
export const action = (args: ActionFunctionArgs) => evaluationAction(args, "SESSION");

export default function SessionEvaluation() {
  const { meeting, session, title: _title, ...form } = useLoaderData<typeof loader>();
  return <EvaluationPage meetingSlug={meeting.slug} heading={`Evaluate “${session!.title}”`} intro="Your answers are reported to the planners without your name." refused={useActionData<typeof action>()} {...form} />;
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
