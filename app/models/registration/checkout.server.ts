// Starting a checkout: the server prices the registration itself, checks that
// the person may buy it, and in one transaction creates the registration and
// its order while holding add-on seats and a promo-code use. Seats and uses are
// taken by conditional UPDATEs in PostgreSQL (… WHERE sold + held + 1 <=
// capacity RETURNING), so under any number of concurrent checkouts sold + held
// never exceeds capacity and the losers are told plainly. Free orders are
// fulfilled at once; paid ones go to the payment gateway's checkout page.
import { refuse, refuseAll, RefusalError, refusalOf, type Outcome } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { logger } from "~/utils/logger.server";
import { limitPromoCodeTries, tooManyAttemptsMessage } from "~/utils/rate-limit.server";
import { CHECKOUT_MINUTES } from "~/utils/stripe.server";
import { dayKeyOf } from "~/utils/time";
import { closeUnpaidOrder, fulfilOrder, inRegistrationTransaction, type AfterCommit } from "./fulfilment.server";
import { paymentGateway } from "./payment-gateway";
import { memberStatus, quoteRegistration, type AttendanceKind, type Quote, type QuoteItem, type QuoteProblem } from "./pricing";
import { discardProof, mailEmailConfirmation, newEmailToken, proofColumns, proofRefusal, type Proof } from "./proof.server";
import { getMembership, getRegistrationOffer, LIVE_STATUSES, newRegistrationCode, type Tx } from "./registration.server";

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

/** Where the person goes next: the payment page, or (free) their registration. */
export type CheckoutOutcome = Outcome<{ registrationId: string; orderId: string; total: number; redirectTo: string }>;

/** Holds `count` seats of an add-on if sold + held leaves room; false when it is sold out. */
async function holdSeats(tx: Tx, addOnId: string, count = 1): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "RegistrationAddOn" SET held = held + ${count}
     WHERE id = ${addOnId} AND (capacity IS NULL OR sold + held + ${count} <= capacity)
     RETURNING id`;
  return rows.length === 1;
}

/** Takes one use of a promo code if it is within its window and limit; false otherwise. */
async function takePromoUse(tx: Tx, promoCodeId: string, now: Date): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "PromoCode" SET uses = uses + 1
     WHERE id = ${promoCodeId} AND ("maxUses" IS NULL OR uses + 1 <= "maxUses")
       AND ("validFrom" IS NULL OR "validFrom" <= ${now}) AND ("validUntil" IS NULL OR "validUntil" > ${now})
     RETURNING id`;
  return rows.length === 1;
}

/** Creates the order and its items, holding every add-on seat and the promo use, or throws a RefusalError. */
export async function createOrder(
  tx: Tx,
  input: { registrationId: string; currency: string; quote: Pick<Quote, "subtotal" | "discount" | "total"> & { items: QuoteItem[] }; promoCodeId: string | null; newCategoryId?: string; now: Date },
  addOnNames: Map<string, string> = new Map(),
) {
  const addOnIds = input.quote.items.flatMap((item) => (item.addOnId ? [item.addOnId] : [])).sort();
  for (const addOnId of addOnIds) {
    if (!(await holdSeats(tx, addOnId))) throw new RefusalError("CONFLICT", `${addOnNames.get(addOnId) ?? "That add-on"} is sold out. Untick it to register without it.`, "addOns");
  }
  if (input.promoCodeId && !(await takePromoUse(tx, input.promoCodeId, input.now))) {
    throw new RefusalError("CONFLICT", "That promo code has been used up or is no longer valid. Remove it to continue at the regular price.", "promoCode");
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
    select: { id: true, total: true },
  });
}

/**
 * Sends an open order to payment: the gateway's checkout page (idempotent by
 * the order's id, expiring with it). Returns where to send the person; when the
 * provider cannot be reached the order is closed and its seats freed.
 */
