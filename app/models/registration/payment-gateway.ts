// The payment provider, as the registration models need it: open a checkout
// page for an order, ask how a checkout went, close one early, refund a
// payment. What the provider then tells us arrives as signed events at
// /webhooks/stripe (webhook.server.ts), never as a return value.
//
// The models depend on this interface only. The implementations live in the
// request layer (app/server/payments/): Stripe's, and a test gateway that
// stands in for Stripe Checkout on sites without a Stripe key and delivers its
// signed events over HTTP exactly as Stripe does. The process's boot chooses
// one (bootPaymentGateway) and installs it here, once.

/** An order to be paid on the provider's checkout page. Amounts are in minor units. */
export type CheckoutRequest = {
  orderId: string;
  /** The meeting's slug: a checkout page on this very site (the test gateway's) lives under it. */
  meetingSlug: string;
  currency: string;
  lines: { name: string; amount: number }[];
  /** Off the total, as one discount (Checkout takes no negative lines). */
  discount: number;
  expiresAt: Date;
  customerEmail: string;
  description: string;
  /** Absolute addresses the provider sends the person back to (href + absoluteUrl). */
  successUrl: string;
  cancelUrl: string;
};

export type OpenedCheckout = {
  sessionId: string;
  /** Where to send the person to pay. */
  url: string;
  paymentIntentId: string | null;
  /** The provider may keep a checkout open longer than asked (Stripe: 30 minutes at least). */
  expiresAt: Date;
};

/** How a checkout went, as the provider knows it. */
export type CheckoutState = { status: "open" | "complete" | "expired"; paid: boolean; paymentIntentId: string | null };

export type RefundRequest = {
  refundId: string;
  orderId: string;
  amount: number;
  /**
   * The payment refunded, as the provider already knows it: a stand-in that
   * keeps no records of its own (the test gateway) reports the charge from it.
   */
  payment: { paymentIntentId: string | null; amount: number; currency: string; refundedBefore: number };
};

export type RefundResult = { providerRefundId: string | null; status: "PENDING" | "SUCCEEDED" | "FAILED" };

export interface PaymentGateway {
  readonly name: "stripe" | "test";
  /** Opens the checkout page of an order; idempotent by the order's id. Throws when the provider cannot be reached. */
  openCheckout(request: CheckoutRequest): Promise<OpenedCheckout>;
  /** The checkout's state at the provider, or null when it cannot tell. */
  retrieveCheckout(sessionId: string): Promise<CheckoutState | null>;
  /** Closes a checkout that will not be paid, so that nobody pays it later. */
  expireCheckout(sessionId: string): Promise<void>;
  /** Refunds part or all of a payment; idempotent by the refund's id. */
  refund(request: RefundRequest): Promise<RefundResult>;
}

// On globalThis, as the Prisma client is: the models load twice in one process
// (the Remix server build, and the worker and scripts beside it), and both
// copies must use the gateway the boot installed.
const slot = globalThis as unknown as { paymentGateway?: PaymentGateway };

/** Installs the gateway every payment goes through (at boot; tests install their own). */
export function installPaymentGateway<G extends PaymentGateway>(gateway: G): G {
  slot.paymentGateway = gateway;
  return gateway;
}

export function installedPaymentGateway(): PaymentGateway | null {
  return slot.paymentGateway ?? null;
}

export function paymentGateway(): PaymentGateway {
  if (!slot.paymentGateway) {
    throw new Error("No payment gateway is installed: the process's boot calls bootPaymentGateway() (app/server/payments/boot.server.ts).");
  }
  return slot.paymentGateway;
}
