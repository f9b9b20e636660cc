// Fulfilment: what an order's payment (or its absence) does to a registration.
// One fulfilment function for every path that learns of a payment (the
// provider's webhook, the sweep, free registrations), the closing of checkouts
// that will not be paid, and the core of cancellation. Webhook intake, the
// sweep and refunds sit beside it (webhook.server.ts, sweep.server.ts,
// refunds.server.ts) and call these.
//
// Exactly once: a webhook event's id is inserted into StripeEvent in the same
// transaction as its effect, so a second delivery (repeated, concurrent or late)
// finds it and changes nothing. Never backwards: every change is a transition
// from named states on a row locked FOR UPDATE (paid never returns to open).
// Rows are always locked in one order — registration, order, add-ons by id,
// promo code — so concurrent deliveries and cancellations cannot deadlock.
// Mail is queued in the same transaction (queueMail); calls to the payment
// provider happen after the commit, from the AfterCommit list.
import type { OrderStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { queueMail } from "~/utils/mail.server";
import { cancelledMail, latePaymentRefundedMail, paymentFailedMail, receiptMail } from "./mail.server";
import { paymentGateway } from "./payment-gateway";
import { issueRefund } from "./refunds.server";
import { getRegistrationDetail, grantAttendeeRole, isConfirmed, REGISTRATION_TX, revokeAttendeeRoleUnlessConfirmed, type Tx } from "./registration.server";

/** What to ask of the payment provider once the transaction has committed. */
export type AfterCommit = { refunds: string[]; expireCheckoutSessions: string[] };

export function afterCommit(): AfterCommit {
  return { refunds: [], expireCheckoutSessions: [] };
}

export async function runAfterCommit(work: AfterCommit): Promise<void> {
  for (const sessionId of work.expireCheckoutSessions) {
    // The provider then sends checkout.session.expired, which finds the order already expired.
    await paymentGateway()
      .expireCheckout(sessionId)
      .catch((error: unknown) => logger.warn({ err: error, sessionId }, "could not expire a checkout at the payment provider"));
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
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
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

  // A refund the provider reported before the payment itself (events arrive in any order).
  if (order.total > 0 && order.amountRefunded >= order.total) await cancelInTransaction(tx, detail.id, { refunds: [], reason: "Refunded in full", byOrganizer: true }, work);
  return "fulfilled";
}

/** A checkout completed with a payment that settles later (bank debits): seats stay held until it does. */
export async function markProcessing(tx: Tx, orderId: string, paymentIntentId: string | null): Promise<void> {
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
  options: { expireAtProvider?: boolean } = {},
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
  if (options.expireAtProvider && closed.checkoutSessionId) work.expireCheckoutSessions.push(closed.checkoutSessionId);
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
    if (order.status === "OPEN") await closeUnpaidOrder(tx, order.id, "EXPIRED", work, { expireAtProvider: true });
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
