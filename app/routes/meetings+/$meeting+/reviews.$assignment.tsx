// One assignment, for its reviewer: the blind abstract (the loader never reads
// its authors, so no name or institution reaches the browser), the rubric and
// the review so far. Save draft, Submit review (editable until decisions are
// notified), or Declare a conflict. Another reviewer's assignment, or one
// removed or conflicted, is a 404 and nothing is written.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AbstractText } from "~/components/abstract-text";
import { pageWidthClass } from "~/components/page-width";
import { ConflictForm, ReviewForm } from "~/components/review-form";
import { ConflictFormSchema, REVIEW_STATUS_LABELS, ReviewFormSchema } from "~/models/abstracts/review-form";
import { declareConflict, myAssignment, saveReview } from "~/models/abstracts/review.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { requireReviewer } from "~/server/reviewer.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Review ${data.abstract.number ?? ""} · ${data.meeting.name}` : "Review" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const NOT_FOUND = "There is no review of yours at this address: the abstract may have been reassigned.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireReviewer(request, params);
  const assignment = await myAssignment(user.id, meeting.id, params.assignment ?? "");
  if (!assignment) throw new Response(NOT_FOUND, { status: 404 });
  return { meeting: { slug: meeting.slug, name: meeting.name }, ...assignment };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireReviewer(request, params);
  const assignmentId = params.assignment ?? "";
  const formData = await readFormData(request);
  if (formData.get("intent") === "conflict") {
    const submission = parseWithZod(formData, { schema: ConflictFormSchema });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const result = await declareConflict(user, meeting.id, assignmentId, submission.value.note);
    if (!result.ok) return data({ result: refusalReply(result, submission) }, { status: refusalStatus(result) });
    return redirect(href.reviews(meeting.slug, { done: "conflict" }));
  }
  const submission = parseWithZod(formData, { schema: ReviewFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { intent, scores, recommendation, commentToCommittee, commentToAuthors } = submission.value;
  const result = await saveReview(
    user.id,
    meeting.id,
    assignmentId,
    { scores: scores ?? {}, recommendation: recommendation ?? null, commentToCommittee: commentToCommittee ?? "", commentToAuthors: commentToAuthors ?? "" },
    { submit: intent === "submit" },
  );
  if (!result.ok) return data({ result: refusalReply(result, submission) }, { status: refusalStatus(result) });
  return redirect(href.reviews(meeting.slug, { done: intent === "submit" ? "submitted" : "draft" }));
}

export default function ReviewPage() {
  const { meeting, abstract, criteria, review, status, editable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error ?? undefined;
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <p className="text-sm">
        <Link to={href.reviews(meeting.slug)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          ← My reviews
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Review · {REVIEW_STATUS_LABELS[status]}</h1>
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <AbstractText blind abstract={abstract} />
        </div>
        <section aria-labelledby="review-heading" className="space-y-6">
          <h2 id="review-heading" className="text-lg font-bold text-slate-900">
            Your review
          </h2>
          <ReviewForm criteria={criteria} review={review} submitted={status === "submitted"} editable={editable} errors={errors} />
          {editable ? <ConflictForm errors={errors} /> : null}
        </section>
      </div>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
