// Starting a checkout: the server prices the registration itself, checks that
// the person may buy it, and in one transaction creates the registration and
// its order while holding add-on seats and a promo-code use. Seats and uses are
// taken by conditional UPDATEs in PostgreSQL (… WHERE sold + held + 1 <=
// capacity RETURNING), so under any number of concurrent checkouts sold + held
// never exceeds capacity and the losers are told plainly. Free orders are
// fulfilled at once; paid ones go to Stripe Checkout or the test payment page.
import { queueMail } from "~/utils/mail.server";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { createStripeCheckoutSession, CHECKOUT_MINUTES, stripeClient } from "~/utils/stripe.server";
import { deleteProof, type StoredProof } from "~/utils/upload.server";
import { dayKeyOf } from "~/utils/time";
import { institutionalEmailMail } from "./mail.server";
import { closeUnpaidOrder, fulfilOrder, inRegistrationTransaction, type AfterCommit } from "./payment.server";
import { quoteRegistration, type AttendanceKind, type Quote, type QuoteItem } from "./pricing";
import { getMembership, getRegistrationDetail, getRegistrationOffer, LIVE_STATUSES, newRegistrationCode, type Tx } from "./registration.server";

export type Proof =
  | { method: "DOCUMENT"; document: StoredProof }
  | { method: "INSTITUTIONAL_EMAIL"; email: string };

export type CheckoutRequest = {
  meetingSlug: string;
  user: { id: string; email: string };
  categorySlug: string;
  attendance: AttendanceKind;
  joinMembership: boolean;
  addOnSlugs: string[];
  promoCode: string | null;
  proof: Proof | null;
  now?: Date;
};

export type CheckoutField = "category" | "attendance" | "joinMembership" | "addOns" | "promoCode" | "proof";

export type CheckoutOutcome =
  | { ok: true; registrationId: string; orderId: string; total: number; redirectTo: string }
  | { ok: false; status: 400 | 404 | 409 | 502; fieldErrors: Partial<Record<CheckoutField, string[]>>; formError?: string };

/** Why a checkout could not hold what it needed; the transaction is rolled back. */
class Unavailable extends Error {
  constructor(
    readonly field: CheckoutField,
    message: string,
    readonly status: 400 | 409 = 409,
  ) {
    super(message);
  }
}

const fail = (status: 400 | 404 | 409 | 502, field: CheckoutField | null, message: string): CheckoutOutcome =>
  field ? { ok: false, status, fieldErrors: { [field]: [message] } } : { ok: false, status, fieldErrors: {}, formError: message };

