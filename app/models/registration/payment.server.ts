// Payments: one fulfilment function for every path (Stripe's webhook, the test
// payment page through that same webhook code, free registrations), expiry and
// failure of checkouts, refunds, and the sweep that releases abandoned holds.
//
// Exactly once: a webhook event's id is inserted into StripeEvent in the same
// transaction as its effect, so a second delivery (repeated, concurrent or late)
// finds it and changes nothing. Never backwards: every change is a transition
// from named states on a row locked FOR UPDATE (paid never returns to open).
// Rows are always locked in one order — registration, order, add-ons by id,
// promo code — so concurrent deliveries and cancellations cannot deadlock.
// Mail is queued in the same transaction (queueMail); calls to Stripe happen
// after the commit, from the AfterCommit list.
import { queueMail } from "~/utils/mail.server";
import type { OrderStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import {
  isTestPaymentMode,
  signWebhookPayload,
  stripeClient,
  StripeWebhookFromTheFutureError,
  testObjectId,
  verifyStripeWebhook,
  type StripeCharge,
  type StripeCheckoutSession,
  type StripeEvent,
} from "~/utils/stripe.server";
import { cancelledMail, latePaymentRefundedMail, paymentFailedMail, receiptMail } from "./mail.server";
import { getRegistrationDetail, grantAttendeeRole, isConfirmed, REGISTRATION_TX, revokeAttendeeRoleUnlessConfirmed, type Tx } from "./registration.server";

/** What to do at Stripe once the transaction has committed. */
export type AfterCommit = { refunds: string[]; expireCheckoutSessions: string[] };

export function afterCommit(): AfterCommit {
  return { refunds: [], expireCheckoutSessions: [] };
}

export async function runAfterCommit(work: AfterCommit): Promise<void> {
  const stripe = stripeClient();
  for (const sessionId of work.expireCheckoutSessions) {
    if (!stripe) break;
    // Stripe then sends checkout.session.expired, which finds the order already expired.
    await stripe.checkout.sessions.expire(sessionId).catch((error: unknown) => logger.warn({ err: error, sessionId }, "could not expire a Checkout Session at Stripe"));
  }
  for (const refundId of work.refunds) await issueRefund(refundId);
}

/** Runs `change` in a transaction with the registration settings, then its after-commit work. */
export async function inRegistrationTransaction<T>(change: (tx: Tx, work: AfterCommit) => Promise<T>): Promise<T> {
  const work = afterCommit();
  const result = await prisma.$transaction((tx) => change(tx, work), REGISTRATION_TX);
  await runAfterCommit(work);
  return result;
}

// --- Locks --------------------------------------------------------------------------

async function lockRegistration(tx: Tx, registrationId: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: string; verification: string; userId: string; meetingId: string }[]>`
    SELECT id, status::text, verification::text, "userId", "meetingId" FROM "Registration" WHERE id = ${registrationId} FOR UPDATE`;
  return row ?? null;
}

type LockedOrder = { id: string; registrationId: string; status: OrderStatus; purpose: string; total: number; amountRefunded: number; promoCodeId: string | null; newCategoryId: string | null };

