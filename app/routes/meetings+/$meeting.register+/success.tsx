// Where Stripe Checkout (or the test payment page) sends the person after paying.
// The webhook is what records the payment; until it has, this page says so and
// looks again every few seconds (a plain meta refresh, no JavaScript needed).
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ProgramHandle } from "../$meeting+/_layout";
import { findOrderByCheckoutSession, isConfirmed } from "~/models/registration/registration.server";
import { requireUser } from "~/server/auth.server";
import { href } from "~/utils/href";

// Times here are in the meeting's own zone; the zone switch belongs to the program pages.
export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.state === "paid" ? "Payment received" : "Confirming your payment" },
  ...(data?.state === "waiting" ? [{ httpEquiv: "refresh", content: "3" }] : []),
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = new URL(request.url).searchParams.get("session_id") ?? "";
  const order = sessionId ? await findOrderByCheckoutSession(sessionId, user.id) : null;
  if (!order || order.registration.meeting.slug !== params.meeting) throw new Response("We could not find that payment. Your registration page shows what we received.", { status: 404 });
  const state = order.status === "PAID" ? "paid" : order.status === "OPEN" || order.status === "PROCESSING" ? "waiting" : "closed";
  return { state, slug: order.registration.meeting.slug, confirmed: isConfirmed(order.registration), email: user.email } as const;
}

export default function PaymentSuccess() {
  const { state, slug, confirmed, email } = useLoaderData<typeof loader>();
  const registration = href.registration(slug);
  return (
    <div className="mx-auto max-w-xl px-4 py-10 text-center sm:py-16">
      {state === "paid" ? (
        <>
          <p aria-hidden="true" className="mx-auto grid h-14 w-14 place-items-center rounded-full bg-emerald-100 text-2xl text-emerald-800">
            ✓
          </p>
          <h1 className="mt-4 text-2xl font-bold text-slate-900 sm:text-3xl">Payment received</h1>
          <p className="mt-3 text-slate-700">
            {confirmed ? "You are registered." : "Your registration is pending verification: an organizer will check your proof of status."} We e-mailed your receipt to {email}.
          </p>
        </>
      ) : state === "waiting" ? (
        <>
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Confirming your payment…</h1>
          <p role="status" className="mt-3 text-slate-700">
            Stripe is telling us about your payment. This page refreshes by itself; it usually takes a few seconds.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">This checkout was not completed</h1>
          <p className="mt-3 text-slate-700">Nothing was charged.</p>
        </>
      )}
      <Link to={registration} className="mt-8 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        View your registration and receipt
      </Link>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
