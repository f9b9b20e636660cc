// POST /webhooks/stripe: Stripe's events about checkouts and refunds. The
// signature is checked on the raw body exactly as it arrived (request.text();
// nothing before this route parses bodies), so a re-serialized or tampered
// payload fails. Refused deliveries get 400 and write nothing; an event already
// processed gets 200 and changes nothing; an error on our side is a 500, which
// makes Stripe deliver it again later. The test gateway delivers here the same way.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook } from "~/models/registration/webhook.server";
import { refusalStatus } from "~/server/refusal.server";

/** Stripe's events are small; anything this large is not one. */
const MAX_BODY_BYTES = 512 * 1024;

export async function loader() {
  return new Response("Stripe posts its events here.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_BODY_BYTES) return new Response("Payload too large", { status: 413 });
  const payload = await request.text();
  if (payload.length > MAX_BODY_BYTES) return new Response("Payload too large", { status: 413 });
  const outcome = await receiveStripeWebhook(payload, request.headers.get("Stripe-Signature"));
  return Response.json({ received: outcome.ok, message: outcome.message }, { status: outcome.ok ? 200 : refusalStatus(outcome), headers: { "Cache-Control": "no-store" } });
}
