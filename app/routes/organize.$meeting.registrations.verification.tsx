// The verification queue: trainees' and students' proofs, oldest first, each with
// its documents and institutional address, to approve or decline with a reason
// the registrant reads. Only the meeting's organizers (and admins).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsolePage, linkClass, StatusBanner, TextareaField } from "~/components/console";
import { ConsoleErrorBoundary } from "~/components/console-error";
import { FormErrors, SubmitButton, useIsPending } from "~/components/forms";
import { getMeeting } from "~/models/meeting.server";
import { verificationQueue } from "~/models/registration-console.server";
import { ReviewSchema } from "~/models/registration-forms";
import { approveVerification, rejectVerification } from "~/models/registration-verification.server";
import { requireMeetingRole } from "~/utils/auth.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Verification queue · ${data.meeting.name}` : "Verification queue" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

async function requireOrganizerOf(request: Request, slug: string | undefined) {
  const meeting = await getMeeting(slug ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  const user = await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  return { meeting, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizerOf(request, params.meeting);
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
      documents: entry.documents.map((document) => ({ id: document.id, fileName: document.fileName, kind: document.contentType === "application/pdf" ? "PDF" : "image", kilobytes: Math.max(1, Math.round(document.size / 1024)) })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizerOf(request, params.meeting);
  const formData = await request.formData().catch(() => {
    throw new Response("Expected a form submission.", { status: 400 });
  });
  const submission = parseWithZod(formData, { schema: ReviewSchema });
  const formId = `review-${String(formData.get("registration") ?? "")}`;
  if (submission.status !== "success") return data({ formId, result: submission.reply(), message: null }, { status: 400 });
  const { intent, registration } = submission.value;
  const outcome =
    intent === "approve"
      ? await approveVerification({ meetingId: meeting.id, registrationId: registration, reviewerId: user.id })
      : await rejectVerification({ meetingId: meeting.id, registrationId: registration, reviewerId: user.id, reason: submission.value.reason });
  if (!outcome.ok) return data({ formId, result: submission.reply({ formErrors: [outcome.message] }), message: null }, { status: 409 });
  return { formId, result: submission.reply({ resetForm: true }), message: intent === "approve" ? "Approved: the registration is confirmed and the registrant was e-mailed." : "Declined: the registrant was e-mailed your reason." };
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["queue"][number];

function ReviewCard({ entry, meetingSlug, lastResult }: { entry: Entry; meetingSlug: string; lastResult?: SubmissionResult<string[]> }) {
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: `review-${entry.id}`,
    lastResult,
    constraint: getZodConstraint(ReviewSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
    shouldValidate: "onSubmit",
  });
  const headingId = `review-${entry.id}-name`;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <article aria-labelledby={headingId}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={headingId} className="text-lg font-bold text-slate-900">
            <Link to={`/organize/${meetingSlug}/registrations/${entry.id}`} className="hover:underline">
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
        <ul className="mt-3 space-y-1 text-sm">
          {entry.documents.map((document) => (
            <li key={document.id}>
              <a href={`/meetings/${meetingSlug}/registration/documents/${document.id}`} className={linkClass} target="_blank" rel="noreferrer">
                {document.fileName}
              </a>{" "}
              <span className="text-slate-600">
                ({document.kind}, {document.kilobytes} KB)
              </span>
            </li>
          ))}
          {entry.institutionalEmail ? (
            <li>
              Institutional e-mail <span className="font-medium">{entry.institutionalEmail}</span>:{" "}
              {entry.institutionalEmailConfirmed ? <span className="font-semibold text-emerald-800">confirmed by its owner</span> : <span className="text-amber-900">link not yet followed</span>}
            </li>
          ) : null}
          {!entry.documents.length && !entry.institutionalEmail ? <li className="text-slate-600">No proof sent.</li> : null}
        </ul>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="registration" value={entry.id} />
          <TextareaField meta={fields.reason} label="Reason, if you decline" hint="The registrant reads this, e.g. “The letter must be dated within the last year.”" rows={2} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton name="intent" value="approve" pending={pending} pendingLabel="Saving…">
              Approve
            </SubmitButton>
            <SubmitButton name="intent" value="reject" variant="danger" pendingLabel="Saving…">
              Decline
            </SubmitButton>
          </div>
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
      actions={
        <Link to={`/organize/${meeting.slug}/registrations`} className={linkClass}>
          All registrations
        </Link>
      }
    >
      {actionData?.message ? <StatusBanner tone="success">{actionData.message}</StatusBanner> : null}
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

export function ErrorBoundary() {
  return <ConsoleErrorBoundary />;
}
