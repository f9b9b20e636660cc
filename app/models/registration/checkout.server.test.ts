// Starting checkouts against the real database: seats and promo uses under heavy
// concurrency, eligibility, forged and bad input, free registrations.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { storeProof } from "~/utils/upload.server";
import { priceRegistration, startCheckout } from "./checkout.server";
import { isInstitutionalAddress } from "./proof.server";
import { addOnCounts, checkoutEvent, checkoutFor, deliver, hasAttendeeRole, mailTo, makeAddOn, makePromoCode, makeUsers, registrationOf } from "./registration.fixture";

afterAll(() => prisma.$disconnect());

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe("add-on seats under concurrency", () => {
  it("sells exactly 50 of 50 seats to 200 simultaneous checkouts, round after round, and tells every loser", { timeout: 240_000 }, async () => {
    const users = await makeUsers(200, "rush");
    for (let round = 0; round < 3; round++) {
      const workshop = await makeAddOn({ capacity: 50 });
      const buyers = round === 0 ? users : await makeUsers(200, `rush${round}`);
      const outcomes = await Promise.all(buyers.map((user) => checkoutFor(user, { addOnSlugs: [workshop.slug] })));
      const winners = outcomes.filter((outcome) => outcome.ok);
      const losers = outcomes.filter((outcome) => !outcome.ok);
      expect(winners).toHaveLength(50);
      expect(losers).toHaveLength(150);
      for (const loser of losers) {
        expect(loser).toMatchObject({ ok: false, code: "CONFLICT", field: "addOns", message: expect.stringMatching(/is sold out/) });
      }
      expect(await addOnCounts(workshop.id)).toEqual({ capacity: 50, held: 50, sold: 0 });
      // Losers left nothing behind: no registration, no order.
      expect(await prisma.registrationOrderItem.count({ where: { addOnId: workshop.id } })).toBe(50);

      // Everyone who held a seat pays, concurrently: 50 sold, none oversold.
      await Promise.all(winners.map(async (winner) => winner.ok && deliver(await checkoutEvent(winner.orderId, "checkout.session.completed"))));
      expect(await addOnCounts(workshop.id)).toEqual({ capacity: 50, held: 0, sold: 50 });
      const [row] = await prisma.$queryRaw<{ sold: number }[]>`
        SELECT count(*)::int AS sold FROM "RegistrationOrderItem" i JOIN "RegistrationOrder" o ON o.id = i."orderId"
         WHERE i."addOnId" = ${workshop.id} AND o.status = 'PAID' AND i."releasedAt" IS NULL`;
      expect(row?.sold).toBe(50);
    }
  });

  it("says an add-on is sold out once paid and open checkouts fill it, and frees the seat when a checkout expires", async () => {
    const workshop = await makeAddOn({ capacity: 1 });
    const [first, second] = await makeUsers(2, "last-seat");
    const held = await checkoutFor(first!, { addOnSlugs: [workshop.slug] });
    expect(held.ok).toBe(true);
    const refused = await checkoutFor(second!, { addOnSlugs: [workshop.slug] });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    // Refused means untouched: the second person has no registration at all.
    expect(await prisma.registration.count({ where: { userId: second!.id } })).toBe(0);
    if (held.ok) await deliver(await checkoutEvent(held.orderId, "checkout.session.expired"));
    expect((await checkoutFor(second!, { addOnSlugs: [workshop.slug] })).ok).toBe(true);
  });
});

describe("promo codes under concurrency", () => {
  it("lets exactly as many checkouts use a code as its limit allows", { timeout: 120_000 }, async () => {
    const promo = await makePromoCode({ maxUses: 7, value: 25 });
    const users = await makeUsers(40, "promo");
    const outcomes = await Promise.all(users.map((user) => checkoutFor(user, { promoCode: promo.code.toLowerCase() })));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(7);
    for (const outcome of outcomes.filter((candidate) => !candidate.ok)) {
      expect(outcome).toMatchObject({ ok: false, code: "CONFLICT", field: "promoCode", message: expect.stringMatching(/used up/) });
    }
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { id: promo.id }, select: { uses: true } })).uses).toBe(7);
    const orders = await prisma.registrationOrder.findMany({ where: { promoCodeId: promo.id }, select: { subtotal: true, discount: true, total: true } });
    // 25% off the late non-member physician fee ($1,095.00).
    expect(orders).toHaveLength(7);
    for (const order of orders) expect(order).toEqual({ subtotal: 109500, discount: 27375, total: 82125 });
  });

  it("gives a use back when its checkout expires, and refuses codes that are expired or for other categories", async () => {
    const promo = await makePromoCode({ maxUses: 1 });
    const [a, b, c] = await makeUsers(3, "promo-back");
    const first = await checkoutFor(a!, { promoCode: promo.code });
    expect((await checkoutFor(b!, { promoCode: promo.code })).ok).toBe(false);
    if (first.ok) await deliver(await checkoutEvent(first.orderId, "checkout.session.expired"));
    expect((await checkoutFor(b!, { promoCode: promo.code })).ok).toBe(true);

    const expired = await makePromoCode({ maxUses: null, validUntil: new Date(Date.now() - 1000) });
    expect(await checkoutFor(c!, { promoCode: expired.code })).toMatchObject({ ok: false, code: "INVALID", field: "promoCode", message: "That promo code is not valid today." });
    const traineesOnly = await makePromoCode({ maxUses: null, categories: ["resident"] });
    expect(await checkoutFor(c!, { promoCode: traineesOnly.code })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await checkoutFor(c!, { promoCode: "NO-SUCH-CODE" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await prisma.registration.count({ where: { userId: c!.id } })).toBe(0);
  });
});

