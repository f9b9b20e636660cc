// The test payment page: without STRIPE_SECRET_KEY it stands where Stripe
// Checkout would, plainly labelled as a test. Its buttons are the customer's
// (paid by card, a bank payment that settles later or fails): the test gateway
// signs the event Stripe would send and POSTs it to /webhooks/stripe, then the
// page goes where Stripe would.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SubmitButton, useIsPending } from "~/components/forms";
import { OrderTable } from "~/components/registration-receipt";
import type { ProgramHandle } from "../$meeting+/_layout";
import { TestPaymentSchema } from "~/models/registration/forms";
import { installedPaymentGateway } from "~/models/registration/payment-gateway";
import { formatMoney } from "~/models/registration/pricing";
import { getOwnOrder } from "~/models/registration/registration.server";
import { requireUser } from "~/server/auth.server";
import { isTestGateway } from "~/server/payments/test-gateway.server";
import { refusalResponse } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";

// Times here are in the meeting's own zone; the zone switch belongs to the program pages.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction = () => [{ title: "Test payment — no card is charged" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

async function loadOrder(request: Request, params: { meeting?: string; order?: string }) {
  const gateway = installedPaymentGateway();
  if (!isTestGateway(gateway)) throw new Response("Payments go through Stripe on this site; there is no test payment page.", { status: 404 });
  const user = await requireUser(request);
  const order = await getOwnOrder(params.order ?? "", user.id);
  if (!order || order.registration.meeting.slug !== params.meeting) throw new Response("There is no such checkout.", { status: 404 });
  return { gateway, order };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { order } = await loadOrder(request, params);
  const money = (amount: number) => formatMoney(amount, order.currency);
  const expired = order.status === "EXPIRED" || (order.status === "OPEN" && order.expiresAt <= new Date());
  return {
    meeting: { slug: order.registration.meeting.slug, name: order.registration.meeting.name },
    order: {
      id: order.id,
      status: expired ? "EXPIRED" : order.status,
      email: order.registration.user.email,
      items: order.items.map((item) => ({ id: item.id, description: item.description, amount: money(item.amount) })),
      discount: order.discount > 0 ? money(order.discount) : null,
      promoCode: order.promoCode?.code ?? null,
      total: money(order.total),
      minutesLeft: Math.max(0, Math.ceil((order.expiresAt.getTime() - Date.now()) / 60_000)),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { gateway, order } = await loadOrder(request, params);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: TestPaymentSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { intent } = submission.value;
  const meeting = order.registration.meeting.slug;
  if (intent === "cancel") return redirect(href.registerCancelled(meeting, order.id));

  const sessionId = order.checkoutSessionId ?? `cs_test_${order.id}`;
  const checkout = { sessionId, orderId: order.id, amount: order.total, currency: order.currency, customerEmail: order.registration.user.email, expiresAt: order.expiresAt, status: order.status };
  const outcome = await gateway.customerActs(checkout, intent);
  if (!outcome.ok) return refusalResponse(outcome, submission);
  if (intent === "pay" || intent === "bank-settles") return redirect(href.registerSuccess(meeting, encodeURIComponent(sessionId)));
  return redirect(intent === "pay-by-bank" ? href.testPayment(meeting, order.id) : href.registration(meeting));
}

export default function TestPaymentPage() {
  const { meeting, order } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  const [form] = useForm({ id: "test-payment", lastResult: actionData?.result });
  return (
    <div className="mx-auto max-w-lg px-4 py-6 sm:py-10">
      <div role="note" className="rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-amber-950">
        <p className="text-lg font-bold">Test payment — no card is charged</p>
        <p className="mt-1 text-sm">
          This site has no Stripe key, so this page stands in for Stripe Checkout. Its buttons send the same signed events Stripe would.
        </p>
      </div>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h1 className="text-xl font-bold text-slate-900">Pay for your registration</h1>
        <p className="mt-1 text-sm text-slate-600">
          {meeting.name} · {order.email}
        </p>
        <OrderTable caption="Order summary" lines={order.items} discount={order.discount} promoCode={order.promoCode} className="mt-4">
          <tr>
            <th scope="row" className="pt-3 text-left text-base">
              Total due
            </th>
            <td className="pt-3 text-right text-base font-bold">{order.total}</td>
          </tr>
        </OrderTable>
        <div className="mt-4">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        {order.status === "OPEN" ? (
          <Form method="post" className="mt-4 space-y-3">
            <p className="text-sm text-slate-600">Your seats are held for {order.minutesLeft} more minutes.</p>
            <SubmitButton name="intent" value="pay" pending={pending} pendingLabel="Paying…" className="w-full">
              Pay {order.total}
            </SubmitButton>
            <SubmitButton name="intent" value="pay-by-bank" variant="secondary" className="w-full" pendingLabel="Paying…">
              Pay by bank debit (settles later)
            </SubmitButton>
            <SubmitButton name="intent" value="cancel" variant="secondary" className="w-full" pendingLabel="Leaving…">
              Cancel and go back
            </SubmitButton>
          </Form>
        ) : order.status === "PROCESSING" ? (
          <Form method="post" className="mt-4 space-y-3">
            <p className="text-sm text-slate-700">The bank debit is on its way. What should the bank do?</p>
            <SubmitButton name="intent" value="bank-settles" pending={pending} pendingLabel="Settling…" className="w-full">
              The payment arrives
            </SubmitButton>
            <SubmitButton name="intent" value="bank-fails" variant="danger" className="w-full" pendingLabel="Failing…">
              The payment fails
            </SubmitButton>
          </Form>
        ) : (
          <div className="mt-4 space-y-3">
            <p className="text-slate-800">
              {order.status === "PAID" ? "This checkout is paid." : "This checkout has expired or was cancelled; nothing was charged."}
            </p>
            <Link to={href.registration(meeting.slug)} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Your registration
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
