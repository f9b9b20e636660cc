// Stripe's SDK, as the payment gateways use it (app/server/payments/): the
// client when STRIPE_SECRET_KEY is set, Checkout Sessions, and webhook
// signatures, checked on the raw body and made with the same secret by the test
// gateway that stands in for Stripe on sites without a key.
import { createHmac } from "node:crypto";
import Stripe from "stripe";
import { env } from "./env.server";

if (env.NODE_ENV === "production" && env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
  throw new Error("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set: without it no payment could be confirmed.");
}

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes after it is created. */
export const CHECKOUT_MINUTES = 30;
/** Webhook signatures older than this are refused (Stripe's own default tolerance). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const globalForStripe = globalThis as unknown as { stripe?: Stripe };

/** The Stripe client, or null when payments run on the test gateway. */
export function stripeClient(): Stripe | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  return (globalForStripe.stripe ??= new Stripe(env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2, timeout: 20_000 }));
}

/**
 * The secret webhooks are signed with: STRIPE_WEBHOOK_SECRET, or without it (the
 * test gateway) one derived from SESSION_SECRET, so it is as secret as that one, stable
 * across restarts and the same on every instance.
 */
export function webhookSecret(): string {
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  return `whsec_${createHmac("sha256", env.SESSION_SECRET).update("stripe-webhook-secret").digest("base64url")}`;
}

export type StripeEvent = Stripe.Event;
export type StripeCheckoutSession = Stripe.Checkout.Session;
export type StripeCharge = Stripe.Charge;
export type CheckoutLineItem = { name: string; amount: number };

/** A correctly signed webhook whose signature is dated too far ahead of our clock. */
export class StripeWebhookFromTheFutureError extends Error {
  constructor(readonly secondsAhead: number) {
    super(`Stripe-Signature timestamp is ${secondsAhead} s in the future (tolerance ${WEBHOOK_TOLERANCE_SECONDS} s)`);
    this.name = "StripeWebhookFromTheFutureError";
  }
}

/**
 * The signed timestamp of a Stripe-Signature header, read as the SDK reads it
 * (the last `t=` element wins), or null without one.
 */
function signedTimestamp(signature: string): number | null {
  let timestamp: number | null = null;
  for (const element of signature.split(",")) {
    const [key, value] = element.split("=");
    if (key === "t") timestamp = Number.parseInt(value ?? "", 10);
  }
  return timestamp !== null && Number.isFinite(timestamp) ? timestamp : null;
}

/**
 * Checks the signature of a webhook on its raw body and returns the event.
 * Throws on a missing, wrong or stale signature and on a body that is not an
 * event, and on a signature dated more than the tolerance in the future: the
 * SDK checks only age, so a signed event post-dated by someone who held the
 * secret once would otherwise stay replayable until its date came.
 */
export function verifyStripeWebhook(payload: string, signature: string | null, now: Date = new Date()): StripeEvent {
  if (!signature) throw new Stripe.errors.StripeSignatureVerificationError(signature ?? "", payload, { message: "No Stripe-Signature header" });
  const event = Stripe.webhooks.constructEvent(payload, signature, webhookSecret(), WEBHOOK_TOLERANCE_SECONDS, undefined, now.getTime());
  // The signature is good, so the timestamp is the one that was signed.
  const secondsAhead = (signedTimestamp(signature) ?? 0) - Math.floor(now.getTime() / 1000);
  if (secondsAhead > WEBHOOK_TOLERANCE_SECONDS) throw new StripeWebhookFromTheFutureError(secondsAhead);
  return event;
}

/** A Stripe-Signature header for `payload`, as Stripe computes it (the test gateway and tests). */
export function signWebhookPayload(payload: string, options: { secret?: string; timestamp?: Date } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret(),
    timestamp: Math.floor((options.timestamp ?? new Date()).getTime() / 1000),
  });
}

/**
 * A Checkout Session for an order. The idempotency key is the order's id, so a
 * retried request (a double click, a network retry) gets the same session back.
 * A discount becomes a one-off coupon, because Checkout takes no negative lines.
 */
export async function createStripeCheckoutSession(
  stripe: Stripe,
  order: { id: string; currency: string; discount: number; expiresAt: Date; customerEmail: string; description: string },
  lines: CheckoutLineItem[],
  urls: { success: string; cancel: string },
): Promise<{ id: string; url: string; paymentIntentId: string | null }> {
  const currency = order.currency.toLowerCase();
  const discounts = order.discount > 0
    ? [{ coupon: (await stripe.coupons.create({ amount_off: order.discount, currency, duration: "once", max_redemptions: 1, name: "Promo code" }, { idempotencyKey: `coupon-${order.id}` })).id }]
    : undefined;
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: order.id,
      customer_email: order.customerEmail,
      metadata: { orderId: order.id },
      payment_intent_data: { metadata: { orderId: order.id }, description: order.description },
      line_items: lines
        .filter((line) => line.amount > 0)
        .map((line) => ({ quantity: 1, price_data: { currency, unit_amount: line.amount, product_data: { name: line.name } } })),
      discounts,
      expires_at: Math.ceil(order.expiresAt.getTime() / 1000),
      success_url: urls.success,
      cancel_url: urls.cancel,
    },
    { idempotencyKey: `checkout-${order.id}` },
  );
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  return { id: session.id, url: session.url, paymentIntentId };
}