/** Locks the order's registration, then the order (the one lock order everywhere). */
async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  const owner = await tx.registrationOrder.findUnique({ where: { id: orderId }, select: { registrationId: true } });
  if (!owner) return null;
  await lockRegistration(tx, owner.registrationId);
  const [row] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, "registrationId", status::text AS status, purpose::text AS purpose, total, "amountRefunded", "promoCodeId", "newCategoryId"
      FROM "RegistrationOrder" WHERE id = ${orderId} FOR UPDATE`;
  return row ?? null;
}

/** Counts of add-on items grouped by add-on, in id order so that locks are always taken in one order. */
function countByAddOn(rows: { addOnId: string | null }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { addOnId } of rows) if (addOnId) counts.set(addOnId, (counts.get(addOnId) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Marks the order's unreleased add-on items released and returns them. */
async function releaseItems(tx: Tx, orderId: string): Promise<{ addOnId: string | null }[]> {
  return tx.$queryRaw<{ addOnId: string | null }[]>`
    UPDATE "RegistrationOrderItem" SET "releasedAt" = now()
     WHERE "orderId" = ${orderId} AND kind = 'ADD_ON' AND "releasedAt" IS NULL
     RETURNING "addOnId"`;
}

// --- Fulfilment -----------------------------------------------------------------------

export type Payment = { paymentIntentId: string | null; paidAt: Date };

/**
 * Marks an order paid and gives the person what they paid for: held seats become
 * sold, the registration becomes active (or moves to its new category), a bought
 * membership starts, a confirmed registration grants the ATTENDEE role, and the
 * receipt is mailed. Every path that learns of a payment calls this; a payment it
 * already knows of changes nothing. A payment that arrives after its checkout
 * expired takes its seats again if they are still free, and is refunded if not.
 */
export async function fulfilOrder(tx: Tx, orderId: string, payment: Payment, work: AfterCommit): Promise<"fulfilled" | "already-paid" | "refunded-late" | "unknown"> {
  const order = await lockOrder(tx, orderId);
  if (!order) return "unknown";
  if (order.status === "PAID") return "already-paid";
  const late = order.status === "EXPIRED" || order.status === "FAILED";

  await tx.registrationOrder.update({
    where: { id: order.id },
    data: { status: "PAID", paidAt: payment.paidAt, ...(payment.paymentIntentId ? { paymentIntentId: payment.paymentIntentId } : {}) },
    select: { id: true },
  });
  const registration = (await tx.registration.findUniqueOrThrow({
    where: { id: order.registrationId },
    select: { id: true, status: true, userId: true, meetingId: true },
  }))!;

  const addOnItems = await tx.registrationOrderItem.findMany({ where: { orderId: order.id, kind: "ADD_ON" }, select: { id: true, addOnId: true, releasedAt: true } });
  let deliverable = registration.status !== "CANCELLED";
  if (deliverable && late) {
    // The seats were released when the checkout expired: take them again, if free.
    const taken: [string, number][] = [];
    for (const [addOnId, count] of countByAddOn(addOnItems)) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "RegistrationAddOn" SET sold = sold + ${count}
         WHERE id = ${addOnId} AND (capacity IS NULL OR sold + held + ${count} <= capacity) RETURNING id`;
      if (rows.length === 0) {
        deliverable = false;
        break;
      }
      taken.push([addOnId, count]);
    }
    const otherLive = order.purpose === "REGISTRATION" && registration.status === "EXPIRED"
      ? await tx.registration.findFirst({ where: { meetingId: registration.meetingId, userId: registration.userId, status: { in: ["AWAITING_PAYMENT", "ACTIVE"] }, id: { not: registration.id } }, select: { id: true } })
      : null;
    if (otherLive) deliverable = false;
    if (deliverable) {
      await tx.registrationOrderItem.updateMany({ where: { orderId: order.id, kind: "ADD_ON" }, data: { releasedAt: null } });
      if (order.promoCodeId) await tx.$executeRaw`UPDATE "PromoCode" SET uses = uses + 1 WHERE id = ${order.promoCodeId} AND ("maxUses" IS NULL OR uses < "maxUses")`;
    } else {
      for (const [addOnId, count] of taken) await tx.$executeRaw`UPDATE "RegistrationAddOn" SET sold = sold - ${count} WHERE id = ${addOnId}`;
    }
  } else if (!late) {
    // Held seats become sold seats, in one conditional-free step: they were counted when held.
    for (const [addOnId, count] of countByAddOn(addOnItems.filter((item) => item.releasedAt === null))) {
      await tx.$executeRaw`UPDATE "RegistrationAddOn" SET held = held - ${count}, sold = sold + ${count} WHERE id = ${addOnId}`;
    }
    if (!deliverable) {
      // Paid after the registration was cancelled (a bank payment settling late): give it all back.
      for (const [addOnId, count] of countByAddOn(await releaseItems(tx, order.id))) {
        await tx.$executeRaw`UPDATE "RegistrationAddOn" SET sold = sold - ${count} WHERE id = ${addOnId}`;
      }
    }
  }

  if (!deliverable) {
    if (late) await tx.registrationOrderItem.updateMany({ where: { orderId: order.id, kind: "ADD_ON", releasedAt: null }, data: { releasedAt: new Date() } });
    if (order.total > 0) {
      const refund = await tx.registrationRefund.create({ data: { orderId: order.id, amount: order.total, reason: "Paid after the checkout had closed" }, select: { id: true } });
      work.refunds.push(refund.id);
    }
    const detail = await getRegistrationDetail(registration.id, tx);
    if (detail) await queueMail(tx, latePaymentRefundedMail(detail, order.total));
    return "refunded-late";
  }

  if (order.purpose === "REGISTRATION") {
    await tx.registration.updateMany({ where: { id: registration.id, status: { in: ["AWAITING_PAYMENT", "EXPIRED"] } }, data: { status: "ACTIVE" } });
  } else if (order.newCategoryId) {
    const category = await tx.registrationCategory.findUniqueOrThrow({ where: { id: order.newCategoryId }, select: { id: true, requiresProof: true } });
    await tx.registration.update({
      where: { id: registration.id },
      data: { categoryId: category.id, verification: category.requiresProof ? "PENDING" : "NOT_REQUIRED", rejectionReason: null },
      select: { id: true },
    });
  }

  const membershipItems = await tx.registrationOrderItem.count({ where: { orderId: order.id, kind: "MEMBERSHIP" } });
  if (membershipItems > 0) {
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: registration.meetingId }, select: { societyId: true } });
    const expiresOn = new Date(Date.UTC(payment.paidAt.getUTCFullYear() + 1, payment.paidAt.getUTCMonth(), payment.paidAt.getUTCDate()));
    await tx.$executeRaw`
      INSERT INTO "SocietyMembership" (id, "userId", "societyId", kind, "expiresOn")
      VALUES (${`mem_${order.id}`}, ${registration.userId}, ${meeting.societyId}, 'IN_TRAINING', ${expiresOn}::date)
      ON CONFLICT ("userId", "societyId") DO UPDATE SET "expiresOn" = GREATEST("SocietyMembership"."expiresOn", EXCLUDED."expiresOn")`;
  }

  const detail = (await getRegistrationDetail(registration.id, tx))!;
  if (isConfirmed(detail)) {
    if (!detail.confirmedAt) await tx.registration.update({ where: { id: detail.id }, data: { confirmedAt: payment.paidAt }, select: { id: true } });
    await grantAttendeeRole(tx, detail.meetingId, detail.userId);
  }
  await queueMail(tx, receiptMail(detail, order.id));

  // A refund Stripe reported before the payment itself (events arrive in any order).
  if (order.total > 0 && order.amountRefunded >= order.total) await cancelInTransaction(tx, detail.id, { refunds: [], reason: "Refunded in full", byOrganizer: true }, work);
  return "fulfilled";
}