async function openPayment(orderId: string, meetingSlug: string, customerEmail: string, description: string): Promise<string | null> {
  const order = await prisma.registrationOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { id: true, currency: true, discount: true, expiresAt: true, checkoutUrl: true, items: { select: { description: true, amount: true }, orderBy: { id: "asc" } } },
  });
  if (order.checkoutUrl) return order.checkoutUrl;
  try {
    const checkout = await paymentGateway().openCheckout({
      orderId: order.id,
      meetingSlug,
      currency: order.currency,
      lines: order.items.map((item) => ({ name: item.description, amount: item.amount })),
      discount: order.discount,
      expiresAt: order.expiresAt,
      customerEmail,
      description,
      successUrl: absoluteUrl(href.registerSuccess(meetingSlug)),
      cancelUrl: absoluteUrl(href.registerCancelled(meetingSlug, order.id)),
    });
    await prisma.registrationOrder.update({
      where: { id: order.id },
      data: { checkoutSessionId: checkout.sessionId, checkoutUrl: checkout.url, expiresAt: checkout.expiresAt, paymentIntentId: checkout.paymentIntentId },
      select: { id: true },
    });
    return checkout.url;
  } catch (error) {
    logger.error({ err: error, orderId }, "could not open a checkout at the payment provider");
    await inRegistrationTransaction((tx, work) => closeUnpaidOrder(tx, order.id, "EXPIRED", work));
    return null;
  }
}

/**
 * Places an order: `place` creates it (and whatever goes with it) in a
 * registration transaction; a free one is fulfilled in that same transaction,
 * a paid one is sent to payment after it. A refusal thrown inside rolls it all
 * back, and the proof document that came with it is removed again.
 */
export async function placeOrder(
  checkout: { meetingSlug: string; customerEmail: string; description: string; proof: Proof | null; emailToken: string | null; now: Date; unreachable: string },
  place: (tx: Tx, work: AfterCommit) => Promise<{ registrationId: string; order: { id: string; total: number } }>,
): Promise<CheckoutOutcome> {
  try {
    const created = await inRegistrationTransaction(async (tx, work) => {
      const { registrationId, order } = await place(tx, work);
      if (order.total === 0) await fulfilOrder(tx, order.id, { paymentIntentId: null, paidAt: checkout.now }, work);
      await mailEmailConfirmation(tx, registrationId, checkout.proof, checkout.emailToken);
      return { registrationId, orderId: order.id, total: order.total };
    });
    if (created.total === 0) return { ok: true, ...created, redirectTo: href.registration(checkout.meetingSlug) };
    const url = await openPayment(created.orderId, checkout.meetingSlug, checkout.customerEmail, checkout.description);
    if (!url) return refuse("UNAVAILABLE", checkout.unreachable);
    return { ok: true, ...created, redirectTo: url };
  } catch (error) {
    await discardProof(checkout.proof);
    return refusalOf(error);
  }
}

/** The promo code typed, if it exists, is valid today and applies to the category. */
async function findPromo(meetingId: string, typed: string | null, category: { id: string; name: string }, now: Date) {
  const code = typed?.trim().toUpperCase() || null;
  if (!code) return { ok: true as const, promo: null };
  const found = await prisma.promoCode.findUnique({
    where: { meetingId_code: { meetingId, code } },
    select: { id: true, kind: true, value: true, validFrom: true, validUntil: true, categories: { select: { categoryId: true } } },
  });
  if (!found) return refuse("INVALID", "We do not know that promo code. Check its spelling, or leave the field empty.", "promoCode");
  if ((found.validFrom && found.validFrom > now) || (found.validUntil && found.validUntil <= now)) return refuse("INVALID", "That promo code is not valid today.", "promoCode");
  if (found.categories.length && !found.categories.some((link) => link.categoryId === category.id)) {
    return refuse("INVALID", `That promo code does not apply to the ${category.name} category.`, "promoCode");
  }
  return { ok: true as const, promo: { id: found.id, kind: found.kind, value: found.value } };
}

/** What a person chose on the registration form, before any proof is read. */
export type RegistrationChoice = Omit<CheckoutRequest, "proof">;

/**
 * Prices a choice as the checkout will: the current tier, eligibility,
 * add-ons and the promo code. Every problem is named at once (the first as the
 * refusal's message, the rest in `also`), so the form shows them together.
 * The registration form calls it to show the total due before paying.
 */