/** Free-mail providers: an address there proves nothing about a trainee's institution. */
const PERSONAL_MAIL = new Set(["gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "yandex.com", "qq.com", "163.com"]);

export function isInstitutionalAddress(email: string): boolean {
  const domain = email.toLowerCase().split("@")[1] ?? "";
  return domain.includes(".") && !PERSONAL_MAIL.has(domain);
}

/** Holds `count` seats of an add-on if sold + held leaves room; false when it is sold out. */
export async function holdSeats(tx: Tx, addOnId: string, count = 1): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "RegistrationAddOn" SET held = held + ${count}
     WHERE id = ${addOnId} AND (capacity IS NULL OR sold + held + ${count} <= capacity)
     RETURNING id`;
  return rows.length === 1;
}

/** Takes one use of a promo code if it is within its window and limit; false otherwise. */
export async function takePromoUse(tx: Tx, promoCodeId: string, now: Date): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "PromoCode" SET uses = uses + 1
     WHERE id = ${promoCodeId} AND ("maxUses" IS NULL OR uses + 1 <= "maxUses")
       AND ("validFrom" IS NULL OR "validFrom" <= ${now}) AND ("validUntil" IS NULL OR "validUntil" > ${now})
     RETURNING id`;
  return rows.length === 1;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates the order and its items, holding every add-on seat and the promo use, or throws Unavailable. */
async function createOrder(
  tx: Tx,
  input: { registrationId: string; currency: string; quote: Pick<Quote, "subtotal" | "discount" | "total"> & { items: QuoteItem[] }; promoCodeId: string | null; newCategoryId?: string; now: Date },
  addOnNames: Map<string, string>,
) {
  const addOnIds = input.quote.items.flatMap((item) => (item.addOnId ? [item.addOnId] : [])).sort();
  for (const addOnId of addOnIds) {
    if (!(await holdSeats(tx, addOnId))) throw new Unavailable("addOns", `${addOnNames.get(addOnId) ?? "That add-on"} is sold out. Untick it to register without it.`);
  }
  if (input.promoCodeId && !(await takePromoUse(tx, input.promoCodeId, input.now))) {
    throw new Unavailable("promoCode", "That promo code has been used up or is no longer valid. Remove it to continue at the regular price.");
  }
  return tx.registrationOrder.create({
    data: {
      registrationId: input.registrationId,
      purpose: input.newCategoryId ? "CATEGORY_CHANGE" : "REGISTRATION",
      newCategoryId: input.newCategoryId ?? null,
      currency: input.currency,
      subtotal: input.quote.subtotal,
      discount: input.quote.discount,
      total: input.quote.total,
      promoCodeId: input.promoCodeId,
      expiresAt: new Date(input.now.getTime() + CHECKOUT_MINUTES * 60_000),
      items: { create: input.quote.items.map((item) => ({ kind: item.kind, description: item.description, amount: item.amount, addOnId: item.addOnId })) },
    },
    select: { id: true, total: true, expiresAt: true },
  });
}

/**
 * Sends an open order to payment: a Stripe Checkout Session (idempotent by the
 * order's id, expiring with it) or the test payment page. Returns where to send
 * the person; when Stripe cannot be reached the order is closed and its seats freed.
 */
export async function openPayment(orderId: string, meetingSlug: string, customerEmail: string, description: string): Promise<string | null> {
  const order = await prisma.registrationOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, currency: true, discount: true, expiresAt: true, checkoutUrl: true, items: { select: { description: true, amount: true }, orderBy: { id: "asc" } } },
  });
  if (order.checkoutUrl) return order.checkoutUrl;
  const stripe = stripeClient();
  const base = `/meetings/${meetingSlug}/register`;
  if (!stripe) {
    const checkoutUrl = `${base}/test-payment/${order.id}`;
    await prisma.registrationOrder.update({ where: { id: order.id }, data: { checkoutSessionId: `cs_test_${order.id}`, checkoutUrl }, select: { id: true } });
    return checkoutUrl;
  }
  // Stripe wants expires_at at least 30 minutes after it receives the request.
  const expiresAt = new Date(Math.max(order.expiresAt.getTime(), Date.now() + CHECKOUT_MINUTES * 60_000 + 15_000));
  try {
    const session = await createStripeCheckoutSession(
      stripe,
      { id: order.id, currency: order.currency, discount: order.discount, expiresAt, customerEmail, description },
      order.items.map((item) => ({ name: item.description, amount: item.amount })),
      {
        success: `${env.APP_ORIGIN}${base}/success?session_id={CHECKOUT_SESSION_ID}`,
        cancel: `${env.APP_ORIGIN}${base}/cancelled?order=${order.id}`,
      },
    );
    await prisma.registrationOrder.update({
      where: { id: order.id },
      data: { checkoutSessionId: session.id, checkoutUrl: session.url, expiresAt, paymentIntentId: session.paymentIntentId },
      select: { id: true },
    });
    return session.url;
  } catch (error) {
    logger.error({ err: error, orderId }, "could not create a Stripe Checkout Session");
    await inRegistrationTransaction((tx, work) => closeUnpaidOrder(tx, order.id, "EXPIRED", work));
    return null;
  }
}

/**
 * Starts a registration. Prices, tier, eligibility, add-on seats and promo codes
 * are all decided here on the server; the form only names what the person chose.
 */
