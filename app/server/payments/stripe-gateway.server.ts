// Payments through Stripe (STRIPE_SECRET_KEY is set): Checkout Sessions for
// checkouts, Stripe's refunds API for refunds. What happened arrives later as
// Stripe's signed events at /webhooks/stripe.
import type Stripe from "stripe";
import type { CheckoutRequest, CheckoutState, OpenedCheckout, PaymentGateway, RefundRequest, RefundResult } from "~/models/registration/payment-gateway";
import { logger } from "~/utils/logger.server";
import { CHECKOUT_MINUTES, createStripeCheckoutSession } from "~/utils/stripe.server";

export class StripePaymentGateway implements PaymentGateway {
  readonly name = "stripe";

  constructor(private readonly stripe: Stripe) {}

  async openCheckout(request: CheckoutRequest): Promise<OpenedCheckout> {
    // Stripe wants expires_at at least 30 minutes after it receives the request.
    const expiresAt = new Date(Math.max(request.expiresAt.getTime(), Date.now() + CHECKOUT_MINUTES * 60_000 + 15_000));
    const session = await createStripeCheckoutSession(
      this.stripe,
      { id: request.orderId, currency: request.currency, discount: request.discount, expiresAt, customerEmail: request.customerEmail, description: request.description },
      request.lines,
      { success: request.successUrl, cancel: request.cancelUrl },
    );
    return { sessionId: session.id, url: session.url, paymentIntentId: session.paymentIntentId, expiresAt };
  }

  async retrieveCheckout(sessionId: string): Promise<CheckoutState | null> {
    const session = await this.stripe.checkout.sessions.retrieve(sessionId).catch(() => null);
    if (!session) return null;
    return {
      status: session.status === "complete" ? "complete" : session.status === "expired" ? "expired" : "open",
      paid: session.payment_status === "paid" || session.payment_status === "no_payment_required",
      paymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
    };
  }

  async expireCheckout(sessionId: string): Promise<void> {
    await this.stripe.checkout.sessions.expire(sessionId);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const { paymentIntentId } = request.payment;
    if (!paymentIntentId) {
      logger.error({ refundId: request.refundId }, "refund of an order without a payment intent");
      return { providerRefundId: null, status: "FAILED" };
    }
    try {
      const made = await this.stripe.refunds.create(
        { payment_intent: paymentIntentId, amount: request.amount, metadata: { refundId: request.refundId, orderId: request.orderId } },
        { idempotencyKey: `refund-${request.refundId}` },
      );
      const status = made.status === "succeeded" ? "SUCCEEDED" : made.status === "failed" || made.status === "canceled" ? "FAILED" : "PENDING";
      return { providerRefundId: made.id, status };
    } catch (error) {
      logger.error({ err: error, refundId: request.refundId }, "Stripe refused a refund");
      return { providerRefundId: null, status: "FAILED" };
    }
  }
}
