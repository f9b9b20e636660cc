// Refunds leave through the payment gateway after the transaction that decided
// them has committed (fulfilment.server.ts runs them). The row is written
// first, PENDING; what the gateway answers is recorded on it, and the provider's
// charge.refunded event (webhook.server.ts) settles it and the order's refunded
// total, whichever comes first.
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { paymentGateway } from "./payment-gateway";

/** Sends a recorded refund to the payment provider; a refund already sent or settled is left alone. */
export async function issueRefund(refundId: string): Promise<void> {
  const refund = await prisma.registrationRefund.findUnique({
    where: { id: refundId },
    select: { id: true, amount: true, status: true, stripeRefundId: true, order: { select: { id: true, paymentIntentId: true, total: true, currency: true } } },
  });
  if (!refund || refund.status !== "PENDING" || refund.stripeRefundId) return;
  const { order } = refund;
  const others = await prisma.registrationRefund.aggregate({ where: { orderId: order.id, status: { not: "FAILED" }, id: { not: refund.id } }, _sum: { amount: true } });
  const result = await paymentGateway().refund({
    refundId: refund.id,
    orderId: order.id,
    amount: refund.amount,
    payment: { paymentIntentId: order.paymentIntentId, amount: order.total, currency: order.currency, refundedBefore: others._sum.amount ?? 0 },
  });
  if (result.status === "FAILED") logger.error({ refundId, orderId: order.id }, "the payment provider refused a refund");
  if (result.providerRefundId) {
    await prisma.registrationRefund.update({ where: { id: refund.id }, data: { stripeRefundId: result.providerRefundId }, select: { id: true } });
  }
  // Never backwards: the provider's event may have settled it already.
  if (result.status !== "PENDING") await prisma.registrationRefund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { status: result.status } });
}