export async function startCheckout(request: CheckoutRequest): Promise<CheckoutOutcome> {
  const now = request.now ?? new Date();
  const offer = await getRegistrationOffer(request.meetingSlug, now);
  if (!offer) return fail(404, null, "There is no meeting at this address.");
  if (!offer.tier) return fail(409, null, `Registration for ${offer.name} is closed.`);
  const tier = offer.tier;
  const category = offer.registrationCategories.find((candidate) => candidate.slug === request.categorySlug);
  if (!category) return fail(400, "category", "Choose one of the categories listed.");
  const price = category.prices.find((candidate) => candidate.tierId === tier.id && candidate.attendance === request.attendance);
  if (!price) {
    return fail(400, "attendance", offer.format === "VIRTUAL" ? `${offer.name} is a virtual meeting: choose virtual attendance.` : `${category.name} is not sold for that kind of attendance.`);
  }
  const unknownAddOn = request.addOnSlugs.find((slug) => !offer.registrationAddOns.some((addOn) => addOn.slug === slug));
  if (unknownAddOn) return fail(400, "addOns", "Choose add-ons from the list.");
  const addOns = offer.registrationAddOns.filter((addOn) => request.addOnSlugs.includes(addOn.slug));

  const promoCode = request.promoCode?.trim().toUpperCase() || null;
  let promo: { id: string; kind: "PERCENT" | "AMOUNT"; value: number } | null = null;
  if (promoCode) {
    const found = await prisma.promoCode.findUnique({
      where: { meetingId_code: { meetingId: offer.id, code: promoCode } },
      select: { id: true, kind: true, value: true, validFrom: true, validUntil: true, maxUses: true, uses: true, categories: { select: { categoryId: true } } },
    });
    if (!found) return fail(400, "promoCode", "We do not know that promo code. Check its spelling, or leave the field empty.");
    if ((found.validFrom && found.validFrom > now) || (found.validUntil && found.validUntil <= now)) return fail(400, "promoCode", "That promo code is not valid today.");
    if (found.categories.length && !found.categories.some((link) => link.categoryId === category.id)) {
      return fail(400, "promoCode", `That promo code does not apply to the ${category.name} category.`);
    }
    promo = { id: found.id, kind: found.kind, value: found.value };
  }

  const today = dayKeyOf(now, offer.timeZone);
  const membership = await getMembership(request.user.id, offer.society.id, today);
  const priced = quoteRegistration({
    societyName: offer.society.shortName,
    category,
    tierName: tier.name,
    attendance: request.attendance,
    price,
    isMember: membership !== null,
    isFullMember: membership?.kind === "FULL",
    joinMembership: request.joinMembership,
    addOns,
    promo,
  });
  if (!priced.ok) {
    const fieldErrors: Partial<Record<CheckoutField, string[]>> = {};
    for (const problem of priced.problems) (fieldErrors[problem.field] ??= []).push(problem.message);
    return { ok: false, status: 400, fieldErrors };
  }
  if (category.requiresProof && !request.proof) {
    return fail(400, "proof", `${category.name} registrations need proof of status: upload a document or give your institutional e-mail address.`);
  }
  if (request.proof?.method === "INSTITUTIONAL_EMAIL" && !isInstitutionalAddress(request.proof.email)) {
    return fail(400, "proof", "Give the address your university or hospital gave you, not a personal one.");
  }
  const quote = priced.quote;
  const proof = category.requiresProof ? request.proof : null;
  const emailToken = proof?.method === "INSTITUTIONAL_EMAIL" ? randomBytes(24).toString("base64url") : null;
  const addOnNames = new Map(addOns.map((addOn) => [addOn.id, addOn.name]));

  try {
    const created = await inRegistrationTransaction(async (tx, work: AfterCommit) => {
      // One live registration per person and meeting: concurrent attempts queue on this lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`registration:${offer.id}:${request.user.id}`}, 0))`;
      const live = await tx.registration.findFirst({
        where: { meetingId: offer.id, userId: request.user.id, status: { in: [...LIVE_STATUSES] } },
        select: { status: true },
      });
      if (live) {
        throw new Unavailable(
          "category",
          live.status === "ACTIVE" ? `You are already registered for ${offer.name}.` : "You already have a checkout in progress. Continue or cancel it on your registration page.",
        );
      }
      const registration = await tx.registration.create({
        data: {
          meetingId: offer.id,
          userId: request.user.id,
          code: newRegistrationCode(offer.slug),
          categoryId: category.id,
          tierId: tier.id,
          attendance: request.attendance,
          memberPricing: quote.memberPricing,
          verification: category.requiresProof ? "PENDING" : "NOT_REQUIRED",
          proofMethod: proof?.method ?? null,
          institutionalEmail: proof?.method === "INSTITUTIONAL_EMAIL" ? proof.email.toLowerCase() : null,
          institutionalEmailTokenHash: emailToken ? hashToken(emailToken) : null,
          documents: proof?.method === "DOCUMENT" ? { create: proof.document } : undefined,
        },
        select: { id: true },
      });
      const order = await createOrder(tx, { registrationId: registration.id, currency: offer.currency, quote, promoCodeId: promo?.id ?? null, now }, addOnNames);
      if (order.total === 0) await fulfilOrder(tx, order.id, { paymentIntentId: null, paidAt: now }, work);
      if (emailToken && proof?.method === "INSTITUTIONAL_EMAIL") {
        const detail = (await getRegistrationDetail(registration.id, tx))!;
        const link = new URL(`/meetings/${offer.slug}/registration/confirm-email/${emailToken}`, env.APP_ORIGIN).href;
        await queueMail(tx, institutionalEmailMail(detail, proof.email, link));
      }
      return { registrationId: registration.id, orderId: order.id, total: order.total };
    });
    if (created.total === 0) return { ok: true, ...created, redirectTo: `/meetings/${offer.slug}/registration` };
    const description = `${offer.name}: ${category.name} registration`;
    const url = await openPayment(created.orderId, offer.slug, request.user.email, description);
    if (!url) return fail(502, null, "We could not reach the payment provider, so nothing was charged and your seats were released. Please try again in a minute.");
    return { ok: true, ...created, redirectTo: url };
  } catch (error) {
    if (proof?.method === "DOCUMENT") await deleteProof(proof.document.storageKey);
    if (error instanceof Unavailable) return fail(error.status, error.field, error.message);
    throw error;
  }
}