/** A checkout completed with a payment that settles later (bank debits): seats stay held until it does. */
async function markProcessing(tx: Tx, orderId: string, paymentIntentId: string | null): Promise<void> {
  const order = await lockOrder(tx, orderId);
  if (order?.status !== "OPEN") return;
  await tx.registrationOrder.update({
    where: { id: order.id },
    data: { status: "PROCESSING", ...(paymentIntentId ? { paymentIntentId } : {}) },
    select: { id: true },
  });
}

/**
 * Ends a checkout that will not be paid: expired (from OPEN) or failed (from OPEN
 * or PROCESSING). Its held seats and promo use are given back once, and a
 * registration that was waiting for it expires.
 */
export async function closeUnpaidOrder(
  tx: Tx,
  orderId: string,
  outcome: "EXPIRED" | "FAILED",
  work: AfterCommit,
  options: { expireAtStripe?: boolean } = {},
): Promise<boolean> {
  const order = await lockOrder(tx, orderId);
  if (!order) return false;
  const from: OrderStatus[] = outcome === "EXPIRED" ? ["OPEN"] : ["OPEN", "PROCESSING"];
  if (!from.includes(order.status)) return false;
  const closed = await tx.registrationOrder.update({ where: { id: order.id }, data: { status: outcome }, select: { checkoutSessionId: true } });
  for (const [addOnId, count] of countByAddOn(await releaseItems(tx, order.id))) {
    await tx.$executeRaw`UPDATE "RegistrationAddOn" SET held = held - ${count} WHERE id = ${addOnId}`;
  }
  if (order.promoCodeId) await tx.$executeRaw`UPDATE "PromoCode" SET uses = uses - 1 WHERE id = ${order.promoCodeId} AND uses > 0`;
  if (order.purpose === "REGISTRATION") {
    await tx.registration.updateMany({ where: { id: order.registrationId, status: "AWAITING_PAYMENT" }, data: { status: "EXPIRED" } });
  }
  if (outcome === "FAILED") {
    const detail = await getRegistrationDetail(order.registrationId, tx);
    if (detail) await queueMail(tx, paymentFailedMail(detail));
  }
  if (options.expireAtStripe && closed.checkoutSessionId && !isTestPaymentMode()) work.expireCheckoutSessions.push(closed.checkoutSessionId);
  return true;
}