export async function priceRegistration(request: RegistrationChoice) {
  const now = request.now ?? new Date();
  const offer = await getRegistrationOffer(request.meetingSlug, now);
  if (!offer) return refuse("NOT_FOUND", "There is no meeting at this address.");
  if (!offer.tier) return refuse("CLOSED", `Registration for ${offer.name} is closed.`);
  const tier = offer.tier;
  const category = offer.registrationCategories.find((candidate) => candidate.slug === request.categorySlug);
  if (!category) return refuse("INVALID", "Choose one of the categories listed.", "category");
  const problems: QuoteProblem[] = [];
  const price = category.prices.find((candidate) => candidate.tierId === tier.id && candidate.attendance === request.attendance);
  if (!price) {
    problems.push({ field: "attendance", message: offer.format === "VIRTUAL" ? `${offer.name} is a virtual meeting: choose virtual attendance.` : `${category.name} is not sold for that kind of attendance.` });
  }
  if (request.addOnSlugs.some((slug) => !offer.registrationAddOns.some((addOn) => addOn.slug === slug))) problems.push({ field: "addOns", message: "Choose add-ons from the list." });
  const addOns = offer.registrationAddOns.filter((addOn) => request.addOnSlugs.includes(addOn.slug));
  if (request.promoCode?.trim()) {
    const verdict = await limitPromoCodeTries(request.user.id);
    if (!verdict.allowed) return refuse("RATE_LIMITED", tooManyAttemptsMessage("promo codes tried", verdict.retryAfterSeconds), "promoCode");
  }
  const promo = await findPromo(offer.id, request.promoCode, category, now);
  if (!promo.ok) problems.push({ field: "promoCode", message: promo.message });

  const membership = await getMembership(request.user.id, offer.society.id, dayKeyOf(now, offer.timeZone));
  const priced = price
    ? quoteRegistration({
        societyName: offer.society.shortName,
        category,
        tierName: tier.name,
        attendance: request.attendance,
        price,
        ...memberStatus(membership),
        joinMembership: request.joinMembership,
        addOns,
        promo: promo.ok ? promo.promo : null,
      })
    : null;
  if (priced && !priced.ok) problems.push(...priced.problems);
  const [first, ...rest] = problems;
  if (first || !priced?.ok) return refuseAll([first!, ...rest]);
  return { ok: true as const, offer, tier, category, addOns, promo: promo.ok ? promo.promo : null, quote: priced.quote };
}

/**
 * Starts a registration. Prices, tier, eligibility, add-on seats and promo codes
 * are all decided here on the server; the form only names what the person chose.
 */
export async function startCheckout(request: CheckoutRequest): Promise<CheckoutOutcome> {
  const now = request.now ?? new Date();
  const priced = await priceRegistration({ ...request, now });
  if (!priced.ok) return priced;
  const { offer, tier, category, addOns, promo } = priced;
  const refused = proofRefusal(category, request.proof);
  if (refused) return refused;
  const quote = priced.quote;
  const proof = category.requiresProof ? request.proof : null;
  const emailToken = newEmailToken(proof);
  const addOnNames = new Map(addOns.map((addOn) => [addOn.id, addOn.name]));

  const checkout = {
    meetingSlug: offer.slug,
    customerEmail: request.user.email,
    description: `${offer.name}: ${category.name} registration`,
    proof,
    emailToken,
    now,
    unreachable: "We could not reach the payment provider, so nothing was charged and your seats were released. Please try again in a minute.",
  };
  return placeOrder(checkout, async (tx) => {
    // One live registration per person and meeting: concurrent attempts queue on this lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`registration:${offer.id}:${request.user.id}`}, 0))`;
    const live = await tx.registration.findFirst({
      where: { meetingId: offer.id, userId: request.user.id, status: { in: [...LIVE_STATUSES] } },
      select: { status: true },
    });
    if (live) {
      throw new RefusalError(
        "CONFLICT",
        live.status === "ACTIVE" ? `You are already registered for ${offer.name}.` : "You already have a checkout in progress. Continue or cancel it on your registration page.",
        "category",
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
        ...(proof ? proofColumns(proof, emailToken) : {}),
        documents: proof?.method === "DOCUMENT" ? { create: proof.document } : undefined,
      },
      select: { id: true },
    });
    const order = await createOrder(tx, { registrationId: registration.id, currency: offer.currency, quote, promoCodeId: promo?.id ?? null, now }, addOnNames);
    return { registrationId: registration.id, order };
  });
}

/** The person leaves an open checkout: it closes now and its seats go back (the provider's checkout is expired too). */
export async function abandonCheckout(orderId: string, userId: string): Promise<boolean> {
  const order = await prisma.registrationOrder.findFirst({ where: { id: orderId, registration: { userId } }, select: { id: true } });
  if (!order) return false;
  return inRegistrationTransaction((tx, work) => closeUnpaidOrder(tx, order.id, "EXPIRED", work, { expireAtProvider: true }));
}
