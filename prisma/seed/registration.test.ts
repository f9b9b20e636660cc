// The registration set-up the seed writes, read from the worker's seeded database.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedDatabase } from "../seed";

afterAll(() => prisma.$disconnect());

async function setup(slug: string) {
  return prisma.meeting.findUniqueOrThrow({
    where: { slug },
    select: {
      currency: true,
      registrationTiers: { select: { slug: true, lastDay: true }, orderBy: { position: "asc" } },
      registrationCategories: { select: { slug: true, requiresProof: true, membershipFee: true, prices: { select: { attendance: true, amount: true, memberAmount: true } } }, orderBy: { position: "asc" } },
      registrationAddOns: { select: { slug: true, capacity: true, sold: true, held: true, sessionId: true, audience: true } },
      registrationPolicy: { select: { fullRefundThrough: true, partialRefundThrough: true, cancellationFee: true } },
    },
  });
}

describe("registration seed", () => {
  it("sells SIR 2023 virtually only, in SIR's seven categories and three tiers", async () => {
    const sir = await setup("sir-2023");
    expect(sir.currency).toBe("USD");
    expect(sir.registrationTiers.map((tier) => tier.slug)).toEqual(["early-bird", "standard", "late"]);
    expect(sir.registrationTiers.at(-1)?.lastDay).toBeNull();
    expect(sir.registrationCategories.map((category) => category.slug)).toEqual([
      "member-physician", "non-member-physician", "resident", "fellow", "scientist-in-training", "medical-student", "clinical-associate",
    ]);
    for (const category of sir.registrationCategories) {
      expect(new Set(category.prices.map((price) => price.attendance))).toEqual(new Set(["VIRTUAL"]));
      expect(category.prices).toHaveLength(3);
    }
    const byslug = Object.fromEntries(sir.registrationCategories.map((category) => [category.slug, category]));
    // Medical students register free and join free; other trainees pay $50 a year to join.
    expect(byslug["medical-student"]!.prices.every((price) => price.amount === 0)).toBe(true);
    expect(byslug["medical-student"]!.membershipFee).toBe(0);
    expect(byslug["resident"]).toMatchObject({ requiresProof: true, membershipFee: 5000 });
    expect(byslug["non-member-physician"]).toMatchObject({ requiresProof: false, membershipFee: null });
  });

  it("sells SIO 2023 in person and virtually", async () => {
    const sio = await setup("sio-2023");
    for (const category of sio.registrationCategories) {
      expect(new Set(category.prices.map((price) => price.attendance))).toEqual(new Set(["IN_PERSON", "VIRTUAL"]));
    }
    expect(sio.registrationPolicy?.partialRefundThrough).not.toBeNull();
  });

  it("offers the workshops with their seats, the Spring Practicum for residents and the Gold Medal dinner", async () => {
    const sir = await setup("sir-2023");
    const workshops = sir.registrationAddOns.filter((addOn) => addOn.sessionId !== null);
    expect(workshops.length).toBeGreaterThanOrEqual(5);
    for (const addOn of sir.registrationAddOns) expect(addOn.capacity).toBeGreaterThan(0);
    expect(sir.registrationAddOns.find((addOn) => addOn.slug === "ir-residency-spring-practicum")).toMatchObject({ audience: "RESIDENTS_FELLOWS", capacity: 60 });
    expect(sir.registrationAddOns.find((addOn) => addOn.slug === "gold-medal-dinner")).toMatchObject({ capacity: 120 });
  });

  it("gives the demo attendee the confirmed registration that grants his ATTENDEE role", async () => {
    const registration = await prisma.registration.findUniqueOrThrow({
      where: { code: "SIR23-DEMO0001" },
      select: { status: true, verification: true, user: { select: { email: true, meetingRoles: { select: { role: true } } } } },
    });
    expect(registration).toMatchObject({ status: "ACTIVE", verification: "NOT_REQUIRED", user: { email: "attendee@example.org" } });
    expect(registration.user.meetingRoles.map((role) => role.role)).toContain("ATTENDEE");
  });

  it("gives the console demo registrants: trainees waiting for verification, sold seats, a refunded cancellation", async () => {
    const demo = await prisma.registration.findMany({
      where: { code: { startsWith: "SIR23-DEMO" } },
      select: { code: true, status: true, verification: true, orders: { select: { total: true, amountRefunded: true } } },
      orderBy: { code: "asc" },
    });
    expect(demo).toHaveLength(9);
    expect(demo.filter((registration) => registration.verification === "PENDING").map((registration) => registration.code)).toEqual(["SIR23-DEMO0005", "SIR23-DEMO0006"]);
    const cancelled = demo.find((registration) => registration.status === "CANCELLED");
    expect(cancelled?.orders[0]?.amountRefunded).toBe(cancelled?.orders[0]?.total);
    const dinner = await prisma.registrationAddOn.findFirstOrThrow({ where: { slug: "gold-medal-dinner" }, select: { sold: true } });
    expect(dinner.sold).toBeGreaterThanOrEqual(1);
  });

  it("changes nothing and keeps seat counts when seeding again", async () => {
    const addOn = await prisma.registrationAddOn.findFirstOrThrow({ where: { slug: "gold-medal-dinner" }, select: { id: true, sold: true } });
    await prisma.registrationAddOn.update({ where: { id: addOn.id }, data: { sold: 3, name: "Renamed" } });
    const snapshot = async () =>
      Promise.all([
        prisma.registrationCategory.findMany({ orderBy: { id: "asc" } }),
        prisma.registrationTier.findMany({ orderBy: { id: "asc" } }),
        prisma.registrationPrice.findMany({ orderBy: { id: "asc" } }),
        prisma.promoCode.findMany({ orderBy: { id: "asc" } }),
        prisma.promoCodeCategory.findMany({ orderBy: [{ promoCodeId: "asc" }, { categoryId: "asc" }] }),
        prisma.registrationPolicy.findMany({ orderBy: { id: "asc" } }),
        prisma.registration.findMany({ where: { code: "SIR23-DEMO0001" } }),
        prisma.societyMembership.findMany({ orderBy: { id: "asc" } }),
      ]);
    await seedDatabase(prisma, { demo: true });
    const first = await snapshot();
    expect(await prisma.registrationAddOn.findUniqueOrThrow({ where: { id: addOn.id }, select: { sold: true, name: true } })).toEqual({ sold: 3, name: "Gold Medal Dinner" });
    await seedDatabase(prisma, { demo: true });
    expect(await snapshot()).toEqual(first);
    await prisma.registrationAddOn.update({ where: { id: addOn.id }, data: { sold: addOn.sold } });
  });
});
