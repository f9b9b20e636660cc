import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signWebhookPayload } from "~/utils/stripe.server";
import { action } from "./webhooks.stripe";

function deliver(payload: string, signature: string) {
  const request = new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers: { "Stripe-Signature": signature, "Content-Type": "application/json" } });
  return action({ request, params: {}, context: {} });
}

const eventPayload = () => JSON.stringify({ id: `evt_test_${randomUUID()}`, object: "event", type: "customer.created", created: Math.floor(Date.now() / 1000), data: { object: {} } });

describe("POST /webhooks/stripe", () => {
  it("refuses a correctly signed event dated an hour ahead with a clear 400, and records nothing", async () => {
    const payload = eventPayload();
    const response = await deliver(payload, signWebhookPayload(payload, { timestamp: new Date(Date.now() + 60 * 60_000) }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ received: false, message: "The Stripe signature is dated more than 5 minutes in the future; check the sender's clock." });
    expect(await prisma.stripeEvent.count({ where: { id: JSON.parse(payload).id } })).toBe(0);
  });

  it("refuses a stale one as before, and accepts one within the 5 minutes either way", async () => {
    const stale = eventPayload();
    expect((await deliver(stale, signWebhookPayload(stale, { timestamp: new Date(Date.now() - 6 * 60_000) }))).status).toBe(400);
    for (const offset of [-4 * 60_000, 4 * 60_000]) {
      const payload = eventPayload();
      const response = await deliver(payload, signWebhookPayload(payload, { timestamp: new Date(Date.now() + offset) }));
      expect(response.status).toBe(200);
    }
  });
});
