// Starting an abstract: a POST that makes a draft (the author first and
// presenting) and opens it. Refused before the call opens and after it closes,
// with the reason as the page.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { startAbstract } from "~/models/abstracts/submission.server";
import { requireAuthorCall } from "~/server/abstract-author.server";
import { refusalStatus } from "~/server/refusal.server";
import { href } from "~/utils/href";

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(href.abstracts(params.meeting ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireAuthorCall(request, params);
  const outcome = await startAbstract(user, meeting);
  if (!outcome.ok) throw new Response(outcome.message, { status: refusalStatus(outcome) });
  return redirect(href.abstract(meeting.slug, outcome.id));
}

export default function NewAbstract() {
  return null;
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
