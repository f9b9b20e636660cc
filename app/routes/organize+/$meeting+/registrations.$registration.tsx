// One registration in the console: who, what they bought and paid, their proof,
// and what an organizer can do: approve or decline the proof, comp the
// registration, refund any amount (and cancel it). Organizers of the meeting only.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, Section, StatusBanner } from "~/components/console";
import { FieldFrame, FormErrors, hintIdOf, SubmitButton, useSchemaForm } from "~/components/forms";
import { PROOF_DECISION_MESSAGES, ProofDecisionFields, ProofList, toProofDocuments } from "~/components/proof-review";
import { ReceiptTable, toReceiptOrders } from "~/components/registration-receipt";
import { compRegistration, refundByOrganizer } from "~/models/registration/cancel.server";
import { getMeetingRegistration } from "~/models/registration/console.server";
import { ConsoleRegistrationSchema, toMinorUnits } from "~/models/registration/forms";
import { ATTENDANCE_LABELS, formatMoney } from "~/models/registration/pricing";
import { meetingCurrency, refundableByOrder, registrationStateLabel } from "~/models/registration/registration.server";
import { decideProof } from "~/models/registration/verification.server";
import type { Outcome } from "~/models/refusal";
import { readFormData } from "~/utils/form-data.server";
import { requireOrganizer } from "~/server/organizer.server";
import { refusalResponse } from "~/server/refusal.server";
import { href } from "~/utils/href";
import { formatDate, formatMoment } from "~/utils/time";
import { Fact, Facts } from "~/components/facts";
import { consoleTitle } from "~/components/console-meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: consoleTitle(data ? `${data.registration.name} · Registrations` : "Registration", matches) }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const registration = await getMeetingRegistration(meeting.id, params.registration ?? "");
  if (!registration) throw new Response("There is no such registration in this meeting.", { status: 404 });
  const zone = registration.meeting.timeZone;
  const currency = registration.meeting.currency;
  const refundable = refundableByOrder(registration.orders, { includeMembership: true }).reduce((sum, entry) => sum + entry.refundable, 0);
  return {
    meeting: { slug: meeting.slug },
    registration: {
      id: registration.id,
      code: registration.code,
      name: registration.user.name,
      email: registration.user.email,
      status: registration.status,
      state: registrationStateLabel(registration),
      verification: registration.verification,
      category: registration.category.name,
      requiresProof: registration.category.requiresProof,
      tier: registration.tier.name,
      attendance: ATTENDANCE_LABELS[registration.attendance],
      memberPricing: registration.memberPricing,
      comped: registration.comped,
      registeredOn: formatMoment(registration.createdAt, zone),
      cancelledOn: registration.cancelledAt ? formatDate(registration.cancelledAt, zone) : null,
      rejectionReason: registration.rejectionReason,
      reviewedBy: registration.reviewedBy?.name ?? null,
      reviewedOn: registration.reviewedAt ? formatDate(registration.reviewedAt, zone) : null,
      institutionalEmail: registration.institutionalEmail,
      institutionalEmailConfirmed: registration.institutionalEmailConfirmedAt !== null,
      documents: toProofDocuments(registration.documents),
      receipts: toReceiptOrders(registration.orders, zone),
      otherOrders: registration.orders
        .filter((order) => order.status !== "PAID")
        .map((order) => ({ id: order.id, status: order.status, total: formatMoney(order.total, currency), createdOn: formatDate(order.createdAt, zone) })),
      refundable,
      refundableLabel: formatMoney(refundable, currency),
      currency,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const registrationId = params.registration ?? "";
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ConsoleRegistrationSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), message: null }, { status: 400 });
  const values = submission.value;
  let outcome: Outcome;
  let message: string;
  if (values.intent === "approve" || values.intent === "reject") {
    outcome = await decideProof(values, { meetingId: meeting.id, registrationId, reviewerId: user.id });
    message = PROOF_DECISION_MESSAGES[values.intent];
  } else if (values.intent === "comp") {
    const comped = await compRegistration({ meetingId: meeting.id, registrationId, organizerId: user.id });
    outcome = comped;
    message = comped.ok ? `Comped${comped.refunded ? `, and ${formatMoney(comped.refunded, await meetingCurrency(meeting.id))} is being refunded` : ""}. The registrant was e-mailed.` : "";
  } else {
    const amount = toMinorUnits(values.amount);
    outcome = await refundByOrganizer({ meetingId: meeting.id, registrationId, amount, cancel: values.cancel ?? false });
    message = values.cancel ? "Cancelled and refunded. The registrant was e-mailed." : "Refund issued. The registrant was e-mailed.";
  }
  if (!outcome.ok) return refusalResponse(outcome, submission, { message: null });
  return { result: submission.reply({ resetForm: true }), message };
}

