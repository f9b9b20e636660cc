// Registration: what a meeting sells and what a person bought. Reads and the
// shared pieces of the registration models; the state changes live beside it:
// checkout and category-change (start a checkout, holds), fulfilment (payment,
// expiry, the cancellation core), webhook, sweep, refunds (through the
// payment-gateway), cancel, verification and console.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { tierAt } from "./pricing";

export type Tx = Prisma.TransactionClient;

/** Long enough for a checkout under load (200 at once on a pool of 10), short enough to fail clearly. */
export const REGISTRATION_TX = { maxWait: 15_000, timeout: 30_000 } as const;

export const LIVE_STATUSES = ["AWAITING_PAYMENT", "ACTIVE"] as const;
export const CONFIRMED_VERIFICATIONS = ["NOT_REQUIRED", "APPROVED"] as const;

export function isConfirmed(registration: { status: string; verification: string }): boolean {
  return registration.status === "ACTIVE" && (CONFIRMED_VERIFICATIONS as readonly string[]).includes(registration.verification);
}

// 16 base64url characters = 96 bits of HMAC: far beyond guessing at a door, short enough for a small QR.
const CHECK_IN_SIGNATURE_LENGTH = 16;

function checkInSignature(code: string): string {
  // A purpose prefix keeps these signatures apart from the others made with SESSION_SECRET.
  return createHmac("sha256", env.SESSION_SECRET).update(`check-in:v1:${code}`).digest("base64url").slice(0, CHECK_IN_SIGNATURE_LENGTH);
}

/** What the check-in QR holds: the registration code and its signature, `SIR23-7KQ2M9XA.<signature>`. */
export function checkInToken(code: string): string {
  return `${code}.${checkInSignature(code)}`;
}

/** The registration code a check-in token names when its signature is right; null for anything forged or malformed. */
export function readCheckInToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 100) return null;
  const [code, signature, extra] = token.trim().split(".");
  if (!code || !signature || extra !== undefined || !/^[A-Z0-9-]{1,40}$/.test(code)) return null;
  const expected = Buffer.from(checkInSignature(code));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? code : null;
}

/**
 * The QR code (SVG) shown at check-in, only once the registration is
 * confirmed: before that the desk would turn it away, so it is not shown. It
 * holds a signed token, so a code typed or guessed into a QR is refused.
 */
