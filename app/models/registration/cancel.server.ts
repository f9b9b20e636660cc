// Cancelling, refunding and comping registrations. The attendee cancels within
// the meeting's refund policy; organizers refund any amount (and may cancel) or
// make a registration complimentary. Each is one transaction on the locked
// registration; the money moves after the commit (refunds.server.ts).
import { refuse, type Outcome } from "~/models/refusal";
import { queueMail } from "~/utils/mail.server";
import { cancelInTransaction, closeUnpaidOrder, inRegistrationTransaction } from "./fulfilment.server";
import { confirmedMail, refundedMail } from "./mail.server";
import { formatMoney, refundFor } from "./pricing";
import { getRegistrationDetail, grantAttendeeRole, refundableByOrder, type RegistrationDetail, type Tx } from "./registration.server";

/** What was refunded and the fee kept, in minor units. */
export type CancelOutcome = Outcome<{ refunded: number; fee: number }>;

async function lockedDetail(tx: Tx, registrationId: string): Promise<RegistrationDetail | null> {
  await tx.$queryRaw`SELECT id FROM "Registration" WHERE id = ${registrationId} FOR UPDATE`;
  return getRegistrationDetail(registrationId, tx);
}

/** Spreads `amount` over the orders' refundable amounts, newest order first. */
function allocate(amount: number, refundable: { orderId: string; refundable: number }[]): { orderId: string; amount: number }[] {
  const plan: { orderId: string; amount: number }[] = [];
  let left = amount;
  for (const entry of [...refundable].reverse()) {
    if (left <= 0) break;
    const take = Math.min(left, entry.refundable);
    plan.push({ orderId: entry.orderId, amount: take });
    left -= take;
  }
  return plan;
}

/**
 * The attendee cancels their own registration. Paid: refunded as the policy says
 * on today's date in the meeting's zone. Awaiting payment: the checkout closes.
 */
export async function cancelOwnRegistration(registrationId: string, userId: string, now: Date = new Date()): Promise<CancelOutcome> {
  return inRegistrationTransaction(async (tx, work): Promise<CancelOutcome> => {
    const detail = await lockedDetail(tx, registrationId);
    if (!detail || detail.userId !== userId) return refuse("NOT_FOUND", "There is no such registration.");
    if (detail.status === "AWAITING_PAYMENT") {
      for (const order of detail.orders.filter((candidate) => candidate.status === "OPEN")) {
        await closeUnpaidOrder(tx, order.id, "EXPIRED", work, { expireAtProvider: true });
      }
      return { ok: true, refunded: 0, fee: 0 };
    }
    if (detail.status !== "ACTIVE") return refuse("CONFLICT", "This registration is already cancelled.");
    const refundable = refundableByOrder(detail.orders);
    const total = refundable.reduce((sum, entry) => sum + entry.refundable, 0);
    const { amount, fee } = refundFor(detail.meeting.registrationPolicy, total, now, detail.meeting.timeZone);
    await cancelInTransaction(tx, detail.id, { refunds: allocate(amount, refundable), reason: "Cancelled by the attendee", byOrganizer: false, fee }, work);
    return { ok: true, refunded: amount, fee };
  });
}

/** What cancelling now would refund, for the confirmation the page shows first. */
export function previewCancellation(detail: RegistrationDetail, now: Date = new Date()) {
  const refundable = refundableByOrder(detail.orders).reduce((sum, entry) => sum + entry.refundable, 0);
  return { refundable, ...refundFor(detail.meeting.registrationPolicy, refundable, now, detail.meeting.timeZone) };
}

/** An organizer refunds up to what was paid (membership dues included), and may cancel the registration too. */
export async function refundByOrganizer(input: { meetingId: string; registrationId: string; amount: number; cancel: boolean }): Promise<CancelOutcome> {
  return inRegistrationTransaction(async (tx, work): Promise<CancelOutcome> => {
    const detail = await lockedDetail(tx, input.registrationId);
    if (!detail || detail.meetingId !== input.meetingId) return refuse("NOT_FOUND", "There is no such registration in this meeting.");
    const refundable = refundableByOrder(detail.orders, { includeMembership: true });
    const total = refundable.reduce((sum, entry) => sum + entry.refundable, 0);
    if (input.amount > total) return refuse("INVALID", `At most ${formatMoney(total, detail.meeting.currency)} can be refunded.`, "amount");
    if (input.cancel) {
      if (detail.status !== "ACTIVE" && detail.status !== "AWAITING_PAYMENT") return refuse("CONFLICT", "This registration is already cancelled.");
      await cancelInTransaction(tx, detail.id, { refunds: allocate(input.amount, refundable), reason: "Refunded by the organizers", byOrganizer: true }, work);
      return { ok: true, refunded: input.amount, fee: 0 };
    }
    if (input.amount <= 0) return refuse("INVALID", "Enter an amount to refund.", "amount");
    for (const { orderId, amount } of allocate(input.amount, refundable)) {
      const refund = await tx.registrationRefund.create({ data: { orderId, amount, reason: "Refunded by the organizers" }, select: { id: true } });
      work.refunds.push(refund.id);
    }
    await queueMail(tx, refundedMail(detail, input.amount));
    return { ok: true, refunded: input.amount, fee: 0 };
  });
}

/**
 * Makes a registration complimentary: open checkouts close, whatever was paid for
 * it (but membership dues) is refunded, a pending verification counts as
 * approved by the organizer, and the registration is confirmed.
 */
export async function compRegistration(input: { meetingId: string; registrationId: string; organizerId: string; now?: Date }): Promise<CancelOutcome> {
  const now = input.now ?? new Date();
  return inRegistrationTransaction(async (tx, work): Promise<CancelOutcome> => {
    const detail = await lockedDetail(tx, input.registrationId);
    if (!detail || detail.meetingId !== input.meetingId) return refuse("NOT_FOUND", "There is no such registration in this meeting.");
    if (detail.status !== "ACTIVE" && detail.status !== "AWAITING_PAYMENT") return refuse("CONFLICT", "A cancelled registration cannot be comped.");
    if (detail.comped) return refuse("CONFLICT", "This registration is already complimentary.");
    for (const order of detail.orders.filter((candidate) => candidate.status === "OPEN")) {
      await closeUnpaidOrder(tx, order.id, "EXPIRED", work, { expireAtProvider: true });
    }
    const pendingReview = detail.verification === "PENDING" || detail.verification === "REJECTED";
    await tx.registration.update({
      where: { id: detail.id },
      data: {
        status: "ACTIVE",
        comped: true,
        confirmedAt: detail.confirmedAt ?? now,
        ...(pendingReview ? { verification: "APPROVED", rejectionReason: null, reviewedById: input.organizerId, reviewedAt: now } : {}),
      },
      select: { id: true },
    });
    const refundable = refundableByOrder(detail.orders);
    let refunded = 0;
    for (const { orderId, refundable: amount } of refundable) {
      const refund = await tx.registrationRefund.create({ data: { orderId, amount, reason: "Complimentary registration" }, select: { id: true } });
      work.refunds.push(refund.id);
      refunded += amount;
    }
    await grantAttendeeRole(tx, detail.meetingId, detail.userId);
    const updated = (await getRegistrationDetail(detail.id, tx))!;
    await queueMail(tx, confirmedMail(updated, "comped"));
    return { ok: true, refunded, fee: 0 };
  });
}