// --- Cancellation -------------------------------------------------------------------

export type CancelPlan = {
  /** Refunds to make, per paid order. */
  refunds: { orderId: string; amount: number }[];
  reason: string;
  byOrganizer: boolean;
  /** The fee kept, for the e-mail. */
  fee?: number;
};

/**
 * Cancels a live registration: open checkouts close, sold and held seats are
 * given back, the planned refunds are recorded (and issued after the commit),
 * the ATTENDEE role goes unless another confirmed registration keeps it, and
 * the person is told. A registration already cancelled changes nothing.
 */
export async function cancelInTransaction(tx: Tx, registrationId: string, plan: CancelPlan, work: AfterCommit): Promise<boolean> {
  const locked = await lockRegistration(tx, registrationId);
  if (!locked || (locked.status !== "ACTIVE" && locked.status !== "AWAITING_PAYMENT")) return false;
  await tx.registration.update({ where: { id: registrationId }, data: { status: "CANCELLED", cancelledAt: new Date() }, select: { id: true } });

  const orders = await tx.registrationOrder.findMany({ where: { registrationId }, select: { id: true, status: true }, orderBy: { id: "asc" } });
  for (const order of orders) {
    if (order.status === "OPEN") await closeUnpaidOrder(tx, order.id, "EXPIRED", work, { expireAtStripe: true });
    if (order.status === "PAID") {
      await tx.$queryRaw`SELECT id FROM "RegistrationOrder" WHERE id = ${order.id} FOR UPDATE`;
      for (const [addOnId, count] of countByAddOn(await releaseItems(tx, order.id))) {
        await tx.$executeRaw`UPDATE "RegistrationAddOn" SET sold = sold - ${count} WHERE id = ${addOnId}`;
      }
    }
  }
  let refunded = 0;
  for (const { orderId, amount } of plan.refunds) {
    if (amount <= 0) continue;
    const refund = await tx.registrationRefund.create({ data: { orderId, amount, reason: plan.reason }, select: { id: true } });
    work.refunds.push(refund.id);
    refunded += amount;
  }
  await revokeAttendeeRoleUnlessConfirmed(tx, locked.meetingId, locked.userId);
  const detail = await getRegistrationDetail(registrationId, tx);
  if (detail) await queueMail(tx, cancelledMail(detail, { amount: refunded, fee: plan.fee ?? 0, byOrganizer: plan.byOrganizer }));
  return true;
}

// --- Refunds --------------------------------------------------------------------------

/**
 * Sends a recorded refund to Stripe (idempotent by the refund's id), or, on the
 * test payment page's side, builds the charge.refunded event Stripe would send
 * and delivers it signed through the webhook code.
 */
