// The verification queue: trainees' and students' proofs, oldest first, each with
// its documents and institutional address, to approve or decline with a reason
// the registrant reads. Only the meeting's organizers (and admins).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsolePage, StatusBanner } from "~/components/console";
import { FormErrors, useSchemaForm } from "~/components/forms";
import { PROOF_DECISION_MESSAGES, ProofDecisionFields, ProofList, toProofDocuments } from "~/components/proof-review";
import { verificationQueue } from "~/models/registration/console.server";
import { ReviewSchema } from "~/models/registration/forms";
import { decideProof } from "~/models/registration/verification.server";
import { readFormData } from "~/utils/form-data.server";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalResponse } from "~/server/refusal.server";
import { href } from "~/utils/href";
import { formatDate } from "~/utils/time";
import { consoleMeta } from "~/components/console-meta";

export const meta = consoleMeta("Verification queue");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const queue = await verificationQueue(meeting.id);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    queue: queue.map((entry) => ({
      id: entry.id,
      code: entry.code,
      name: entry.user.name,
      email: entry.user.email,
      category: entry.category.name,
      registeredOn: formatDate(entry.createdAt, meeting.timeZone),
      institutionalEmail: entry.institutionalEmail,
      institutionalEmailConfirmed: entry.institutionalEmailConfirmedAt !== null,
      documents: toProofDocuments(entry.documents),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ReviewSchema });
  const formId = `review-${String(formData.get("registration") ?? "")}`;
  if (submission.status !== "success") return data({ formId, result: submission.reply(), message: null }, { status: 400 });
  const outcome = await decideProof(submission.value, { meetingId: meeting.id, registrationId: submission.value.registration, reviewerId: user.id });
  if (!outcome.ok) return refusalResponse(outcome, submission, { formId, message: null });
  return { formId, result: submission.reply({ resetForm: true }), message: PROOF_DECISION_MESSAGES[submission.value.intent] };
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["queue"][number];

function ReviewCard({ entry, meetingSlug, lastResult }: { entry: Entry; meetingSlug: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useSchemaForm(ReviewSchema, {
    id: `review-${entry.id}`,
    lastResult,
    shouldValidate: "onSubmit",
  });
  const headingId = `review-${entry.id}-name`;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <article aria-labelledby={headingId}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={headingId} className="text-lg font-bold text-slate-900">
            <Link to={href.organize.registration(meetingSlug, entry.id)} className="hover:underline">
              {entry.name}
            </Link>
          </h2>
          <span className="text-sm text-slate-600">
            {entry.category} · registered {entry.registeredOn}
          </span>
        </div>
        <p className="text-sm text-slate-600">
          {entry.email} · <span className="font-mono">{entry.code}</span>
        </p>
        <ProofList
          meetingSlug={meetingSlug}
          documents={entry.documents}
          institutionalEmail={entry.institutionalEmail}
          institutionalEmailConfirmed={entry.institutionalEmailConfirmed}
          className="mt-3"
        />
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="registration" value={entry.id} />
          <ProofDecisionFields reason={fields.reason} reasonHint="The registrant reads this, e.g. “The letter must be dated within the last year.”" />
        </Form>
      </article>
    </li>
  );
}

export default function VerificationQueue() {
  const { meeting, queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <ConsolePage
      title="Verification queue"
      intro="Residents, fellows, scientists-in-training and medical students prove their status before their registration is confirmed."
      up={{ to: href.organize.registrations(meeting.slug), label: "All registrations" }}
    >
      {actionData?.message ? <StatusBanner key={actionData.message} outcome tone="success">{actionData.message}</StatusBanner> : null}
      {queue.length ? (
        <ul className="mt-4 space-y-4">
          {queue.map((entry) => (
            <ReviewCard key={entry.id} entry={entry} meetingSlug={meeting.slug} lastResult={actionData?.formId === `review-${entry.id}` ? actionData.result : undefined} />
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-slate-700">Nothing to review: every proof has been handled.</p>
      )}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