export async function checkInQr(registration: { code: string; status: string; verification: string }): Promise<string | null> {
  return isConfirmed(registration) ? QRCode.toString(checkInToken(registration.code), { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
}

/** What a registration is, in one short phrase for people. */
export function registrationStateLabel(registration: { status: string; verification: string }): string {
  if (registration.status === "AWAITING_PAYMENT") return "Awaiting payment";
  if (registration.status === "CANCELLED") return "Cancelled";
  if (registration.status === "EXPIRED") return "Checkout not completed";
  if (registration.verification === "PENDING") return "Pending verification";
  if (registration.verification === "REJECTED") return "Verification declined";
  return "Confirmed";
}

const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O, U to misread

/** A registration code like SIR23-7KQ2M9XA: the society's letters and the year's last two digits, then 8 random characters. */
export function newRegistrationCode(meetingSlug: string): string {
  const parts = meetingSlug.toUpperCase().split("-");
  const letters = parts.filter((part) => /^[A-Z]+$/.test(part)).join("").slice(0, 6) || "REG";
  const year = parts.find((part) => /^\d{4}$/.test(part))?.slice(2) ?? "";
  const bytes = randomBytes(8);
  const random = Array.from(bytes, (byte) => CODE_ALPHABET[byte % 32]).join("");
  return `${letters}${year}-${random}`;
}

export async function grantAttendeeRole(tx: Tx, meetingId: string, userId: string): Promise<void> {
  await tx.meetingRole.createMany({ data: [{ meetingId, userId, role: "ATTENDEE" }], skipDuplicates: true });
}

/** Takes the ATTENDEE role away unless a confirmed registration of the person still grants it. */
export async function revokeAttendeeRoleUnlessConfirmed(tx: Tx, meetingId: string, userId: string): Promise<void> {
  const stillConfirmed = await tx.registration.findFirst({
    where: { meetingId, userId, status: "ACTIVE", verification: { in: [...CONFIRMED_VERIFICATIONS] } },
    select: { id: true },
  });
  if (!stillConfirmed) await tx.meetingRole.deleteMany({ where: { meetingId, userId, role: "ATTENDEE" } });
}

// --- What a meeting sells ---------------------------------------------------------

/** The meeting as the registration pages name it, before and after buying: its address and name, currency and days, society, and refund policy. */
const registeringMeetingSelect = {
  slug: true,
  name: true,
  currency: true,
  timeZone: true,
  startsOn: true,
  society: { select: { id: true, name: true, shortName: true } },
  registrationPolicy: { select: { fullRefundThrough: true, cancellationFee: true, partialRefundThrough: true } },
} as const satisfies Prisma.MeetingSelect;

export async function getRegistrationOffer(meetingSlug: string, now: Date = new Date()) {
  const meeting = await prisma.meeting.findUnique({
    where: { slug: meetingSlug },
    select: {
      id: true,
      ...registeringMeetingSelect,
      format: true,
      registrationTiers: { select: { id: true, slug: true, name: true, lastDay: true, position: true }, orderBy: { position: "asc" } },
      registrationCategories: {
        select: {
          id: true,
          slug: true,
          name: true,
          description: true,
          requiresProof: true,
          membersOnly: true,
          membershipFee: true,
          audience: true,
          prices: { select: { tierId: true, attendance: true, amount: true, memberAmount: true } },
        },
        orderBy: { position: "asc" },
      },
      registrationAddOns: {
        select: { id: true, slug: true, name: true, description: true, amount: true, audience: true, capacity: true, sold: true, held: true, session: { select: { slug: true, startsAt: true } } },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!meeting) return null;
  const tier = tierAt(meeting.registrationTiers, now, meeting.timeZone);
  return { ...meeting, tier };
}

export type RegistrationOffer = NonNullable<Awaited<ReturnType<typeof getRegistrationOffer>>>;

export async function meetingCurrency(meetingId: string): Promise<string> {
  return (await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { currency: true } })).currency;
}

export function listCategories(meetingId: string) {
  return prisma.registrationCategory.findMany({ where: { meetingId }, select: { slug: true, name: true, requiresProof: true }, orderBy: { position: "asc" } });
}

/** Seats an add-on has left, or null when it has no limit. */
export function seatsLeft(addOn: { capacity: number | null; sold: number; held: number }): number | null {
  return addOn.capacity === null ? null : Math.max(0, addOn.capacity - addOn.sold - addOn.held);
}

/** The person's memberships of a society that are current on `today` ("YYYY-MM-DD"). */
export async function getMembership(userId: string, societyId: string, today: string) {
  return prisma.societyMembership.findFirst({
    where: { userId, societyId, expiresOn: { gte: new Date(`${today}T00:00:00Z`) } },
    select: { kind: true, expiresOn: true },
  });
}

// --- What a person bought ----------------------------------------------------------

export const registrationDetailSelect = {
  id: true,
  code: true,
  meetingId: true,
  userId: true,
  status: true,
  verification: true,
  attendance: true,
  memberPricing: true,
  comped: true,
  proofMethod: true,
  institutionalEmail: true,
  institutionalEmailConfirmedAt: true,
  rejectionReason: true,
  reviewedAt: true,
  createdAt: true,
  confirmedAt: true,
  cancelledAt: true,
  user: { select: { name: true, email: true } },
  meeting: { select: { ...registeringMeetingSelect, endsOn: true } },
  category: { select: { id: true, slug: true, name: true, requiresProof: true, audience: true } },
  tier: { select: { id: true, slug: true, name: true } },
  reviewedBy: { select: { name: true } },
  orders: {
    select: {
      id: true,
      purpose: true,
      status: true,
      currency: true,
      subtotal: true,
      discount: true,
      total: true,
      amountRefunded: true,
      paidAt: true,
      createdAt: true,
      expiresAt: true,
      paymentIntentId: true,
      checkoutSessionId: true,
      checkoutUrl: true,
      newCategory: { select: { name: true } },
      promoCode: { select: { code: true } },
      items: { select: { id: true, kind: true, description: true, amount: true, addOnId: true, releasedAt: true }, orderBy: { id: "asc" } },
      refunds: { select: { id: true, amount: true, reason: true, status: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  },
  documents: { select: { id: true, fileName: true, contentType: true, size: true, uploadedAt: true }, orderBy: { uploadedAt: "asc" } },
} as const satisfies Prisma.RegistrationSelect;

export type RegistrationDetail = Prisma.RegistrationGetPayload<{ select: typeof registrationDetailSelect }>;

export function getRegistrationDetail(id: string, client: Tx = prisma) {
  return client.registration.findUnique({ where: { id }, select: registrationDetailSelect });
}

/** The person's registration for a meeting: the live one, else the most recent. */
/** Whether the person holds a registration for the meeting that is not cancelled or expired. */
export async function hasLiveRegistration(userId: string, meetingId: string): Promise<boolean> {
  return (await prisma.registration.count({ where: { userId, meetingId, status: { in: [...LIVE_STATUSES] } } })) > 0;
}

export async function getOwnRegistration(userId: string, meetingId: string) {
  const live = await prisma.registration.findFirst({
    where: { userId, meetingId, status: { in: [...LIVE_STATUSES] } },
    select: registrationDetailSelect,
    orderBy: { createdAt: "desc" },
  });
  if (live) return live;
  return prisma.registration.findFirst({ where: { userId, meetingId }, select: registrationDetailSelect, orderBy: { createdAt: "desc" } });
}

/** The order a checkout belongs to, only for its owner. */
export function getOwnOrder(orderId: string, userId: string) {
  return prisma.registrationOrder.findFirst({
    where: { id: orderId, registration: { userId } },
    select: {
      id: true,
      status: true,
      currency: true,
      subtotal: true,
      discount: true,
      total: true,
      expiresAt: true,
      checkoutSessionId: true,
      promoCode: { select: { code: true } },
      items: { select: { id: true, kind: true, description: true, amount: true }, orderBy: { id: "asc" } },
      registration: { select: { id: true, code: true, meeting: { select: { slug: true, name: true, timeZone: true } }, user: { select: { email: true } } } },
    },
  });
}

export function findOrderByCheckoutSession(checkoutSessionId: string, userId: string) {
  return prisma.registrationOrder.findFirst({
    where: { checkoutSessionId, registration: { userId } },
    select: { id: true, status: true, total: true, currency: true, registration: { select: { status: true, verification: true, meeting: { select: { slug: true } } } } },
  });
}

/** What is still refundable on each paid order: its total less refunds made (or under way) and membership dues. */
export function refundableByOrder(orders: RegistrationDetail["orders"], { includeMembership = false } = {}): { orderId: string; refundable: number }[] {
  return orders
    .filter((order) => order.status === "PAID" && order.total > 0)
    .map((order) => {
      const refunded = order.refunds.filter((refund) => refund.status !== "FAILED").reduce((sum, refund) => sum + refund.amount, 0);
      const dues = includeMembership ? 0 : order.items.filter((item) => item.kind === "MEMBERSHIP").reduce((sum, item) => sum + item.amount, 0);
      return { orderId: order.id, refundable: Math.max(0, order.total - Math.max(refunded, order.amountRefunded) - dues) };
    })
    .filter((entry) => entry.refundable > 0);
}

/** What netPaid and refundedOf read of an order. */
export const orderPaymentSelect = { status: true, total: true, amountRefunded: true, refunds: { select: { amount: true, status: true } } } as const satisfies Prisma.RegistrationOrderSelect;

type OrderPayment = { status: string; total: number; amountRefunded: number; refunds: { amount: number; status: string }[] };

/** What went back of an order: the larger of what the order records and the refunds that went through. */
export function refundedOf(order: OrderPayment): number {
  return Math.max(order.amountRefunded, order.refunds.filter((refund) => refund.status === "SUCCEEDED").reduce((s, r) => s + r.amount, 0));
}

/** Paid less refunded, over all the registration's orders. */
export function netPaid(orders: OrderPayment[]): number {
  return orders.filter((order) => order.status === "PAID").reduce((sum, order) => sum + order.total - refundedOf(order), 0);
}