export async function issueRefund(refundId: string): Promise<void> {
  const refund = await prisma.registrationRefund.findUnique({
    where: { id: refundId },
    select: { id: true, amount: true, status: true, stripeRefundId: true, order: { select: { id: true, paymentIntentId: true, total: true, currency: true } } },
  });
  if (!refund || refund.status !== "PENDING" || refund.stripeRefundId) return;
  const { order } = refund;
  const stripe = stripeClient();
  if (stripe) {
    if (!order.paymentIntentId) {
      logger.error({ refundId }, "refund of an order without a payment intent");
      await prisma.registrationRefund.update({ where: { id: refund.id }, data: { status: "FAILED" }, select: { id: true } });
      return;
    }
    try {
      const made = await stripe.refunds.create(
        { payment_intent: order.paymentIntentId, amount: refund.amount, metadata: { refundId: refund.id, orderId: order.id } },
        { idempotencyKey: `refund-${refund.id}` },
      );
      const status = made.status === "succeeded" ? "SUCCEEDED" : made.status === "failed" || made.status === "canceled" ? "FAILED" : "PENDING";
      await prisma.registrationRefund.update({ where: { id: refund.id }, data: { stripeRefundId: made.id, status }, select: { id: true } });
    } catch (error) {
      logger.error({ err: error, refundId }, "Stripe refused a refund");
      await prisma.registrationRefund.update({ where: { id: refund.id }, data: { status: "FAILED" }, select: { id: true } });
    }
    return;
  }
  const stripeRefundId = `re_test_${refund.id}`;
  await prisma.registrationRefund.update({ where: { id: refund.id }, data: { stripeRefundId }, select: { id: true } });
  const committed = await prisma.registrationRefund.aggregate({ where: { orderId: order.id, status: { not: "FAILED" } }, _sum: { amount: true } });
  const amountRefunded = Math.min(order.total, committed._sum.amount ?? refund.amount);
  const payload = JSON.stringify(
    testEvent("charge.refunded", {
      id: `ch_test_${order.id}`,
      object: "charge",
      amount: order.total,
      amount_refunded: amountRefunded,
      currency: order.currency.toLowerCase(),
      payment_intent: order.paymentIntentId,
      metadata: { orderId: order.id },
      refunded: amountRefunded >= order.total,
      refunds: { object: "list", data: [{ id: stripeRefundId, object: "refund", amount: refund.amount, status: "succeeded" }] },
    }),
  );
  const outcome = await receiveStripeWebhook(payload, signWebhookPayload(payload));
  if (outcome.status !== 200) logger.error({ refundId, outcome }, "the test refund event was refused");
}

/** Stripe reported the refunded total of a charge: record it (it only goes up) and settle our refunds. */
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
  const refundIds = (charge.refunds?.data ?? []).filter((refund) => refund.status === "succeeded").map((refund) => refund.id);
  if (refundIds.length) {
    await tx.registrationRefund.updateMany({ where: { orderId: order.id, stripeRefundId: { in: refundIds } }, data: { status: "SUCCEEDED" } });
  }
  // Refunded in full from outside (the Stripe dashboard) rather than by our own
  // cancellation or comp: the registration goes too.
  const ours = await tx.registrationRefund.aggregate({ where: { orderId: order.id, status: { not: "FAILED" } }, _sum: { amount: true } });
  const external = (ours._sum.amount ?? 0) < order.total;
  if (order.status === "PAID" && order.total > 0 && amountRefunded >= order.total && external && order.purpose === "REGISTRATION") {
    await cancelInTransaction(tx, order.registrationId, { refunds: [], reason: "Refunded in full", byOrganizer: true }, work);
  }
}

// --- Webhook ------------------------------------------------------------------------------

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

export type WebhookOutcome = { status: 200 | 400; message: string };

/**
 * What /webhooks/stripe does with a request: verify the signature on the raw
 * body (400 and no write when it is missing, wrong or older than 5 minutes),
 * then record the event id and apply it in one transaction.
 */
