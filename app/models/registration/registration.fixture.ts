// Rows and shortcuts for registration tests. Every helper makes its own uniquely
// named rows in the worker's database (which already holds the seed). Payments
// go through the test gateway, whose events reach a real webhook server over
// HTTP (tests/webhook-server.ts), installed once per test file on import.
import { randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { checkoutSessionEvent, type CheckoutEventType, type Delivery } from "~/utils/stripe-events.server";
import { installTestPaymentGateway } from "../../../tests/webhook-server";
import { startCheckout, type CheckoutRequest } from "./checkout.server";

export const { gateway, server: webhookServer } = await installTestPaymentGateway();

/** The checkout.session.* event Stripe would send about an order's checkout. */
export async function checkoutEvent(orderId: string, type: CheckoutEventType, paymentStatus: "paid" | "unpaid" = "paid") {
  const order = await prisma.registrationOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, total: true, currency: true, checkoutSessionId: true, expiresAt: true, registration: { select: { user: { select: { email: true } } } } },
  });
  return checkoutSessionEvent(
    type,
    { sessionId: order.checkoutSessionId ?? `cs_test_${order.id}`, orderId: order.id, amount: order.total, currency: order.currency, customerEmail: order.registration.user.email, expiresAt: order.expiresAt, paymentIntentId: `pi_test_${order.id}` },
    paymentStatus,
  );
}

/** Signs and POSTs an event to the webhook server, as Stripe does; how it answered. */
export function deliver(event: object): Promise<Delivery> {
  return gateway.deliver(event);
}

export const unique = () => randomBytes(5).toString("hex");

export async function makeUsers(count: number, tag = "reg"): Promise<{ id: string; email: string; name: string }[]> {
  const run = unique();
  const data = Array.from({ length: count }, (_, index) => ({
    email: `${tag}-${run}-${index}@example.org`,
    name: `Test Registrant ${index + 1}`,
    passwordHash: "not-a-real-hash",
  }));
  await prisma.user.createMany({ data });
  return prisma.user.findMany({ where: { email: { in: data.map((row) => row.email) } }, select: { id: true, email: true, name: true }, orderBy: { email: "asc" } });
}

export async function meetingId(slug = "sir-2023"): Promise<string> {
  return (await prisma.meeting.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

export async function makeAddOn(options: { capacity: number | null; amount?: number; meeting?: string; audience?: "EVERYONE" | "RESIDENTS_FELLOWS" | "MEDICAL_STUDENTS" }) {
  const slug = `test-add-on-${unique()}`;
  return prisma.registrationAddOn.create({
    data: { meetingId: await meetingId(options.meeting), slug, name: `Test workshop ${slug}`, amount: options.amount ?? 9500, capacity: options.capacity, audience: options.audience ?? "EVERYONE", position: 999 },
    select: { id: true, slug: true, name: true },
  });
}

export async function makePromoCode(options: { maxUses: number | null; kind?: "PERCENT" | "AMOUNT"; value?: number; validUntil?: Date; categories?: string[] }) {
  const id = await meetingId();
  const code = `TEST${unique().toUpperCase()}`;
  const categories = options.categories?.length
    ? await prisma.registrationCategory.findMany({ where: { meetingId: id, slug: { in: options.categories } }, select: { id: true } })
    : [];
  return prisma.promoCode.create({
    data: {
      meetingId: id,
      code,
      kind: options.kind ?? "PERCENT",
      value: options.value ?? 10,
      maxUses: options.maxUses,
      validUntil: options.validUntil ?? null,
      categories: { create: categories.map((category) => ({ categoryId: category.id })) },
    },
    select: { id: true, code: true },
  });
}

export function addOnCounts(id: string) {
  return prisma.registrationAddOn.findUniqueOrThrow({ where: { id }, select: { sold: true, held: true, capacity: true } });
}

/** A checkout at SIR 2023 as a non-member physician, unless told otherwise. */
export function checkoutFor(user: { id: string; email: string }, overrides: Partial<CheckoutRequest> = {}) {
  return startCheckout({
    meetingSlug: "sir-2023",
    user,
    categorySlug: "non-member-physician",
    attendance: "VIRTUAL",
    joinMembership: false,
    addOnSlugs: [],
    promoCode: null,
    proof: null,
    ...overrides,
  });
}

export { mailTo } from "../../../tests/mail-queue";

export function registrationOf(userId: string) {
  return prisma.registration.findFirstOrThrow({
    where: { userId },
    select: { id: true, status: true, verification: true, code: true, confirmedAt: true, comped: true, orders: { select: { id: true, status: true, total: true, amountRefunded: true, paymentIntentId: true }, orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function hasAttendeeRole(userId: string, slug = "sir-2023"): Promise<boolean> {
  return (await prisma.meetingRole.count({ where: { userId, role: "ATTENDEE", meeting: { slug } } })) === 1;
}
