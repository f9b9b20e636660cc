// The attendee's own registration: its state, what was bought, receipts (with a
// printable version), the QR code for check-in, cancellation within the refund
// policy, an open checkout to finish or leave, and — after a declined proof —
// a new proof or another category with the difference to pay.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, SubmitButton, useIsPending, useSchemaForm } from "~/components/forms";
import type { ProgramHandle } from "../$meeting+/_layout";
import { ReceiptTable, toReceiptOrders } from "~/components/registration-receipt";
import { cancelOwnRegistration, previewCancellation } from "~/models/registration/cancel.server";
import { startCategoryChange } from "~/models/registration/category-change.server";
import { abandonCheckout } from "~/models/registration/checkout.server";
import { OwnRegistrationSchema, PROOF_ACCEPT } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, describeRefundPolicy, formatMoney } from "~/models/registration/pricing";
import { readProof } from "~/models/registration/proof.server";
import { checkInQr, getOwnRegistration, isConfirmed, listCategories, registrationStateLabel } from "~/models/registration/registration.server";
import { refuse } from "~/models/refusal";
import { requireUser } from "~/server/auth.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { refusalResponse } from "~/server/refusal.server";
import { href } from "~/utils/href";
import { formatDate, formatTime } from "~/utils/time";
import { PROOF_PROBLEM_MESSAGES, readProofForm } from "~/utils/upload.server";
import { Fact, Facts } from "~/components/facts";

