// Stripe's webhook events as Stripe shapes them, and their delivery as Stripe
// delivers them: JSON signed with the webhook secret, POSTed to the webhook's
// address. The test gateway (app/server/payments/test-gateway.server.ts) sends
// these in Stripe's place; tests send them too.
import { randomBytes } from "node:crypto";
import { logger } from "./logger.server";
import { signWebhookPayload } from "./stripe.server";

/** An id in Stripe's style for objects the test gateway makes up: evt_test_…, ch_test_…. */
function stripeTestId(prefix: "evt" | "ch"): string {
  return `${prefix}_test_${randomBytes(12).toString("base64url")}`;
}

/** An event envelope as Stripe sends it. */
export function stripeEvent(type: string, object: object, created: Date = new Date()) {
  return { id: stripeTestId("evt"), object: "event", api_version: "2025-01-01", created: Math.floor(created.getTime() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
}

export type StripeTestEvent = ReturnType<typeof stripeEvent>;

export type CheckoutEventType = "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed" | "checkout.session.expired";

/** What a Checkout Session says about itself. Amounts are in minor units. */
export type CheckoutSessionFacts = { sessionId: string; orderId: string; amount: number; currency: string; customerEmail: string; expiresAt: Date; paymentIntentId: string };

/** The checkout.session.* event Stripe sends about a session. */
export function checkoutSessionEvent(type: CheckoutEventType, session: CheckoutSessionFacts, paymentStatus: "paid" | "unpaid" = "paid"): StripeTestEvent {
  const expired = type === "checkout.session.expired";
  return stripeEvent(type, {
    id: session.sessionId,
    object: "checkout.session",
    mode: "payment",
    status: expired ? "expired" : "complete",
    payment_status: expired ? "unpaid" : paymentStatus,
    amount_total: session.amount,
    currency: session.currency.toLowerCase(),
    client_reference_id: session.orderId,
    customer_email: session.customerEmail,
    metadata: { orderId: session.orderId },
    payment_intent: session.paymentIntentId,
    expires_at: Math.floor(session.expiresAt.getTime() / 1000),
  });
}

/** The charge.refunded event: the charge's refunded total so far, and the refund that just succeeded. */
export function chargeRefundedEvent(
  charge: { orderId: string; paymentIntentId: string | null; amount: number; amountRefunded: number; currency: string },
  refund: { id: string; amount: number; metadata: Record<string, string> },
): StripeTestEvent {
  return stripeEvent("charge.refunded", {
    id: `ch_test_${charge.orderId}`,
    object: "charge",
    amount: charge.amount,
    amount_refunded: charge.amountRefunded,
    currency: charge.currency.toLowerCase(),
    payment_intent: charge.paymentIntentId,
    metadata: { orderId: charge.orderId },
    refunded: charge.amountRefunded >= charge.amount,
    refunds: { object: "list", data: [{ id: refund.id, object: "refund", amount: refund.amount, status: "succeeded", metadata: refund.metadata }] },
  });
}

/** How the webhook answered a delivery; status 0 when it could not be reached. */
export type Delivery = { status: number; message: string };

/**
 * Signs an event with the webhook secret and POSTs it to `url`, as Stripe
 * does: the raw JSON body, the Stripe-Signature header, and nothing else.
 */
export async function deliverStripeEvent(url: string, event: object, options: { secret?: string } = {}): Promise<Delivery> {
  const payload = JSON.stringify(event);
  try {
    const response = await fetch(url, {
      method: "POST",
      body: payload,
      headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signWebhookPayload(payload, { secret: options.secret }), "User-Agent": "Stripe/1.0 (test gateway)" },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
    return { status: response.status, message: typeof answer?.message === "string" ? answer.message : response.statusText };
  } catch (error) {
    logger.error({ err: error, url }, "could not deliver a webhook event");
    return { status: 0, message: error instanceof Error ? error.message : String(error) };
  }
}
