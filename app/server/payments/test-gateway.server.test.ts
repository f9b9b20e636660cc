// The test gateway against a real, listening webhook server (tests/webhook-server.ts
// serves /webhooks/stripe with the route's own action on 127.0.0.1): the
// customer's payment and a refund travel as Stripe's events do, signed and
// POSTed; a tampered or wrongly signed delivery is refused and changes nothing.
import { afterAll, describe, expect, it } from "vitest";
import { cancelOwnRegistration } from "~/models/registration/cancel.server";
import { checkoutEvent, checkoutFor, gateway, mailTo, makeUsers, registrationOf, webhookServer } from "~/models/registration/registration.fixture";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { signWebhookPayload, verifyStripeWebhook } from "~/utils/stripe.server";
import { choosePaymentGateway } from "./boot.server";
import { isTestGateway, TestPaymentGateway, type TestCheckout } from "./test-gateway.server";

afterAll(() => prisma.$disconnect());

/** A checkout as the test payment page reads it from its order. */
async function checkoutOf(orderId: string): Promise<TestCheckout> {
  const order = await prisma.registrationOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, status: true, total: true, currency: true, expiresAt: true, checkoutSessionId: true, registration: { select: { user: { select: { email: true } } } } },
  });
  return { sessionId: order.checkoutSessionId!, orderId: order.id, amount: order.total, currency: order.currency, customerEmail: order.registration.user.email, expiresAt: order.expiresAt, status: order.status };
}

async function openCheckout(tag: string) {
  const [user] = await makeUsers(1, tag);
  const started = await checkoutFor(user!);
  if (!started.ok) throw new Error(started.message);
  return { user: user!, orderId: started.orderId };
}

describe("the test gateway", () => {
  it("is what the boot chooses without a Stripe key, delivering to APP_ORIGIN's /webhooks/stripe", () => {
    const chosen = choosePaymentGateway();
    expect(isTestGateway(chosen)).toBe(true);
    expect((chosen as TestPaymentGateway).webhookUrl).toBe(new URL("/webhooks/stripe", env.APP_ORIGIN).href);
  });

  it("delivers the customer's payment as a signed POST to the running webhook server, which confirms the registration", async () => {
    const { user, orderId } = await openCheckout("http-pay");
    const before = webhookServer.received.length;
    expect(await gateway.customerActs(await checkoutOf(orderId), "pay")).toEqual({ ok: true });

    const arrived = webhookServer.received.slice(before);
    expect(arrived).toHaveLength(1);
    const [delivery] = arrived;
    expect(delivery).toMatchObject({ method: "POST", path: "/webhooks/stripe", status: 200 });
    // Signed with the webhook secret on the raw body, exactly as Stripe signs: the SDK's own check passes.
    const event = verifyStripeWebhook(delivery!.body, delivery!.signature);
    expect(event).toMatchObject({ type: "checkout.session.completed", data: { object: { id: `cs_test_${orderId}`, client_reference_id: orderId, payment_status: "paid" } } });

    const registration = await registrationOf(user.id);
    expect([registration.status, registration.orders[0]!.status]).toEqual(["ACTIVE", "PAID"]);
    expect((await mailTo(user.email)).map((mail) => mail.subject.split(":")[0])).toEqual(["Registration confirmed"]);
  });

  it("sends a refund back as the charge.refunded event, over HTTP, which settles it", async () => {
    const { user, orderId } = await openCheckout("http-refund");
    await gateway.customerActs(await checkoutOf(orderId), "pay");
    const before = webhookServer.received.length;
    const registration = await registrationOf(user.id);
    const cancelled = await cancelOwnRegistration(registration.id, user.id, new Date("2023-02-01T12:00:00Z"));
    expect(cancelled).toMatchObject({ ok: true, refunded: 109500 });

    const [delivery] = webhookServer.received.slice(before);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: "charge.refunded", data: { object: { amount_refunded: 109500, metadata: { orderId } } } });
    expect(delivery!.status).toBe(200);
    expect(await prisma.registrationRefund.findMany({ where: { orderId }, select: { amount: true, status: true, stripeRefundId: true } })).toEqual([
      { amount: 109500, status: "SUCCEEDED", stripeRefundId: expect.stringMatching(/^re_test_/) },
    ]);
    expect((await registrationOf(user.id)).orders[0]).toMatchObject({ amountRefunded: 109500 });
  });

  it("has a tampered body or another secret's signature refused by the webhook, and nothing changes", async () => {
    const { user, orderId } = await openCheckout("http-forged");
    const eventsBefore = await prisma.stripeEvent.count();

    // The genuine event, signed, with its amount changed on the way.
    const payload = JSON.stringify(await checkoutEvent(orderId, "checkout.session.completed"));
    const tampered = payload.replace(/"amount_total":\d+/, '"amount_total":1');
    expect(tampered).not.toBe(payload);
    const response = await fetch(webhookServer.url, { method: "POST", body: tampered, headers: { "Content-Type": "application/json", "Stripe-Signature": signWebhookPayload(payload) } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ received: false, message: "The Stripe signature is missing, wrong or too old." });

    // A sender that does not hold our webhook secret.
    const impostor = new TestPaymentGateway(webhookServer.url, "whsec_someone_else");
    expect(await impostor.customerActs(await checkoutOf(orderId), "pay")).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    expect(webhookServer.received.at(-1)).toMatchObject({ path: "/webhooks/stripe", status: 400 });

    expect(await prisma.stripeEvent.count()).toBe(eventsBefore);
    const registration = await registrationOf(user.id);
    expect([registration.status, registration.orders[0]!.status]).toEqual(["AWAITING_PAYMENT", "OPEN"]);
    expect(await mailTo(user.email)).toEqual([]);
  });

  it("pays only an open checkout, and settles only a bank payment on its way", async () => {
    const { orderId } = await openCheckout("http-rules");
    const checkout = await checkoutOf(orderId);
    expect(await gateway.customerActs({ ...checkout, expiresAt: new Date(Date.now() - 1000) }, "pay")).toMatchObject({ ok: false, code: "GONE" });
    expect(await gateway.customerActs(checkout, "bank-settles")).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await gateway.customerActs(checkout, "pay-by-bank")).toEqual({ ok: true });
    expect((await checkoutOf(orderId)).status).toBe("PROCESSING");
    expect(await gateway.customerActs(await checkoutOf(orderId), "bank-settles")).toEqual({ ok: true });
    expect((await checkoutOf(orderId)).status).toBe("PAID");
  });
});
