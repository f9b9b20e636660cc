// The Stripe webhook against the real database: every event type delivered three
// times over HTTP, shuffled and partly concurrent, has exactly one effect and one
// e-mail; tampered, wrongly signed and stale deliveries are refused and write nothing.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { stripeEvent } from "~/utils/stripe-events.server";
import { signWebhookPayload } from "~/utils/stripe.server";
import { addOnCounts, checkoutEvent, checkoutFor, deliver, hasAttendeeRole, mailTo, makeAddOn, makeUsers, registrationOf } from "./registration.fixture";
import { receiveStripeWebhook } from "./webhook.server";

afterAll(() => prisma.$disconnect());

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function deliverAll(events: object[], seed: number) {
  const deliveries = shuffle(events.flatMap((event) => [event, event, event]), seed);
  // Partly concurrent: batches of 1 to 4 deliveries race each other, batches run in turn.
  const sizes = [3, 1, 4, 2];
  const outcomes = [];
  for (let start = 0, batch = 0; start < deliveries.length; start += sizes[batch % sizes.length]!, batch++) {
    const slice = deliveries.slice(start, start + sizes[batch % sizes.length]!);
    outcomes.push(...(await Promise.all(slice.map((event) => deliver(event)))));
  }
  return outcomes;
}

describe("the Stripe webhook", () => {
  it("applies every event type exactly once, whatever the order and however often it arrives", async () => {
    const workshop = await makeAddOn({ capacity: 10 });
    const [paid, settles, bounces, abandons, refunded] = await makeUsers(5, "webhook");
    const started = await Promise.all([paid!, settles!, bounces!, abandons!, refunded!].map((user) => checkoutFor(user, { addOnSlugs: [workshop.slug] })));
    for (const outcome of started) expect(outcome.ok).toBe(true);
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 5, sold: 0 });
    const orderOf = (index: number) => (started[index] as { orderId: string }).orderId;

    // The refunded one is paid first, as it would have been days before its refund.
    expect((await deliver(await checkoutEvent(orderOf(4), "checkout.session.completed"))).status).toBe(200);
    const refundedOrder = (await registrationOf(refunded!.id)).orders[0]!;

    const events = [
      await checkoutEvent(orderOf(0), "checkout.session.completed"),
      await checkoutEvent(orderOf(1), "checkout.session.completed", "unpaid"),
      await checkoutEvent(orderOf(1), "checkout.session.async_payment_succeeded"),
      await checkoutEvent(orderOf(2), "checkout.session.completed", "unpaid"),
      await checkoutEvent(orderOf(2), "checkout.session.async_payment_failed", "unpaid"),
      await checkoutEvent(orderOf(3), "checkout.session.expired"),
      stripeEvent("charge.refunded", {
        id: "ch_test_refunded",
        object: "charge",
        amount: refundedOrder.total,
        amount_refunded: refundedOrder.total,
        currency: "usd",
        payment_intent: refundedOrder.paymentIntentId,
        metadata: {},
        refunded: true,
        refunds: { object: "list", data: [] },
      }),
    ];
    const eventsBefore = await prisma.stripeEvent.count();
    const outcomes = await deliverAll(events, 20230304);
    expect(outcomes.every((outcome) => outcome.status === 200)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.message === "Processed.")).toHaveLength(events.length);
    expect(await prisma.stripeEvent.count()).toBe(eventsBefore + events.length);

    const [a, b, c, d, e] = await Promise.all([paid!, settles!, bounces!, abandons!, refunded!].map((user) => registrationOf(user.id)));
    expect([a, b, c, d, e].map((r) => [r!.status, r!.orders[0]!.status])).toEqual([
      ["ACTIVE", "PAID"],
      ["ACTIVE", "PAID"],
      ["EXPIRED", "FAILED"],
      ["EXPIRED", "EXPIRED"],
      ["CANCELLED", "PAID"],
    ]);
    expect(e!.orders[0]!.amountRefunded).toBe(refundedOrder.total);
    // Two paid and kept their seats; the failed, expired and refunded gave theirs back.
    expect(await addOnCounts(workshop.id)).toMatchObject({ sold: 2, held: 0 });
    expect(await hasAttendeeRole(paid!.id)).toBe(true);
    expect(await hasAttendeeRole(refunded!.id)).toBe(false);

    const subjects = async (email: string) => (await mailTo(email)).map((mail) => mail.subject.split(":")[0]);
    expect(await subjects(paid!.email)).toEqual(["Registration confirmed"]);
    expect(await subjects(settles!.email)).toEqual(["Registration confirmed"]);
    expect(await subjects(bounces!.email)).toEqual(["Payment not completed"]);
    expect(await subjects(abandons!.email)).toEqual([]);
    expect((await subjects(refunded!.email)).sort()).toEqual(["Registration cancelled", "Registration confirmed"]);
  });

  it("never moves a paid order back: an expiry or failure arriving after payment changes nothing", async () => {
    const [user] = await makeUsers(1, "late-events");
    const started = await checkoutFor(user!);
    if (!started.ok) throw new Error(started.message);
    await deliver(await checkoutEvent(started.orderId, "checkout.session.completed"));
    await deliver(await checkoutEvent(started.orderId, "checkout.session.expired"));
    await deliver(await checkoutEvent(started.orderId, "checkout.session.async_payment_failed", "unpaid"));
    await deliver(await checkoutEvent(started.orderId, "checkout.session.completed", "unpaid"));
    const registration = await registrationOf(user!.id);
    expect([registration.status, registration.orders[0]!.status]).toEqual(["ACTIVE", "PAID"]);
    expect(await mailTo(user!.email)).toHaveLength(1);
  });

  it("refuses tampered, wrongly signed, stale and unsigned deliveries with 400 and writes nothing", async () => {
    const [user] = await makeUsers(1, "forged");
    const workshop = await makeAddOn({ capacity: 5 });
    const started = await checkoutFor(user!, { addOnSlugs: [workshop.slug] });
    if (!started.ok) throw new Error(started.message);
    const payload = JSON.stringify(await checkoutEvent(started.orderId, "checkout.session.completed"));
    const eventsBefore = await prisma.stripeEvent.count();

    const tampered = payload.replace(/"amount_total":\d+/, '"amount_total":1');
    expect(tampered).not.toBe(payload);
    const attempts = [
      receiveStripeWebhook(tampered, signWebhookPayload(payload)),
      receiveStripeWebhook(payload, signWebhookPayload(payload, { secret: "whsec_someone_else" })),
      receiveStripeWebhook(payload, signWebhookPayload(payload, { timestamp: new Date(Date.now() - 6 * 60_000) })),
      receiveStripeWebhook(payload, null),
      receiveStripeWebhook(payload, "t=1,v1=deadbeef"),
    ];
    for (const outcome of await Promise.all(attempts)) expect(outcome).toMatchObject({ ok: false, code: "INVALID" });

    expect(await prisma.stripeEvent.count()).toBe(eventsBefore);
    const registration = await registrationOf(user!.id);
    expect([registration.status, registration.orders[0]!.status]).toEqual(["AWAITING_PAYMENT", "OPEN"]);
    expect(await addOnCounts(workshop.id)).toMatchObject({ held: 1, sold: 0 });
    expect(await mailTo(user!.email)).toEqual([]);

    // The genuine delivery, four minutes old, is still accepted.
    const genuine = await receiveStripeWebhook(payload, signWebhookPayload(payload, { timestamp: new Date(Date.now() - 4 * 60_000) }));
    expect(genuine.ok).toBe(true);
    expect((await registrationOf(user!.id)).status).toBe("ACTIVE");
  });

  it("refunds a payment that arrives after its checkout expired and its last seat was sold", async () => {
    const workshop = await makeAddOn({ capacity: 1 });
    const [slow, quick] = await makeUsers(2, "late-payment");
    const first = await checkoutFor(slow!, { addOnSlugs: [workshop.slug] });
    if (!first.ok) throw new Error(first.message);
    await deliver(await checkoutEvent(first.orderId, "checkout.session.expired"));
    const second = await checkoutFor(quick!, { addOnSlugs: [workshop.slug] });
    if (!second.ok) throw new Error(second.message);
    await deliver(await checkoutEvent(second.orderId, "checkout.session.completed"));

    await deliver(await checkoutEvent(first.orderId, "checkout.session.completed"));
    expect(await addOnCounts(workshop.id)).toMatchObject({ sold: 1, held: 0 });
    const late = await registrationOf(slow!.id);
    expect(late.status).toBe("EXPIRED");
    expect(late.orders[0]).toMatchObject({ status: "PAID", amountRefunded: late.orders[0]!.total });
    expect((await mailTo(slow!.email)).map((mail) => mail.subject.split(":")[0])).toEqual(["Payment refunded"]);
  });
});
