// The real Stripe path, against a local stand-in for api.stripe.com: what the
// Checkout Session request carries (idempotency key, expiry, prices, discount),
// and webhook signatures made and checked with the SDK.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeCheckoutSession, signWebhookPayload, StripeWebhookFromTheFutureError, verifyStripeWebhook, webhookSecret } from "./stripe.server";

type Seen = { method: string; path: string; idempotencyKey: string | undefined; body: URLSearchParams };
const seen: Seen[] = [];
const server = createServer((request: IncomingMessage, response) => {
  let raw = "";
  request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
  request.on("end", () => {
    seen.push({ method: request.method ?? "", path: request.url ?? "", idempotencyKey: request.headers["idempotency-key"] as string | undefined, body: new URLSearchParams(raw) });
    response.setHeader("Content-Type", "application/json");
    if (request.url === "/v1/coupons") response.end(JSON.stringify({ id: "coupon_test_1", object: "coupon" }));
    else response.end(JSON.stringify({ id: "cs_test_stand_in", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_stand_in", payment_intent: null }));
  });
});
let stripe: Stripe;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stripe = new Stripe("sk_test_stand_in", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Stripe Checkout Sessions", () => {
  it("are created with the order's id as idempotency key, its expiry, server prices and a one-off coupon", async () => {
    const expiresAt = new Date(Date.now() + 31 * 60_000);
    const session = await createStripeCheckoutSession(
      stripe,
      { id: "order_123", currency: "USD", discount: 3000, expiresAt, customerEmail: "r@example.org", description: "SIR 2023: Resident-in-Training registration" },
      [
        { name: "Resident-in-Training registration, virtual (Late rate)", amount: 15000 },
        { name: "SIR in-training membership, one year", amount: 0 },
        { name: "Hands-on Workshop", amount: 9500 },
      ],
      { success: "http://localhost:3000/meetings/sir-2023/register/success?session_id={CHECKOUT_SESSION_ID}", cancel: "http://localhost:3000/meetings/sir-2023/register/cancelled?order=order_123" },
    );
    expect(session).toEqual({ id: "cs_test_stand_in", url: "https://checkout.stripe.com/c/pay/cs_test_stand_in", paymentIntentId: null });
    const [coupon, checkout] = seen.slice(-2);
    expect(coupon).toMatchObject({ method: "POST", path: "/v1/coupons", idempotencyKey: "coupon-order_123" });
    expect(coupon!.body.get("amount_off")).toBe("3000");
    expect(checkout).toMatchObject({ method: "POST", path: "/v1/checkout/sessions", idempotencyKey: "checkout-order_123" });
    const body = checkout!.body;
    expect(body.get("expires_at")).toBe(String(Math.ceil(expiresAt.getTime() / 1000)));
    expect(body.get("metadata[orderId]")).toBe("order_123");
    expect(body.get("client_reference_id")).toBe("order_123");
    expect(body.get("payment_intent_data[metadata][orderId]")).toBe("order_123");
    expect(body.get("discounts[0][coupon]")).toBe("coupon_test_1");
    // Free lines are left out: Checkout takes only what costs something.
    expect([body.get("line_items[0][price_data][unit_amount]"), body.get("line_items[1][price_data][unit_amount]"), body.get("line_items[2][price_data][unit_amount]")]).toEqual(["15000", "9500", null]);
    expect(body.get("line_items[0][price_data][currency]")).toBe("usd");
  });
});

describe("webhook signatures", () => {
  it("round-trip with the webhook secret and fail with anything else", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "ping", created: 1, data: { object: {} } });
    expect(verifyStripeWebhook(payload, signWebhookPayload(payload)).id).toBe("evt_1");
    expect(() => verifyStripeWebhook(payload, signWebhookPayload(payload, { secret: "whsec_other" }))).toThrow();
    expect(() => verifyStripeWebhook(payload, signWebhookPayload(payload, { timestamp: new Date(Date.now() - 301_000) }))).toThrow(/tolerance/);
    expect(webhookSecret()).toMatch(/^whsec_/);
  });

  it("are refused when dated more than 5 minutes in the future, which the SDK alone accepts", () => {
    const payload = JSON.stringify({ id: "evt_2", object: "event", type: "ping", created: 1, data: { object: {} } });
    const now = new Date();
    const inAnHour = signWebhookPayload(payload, { timestamp: new Date(now.getTime() + 60 * 60_000) });
    expect(Stripe.webhooks.constructEvent(payload, inAnHour, webhookSecret(), 300).id).toBe("evt_2");
    expect(() => verifyStripeWebhook(payload, inAnHour, now)).toThrow(StripeWebhookFromTheFutureError);
    expect(() => verifyStripeWebhook(payload, signWebhookPayload(payload, { timestamp: new Date(now.getTime() + 301_000) }), now)).toThrow(/in the future/);
    // Clocks drift: up to the tolerance ahead is fine, as is the same age behind.
    expect(verifyStripeWebhook(payload, signWebhookPayload(payload, { timestamp: new Date(now.getTime() + 299_000) }), now).id).toBe("evt_2");
    // A signature header with several timestamps is read as the SDK reads it (the last one was signed).
    const genuine = signWebhookPayload(payload, { timestamp: new Date(now.getTime() + 60 * 60_000) });
    expect(() => verifyStripeWebhook(payload, `t=${Math.floor(now.getTime() / 1000)},${genuine}`, now)).toThrow(StripeWebhookFromTheFutureError);
  });
});