describe("what may be bought", () => {
  const choice = (user: { id: string; email: string }, overrides: Partial<Parameters<typeof priceRegistration>[0]> = {}) =>
    priceRegistration({ meetingSlug: "sir-2023", user, categorySlug: "resident", attendance: "VIRTUAL", joinMembership: false, addOnSlugs: [], promoCode: null, ...overrides });

  it("names every problem of a choice at once, so the form shows them together", async () => {
    const [user] = await makeUsers(1, "all-at-once");
    const refused = await choice(user!, { categorySlug: "member-physician", joinMembership: true, addOnSlugs: ["ir-residency-spring-practicum"], promoCode: "NO-SUCH-CODE" });
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    if (refused.ok) return;
    const named = [{ field: refused.field, message: refused.message }, ...(refused.also ?? [])];
    expect(named.map((problem) => problem.field).sort()).toEqual(["addOns", "category", "joinMembership", "promoCode"]);
    expect(named.find((problem) => problem.field === "category")?.message).toMatch(/for SIR members/);
  });

  it("prices a promo code for the form without taking a use or writing anything", async () => {
    const [user] = await makeUsers(1, "promo-quote");
    const promo = await makePromoCode({ maxUses: 1, kind: "PERCENT", value: 20, categories: ["resident"] });
    const priced = await choice(user!, { promoCode: promo.code.toLowerCase() });
    expect(priced.ok && priced.quote).toMatchObject({ discount: priced.ok ? Math.round(priced.quote.items[0]!.amount * 0.2) : -1 });
    expect(priced.ok && priced.quote.total).toBe(priced.ok ? priced.quote.subtotal - priced.quote.discount : -1);
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { id: promo.id }, select: { uses: true } })).toEqual({ uses: 0 });
    expect(await prisma.registration.count({ where: { userId: user!.id } })).toBe(0);
    expect(await choice(user!, { categorySlug: "non-member-physician", promoCode: promo.code })).toMatchObject({ ok: false, field: "promoCode", message: "That promo code does not apply to the Non-member physician category." });
  });

  it("stops a person trying promo codes after 30 in an hour, so codes cannot be guessed", async () => {
    const [user] = await makeUsers(1, "promo-guess");
    for (let attempt = 0; attempt < 30; attempt++) expect(await choice(user!, { promoCode: `GUESS${attempt}` })).toMatchObject({ code: "INVALID", field: "promoCode" });
    expect(await choice(user!, { promoCode: "GUESS30" })).toMatchObject({ ok: false, code: "RATE_LIMITED", field: "promoCode", message: expect.stringMatching(/^Too many promo codes tried/) });
    // Without a code the form still prices.
    expect((await choice(user!)).ok).toBe(true);
  });

  it("refuses categories, attendance and add-ons that are not on offer, writing nothing", async () => {
    const [user] = await makeUsers(1, "forged-form");
    expect(await checkoutFor(user!, { categorySlug: "vip-free-pass" })).toMatchObject({ ok: false, code: "INVALID", field: "category" });
    // SIR 2023 was virtual: there is no in-person price to charge.
    expect(await checkoutFor(user!, { attendance: "IN_PERSON" })).toMatchObject({ ok: false, code: "INVALID", field: "attendance" });
    expect(await checkoutFor(user!, { addOnSlugs: ["free-lunch"] })).toMatchObject({ ok: false, code: "INVALID" });
    // Add-ons of another meeting are not for sale here.
    const sioWorkshop = await makeAddOn({ capacity: 5, meeting: "sio-2023" });
    expect(await checkoutFor(user!, { addOnSlugs: [sioWorkshop.slug] })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await checkoutFor(user!, { categorySlug: "member-physician" })).toMatchObject({ ok: false, code: "INVALID", field: "category", message: expect.stringMatching(/for SIR members/) });
    expect(await checkoutFor(user!, { joinMembership: true })).toMatchObject({ ok: false, code: "INVALID", field: "joinMembership" });
    const practicum = await prisma.registrationAddOn.findFirstOrThrow({ where: { slug: "ir-residency-spring-practicum" }, select: { slug: true } });
    expect(await checkoutFor(user!, { addOnSlugs: [practicum.slug] })).toMatchObject({ ok: false, code: "INVALID", field: "addOns" });
    expect(await prisma.registration.count({ where: { userId: user!.id } })).toBe(0);
  });

  it("gives the seeded member physician the member rate, and asks trainees for proof", async () => {
    const attendee = await prisma.user.findUniqueOrThrow({ where: { email: "attendee@example.org" }, select: { id: true, email: true } });
    // Already registered (the demo seed): a second live registration is refused.
    expect(await checkoutFor(attendee, { categorySlug: "member-physician" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const [resident] = await makeUsers(1, "proofless");
    expect(await checkoutFor(resident!, { categorySlug: "resident" })).toMatchObject({ ok: false, code: "INVALID", field: "proofMethod" });
    expect(await checkoutFor(resident!, { categorySlug: "resident", proof: { method: "INSTITUTIONAL_EMAIL", email: "me@gmail.com" } })).toMatchObject({ ok: false, code: "INVALID" });
    expect(isInstitutionalAddress("r.chen@med.stanford.edu")).toBe(true);
  });

  it("prices a resident who joins SIR at the member rate with the dues, holding the workshop seat", async () => {
    const [resident] = await makeUsers(1, "joins");
    const stored = await storeProof(PDF, "letter.pdf");
    if (!stored.ok) throw new Error(stored.problem);
    const workshop = await makeAddOn({ capacity: 10, amount: 9500 });
    const outcome = await checkoutFor(resident!, { categorySlug: "resident", joinMembership: true, addOnSlugs: [workshop.slug], proof: { method: "DOCUMENT", document: stored.stored } });
    expect(outcome).toMatchObject({ ok: true, total: 15000 + 5000 + 9500 });
    if (!outcome.ok) return;
    expect(outcome.redirectTo).toBe(`/meetings/sir-2023/register/test-payment/${outcome.orderId}`);
    await deliver(await checkoutEvent(outcome.orderId, "checkout.session.completed"));
    const registration = await registrationOf(resident!.id);
    expect([registration.status, registration.verification]).toEqual(["ACTIVE", "PENDING"]);
    // Paid, but not confirmed until an organizer verifies: no access yet.
    expect(await hasAttendeeRole(resident!.id)).toBe(false);
    const membership = await prisma.societyMembership.findFirst({ where: { userId: resident!.id, society: { slug: "sir" } }, select: { kind: true } });
    expect(membership?.kind).toBe("IN_TRAINING");
    const [receipt] = await mailTo(resident!.email);
    expect(receipt?.subject).toMatch(/^Registration received/);
    expect(receipt?.text).toMatch(/pending verification/);
    expect(receipt?.text).toMatch(/Total paid\s+\$295\.00/);
  });

  it("registers a medical student free at once, pending verification, with a receipt", async () => {
    const [student] = await makeUsers(1, "student");
    const outcome = await checkoutFor(student!, { categorySlug: "medical-student", joinMembership: true, proof: { method: "INSTITUTIONAL_EMAIL", email: "student@med.example.edu" } });
    expect(outcome).toMatchObject({ ok: true, total: 0, redirectTo: "/meetings/sir-2023/registration" });
    const registration = await registrationOf(student!.id);
    expect([registration.status, registration.verification, registration.orders[0]?.status]).toEqual(["ACTIVE", "PENDING", "PAID"]);
    const mails = await mailTo(student!.email);
    expect(mails.map((mail) => mail.subject.split(":")[0])).toEqual(["Registration received"]);
    // The confirmation link goes to the institutional address, not the account's.
    const link = (await mailTo("student@med.example.edu")).at(-1);
    expect(link?.text).toMatch(/\/meetings\/sir-2023\/registration\/confirm-email\/[A-Za-z0-9_-]+/);
  });

  it("charges the tier in force on the day of the checkout in the meeting's zone", async () => {
    const [user] = await makeUsers(1, "closed");
    const outcome = await startCheckout({
      meetingSlug: "sio-2023",
      user: user!,
      categorySlug: "non-member-physician",
      attendance: "IN_PERSON",
      joinMembership: false,
      addOnSlugs: [],
      promoCode: null,
      proof: null,
      now: new Date("2022-11-30T12:00:00Z"),
    });
    // Early bird in Chicago on November 30: $995.00.
    expect(outcome).toMatchObject({ ok: true, total: 99500 });
    const sio = await registrationOf(user!.id);
    const tier = await prisma.registration.findUniqueOrThrow({ where: { id: sio.id }, select: { tier: { select: { slug: true } } } });
    expect(tier.tier.slug).toBe("early-bird");
  });
});
