// Prices, tiers, promo discounts and refunds as pure functions: the server
// computes every amount with these (never trusting a number from a form), the
// registration form shows a running total with the same code, and tests pin
// the clock. Money is an integer in the currency's minor unit (cents).
import { dayKeyOf, type DayKey } from "~/utils/time";

export type AttendanceKind = "IN_PERSON" | "VIRTUAL";
export type Audience = "EVERYONE" | "MEDICAL_STUDENTS" | "RESIDENTS_FELLOWS";

export const ATTENDANCE_LABELS: Record<AttendanceKind, string> = { IN_PERSON: "In person", VIRTUAL: "Virtual" };

/** "$1,095.00" (or "€95.00"): money as people read it, in the meeting's currency. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount / 100);
}

/** A @db.Date column (UTC midnight) as the calendar day it names. */
export function dayOf(date: Date): DayKey {
  return date.toISOString().slice(0, 10);
}

export type TierLike = { slug: string; name: string; lastDay: Date | null; position: number };

/**
 * The tier in force at `now`: the first, in order, whose last day (a calendar day
 * in the meeting's zone, inclusive) has not passed there. A tier ending on
 * January 13 in Phoenix still applies at 11:59 PM Phoenix time, which is
 * already January 14 in UTC.
 */
export function tierAt<T extends TierLike>(tiers: readonly T[], now: Date, timeZone: string): T | null {
  const today = dayKeyOf(now, timeZone);
  const ordered = [...tiers].sort((a, b) => a.position - b.position);
  return ordered.find((tier) => tier.lastDay === null || dayOf(tier.lastDay) >= today) ?? null;
}

export type QuoteCategory = {
  name: string;
  membersOnly: boolean;
  membershipFee: number | null;
  audience: Audience;
};
export type QuotePrice = { amount: number; memberAmount: number | null };
export type QuoteAddOn = { id: string; name: string; amount: number; audience: Audience };
export type QuotePromo = { kind: "PERCENT" | "AMOUNT"; value: number };

export type QuoteItem = { kind: "REGISTRATION" | "MEMBERSHIP" | "ADD_ON"; description: string; amount: number; addOnId: string | null };

export type Quote = {
  items: QuoteItem[];
  subtotal: number;
  discount: number;
  total: number;
  memberPricing: boolean;
  joinsMembership: boolean;
};

export type QuoteInput = {
  societyName: string;
  category: QuoteCategory;
  tierName: string;
  attendance: AttendanceKind;
  price: QuotePrice;
  /** Holds an active membership of the society (any kind) / a full one. */
  isMember: boolean;
  isFullMember: boolean;
  joinMembership: boolean;
  addOns: readonly QuoteAddOn[];
  promo: QuotePromo | null;
};

/** What a society membership (current, or none) means for pricing. */
export function memberStatus(membership: { kind: string } | null): Pick<QuoteInput, "isMember" | "isFullMember"> {
  return { isMember: membership !== null, isFullMember: membership?.kind === "FULL" };
}

export type QuoteProblem = { field: "category" | "attendance" | "joinMembership" | "addOns" | "promoCode"; message: string };

export function registrationItemDescription(categoryName: string, attendance: AttendanceKind, tierName: string): string {
  return `${categoryName} registration, ${ATTENDANCE_LABELS[attendance].toLowerCase()} (${tierName} rate)`;
}

export function membershipItemDescription(societyName: string): string {
  return `${societyName} in-training membership, one year`;
}

/** Why a person cannot take a category (a members-only one for a non-member), or null when they can. */
export function categoryBarrier(category: Pick<QuoteCategory, "name" | "membersOnly">, isFullMember: boolean, societyName: string): string | null {
  if (!category.membersOnly || isFullMember) return null;
  return `${category.name} rates are for ${societyName} members. Choose the non-member category, or sign in with the account your membership is on.`;
}

/** The discount a promo code gives off a registration fee: never more than the fee. */
export function promoDiscount(promo: QuotePromo | null, registrationFee: number): number {
  if (!promo || registrationFee <= 0) return 0;
  const off = promo.kind === "PERCENT" ? Math.round((registrationFee * Math.min(100, Math.max(0, promo.value))) / 100) : promo.value;
  return Math.min(registrationFee, Math.max(0, off));
}