export default function ConsoleRegistration() {
  const { meeting, registration } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ConsoleRegistrationSchema, {
    id: "console-registration",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    defaultValue: { amount: (registration.refundable / 100).toFixed(2) },
  });
  const live = registration.status === "ACTIVE" || registration.status === "AWAITING_PAYMENT";
  const refundHint = `Up to ${registration.refundableLabel}, membership dues included.`;
  return (
    <ConsolePage
      title={registration.name}
      intro={
        <>
          {registration.email} · <span className="font-mono">{registration.code}</span>
        </>
      }
      up={{ to: href.organize.registrations(meeting.slug), label: "All registrations" }}
    >
      {actionData?.message ? <StatusBanner key={actionData.message} outcome tone="success">{actionData.message}</StatusBanner> : null}
      <div className="mt-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>

      <Section title="Registration" id="registration">
        <Facts className="gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <Fact label="Status">
            <Badge tone={registration.state === "Confirmed" ? "emerald" : registration.state === "Cancelled" ? "slate" : "amber"}>{registration.state}</Badge>
            {registration.comped ? <span className="ml-1"><Badge tone="brand">Comped</Badge></span> : null}
          </Fact>
          <Fact label="Category">
            {registration.category}
            {registration.memberPricing ? " (member rate)" : ""}
          </Fact>
          <Fact label="Tier · attendance">
            {registration.tier} · {registration.attendance}
          </Fact>
          <Fact label="Registered">{registration.registeredOn}</Fact>
          {registration.cancelledOn ? <Fact label="Cancelled">{registration.cancelledOn}</Fact> : null}
        </Facts>
      </Section>

      {registration.requiresProof ? (
        <Section title="Proof of status" id="proof">
          <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <ProofList
              meetingSlug={meeting.slug}
              documents={registration.documents}
              institutionalEmail={registration.institutionalEmail}
              institutionalEmailConfirmed={registration.institutionalEmailConfirmed}
            />
            {registration.reviewedBy ? (
              <p className="mt-2 text-slate-600">
                {registration.verification === "REJECTED" ? "Declined" : "Reviewed"} by {registration.reviewedBy} on {registration.reviewedOn}
                {registration.rejectionReason ? `: “${registration.rejectionReason}”` : "."}
              </p>
            ) : null}
            {registration.verification === "PENDING" && registration.status === "ACTIVE" ? (
              <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
                <ProofDecisionFields reason={fields.reason} reasonHint="The registrant reads this." />
              </Form>
            ) : null}
          </div>
        </Section>
      ) : null}

      <Section title="Payments" id="payments">
        <div className="space-y-6 rounded-lg border border-slate-200 bg-white p-4">
          {registration.receipts.length ? registration.receipts.map((order) => <ReceiptTable key={order.id} order={order} />) : <p className="text-sm text-slate-700">Nothing paid.</p>}
          {registration.otherOrders.length ? (
            <div>
              <h3 className="text-sm font-semibold text-slate-900">Checkouts not paid</h3>
              <ul className="mt-1 text-sm text-slate-700">
                {registration.otherOrders.map((order) => (
                  <li key={order.id}>
                    {order.createdOn}: {order.total}, {order.status.toLowerCase()}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </Section>

      {live ? (
        <Section title="Comp or refund" id="actions" description="Comping confirms the registration free of charge and refunds what was paid for it. A refund can be any amount up to what was paid.">
          <div className="grid gap-4 lg:grid-cols-2">
            {!registration.comped ? (
              <Form method="post" className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold text-slate-900">Complimentary registration</h3>
                <p className="mt-1 text-sm text-slate-600">For speakers, faculty and staff. Confirms the registration and approves a pending proof.</p>
                <SubmitButton name="intent" value="comp" variant="secondary" pendingLabel="Comping…" className="mt-3">
                  Comp this registration
                </SubmitButton>
              </Form>
            ) : null}
            {registration.refundable > 0 ? (
              <Form method="post" className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold text-slate-900">Refund</h3>
                <FieldFrame meta={fields.amount} label={`Amount (${registration.currency})`} hint={refundHint} className="mt-2">
                  <input
                    id={fields.amount.id}
                    name={fields.amount.name}
                    defaultValue={fields.amount.initialValue}
                    inputMode="decimal"
                    aria-describedby={`${hintIdOf(fields.amount, refundHint)}${fields.amount.errors?.length ? ` ${fields.amount.errorId}` : ""}`}
                    aria-invalid={fields.amount.errors?.length ? true : undefined}
                    className="mt-1.5 block w-40 rounded-md border border-slate-500 bg-white px-3 py-2 text-base shadow-sm"
                  />
                </FieldFrame>
                <label className="mt-3 flex items-center gap-2 text-sm">
                  <input type="checkbox" name={fields.cancel.name} defaultChecked className="h-4 w-4 accent-brand-700" />
                  Also cancel the registration (releases its seats and access)
                </label>
                <SubmitButton name="intent" value="refund" variant="danger" pendingLabel="Refunding…" className="mt-3">
                  Refund
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        </Section>
      ) : null}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
