// Where Stripe Checkout's "back" link (and the test page's cancel) leads: nothing
// was charged. The seats stay held until the checkout expires, so the person can
// go back and pay, or close the checkout now and free them.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubmitButton, useIsPending } from "~/components/forms";
import type { ProgramHandle } from "../$meeting+/_layout";
import { abandonCheckout } from "~/models/registration/checkout.server";
import { LeaveCheckoutSchema } from "~/models/registration/forms";
import { getOwnOrder } from "~/models/registration/registration.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { formatTime } from "~/utils/time";

// Times here are in the meeting's own zone; the zone switch belongs to the program pages.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction = () => [{ title: "Payment not completed" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

// The meeting comes from the address as typed; href encodes it, as a Location header must be ASCII (or building the redirect throws, a 500).
const registrationPage = (meeting: string | undefined, query?: { done: string }) => href.registration(meeting ?? "", query);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orderId = new URL(request.url).searchParams.get("order") ?? "";
  const order = orderId ? await getOwnOrder(orderId, user.id) : null;
  if (!order || order.registration.meeting.slug !== params.meeting) throw redirect(registrationPage(params.meeting));
  const open = order.status === "OPEN" && order.expiresAt > new Date();
  return { slug: order.registration.meeting.slug, orderId: order.id, open, until: open ? formatTime(order.expiresAt, order.registration.meeting.timeZone) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: LeaveCheckoutSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await abandonCheckout(submission.value.order, user.id);
  return redirect(registrationPage(params.meeting, { done: "checkout-closed" }));
}

export default function PaymentCancelled() {
  const { slug, orderId, open, until } = useLoaderData<typeof loader>();
  const pending = useIsPending();
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:py-16">
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Payment not completed</h1>
      <p className="mt-3 text-slate-700">Nothing was charged.</p>
      {open ? (
        <>
          <p className="mt-2 text-slate-700">Your place and any add-on seats stay held until {until}. Go back and pay, or close the checkout to release them now.</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link to={href.registration(slug)} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Return to payment
            </Link>
            <Form method="post">
              <input type="hidden" name="order" value={orderId} />
              <SubmitButton name="intent" value="abandon-checkout" variant="secondary" pending={pending} pendingLabel="Closing…">
                Close the checkout
              </SubmitButton>
            </Form>
          </div>
        </>
      ) : (
        <Link to={href.register(slug)} className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Start again
        </Link>
      )}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