export async function receiveStripeWebhook(payload: string, signature: string | null, now: Date = new Date()): Promise<WebhookOutcome> {
  let event: StripeEvent;
  try {
    event = verifyStripeWebhook(payload, signature, now);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "refused a Stripe webhook");
    if (error instanceof StripeWebhookFromTheFutureError) {
      return { status: 400, message: "The Stripe signature is dated more than 5 minutes in the future; check the sender's clock." };
    }
    return { status: 400, message: "The Stripe signature is missing, wrong or too old." };
  }
  if (typeof event.id !== "string" || typeof event.type !== "string" || typeof event.created !== "number" || typeof event.data?.object !== "object" || event.data.object === null) {
    return { status: 400, message: "That is not a Stripe event." };
  }
  const work = afterCommit();
  const processed = await prisma.$transaction(async (tx) => {
    // The unique id makes a second delivery wait for the first, then find it here.
    const inserted = await tx.$executeRaw`INSERT INTO "StripeEvent" (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return false;
    await applyStripeEvent(tx, event, work);
    return true;
  }, REGISTRATION_TX);
  if (!processed) return { status: 200, message: "Already processed." };
  await runAfterCommit(work);
  return { status: 200, message: "Processed." };
}

// --- The test payment page's events ---------------------------------------------------------

/** An event shaped as Stripe sends them, for the built-in test payment page (and tests). */
export function testEvent(type: string, object: object, created: Date = new Date()) {
  return { id: testObjectId("evt"), object: "event", api_version: "2025-01-01", created: Math.floor(created.getTime() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
}

/** The checkout.session.* event Stripe would send for an order's test checkout. */
export async function checkoutTestEvent(orderId: string, type: "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed" | "checkout.session.expired", paymentStatus: "paid" | "unpaid" = "paid") {
  const order = await prisma.registrationOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, total: true, currency: true, checkoutSessionId: true, expiresAt: true, registration: { select: { user: { select: { email: true } } } } },
  });
  return testEvent(type, {
    id: order.checkoutSessionId ?? `cs_test_${order.id}`,
    object: "checkout.session",
    mode: "payment",
    status: type === "checkout.session.expired" ? "expired" : "complete",
    payment_status: type === "checkout.session.expired" ? "unpaid" : paymentStatus,
    amount_total: order.total,
    currency: order.currency.toLowerCase(),
    client_reference_id: order.id,
    customer_email: order.registration.user.email,
    metadata: { orderId: order.id },
    payment_intent: `pi_test_${order.id}`,
    expires_at: Math.floor(order.expiresAt.getTime() / 1000),
  });
}

/** Signs an event with the webhook secret and delivers it through the webhook code, as Stripe would. */
export async function deliverTestEvent(event: object): Promise<WebhookOutcome> {
  const payload = JSON.stringify(event);
  return receiveStripeWebhook(payload, signWebhookPayload(payload));
}

// --- Sweep ---------------------------------------------------------------------------------

/** Stripe may deliver checkout.session.expired a little late; the sweep leaves it that long first. */
export const SWEEP_GRACE_MS = 5 * 60_000;

/**
 * Closes checkouts that expired without a word from Stripe, giving back their
 * seats and promo uses. With Stripe, a session that did complete is fulfilled
 * instead. Returns how many orders it closed or fulfilled.
 */
export async function sweepExpiredCheckouts(now: Date = new Date(), graceMs: number = SWEEP_GRACE_MS): Promise<number> {
  const stale = await prisma.registrationOrder.findMany({
    where: { status: "OPEN", expiresAt: { lt: new Date(now.getTime() - graceMs) } },
    select: { id: true, checkoutSessionId: true },
    orderBy: { expiresAt: "asc" },
    take: 200,
  });
  const stripe = stripeClient();
  let changed = 0;
  for (const order of stale) {
    let session: StripeCheckoutSession | null = null;
    if (stripe && order.checkoutSessionId) {
      session = await stripe.checkout.sessions.retrieve(order.checkoutSessionId).catch(() => null);
    }
    const done = await inRegistrationTransaction(async (tx, work) => {
      if (session?.status === "complete" && (session.payment_status === "paid" || session.payment_status === "no_payment_required")) {
        return (await fulfilOrder(tx, order.id, { paymentIntentId: paymentIntentOf(session), paidAt: now }, work)) === "fulfilled";
      }
      return closeUnpaidOrder(tx, order.id, "EXPIRED", work);
    });
    if (done) changed++;
  }
  return changed;
}