/**
 * After a declined verification: move the registration to another category,
 * paying the difference (at the tier the person registered in) through a
 * checkout of its own. A cheaper or equal category changes at once, without a
 * refund of the difference.
 */
export async function startCategoryChange(input: {
  registrationId: string;
  userId: string;
  userEmail: string;
  categorySlug: string;
  proof: Proof | null;
  now?: Date;
}): Promise<CheckoutOutcome> {
  const now = input.now ?? new Date();
  const registration = await prisma.registration.findFirst({
    where: { id: input.registrationId, userId: input.userId },
    select: {
      id: true,
      status: true,
      verification: true,
      attendance: true,
      memberPricing: true,
      tier: { select: { id: true, name: true } },
      category: { select: { id: true } },
      meeting: { select: { id: true, slug: true, name: true, currency: true, timeZone: true, society: { select: { id: true, shortName: true } } } },
      orders: { where: { status: { in: ["OPEN", "PROCESSING"] } }, select: { id: true } },
    },
  });
  if (!registration) return fail(404, null, "There is no such registration.");
  if (registration.status !== "ACTIVE" || registration.verification !== "REJECTED") return fail(409, "category", "Only a registration whose verification was declined can change category.");
  if (registration.orders.length) return fail(409, "category", "A payment for this registration is still in progress.");
  const category = await prisma.registrationCategory.findFirst({
    where: { meetingId: registration.meeting.id, slug: input.categorySlug },
    select: { id: true, name: true, requiresProof: true, membersOnly: true, membershipFee: true, audience: true, prices: { where: { tierId: registration.tier.id, attendance: registration.attendance }, select: { amount: true, memberAmount: true } } },
  });
  const price = category?.prices[0];
  if (!category || !price) return fail(400, "category", "Choose one of the categories listed.");
  if (category.id === registration.category.id && !input.proof) return fail(400, "proof", "Send a new proof to stay in this category.");
  if (category.requiresProof && !input.proof) return fail(400, "proof", `${category.name} needs proof of status: upload a document or give your institutional e-mail address.`);
  if (input.proof?.method === "INSTITUTIONAL_EMAIL" && !isInstitutionalAddress(input.proof.email)) {
    return fail(400, "proof", "Give the address your university or hospital gave you, not a personal one.");
  }
  const proof = input.proof;
  const emailToken = proof?.method === "INSTITUTIONAL_EMAIL" ? randomBytes(24).toString("base64url") : null;
  if (category.id === registration.category.id && proof) return resubmitProof(registration.id, registration.meeting.slug, proof, emailToken);
  const membership = await getMembership(input.userId, registration.meeting.society.id, dayKeyOf(now, registration.meeting.timeZone));
  const quoted = quoteRegistration({
    societyName: registration.meeting.society.shortName,
    category,
    tierName: registration.tier.name,
    attendance: registration.attendance,
    price,
    isMember: membership !== null,
    isFullMember: membership?.kind === "FULL",
    joinMembership: false,
    addOns: [],
    promo: null,
  });
  if (!quoted.ok) return fail(400, "category", quoted.problems[0]!.message);
  const paidForRegistration = await prisma.registrationOrderItem.aggregate({
    where: { kind: "REGISTRATION", order: { registrationId: registration.id, status: "PAID" } },
    _max: { amount: true },
  });
  const paidOrders = await prisma.registrationOrder.aggregate({ where: { registrationId: registration.id, status: "PAID", purpose: "REGISTRATION" }, _sum: { discount: true } });
  const alreadyPaid = (paidForRegistration._max.amount ?? 0) - (paidOrders._sum.discount ?? 0);
  const difference = Math.max(0, quoted.quote.items[0]!.amount - alreadyPaid);

  try {
    const created = await inRegistrationTransaction(async (tx, work) => {
      const [locked] = await tx.$queryRaw<{ status: string; verification: string }[]>`
        SELECT status::text, verification::text FROM "Registration" WHERE id = ${registration.id} FOR UPDATE`;
      if (locked?.status !== "ACTIVE" || locked.verification !== "REJECTED") throw new Unavailable("category", "This registration changed meanwhile. Reload the page.");
      await tx.registration.update({
        where: { id: registration.id },
        data: {
          ...(proof ? { proofMethod: proof.method } : {}),
          ...(proof?.method === "INSTITUTIONAL_EMAIL" ? { institutionalEmail: proof.email.toLowerCase(), institutionalEmailTokenHash: hashToken(emailToken!), institutionalEmailConfirmedAt: null } : {}),
          ...(proof?.method === "DOCUMENT" ? { documents: { create: proof.document } } : {}),
        },
        select: { id: true },
      });
      const description = `Change to ${category.name} (difference, ${registration.tier.name} rate)`;
      const order = await createOrder(
        tx,
        {
          registrationId: registration.id,
          currency: registration.meeting.currency,
          quote: { items: [{ kind: "REGISTRATION", description, amount: difference, addOnId: null }], subtotal: difference, discount: 0, total: difference },
          promoCodeId: null,
          newCategoryId: category.id,
          now,
        },
        new Map(),
      );
      if (order.total === 0) await fulfilOrder(tx, order.id, { paymentIntentId: null, paidAt: now }, work);
      if (emailToken && proof?.method === "INSTITUTIONAL_EMAIL") {
        const detail = (await getRegistrationDetail(registration.id, tx))!;
        await queueMail(tx, institutionalEmailMail(detail, proof.email, new URL(`/meetings/${registration.meeting.slug}/registration/confirm-email/${emailToken}`, env.APP_ORIGIN).href));
      }
      return { registrationId: registration.id, orderId: order.id, total: order.total };
    });
    if (created.total === 0) return { ok: true, ...created, redirectTo: `/meetings/${registration.meeting.slug}/registration` };
    const url = await openPayment(created.orderId, registration.meeting.slug, input.userEmail, `${registration.meeting.name}: change to ${category.name}`);
    if (!url) return fail(502, null, "We could not reach the payment provider, so nothing was charged. Please try again in a minute.");
    return { ok: true, ...created, redirectTo: url };
  } catch (error) {
    if (proof?.method === "DOCUMENT") await deleteProof(proof.document.storageKey);
    if (error instanceof Unavailable) return fail(error.status, error.field, error.message);
    throw error;
  }
}