// Times here are in the meeting's own zone; the zone switch belongs to the program pages.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Your registration · ${data.meeting.name}` : "Your registration" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await requireMeeting(params);
  const registration = await getOwnRegistration(user.id, meeting.id);
  if (!registration) return { meeting: { slug: meeting.slug, name: meeting.name }, registration: null };
  const zone = registration.meeting.timeZone;
  const currency = registration.meeting.currency;
  const openOrder = registration.orders.find((order) => order.status === "OPEN" && order.expiresAt > new Date());
  const processing = registration.orders.some((order) => order.status === "PROCESSING");
  const cancellation = registration.status === "ACTIVE" ? previewCancellation(registration) : null;
  const qr = await checkInQr(registration);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    registration: {
      id: registration.id,
      code: registration.code,
      status: registration.status,
      state: registrationStateLabel(registration),
      confirmed: isConfirmed(registration),
      verification: registration.verification,
      rejectionReason: registration.rejectionReason,
      category: registration.category.name,
      categorySlug: registration.category.slug,
      requiresProof: registration.category.requiresProof,
      attendance: ATTENDANCE_LABELS[registration.attendance],
      memberPricing: registration.memberPricing,
      comped: registration.comped,
      registeredOn: formatDate(registration.createdAt, zone),
      cancelledOn: registration.cancelledAt ? formatDate(registration.cancelledAt, zone) : null,
      proofMethod: registration.proofMethod,
      institutionalEmail: registration.institutionalEmail,
      institutionalEmailConfirmed: registration.institutionalEmailConfirmedAt !== null,
      documents: registration.documents.map((document) => ({ id: document.id, fileName: document.fileName })),
      openOrder: openOrder ? { id: openOrder.id, total: formatMoney(openOrder.total, currency), url: openOrder.checkoutUrl, until: formatTime(openOrder.expiresAt, zone) } : null,
      processing,
      receipts: toReceiptOrders(registration.orders, zone),
      qr,
      cancellation: cancellation ? { refund: formatMoney(cancellation.amount, currency), fee: formatMoney(cancellation.fee, currency), band: cancellation.band, paid: cancellation.refundable > 0 } : null,
      policy: describeRefundPolicy(registration.meeting.registrationPolicy, currency),
    },
    categories: registration.verification === "REJECTED" ? await listCategories(meeting.id) : [],
    user: { email: user.email },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await requireMeeting(params);
  const registration = await getOwnRegistration(user.id, meeting.id);
  if (!registration) throw new Response("You have no registration for this meeting.", { status: 404 });
  const form = await readProofForm(request);
  if (!form.ok) return refusalResponse(refuse("INVALID", PROOF_PROBLEM_MESSAGES["too-large"], "proofDocument"));
  const submission = parseWithZod(form.formData, { schema: OwnRegistrationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const values = submission.value;
  const done = (what: string) => redirect(href.registration(meeting.slug, { done: what }));

  if (values.intent === "cancel") {
    const outcome = await cancelOwnRegistration(registration.id, user.id);
    if (!outcome.ok) return refusalResponse(outcome, submission);
    return done(registration.status === "AWAITING_PAYMENT" ? "checkout-closed" : "cancelled");
  }
  if (values.intent === "abandon-checkout") {
    await abandonCheckout(values.order, user.id);
    return done("checkout-closed");
  }
  const read = await readProof(values, form.formData.get("proofDocument"));
  if (!read.ok) return refusalResponse(read, submission);
  const outcome = await startCategoryChange({ registrationId: registration.id, userId: user.id, userEmail: user.email, categorySlug: values.category, proof: read.proof });
  if (!outcome.ok) return refusalResponse(outcome, submission);
  return outcome.total > 0 ? redirect(outcome.redirectTo) : done("resubmitted");
}

const DONE_MESSAGES: Record<string, string> = {
  cancelled: "Your registration is cancelled. We e-mailed you a confirmation.",
  "checkout-closed": "Your checkout is closed and nothing was charged. Any seats you chose were released.",
  resubmitted: "Thank you. Your registration is back in the organizers' review queue.",
};

const STATE_STYLES: Record<string, string> = {
  Confirmed: "bg-emerald-100 text-emerald-900",
  "Pending verification": "bg-amber-100 text-amber-950",
  "Verification declined": "bg-red-100 text-red-900",
  "Awaiting payment": "bg-brand-100 text-brand-900",
  Cancelled: "bg-slate-200 text-slate-800",
  "Checkout not completed": "bg-slate-200 text-slate-800",
};

export default function OwnRegistrationPage() {
  const { meeting, registration, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useIsPending();
  const [form, fields] = useSchemaForm(OwnRegistrationSchema, {
    id: "own-registration",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    defaultValue: { category: registration?.categorySlug },
  });
  const done = DONE_MESSAGES[searchParams.get("done") ?? ""];
  const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";

  if (!registration || registration.status === "EXPIRED" || registration.status === "CANCELLED") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-6 sm:px-6 sm:py-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Your registration</h1>
        {done ? <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">{done}</p> : null}
        {registration?.status === "CANCELLED" ? (
          <section aria-labelledby="cancelled-heading" className={`mt-6 ${card}`}>
            <h2 id="cancelled-heading" className="text-lg font-bold text-slate-900">
              Registration {registration.code} was cancelled on {registration.cancelledOn}
            </h2>
            <div className="mt-4 space-y-6">
              {registration.receipts.map((order) => (
                <ReceiptTable key={order.id} order={order} />
              ))}
            </div>
            <p className="mt-4 text-sm">
              <Link to={href.receipt(meeting.slug)} className="font-medium text-brand-700 underline">
                Printable receipt
              </Link>
            </p>
          </section>
        ) : null}
        <p className="mt-6 text-slate-700">You are not registered for {meeting.name}.</p>
        <Link to={href.register(meeting.slug)} className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Register now
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 sm:px-6 sm:py-8">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Your registration</h1>
        <span className={`rounded-full px-3 py-1 text-sm font-semibold ${STATE_STYLES[registration.state] ?? ""}`}>{registration.state}</span>
      </div>
      {done ? <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">{done}</p> : null}
      <div className="mt-4">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>

      {registration.openOrder ? (
        <section aria-labelledby="checkout-heading" className="mt-6 rounded-xl border border-brand-100 bg-brand-50 p-4 sm:p-6">
          <h2 id="checkout-heading" className="text-lg font-bold text-slate-900">
            Finish your payment
          </h2>
          <p className="mt-1 text-slate-700">
            Your checkout for {registration.openOrder.total} is open until {registration.openOrder.until}; your seats are held until then.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            {registration.openOrder.url ? (
              <a href={registration.openOrder.url} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                Continue to payment
              </a>
            ) : null}
            <Form method="post">
              <input type="hidden" name="order" value={registration.openOrder.id} />
              <SubmitButton name="intent" value="abandon-checkout" variant="secondary" pending={pending} pendingLabel="Closing…">
                Cancel this checkout
              </SubmitButton>
            </Form>
          </div>
        </section>
      ) : null}
      {registration.processing ? (
        <p role="status" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
          Your bank payment is on its way. We e-mail you as soon as it arrives; your seats are held until then.
        </p>
      ) : null}

      {registration.status === "ACTIVE" ? (
        <section aria-labelledby="badge-heading" className={`mt-6 ${card} grid gap-6 sm:grid-cols-[1fr_auto]`}>
          <div>
            <h2 id="badge-heading" className="text-lg font-bold text-slate-900">
              {meeting.name}
            </h2>
            <Facts className="mt-3 gap-y-1.5 text-sm">
              <Fact label="Registration code"><span className="font-mono font-semibold">{registration.code}</span></Fact>
              <Fact label="Category">{`${registration.category}${registration.memberPricing ? " (member rate)" : ""}${registration.comped ? " · complimentary" : ""}`}</Fact>
              <Fact label="Attendance">{registration.attendance}</Fact>
              <Fact label="Registered">{registration.registeredOn}</Fact>
            </Facts>
            {registration.confirmed ? (
              <p className="mt-4 text-sm text-slate-700">Show this QR code at check-in, on your phone or printed. It gives you the live sessions and Q&amp;A too.</p>
            ) : (
              <p className="mt-4 text-sm text-slate-700">Your QR code works once your registration is confirmed.</p>
            )}
          </div>
          {registration.qr ? (
            <div
              role="img"
              aria-label={`QR code of registration ${registration.code}`}
              className="mx-auto h-40 w-40 [&>svg]:h-full [&>svg]:w-full"
              dangerouslySetInnerHTML={{ __html: registration.qr }}
            />
          ) : null}
        </section>
      ) : null}

      {registration.requiresProof && registration.status === "ACTIVE" ? (
        <section aria-labelledby="verification-heading" className={`mt-6 ${card}`}>
          <h2 id="verification-heading" className="text-lg font-bold text-slate-900">
            Verification
          </h2>
          {registration.verification === "PENDING" ? (
            <p className="mt-1 text-slate-700">An organizer is reviewing your proof of {registration.category} status. We e-mail you when it is done.</p>
          ) : registration.verification === "APPROVED" ? (
            <p className="mt-1 text-slate-700">Your proof was approved.</p>
          ) : null}
          <ul className="mt-3 space-y-1 text-sm">
            {registration.documents.map((document) => (
              <li key={document.id}>
                Document:{" "}
                <a href={href.registrationDocument(meeting.slug, document.id)} className="font-medium text-brand-700 underline">
                  {document.fileName}
                </a>
              </li>
            ))}
            {registration.institutionalEmail ? (
              <li>
                Institutional e-mail: {registration.institutionalEmail} ({registration.institutionalEmailConfirmed ? "confirmed" : "we sent it a link to confirm"})
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {registration.verification === "REJECTED" && registration.status === "ACTIVE" ? (
        <section aria-labelledby="declined-heading" className="mt-6 rounded-xl border border-red-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="declined-heading" className="text-lg font-bold text-red-900">
            Your proof was not accepted
          </h2>
          <p className="mt-1 text-slate-700">The organizers wrote:</p>
          <blockquote className="mt-2 border-l-4 border-red-200 pl-3 whitespace-pre-line text-slate-900">{registration.rejectionReason}</blockquote>
          <p className="mt-3 text-slate-700">Send a new proof, or choose another category; you pay only the difference.</p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="change-category" />
            <SelectField meta={fields.category} label="Category" options={categories.map((category) => ({ value: category.slug, label: `${category.name}${category.requiresProof ? " (needs proof)" : ""}` }))} />
            <fieldset className="rounded-lg border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold text-slate-800">New proof (for categories that need it)</legend>
              <ErrorList id={fields.proofMethod.errorId} errors={fields.proofMethod.errors} />
              <label className="mt-2 flex items-center gap-2 text-sm font-medium">
                <input type="radio" name="proofMethod" value="DOCUMENT" className="h-4 w-4 accent-brand-700" /> Upload a document
              </label>
              <label htmlFor="change-document" className="mt-2 block text-sm text-slate-700">
                Document (PDF, PNG or JPEG, up to 5 MB)
              </label>
              <input id="change-document" type="file" name="proofDocument" accept={PROOF_ACCEPT} className="mt-1 block w-full text-sm" />
              <ErrorList id={fields.proofDocument.errorId} errors={fields.proofDocument.errors} />
              <label className="mt-3 flex items-center gap-2 text-sm font-medium">
                <input type="radio" name="proofMethod" value="INSTITUTIONAL_EMAIL" className="h-4 w-4 accent-brand-700" /> Use my institutional e-mail
              </label>
              <label htmlFor="change-email" className="mt-2 block text-sm text-slate-700">
                Institutional e-mail address
              </label>
              <input id="change-email" type="email" name="institutionalEmail" className="mt-1 block w-full rounded-md border border-slate-500 px-3 py-2" />
              <ErrorList id={fields.institutionalEmail.errorId} errors={fields.institutionalEmail.errors} />
            </fieldset>
            <SubmitButton pending={pending} pendingLabel="Sending…">
              Send
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {registration.receipts.length ? (
        <section aria-labelledby="receipts-heading" className={`mt-6 ${card}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="receipts-heading" className="text-lg font-bold text-slate-900">
              Receipt
            </h2>
            <Link to={href.receipt(meeting.slug)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
              Printable receipt
            </Link>
          </div>
          <div className="mt-3 space-y-6">
            {registration.receipts.map((order) => (
              <ReceiptTable key={order.id} order={order} />
            ))}
          </div>
        </section>
      ) : null}

      {registration.cancellation ? (
        <section aria-labelledby="cancel-heading" className={`mt-6 ${card}`}>
          <h2 id="cancel-heading" className="text-lg font-bold text-slate-900">
            Cancel your registration
          </h2>
          <p className="mt-1 text-sm text-slate-700">{registration.policy}</p>
          <p className="mt-2 text-slate-800">
            {!registration.cancellation.paid
              ? "Nothing was paid, so nothing is refunded."
              : registration.cancellation.band === "FULL"
                ? `Cancelling today refunds ${registration.cancellation.refund}.`
                : registration.cancellation.band === "LESS_FEE"
                  ? `Cancelling today refunds ${registration.cancellation.refund} (a ${registration.cancellation.fee} fee is kept).`
                  : "Cancelling today refunds nothing."}
          </p>
          <details className="mt-3">
            <summary className="cursor-pointer font-medium text-red-800">Cancel my registration…</summary>
            <Form method="post" className="mt-3">
              <p className="text-sm text-slate-700">Your seats for add-ons are released and your access to the live sessions ends.</p>
              <SubmitButton name="intent" value="cancel" variant="danger" pending={pending} pendingLabel="Cancelling…" className="mt-3">
                Yes, cancel registration {registration.code}
              </SubmitButton>
            </Form>
          </details>
        </section>
      ) : null}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
