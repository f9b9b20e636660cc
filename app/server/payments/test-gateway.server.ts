// The test gateway: Stripe's stand-in on a site without STRIPE_SECRET_KEY (the
// embedded default, development, the e2e suite). Its checkout page is the test
// payment page on this site; what the customer does there, and every refund,
// becomes the event Stripe would send, signed with the webhook secret and
// POSTed to /webhooks/stripe at APP_ORIGIN, as Stripe does. Nothing reaches the
// webhook code by a shortcut, so every payment takes the path Stripe's take.
//
// It keeps no records of its own: a checkout's session id and page address are
// stored on the order (as Stripe's are), and what the page shows and pays is
// read from there, so any instance of the web app can serve the page.
import type { CheckoutRequest, CheckoutState, OpenedCheckout, PaymentGateway, RefundRequest, RefundResult } from "~/models/registration/payment-gateway";
import { refuse, type Outcome } from "~/models/refusal";
import { href } from "~/utils/href";
import { logger } from "~/utils/logger.server";
import { chargeRefundedEvent, checkoutSessionEvent, deliverStripeEvent, type CheckoutEventType, type Delivery } from "~/utils/stripe-events.server";

/** A checkout as its page knows it (from the order it belongs to). */
export type TestCheckout = {
  sessionId: string;
  orderId: string;
  amount: number;
  currency: string;
  customerEmail: string;
  expiresAt: Date;
  status: "OPEN" | "PROCESSING" | "PAID" | "EXPIRED" | "FAILED";
};

/** What a customer (and later their bank) can do at Stripe Checkout. */
export type CustomerStep = "pay" | "pay-by-bank" | "bank-settles" | "bank-fails";

const EVENT_OF: Record<CustomerStep, [CheckoutEventType, "paid" | "unpaid"]> = {
  pay: ["checkout.session.completed", "paid"],
  "pay-by-bank": ["checkout.session.completed", "unpaid"],
  "bank-settles": ["checkout.session.async_payment_succeeded", "paid"],
  "bank-fails": ["checkout.session.async_payment_failed", "unpaid"],
};

export class TestPaymentGateway implements PaymentGateway {
  readonly name = "test";

  /** `webhookUrl`: where events go (APP_ORIGIN's /webhooks/stripe); `secret`: the webhook secret, by default the site's. */
  constructor(
    readonly webhookUrl: string,
    private readonly secret?: string,
  ) {}

  async openCheckout(request: CheckoutRequest): Promise<OpenedCheckout> {
    return { sessionId: `cs_test_${request.orderId}`, url: href.testPayment(request.meetingSlug, request.orderId), paymentIntentId: null, expiresAt: request.expiresAt };
  }

  /** Unknown: it keeps no records, and the order's own state is all there is. */
  async retrieveCheckout(): Promise<CheckoutState | null> {
    return null;
  }

  /** The test page's checkout simply stays closed; the order already says so. */
  async expireCheckout(): Promise<void> {}

  async refund(request: RefundRequest): Promise<RefundResult> {
    const providerRefundId = `re_test_${request.refundId}`;
    const { payment } = request;
    const event = chargeRefundedEvent(
      { orderId: request.orderId, paymentIntentId: payment.paymentIntentId, amount: payment.amount, amountRefunded: Math.min(payment.amount, payment.refundedBefore + request.amount), currency: payment.currency },
      { id: providerRefundId, amount: request.amount, metadata: { refundId: request.refundId, orderId: request.orderId } },
    );
    const delivery = await this.deliver(event);
    if (delivery.status !== 200) {
      logger.error({ refundId: request.refundId, delivery }, "the test refund event was refused");
      return { providerRefundId, status: "PENDING" };
    }
    return { providerRefundId, status: "SUCCEEDED" };
  }

  /**
   * What the customer does on the test payment page: the matching
   * checkout.session.* event goes to the webhook. Paying needs an open
   * checkout, and the bank's answer a payment on its way.
   */
  async customerActs(checkout: TestCheckout, step: CustomerStep, now: Date = new Date()): Promise<Outcome> {
    const open = checkout.status === "OPEN" && checkout.expiresAt > now;
    if ((step === "pay" || step === "pay-by-bank") && !open) {
      return refuse("GONE", "This checkout has expired, so nothing can be paid here. Start again from the registration page.");
    }
    if ((step === "bank-settles" || step === "bank-fails") && checkout.status !== "PROCESSING") {
      return refuse("CONFLICT", "There is no bank payment waiting for this checkout.");
    }
    const [type, paymentStatus] = EVENT_OF[step];
    const delivery = await this.deliver(checkoutSessionEvent(type, { ...checkout, paymentIntentId: `pi_test_${checkout.orderId}` }, paymentStatus));
    if (delivery.status !== 200) {
      logger.error({ orderId: checkout.orderId, step, delivery }, "the webhook refused the test payment's event");
      return refuse("UNAVAILABLE", `The test payment could not be confirmed: ${this.webhookUrl} answered ${delivery.status || "nothing"}. Is APP_ORIGIN this site's address?`);
    }
    return { ok: true };
  }

  /** Signs and POSTs an event to the webhook, as Stripe does. */
  deliver(event: object): Promise<Delivery> {
    return deliverStripeEvent(this.webhookUrl, event, { secret: this.secret });
  }
}

/** Whether the installed gateway is the test one (the test payment page exists only then). */
export function isTestGateway(gateway: PaymentGateway | null): gateway is TestPaymentGateway {
  // By name, not instanceof: the boot may install it from another copy of this module.
  return gateway?.name === "test";
}
