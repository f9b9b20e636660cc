import { describe, expect, it } from "vitest";
import { categoryBarrier, describeRefundPolicy, formatMoney, promoDiscount, type QuoteInput, quoteRegistration, refundFor, tierAt } from "./pricing";

const day = (value: string) => new Date(`${value}T00:00:00Z`);
const tiers = [
  { slug: "standard", name: "Standard", lastDay: day("2023-02-24"), position: 1 },
  { slug: "early-bird", name: "Early bird", lastDay: day("2023-01-13"), position: 0 },
  { slug: "late", name: "Late", lastDay: null, position: 2 },
];

describe("tierAt", () => {
  it("keeps the early-bird rate until midnight in Phoenix, hours after midnight UTC", () => {
    // Phoenix is UTC-7 all year: January 13 ends at 07:00 UTC on the 14th.
    expect(tierAt(tiers, new Date("2023-01-14T06:59:59Z"), "America/Phoenix")?.slug).toBe("early-bird");
    expect(tierAt(tiers, new Date("2023-01-14T07:00:00Z"), "America/Phoenix")?.slug).toBe("standard");
    // The same instants in UTC would already be past the boundary.
    expect(tierAt(tiers, new Date("2023-01-14T06:59:59Z"), "UTC")?.slug).toBe("standard");
  });

  it("moves to the next tier at local midnight across a daylight-saving change in Chicago", () => {
    const dst = [
      { slug: "early-bird", name: "Early bird", lastDay: day("2023-03-12"), position: 0 },
      { slug: "late", name: "Late", lastDay: null, position: 1 },
    ];
    // March 12, 2023 is the day Chicago springs forward: it ends at 23:59:59 CDT = 04:59:59 UTC.
    expect(tierAt(dst, new Date("2023-03-13T04:59:59Z"), "America/Chicago")?.slug).toBe("early-bird");
    expect(tierAt(dst, new Date("2023-03-13T05:00:00Z"), "America/Chicago")?.slug).toBe("late");
    // The day before, still CST: it ends at 06:00 UTC.
    const cst = [{ ...dst[0]!, lastDay: day("2023-03-11") }, dst[1]!];
    expect(tierAt(cst, new Date("2023-03-12T05:59:59Z"), "America/Chicago")?.slug).toBe("early-bird");
    expect(tierAt(cst, new Date("2023-03-12T06:00:00Z"), "America/Chicago")?.slug).toBe("late");
  });

  it("uses the last tier without an end, and returns none when every tier has ended", () => {
    expect(tierAt(tiers, new Date("2030-01-01T00:00:00Z"), "America/Phoenix")?.slug).toBe("late");
    expect(tierAt(tiers.slice(0, 2), new Date("2030-01-01T00:00:00Z"), "America/Phoenix")).toBeNull();
  });
});

const resident: QuoteInput = {
  societyName: "SIR",
  category: { name: "Resident-in-Training", membersOnly: false, membershipFee: 5000, audience: "RESIDENTS_FELLOWS" },
  tierName: "Late",
  attendance: "VIRTUAL",
  price: { amount: 35000, memberAmount: 15000 },
  isMember: false,
  isFullMember: false,
  joinMembership: false,
  addOns: [],
  promo: null,
};

