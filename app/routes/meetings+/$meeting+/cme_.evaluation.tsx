// The meeting's evaluation, for its registrants: answered on a phone or
// without JavaScript; the answers can be changed by answering again.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EvaluationPage } from "~/components/evaluation-form";
import { evaluationAction, evaluationLoader } from "~/server/evaluation-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.meeting.name}` : "Evaluation" }];

export const loader = (args: LoaderFunctionArgs) => evaluationLoader(args, "MEETING");
export const action = (args: ActionFunctionArgs) => evaluationAction(args, "MEETING");

export default function MeetingEvaluation() {
  const { meeting, title, ...form } = useLoaderData<typeof loader>();
  return <EvaluationPage meetingSlug={meeting.slug} heading={title} intro={`Your answers help the planners of ${meeting.name}. They are reported without your name.`} refused={useActionData<typeof action>()} {...form} />;
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
