// After a declined verification the registrant either sends a new proof for
// the same category (back to the review queue) or moves to another category,
// paying the difference through a checkout of its own.
import { refuse, RefusalError, refusalOf } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { dayKeyOf } from "~/utils/time";
import { createOrder, placeOrder, type CheckoutOutcome } from "./checkout.server";
import { inRegistrationTransaction } from "./fulfilment.server";
import { memberStatus, quoteRegistration } from "./pricing";
import { discardProof, mailEmailConfirmation, newEmailToken, proofColumns, proofRefusal, type Proof } from "./proof.server";
import { getMembership } from "./registration.server";

const CHANGED_MEANWHILE = "This registration changed meanwhile. Reload the page.";

/**
 * Moves a declined registration to another category, paying the difference (at
 * the tier the person registered in). A cheaper or equal category changes at
 * once, without a refund of the difference.
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
  if (!registration) return refuse("NOT_FOUND", "There is no such registration.");
  if (registration.status !== "ACTIVE" || registration.verification !== "REJECTED") return refuse("CONFLICT", "Only a registration whose verification was declined can change category.", "category");
  if (registration.orders.length) return refuse("CONFLICT", "A payment for this registration is still in progress.", "category");
  const category = await prisma.registrationCategory.findFirst({
    where: { meetingId: registration.meeting.id, slug: input.categorySlug },
    select: { id: true, name: true, requiresProof: true, membersOnly: true, membershipFee: true, audience: true, prices: { where: { tierId: registration.tier.id, attendance: registration.attendance }, select: { amount: true, memberAmount: true } } },
  });
  const price = category?.prices[0];
  if (!category || !price) return refuse("INVALID", "Choose one of the categories listed.", "category");
  const { proof } = input;
  if (category.id === registration.category.id && !proof) return refuse("INVALID", "Send a new proof to stay in this category.", "proofMethod");
  const refused = proofRefusal(category, proof);
  if (refused) return refused;
  const emailToken = newEmailToken(proof);
  if (category.id === registration.category.id && proof) return resubmitProof(registration.id, registration.meeting.slug, proof, emailToken);
  const membership = await getMembership(input.userId, registration.meeting.society.id, dayKeyOf(now, registration.meeting.timeZone));
  const quoted = quoteRegistration({
    societyName: registration.meeting.society.shortName,
    category,
    tierName: registration.tier.name,
    attendance: registration.attendance,
    price,
    ...memberStatus(membership),
    joinMembership: false,
    addOns: [],
    promo: null,
  });
  if (!quoted.ok) return refuse("INVALID", quoted.problems[0]!.message, "category");
  const paidForRegistration = await prisma.registrationOrderItem.aggregate({
    where: { kind: "REGISTRATION", order: { registrationId: registration.id, status: "PAID" } },
    _max: { amount: true },
  });
  const paidOrders = await prisma.registrationOrder.aggregate({ where: { registrationId: registration.id, status: "PAID", purpose: "REGISTRATION" }, _sum: { discount: true } });
  const alreadyPaid = (paidForRegistration._max.amount ?? 0) - (paidOrders._sum.discount ?? 0);
  const difference = Math.max(0, quoted.quote.items[0]!.amount - alreadyPaid);

  const checkout = {
    meetingSlug: registration.meeting.slug,
    customerEmail: input.userEmail,
    description: `${registration.meeting.name}: change to ${category.name}`,
    proof,
    emailToken,
    now,
    unreachable: "We could not reach the payment provider, so nothing was charged. Please try again in a minute.",
  };
  return placeOrder(checkout, async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; verification: string }[]>`
      SELECT status::text, verification::text FROM "Registration" WHERE id = ${registration.id} FOR UPDATE`;
    if (locked?.status !== "ACTIVE" || locked.verification !== "REJECTED") throw new RefusalError("CONFLICT", CHANGED_MEANWHILE, "category");
    await tx.registration.update({
      where: { id: registration.id },
      data: { ...(proof ? proofColumns(proof, emailToken) : {}), ...(proof?.method === "DOCUMENT" ? { documents: { create: proof.document } } : {}) },
      select: { id: true },
    });
    const description = `Change to ${category.name} (difference, ${registration.tier.name} rate)`;
    const order = await createOrder(tx, {
      registrationId: registration.id,
      currency: registration.meeting.currency,
      quote: { items: [{ kind: "REGISTRATION", description, amount: difference, addOnId: null }], subtotal: difference, discount: 0, total: difference },
      promoCodeId: null,
      newCategoryId: category.id,
      now,
    });
    return { registrationId: registration.id, order };
  });
}

/** A declined registration sends a new proof for the same category: it goes back to the review queue. */
async function resubmitProof(registrationId: string, meetingSlug: string, proof: Proof, emailToken: string | null): Promise<CheckoutOutcome> {
  try {
    await inRegistrationTransaction(async (tx) => {
      const changed = await tx.registration.updateMany({
        where: { id: registrationId, status: "ACTIVE", verification: "REJECTED" },
        data: { verification: "PENDING", rejectionReason: null, ...proofColumns(proof, emailToken) },
      });
      if (changed.count === 0) throw new RefusalError("CONFLICT", CHANGED_MEANWHILE, "proofMethod");
      if (proof.method === "DOCUMENT") await tx.verificationDocument.create({ data: { registrationId, ...proof.document }, select: { id: true } });
      await mailEmailConfirmation(tx, registrationId, proof, emailToken);
    });
    return { ok: true, registrationId, orderId: "", total: 0, redirectTo: href.registration(meetingSlug) };
  } catch (error) {
    await discardProof(proof);
    return refusalOf(error);
  }
}