/**
 * What a registration costs, item by item, or why the person cannot buy it.
 * Membership dues are offered with trainee categories only and make the member
 * price apply in the same checkout; a promo code takes its discount off the
 * registration fee only.
 */
export function quoteRegistration(input: QuoteInput): { ok: true; quote: Quote } | { ok: false; problems: QuoteProblem[] } {
  const { category, price } = input;
  const problems: QuoteProblem[] = [];
  const barrier = categoryBarrier(category, input.isFullMember, input.societyName);
  if (barrier) problems.push({ field: "category", message: barrier });
  const joinsMembership = input.joinMembership && !input.isMember;
  if (input.joinMembership && category.membershipFee === null) {
    problems.push({ field: "joinMembership", message: `Joining as an in-training member comes with trainee and student categories only.` });
  }
  for (const addOn of input.addOns) {
    if (addOn.audience !== "EVERYONE" && addOn.audience !== category.audience) {
      problems.push({ field: "addOns", message: `${addOn.name} is not open to the ${category.name} category.` });
    }
  }
  if (problems.length) return { ok: false, problems };

  const memberPricing = input.isMember || joinsMembership;
  const fee = memberPricing && price.memberAmount !== null ? price.memberAmount : price.amount;
  const items: QuoteItem[] = [
    { kind: "REGISTRATION", description: registrationItemDescription(category.name, input.attendance, input.tierName), amount: fee, addOnId: null },
  ];
  if (joinsMembership) {
    items.push({ kind: "MEMBERSHIP", description: membershipItemDescription(input.societyName), amount: category.membershipFee ?? 0, addOnId: null });
  }
  for (const addOn of input.addOns) items.push({ kind: "ADD_ON", description: addOn.name, amount: addOn.amount, addOnId: addOn.id });
  const subtotal = items.reduce((sum, item) => sum + item.amount, 0);
  const discount = promoDiscount(input.promo, fee);
  return { ok: true, quote: { items, subtotal, discount, total: subtotal - discount, memberPricing, joinsMembership } };
}

export type RefundPolicyLike = { fullRefundThrough: Date; cancellationFee: number; partialRefundThrough: Date | null };
export type RefundBand = "FULL" | "LESS_FEE" | "NONE";

/**
 * What cancelling at `now` gives back of `refundable`: all of it through the
 * full-refund day, less the fee after that until the partial-refund day (if
 * any), nothing after. Days are calendar days in the meeting's zone.
 */
export function refundFor(policy: RefundPolicyLike | null, refundable: number, now: Date, timeZone: string): { band: RefundBand; amount: number; fee: number } {
  if (!policy) return { band: "FULL", amount: refundable, fee: 0 };
  const today = dayKeyOf(now, timeZone);
  if (today <= dayOf(policy.fullRefundThrough)) return { band: "FULL", amount: refundable, fee: 0 };
  if (policy.partialRefundThrough === null || today <= dayOf(policy.partialRefundThrough)) {
    const fee = Math.min(refundable, policy.cancellationFee);
    return { band: "LESS_FEE", amount: refundable - fee, fee };
  }
  return { band: "NONE", amount: 0, fee: 0 };
}

/** The policy in one or two sentences, for the form, the registration page and mail. */
export function describeRefundPolicy(policy: RefundPolicyLike | null, currency: string): string {
  if (!policy) return "Cancel at any time for a full refund.";
  const date = (value: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(value);
  const fee = formatMoney(policy.cancellationFee, currency);
  const first = `Cancel by ${date(policy.fullRefundThrough)} for a full refund`;
  if (policy.partialRefundThrough === null) return `${first}; after that, refunds are less a ${fee} cancellation fee. Membership dues are not refunded.`;
  return `${first}, or by ${date(policy.partialRefundThrough)} for a refund less a ${fee} fee; no refunds after that. Membership dues are not refunded.`;
}
