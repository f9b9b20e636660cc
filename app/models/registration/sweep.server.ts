// The sweep (the registration.sweep-checkouts job, every minute across all
// workers): checkouts whose expiry passed without a word from the payment
// provider are asked about once more, then fulfilled or closed.
import { prisma } from "~/utils/db.server";
import { closeUnpaidOrder, fulfilOrder, inRegistrationTransaction } from "./fulfilment.server";
import { paymentGateway, type CheckoutState } from "./payment-gateway";

/** The provider may deliver checkout.session.expired a little late; the sweep leaves it that long first. */
export const SWEEP_GRACE_MS = 5 * 60_000;

/**
 * Closes checkouts that expired without a word from the provider, giving back
 * their seats and promo uses. A checkout the provider says was paid is
 * fulfilled instead. Returns how many orders it closed or fulfilled.
 */
export async function sweepExpiredCheckouts(now: Date = new Date(), graceMs: number = SWEEP_GRACE_MS): Promise<number> {
  const stale = await prisma.registrationOrder.findMany({
    where: { status: "OPEN", expiresAt: { lt: new Date(now.getTime() - graceMs) } },
    select: { id: true, checkoutSessionId: true },
    orderBy: { expiresAt: "asc" },
    take: 200,
  });
  let changed = 0;
  for (const order of stale) {
    const checkout: CheckoutState | null = order.checkoutSessionId ? await paymentGateway().retrieveCheckout(order.checkoutSessionId) : null;
    const done = await inRegistrationTransaction(async (tx, work) => {
      if (checkout?.status === "complete" && checkout.paid) {
        return (await fulfilOrder(tx, order.id, { paymentIntentId: checkout.paymentIntentId, paidAt: now }, work)) === "fulfilled";
      }
      return closeUnpaidOrder(tx, order.id, "EXPIRED", work);
    });
    if (done) changed++;
  }
  return changed;
}
