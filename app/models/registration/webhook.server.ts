// Webhook intake: what /webhooks/stripe does with a delivery. The signature is
// checked on the raw body; the event's id is recorded in the same transaction
// as its effect, so a second delivery changes nothing; the effect itself is
// fulfilment's (fulfilment.server.ts). Stripe and the test gateway deliver here
// alike, over HTTP.
import { refuse, type Outcome } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { StripeWebhookFromTheFutureError, verifyStripeWebhook, type StripeCharge, type StripeCheckoutSession, type StripeEvent } from "~/utils/stripe.server";
import { afterCommit, cancelInTransaction, closeUnpaidOrder, fulfilOrder, lockOrder, markProcessing, runAfterCommit, type AfterCommit } from "./fulfilment.server";
import { REGISTRATION_TX, type Tx } from "./registration.server";

async function orderForSession(tx: Tx, session: StripeCheckoutSession): Promise<string | null> {
  const bySession = await tx.registrationOrder.findUnique({ where: { checkoutSessionId: session.id }, select: { id: true } });
  if (bySession) return bySession.id;
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  if (!orderId) return null;
  const byId = await tx.registrationOrder.findUnique({ where: { id: orderId }, select: { id: true, checkoutSessionId: true } });
  // An order whose session is known answers only to that session.
  return byId && (byId.checkoutSessionId === null || byId.checkoutSessionId === session.id) ? byId.id : null;
}

const paymentIntentOf = (session: StripeCheckoutSession) =>
  typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);

/** The provider reported the refunded total of a charge: record it (it only goes up) and settle our refunds. */
async function recordChargeRefunded(tx: Tx, charge: StripeCharge, work: AfterCommit): Promise<void> {
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  const found = await tx.registrationOrder.findFirst({
    where: { OR: [...(paymentIntentId ? [{ paymentIntentId }] : []), ...(charge.metadata?.orderId ? [{ id: charge.metadata.orderId }] : [])] },
    select: { id: true },
  });
  if (!found) {
    logger.warn({ chargeId: charge.id, paymentIntentId }, "charge.refunded for a payment we do not know");
    return;
  }
  const order = (await lockOrder(tx, found.id))!;
  const amountRefunded = Math.max(order.amountRefunded, charge.amount_refunded);
  await tx.registrationOrder.update({ where: { id: order.id }, data: { amountRefunded }, select: { id: true } });
  const settled = (charge.refunds?.data ?? []).filter((refund) => refund.status === "succeeded");
  if (settled.length) {
    // By the provider's id, or by ours in the refund's metadata: the event can
    // arrive before the provider's answer to issueRefund is recorded.
    const ourIds = settled.flatMap((refund) => (refund.metadata?.refundId ? [refund.metadata.refundId] : []));
    await tx.registrationRefund.updateMany({
      where: { orderId: order.id, OR: [{ stripeRefundId: { in: settled.map((refund) => refund.id) } }, { id: { in: ourIds } }] },
      data: { status: "SUCCEEDED" },
    });
  }
  // Refunded in full from outside (the Stripe dashboard) rather than by our own
  // cancellation or comp: the registration goes too.
  const ours = await tx.registrationRefund.aggregate({ where: { orderId: order.id, status: { not: "FAILED" } }, _sum: { amount: true } });
  const external = (ours._sum.amount ?? 0) < order.total;
  if (order.status === "PAID" && order.total > 0 && amountRefunded >= order.total && external && order.purpose === "REGISTRATION") {
    await cancelInTransaction(tx, order.registrationId, { refunds: [], reason: "Refunded in full", byOrganizer: true }, work);
  }
}

async function applyStripeEvent(tx: Tx, event: StripeEvent, work: AfterCommit): Promise<void> {
  const paidAt = new Date(event.created * 1000);
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const orderId = await orderForSession(tx, session);
      if (!orderId) return;
      const order = await tx.registrationOrder.findUniqueOrThrow({ where: { id: orderId }, select: { total: true, currency: true } });
      if (session.amount_total !== null && (session.amount_total !== order.total || session.currency?.toLowerCase() !== order.currency.toLowerCase())) {
        logger.error({ orderId, sessionId: session.id, amount: session.amount_total, expected: order.total }, "a Checkout Session was paid with another amount than its order: not fulfilled");
        return;
      }
      const settled = event.type === "checkout.session.async_payment_succeeded" || session.payment_status === "paid" || session.payment_status === "no_payment_required";
      if (settled) await fulfilOrder(tx, orderId, { paymentIntentId: paymentIntentOf(session), paidAt }, work);
      else await markProcessing(tx, orderId, paymentIntentOf(session));
      return;
    }
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const orderId = await orderForSession(tx, event.data.object);
      if (orderId) await closeUnpaidOrder(tx, orderId, event.type === "checkout.session.expired" ? "EXPIRED" : "FAILED", work);
      return;
    }
    case "charge.refunded":
      await recordChargeRefunded(tx, event.data.object, work);
      return;
    default:
      // Other events are recorded (so they count as seen) and otherwise ignored.
      return;
  }
}

/**
 * What /webhooks/stripe does with a request: verify the signature on the raw
 * body (refused, INVALID, and no write when it is missing, wrong or older than
 * 5 minutes), then record the event id and apply it in one transaction.
 */
export async function receiveStripeWebhook(payload: string, signature: string | null, now: Date = new Date()): Promise<Outcome<{ message: string }>> {
  let event: StripeEvent;
  try {
    event = verifyStripeWebhook(payload, signature, now);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "refused a Stripe webhook");
    if (error instanceof StripeWebhookFromTheFutureError) {
      return refuse("INVALID", "The Stripe signature is dated more than 5 minutes in the future; check the sender's clock.");
    }
    return refuse("INVALID", "The Stripe signature is missing, wrong or too old.");
  }
  if (typeof event.id !== "string" || typeof event.type !== "string" || typeof event.created !== "number" || typeof event.data?.object !== "object" || event.data.object === null) {
    return refuse("INVALID", "That is not a Stripe event.");
  }
  const work = afterCommit();
  const processed = await prisma.$transaction(async (tx) => {
    // The unique id makes a second delivery wait for the first, then find it here.
    const inserted = await tx.$executeRaw`INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return false;
    await applyStripeEvent(tx, event, work);
    return true;
  }, REGISTRATION_TX);
  if (!processed) return { ok: true, message: "Already processed." };
  await runAfterCommit(work);
  return { ok: true, message: "Processed." };
}