/** A declined registration sends a new proof for the same category: it goes back to the review queue. */
async function resubmitProof(registrationId: string, meetingSlug: string, proof: Proof, emailToken: string | null): Promise<CheckoutOutcome> {
  try {
    await inRegistrationTransaction(async (tx) => {
      const changed = await tx.registration.updateMany({
        where: { id: registrationId, status: "ACTIVE", verification: "REJECTED" },
        data: {
          verification: "PENDING",
          rejectionReason: null,
          proofMethod: proof.method,
          ...(proof.method === "INSTITUTIONAL_EMAIL" ? { institutionalEmail: proof.email.toLowerCase(), institutionalEmailTokenHash: hashToken(emailToken!), institutionalEmailConfirmedAt: null } : {}),
        },
      });
      if (changed.count === 0) throw new Unavailable("proof", "This registration changed meanwhile. Reload the page.");
      if (proof.method === "DOCUMENT") await tx.verificationDocument.create({ data: { registrationId, ...proof.document }, select: { id: true } });
      else {
        const detail = (await getRegistrationDetail(registrationId, tx))!;
        await queueMail(tx, institutionalEmailMail(detail, proof.email, new URL(`/meetings/${meetingSlug}/registration/confirm-email/${emailToken}`, env.APP_ORIGIN).href));
      }
    });
    return { ok: true, registrationId, orderId: "", total: 0, redirectTo: `/meetings/${meetingSlug}/registration` };
  } catch (error) {
    if (proof.method === "DOCUMENT") await deleteProof(proof.document.storageKey);
    if (error instanceof Unavailable) return fail(error.status, error.field, error.message);
    throw error;
  }
}

/** The person leaves an open checkout: it closes now and its seats go back (Stripe's session is expired too). */
export async function abandonCheckout(orderId: string, userId: string): Promise<boolean> {
  const order = await prisma.registrationOrder.findFirst({ where: { id: orderId, registration: { userId } }, select: { id: true } });
  if (!order) return false;
  return inRegistrationTransaction((tx, work) => closeUnpaidOrder(tx, order.id, "EXPIRED", work, { expireAtStripe: true }));
}
