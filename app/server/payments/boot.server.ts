// Which payment gateway this process uses, chosen once at boot from the
// settings: Stripe when STRIPE_SECRET_KEY is set, else the test gateway, which
// delivers its events to APP_ORIGIN's /webhooks/stripe. Every entry point calls
// bootPaymentGateway before it serves: scripts/start.ts, e2e/server.ts and
// jobs/index.ts (the worker); tests install their own.
import { installedPaymentGateway, installPaymentGateway, type PaymentGateway } from "~/models/registration/payment-gateway";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { stripeClient } from "~/utils/stripe.server";
import { StripePaymentGateway } from "./stripe-gateway.server";
import { TestPaymentGateway } from "./test-gateway.server";

export function choosePaymentGateway(): PaymentGateway {
  const stripe = stripeClient();
  return stripe ? new StripePaymentGateway(stripe) : new TestPaymentGateway(absoluteUrl(href.stripeWebhook()));
}

/** Installs the gateway the settings choose, unless one is installed already. */
export function bootPaymentGateway(): PaymentGateway {
  return installedPaymentGateway() ?? installPaymentGateway(choosePaymentGateway());
}