describe("quoteRegistration", () => {
  it("charges a non-member trainee the non-member rate", () => {
    const result = quoteRegistration(resident);
    expect(result.ok && result.quote).toMatchObject({ subtotal: 35000, discount: 0, total: 35000, memberPricing: false });
  });

  it("gives member prices to a trainee who joins in the same checkout, and charges the dues", () => {
    const result = quoteRegistration({ ...resident, joinMembership: true });
    if (!result.ok) throw new Error("expected a quote");
    expect(result.quote.items.map((item) => [item.kind, item.amount])).toEqual([
      ["REGISTRATION", 15000],
      ["MEMBERSHIP", 5000],
    ]);
    expect(result.quote.total).toBe(20000);
    expect(result.quote.memberPricing).toBe(true);
  });

  it("does not charge dues to someone who is already a member", () => {
    const result = quoteRegistration({ ...resident, isMember: true, joinMembership: true });
    expect(result.ok && result.quote.total).toBe(15000);
  });

  it("lets medical students join free", () => {
    const student = { ...resident, category: { name: "Medical Student", membersOnly: false, membershipFee: 0, audience: "MEDICAL_STUDENTS" as const }, price: { amount: 0, memberAmount: null } };
    const result = quoteRegistration({ ...student, joinMembership: true });
    expect(result.ok && result.quote).toMatchObject({ total: 0, joinsMembership: true });
  });

  it("refuses members-only categories to non-members and dues with categories that do not offer them", () => {
    const physician = { name: "Member physician", membersOnly: true, membershipFee: null, audience: "EVERYONE" as const };
    const refused = quoteRegistration({ ...resident, category: physician, joinMembership: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.field).sort()).toEqual(["category", "joinMembership"]);
    expect(quoteRegistration({ ...resident, category: physician, isMember: true, isFullMember: true }).ok).toBe(true);
    // An in-training membership is not a full one.
    expect(quoteRegistration({ ...resident, category: physician, isMember: true, isFullMember: false }).ok).toBe(false);
  });

  it("says before submitting why a non-member cannot take a members-only rate", () => {
    const physician = { name: "Member physician", membersOnly: true };
    expect(categoryBarrier(physician, false, "SIR")).toBe("Member physician rates are for SIR members. Choose the non-member category, or sign in with the account your membership is on.");
    expect(categoryBarrier(physician, true, "SIR")).toBeNull();
    expect(categoryBarrier({ name: "Non-member physician", membersOnly: false }, false, "SIR")).toBeNull();
  });

  it("refuses add-ons meant for another audience", () => {
    const practicum = { id: "p", name: "Spring Practicum", amount: 39500, audience: "RESIDENTS_FELLOWS" as const };
    expect(quoteRegistration({ ...resident, addOns: [practicum] }).ok).toBe(true);
    const student = { ...resident.category, name: "Medical Student", audience: "MEDICAL_STUDENTS" as const };
    const refused = quoteRegistration({ ...resident, category: student, addOns: [practicum] });
    expect(!refused.ok && refused.problems[0]?.field).toBe("addOns");
  });

  it("takes a promo code off the registration fee only, never below zero", () => {
    const workshop = { id: "w", name: "Workshop", amount: 9500, audience: "EVERYONE" as const };
    const percent = quoteRegistration({ ...resident, addOns: [workshop], promo: { kind: "PERCENT", value: 20 } });
    expect(percent.ok && percent.quote).toMatchObject({ subtotal: 44500, discount: 7000, total: 37500 });
    const amount = quoteRegistration({ ...resident, addOns: [workshop], promo: { kind: "AMOUNT", value: 99999 } });
    expect(amount.ok && amount.quote).toMatchObject({ discount: 35000, total: 9500 });
    expect(promoDiscount({ kind: "PERCENT", value: 33 }, 1000)).toBe(330);
    expect(promoDiscount({ kind: "PERCENT", value: 50 }, 0)).toBe(0);
  });
});

describe("refundFor", () => {
  const policy = { fullRefundThrough: day("2022-12-30"), cancellationFee: 10000, partialRefundThrough: day("2023-01-13") };

  it("refunds in full through the full-refund day, in the meeting's zone", () => {
    // 11 PM on December 30 in Chicago is already the 31st in UTC.
    expect(refundFor(policy, 45000, new Date("2022-12-31T05:00:00Z"), "America/Chicago")).toEqual({ band: "FULL", amount: 45000, fee: 0 });
  });

  it("keeps the fee after that, and refunds nothing after the last day", () => {
    expect(refundFor(policy, 45000, new Date("2022-12-31T06:00:00Z"), "America/Chicago")).toEqual({ band: "LESS_FEE", amount: 35000, fee: 10000 });
    expect(refundFor(policy, 5000, new Date("2023-01-10T12:00:00Z"), "America/Chicago")).toEqual({ band: "LESS_FEE", amount: 0, fee: 5000 });
    expect(refundFor(policy, 45000, new Date("2023-01-14T06:00:00Z"), "America/Chicago")).toEqual({ band: "NONE", amount: 0, fee: 0 });
  });

  it("keeps refunding less the fee when the policy has no last day", () => {
    expect(refundFor({ ...policy, partialRefundThrough: null }, 25000, new Date("2026-06-01T00:00:00Z"), "America/Phoenix")).toEqual({ band: "LESS_FEE", amount: 15000, fee: 10000 });
  });

  it("describes the policy in words", () => {
    expect(describeRefundPolicy(policy, "USD")).toBe(
      "Cancel by December 30, 2022 for a full refund, or by January 13, 2023 for a refund less a $100.00 fee; no refunds after that. Membership dues are not refunded.",
    );
    expect(formatMoney(109500, "USD")).toBe("$1,095.00");
  });
});
