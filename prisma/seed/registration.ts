// What registration sells at SIR 2023 and SIO 2023: categories, date tiers and
// prices, add-ons with seats, the refund policy and a demo promo code. Prices are
// in US cents. The categories are the ones SIR names (shared/seeds/000 and 002):
// member and non-member physicians, Resident-, Fellow- and Scientist-in-Training,
// medical students (free) and clinical associates; the in-training membership
// costs $50 a year and is free for medical students (seeds/002).
//
// SIR 2023 was virtual, so it sells virtual attendance only; SIO 2023 in Chicago
// sells both. The meetings are long past: their last tier has no end and SIR's
// refunds less the fee do not close, so that registering and cancelling can be
// tried on the demo. SIO keeps a policy whose refunds closed, to show that case.
import type { Prisma } from "../../app/generated/prisma/client";
import { registrationItemDescription } from "../../app/models/registration-pricing";
import type { Attendance, DiscountKind, TrackAudience } from "../../app/generated/prisma/enums";
import type { MeetingSeed } from "./schedule";
import { changedFields, syncRows } from "./sync";

type Tx = Prisma.TransactionClient;

type TierSeed = { slug: string; name: string; lastDay: string | null };
/** One amount per tier, in tier order; member amounts the same, or null where members pay the same. */
type PriceRow = { amounts: [number, number, number]; member?: [number, number, number] };
type CategorySeed = {
  slug: string;
  name: string;
  description: string;
  requiresProof?: boolean;
  membersOnly?: boolean;
  membershipFee?: number;
  audience?: TrackAudience;
  prices: Partial<Record<Attendance, PriceRow>>;
};
type AddOnSeed = { slug: string; name: string; description: string; amount: number; audience?: TrackAudience; capacity: number | null; session?: string };
type PromoSeed = { code: string; description: string; kind: DiscountKind; value: number; maxUses: number | null; categories: string[] };

export type RegistrationSeed = {
  meeting: string;
  tiers: TierSeed[];
  categories: CategorySeed[];
  addOns: AddOnSeed[];
  policy: { fullRefundThrough: string; cancellationFee: number; partialRefundThrough: string | null };
  promoCodes: PromoSeed[];
};

const dollars = (...values: number[]) => values.map((value) => value * 100) as [number, number, number];

/** Hands-on workshops of the program become add-ons with the session's seat count. */
function workshopAddOns(meeting: MeetingSeed, price: (title: string) => number): AddOnSeed[] {
  return meeting.sessions
    .filter((session) => session.kind === "WORKSHOP" && session.capacity !== null)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.slug.localeCompare(b.slug))
    .map((session) => ({
      slug: session.slug,
      name: session.title,
      description: `A ticketed hands-on session with ${session.capacity} seats.`,
      amount: price(session.title),
      capacity: session.capacity,
      session: session.slug,
    }));
}

export function sirRegistration(sir: MeetingSeed): RegistrationSeed {
  return {
    meeting: sir.slug,
    tiers: [
      { slug: "early-bird", name: "Early bird", lastDay: "2023-01-13" },
      { slug: "standard", name: "Standard", lastDay: "2023-02-24" },
      { slug: "late", name: "Late", lastDay: null },
    ],
    categories: [
      {
        slug: "member-physician",
        name: "Member physician",
        description: "Physicians who are members of SIR in good standing.",
        membersOnly: true,
        prices: { VIRTUAL: { amounts: dollars(495, 595, 695) } },
      },
      {
        slug: "non-member-physician",
        name: "Non-member physician",
        description: "Physicians who are not SIR members.",
        prices: { VIRTUAL: { amounts: dollars(895, 995, 1095) } },
      },
      {
        slug: "resident",
        name: "Resident-in-Training",
        description: "IR and DR residents.",
        requiresProof: true,
        membershipFee: 5000,
        audience: "RESIDENTS_FELLOWS",
        prices: { VIRTUAL: { amounts: dollars(250, 295, 350), member: dollars(95, 125, 150) } },
      },
      {
        slug: "fellow",
        name: "Fellow-in-Training",
        description: "Fellows in vascular and interventional radiology.",
        requiresProof: true,
        membershipFee: 5000,
        audience: "RESIDENTS_FELLOWS",
        prices: { VIRTUAL: { amounts: dollars(250, 295, 350), member: dollars(95, 125, 150) } },
      },
      {
        slug: "scientist-in-training",
        name: "Scientist-in-Training",
        description: "Graduate students and postdoctoral researchers in IR science.",
        requiresProof: true,
        membershipFee: 5000,
        prices: { VIRTUAL: { amounts: dollars(250, 295, 350), member: dollars(95, 125, 150) } },
      },
      {
        slug: "medical-student",
        name: "Medical Student",
        description: "Free for medical students, and so is SIR's Medical Student membership.",
        requiresProof: true,
        membershipFee: 0,
        audience: "MEDICAL_STUDENTS",
        prices: { VIRTUAL: { amounts: dollars(0, 0, 0) } },
      },
      {
        slug: "clinical-associate",
        name: "Clinical associate",
        description: "Nurses, physician assistants, nurse practitioners and technologists.",
        prices: { VIRTUAL: { amounts: dollars(445, 495, 545), member: dollars(295, 345, 395) } },
      },
    ],
    addOns: [
      ...workshopAddOns(sir, (title) => (title.startsWith("Virtual Simulation") ? 4500 : 9500)),
      {
        slug: "ir-residency-spring-practicum",
        name: "2023 IR Residency Spring Practicum",
        description:
          "For graduating PGY-6 and PGY-7 IR-Integrated and IR-Independent residents: prepares you for private practice or academia with training the fellowship year may not have covered. Held in May.",
        amount: 39500,
        audience: "RESIDENTS_FELLOWS",
        capacity: 60,
      },
      {
        slug: "gold-medal-dinner",
        name: "Gold Medal Dinner",
        description: "The one in-person evening of SIR 2023: dinner in Phoenix honouring the Gold Medalists, their families and colleagues.",
        amount: 17500,
        capacity: 120,
      },
    ],
    policy: { fullRefundThrough: "2023-02-10", cancellationFee: 7500, partialRefundThrough: null },
    promoCodes: [
      {
        code: "RFS2023",
        description: "Resident, Fellow and Student Section welcome: 20% off the registration fee for trainees.",
        kind: "PERCENT",
        value: 20,
        maxUses: 200,
        categories: ["resident", "fellow", "scientist-in-training"],
      },
    ],
  };
}

export function sioRegistration(sio: MeetingSeed): RegistrationSeed {
  const both = (inPerson: PriceRow, virtual: PriceRow) => ({ IN_PERSON: inPerson, VIRTUAL: virtual });
  return {
    meeting: sio.slug,
    tiers: [
      { slug: "early-bird", name: "Early bird", lastDay: "2022-11-30" },
      { slug: "standard", name: "Standard", lastDay: "2023-01-06" },
      { slug: "late", name: "Late and onsite", lastDay: null },
    ],
    categories: [
      {
        slug: "member-physician",
        name: "Member physician",
        description: "Physicians who are members of SIO in good standing.",
        membersOnly: true,
        prices: both({ amounts: dollars(695, 795, 895) }, { amounts: dollars(445, 495, 545) }),
      },
      {
        slug: "non-member-physician",
        name: "Non-member physician",
        description: "Physicians who are not SIO members.",
        prices: both({ amounts: dollars(995, 1095, 1195) }, { amounts: dollars(695, 745, 795) }),
      },
      {
        slug: "resident",
        name: "Resident-in-Training",
        description: "Residents in radiology or oncology.",
        requiresProof: true,
        audience: "RESIDENTS_FELLOWS",
        prices: both({ amounts: dollars(350, 400, 450), member: dollars(200, 250, 300) }, { amounts: dollars(200, 250, 300), member: dollars(100, 150, 200) }),
      },
      {
        slug: "fellow",
        name: "Fellow-in-Training",
        description: "Fellows in interventional radiology or oncology.",
        requiresProof: true,
        audience: "RESIDENTS_FELLOWS",
        prices: both({ amounts: dollars(350, 400, 450), member: dollars(200, 250, 300) }, { amounts: dollars(200, 250, 300), member: dollars(100, 150, 200) }),
      },
      {
        slug: "scientist-in-training",
        name: "Scientist-in-Training",
        description: "Graduate students and postdoctoral researchers in IO science.",
        requiresProof: true,
        prices: both({ amounts: dollars(350, 400, 450), member: dollars(200, 250, 300) }, { amounts: dollars(200, 250, 300), member: dollars(100, 150, 200) }),
      },
      {
        slug: "medical-student",
        name: "Medical Student",
        description: "Free for medical students.",
        requiresProof: true,
        audience: "MEDICAL_STUDENTS",
        prices: both({ amounts: dollars(0, 0, 0) }, { amounts: dollars(0, 0, 0) }),
      },
      {
        slug: "clinical-associate",
        name: "Clinical associate",
        description: "Nurses, physician assistants, nurse practitioners and technologists.",
        prices: both({ amounts: dollars(495, 545, 595), member: dollars(345, 395, 445) }, { amounts: dollars(295, 345, 395), member: dollars(195, 245, 295) }),
      },
    ],
    addOns: workshopAddOns(sio, () => 12500),
    policy: { fullRefundThrough: "2022-12-30", cancellationFee: 10000, partialRefundThrough: "2023-01-13" },
    promoCodes: [],
  };
}

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** Upserts one meeting's registration set-up by unique keys; seat counts and promo uses are never touched. */
export async function syncRegistration(tx: Tx, seed: RegistrationSeed): Promise<void> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { slug: seed.meeting }, select: { id: true } });
  const meetingId = meeting.id;
  const inMeeting = { meetingId };

  const policy = {
    fullRefundThrough: day(seed.policy.fullRefundThrough),
    cancellationFee: seed.policy.cancellationFee,
    partialRefundThrough: seed.policy.partialRefundThrough ? day(seed.policy.partialRefundThrough) : null,
  };
  const existingPolicy = await tx.registrationPolicy.findUnique({
    where: { meetingId },
    select: { id: true, fullRefundThrough: true, cancellationFee: true, partialRefundThrough: true },
  });
  if (!existingPolicy) await tx.registrationPolicy.create({ data: { meetingId, ...policy }, select: { id: true } });
  else {
    const changes = changedFields(existingPolicy, policy);
    if (changes) await tx.registrationPolicy.update({ where: { id: existingPolicy.id }, data: changes, select: { id: true } });
  }

  const tierSelect = { id: true, meetingId: true, slug: true, name: true, lastDay: true, position: true } as const;
  const tierIds = await syncRows({
    existing: await tx.registrationTier.findMany({ where: inMeeting, select: tierSelect }),
    desired: seed.tiers.map((tier, position) => ({ meetingId, slug: tier.slug, name: tier.name, lastDay: tier.lastDay ? day(tier.lastDay) : null, position })),
    key: (row) => row.slug,
    createMany: (data) => tx.registrationTier.createMany({ data }),
    update: (id, data) => tx.registrationTier.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.registrationTier.findMany({ where: inMeeting, select: tierSelect }),
  });

  const categorySelect = {
    id: true, meetingId: true, slug: true, name: true, description: true, requiresProof: true, membersOnly: true, membershipFee: true, audience: true, position: true,
  } as const;
  const categoryIds = await syncRows({
    existing: await tx.registrationCategory.findMany({ where: inMeeting, select: categorySelect }),
    desired: seed.categories.map((category, position) => ({
      meetingId,
      slug: category.slug,
      name: category.name,
      description: category.description,
      requiresProof: category.requiresProof ?? false,
      membersOnly: category.membersOnly ?? false,
      membershipFee: category.membershipFee ?? null,
      audience: category.audience ?? "EVERYONE",
      position,
    })),
    key: (row) => row.slug,
    createMany: (data) => tx.registrationCategory.createMany({ data }),
    update: (id, data) => tx.registrationCategory.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.registrationCategory.findMany({ where: inMeeting, select: categorySelect }),
  });

  const priceWhere = { category: { meetingId } };
  const priceSelect = { id: true, categoryId: true, tierId: true, attendance: true, amount: true, memberAmount: true } as const;
  await syncRows({
    existing: await tx.registrationPrice.findMany({ where: priceWhere, select: priceSelect }),
    desired: seed.categories.flatMap((category) =>
      (Object.entries(category.prices) as [Attendance, PriceRow][]).flatMap(([attendance, row]) =>
        seed.tiers.map((tier, index) => ({
          categoryId: categoryIds.get(category.slug)!,
          tierId: tierIds.get(tier.slug)!,
          attendance,
          amount: row.amounts[index]!,
          memberAmount: row.member ? row.member[index]! : null,
        })),
      ),
    ),
    key: (row) => `${row.categoryId} ${row.tierId} ${row.attendance}`,
    createMany: (data) => tx.registrationPrice.createMany({ data }),
    update: (id, data) => tx.registrationPrice.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.registrationPrice.findMany({ where: priceWhere, select: priceSelect }),
  });

  const sessions = await tx.session.findMany({
    where: { meetingId, slug: { in: seed.addOns.flatMap((addOn) => (addOn.session ? [addOn.session] : [])) } },
    select: { id: true, slug: true },
  });
  const sessionIds = new Map(sessions.map((session) => [session.slug, session.id]));
  const addOnSelect = { id: true, meetingId: true, slug: true, name: true, description: true, amount: true, audience: true, capacity: true, sessionId: true, position: true } as const;
  await syncRows({
    existing: await tx.registrationAddOn.findMany({ where: inMeeting, select: addOnSelect }),
    desired: seed.addOns.map((addOn, position) => ({
      meetingId,
      slug: addOn.slug,
      name: addOn.name,
      description: addOn.description,
      amount: addOn.amount,
      audience: addOn.audience ?? "EVERYONE",
      capacity: addOn.capacity,
      sessionId: (addOn.session && sessionIds.get(addOn.session)) || null,
      position,
    })),
    key: (row) => row.slug,
    createMany: (data) => tx.registrationAddOn.createMany({ data }),
    update: (id, data) => tx.registrationAddOn.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.registrationAddOn.findMany({ where: inMeeting, select: addOnSelect }),
  });

  const promoSelect = { id: true, meetingId: true, code: true, description: true, kind: true, value: true, maxUses: true } as const;
  const promoIds = await syncRows({
    existing: await tx.promoCode.findMany({ where: inMeeting, select: promoSelect }),
    desired: seed.promoCodes.map(({ categories: _categories, ...promo }) => ({ meetingId, ...promo })),
    key: (row) => row.code,
    createMany: (data) => tx.promoCode.createMany({ data }),
    update: (id, data) => tx.promoCode.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.promoCode.findMany({ where: inMeeting, select: promoSelect }),
  });
  const links = seed.promoCodes.flatMap((promo) => promo.categories.map((slug) => ({ promoCodeId: promoIds.get(promo.code)!, categoryId: categoryIds.get(slug)! })));
  if (links.length) await tx.promoCodeCategory.createMany({ data: links, skipDuplicates: true });
}

/**
 * The demo attendee (Sam Patel) is an SIR member physician with a paid, confirmed
 * registration, which is what gives him the ATTENDEE role the demo seed grants.
 */
export const DEMO_REGISTRATION = {
  email: "attendee@example.org",
  meeting: "sir-2023",
  society: "sir",
  code: "SIR23-DEMO0001",
  category: "member-physician",
  tier: "early-bird",
  paidAt: new Date("2023-01-05T17:12:00Z"),
  membershipExpiresOn: "2027-12-31",
} as const;

export async function syncDemoRegistration(tx: Tx): Promise<void> {
  const demo = DEMO_REGISTRATION;
  const user = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true } });
  const meeting = await tx.meeting.findUnique({ where: { slug: demo.meeting }, select: { id: true, currency: true } });
  const society = await tx.society.findUnique({ where: { slug: demo.society }, select: { id: true } });
  if (!user || !meeting || !society) return;
  await tx.societyMembership.upsert({
    where: { userId_societyId: { userId: user.id, societyId: society.id } },
    create: { userId: user.id, societyId: society.id, kind: "FULL", expiresOn: day(demo.membershipExpiresOn) },
    update: {},
    select: { id: true },
  });
  if (await tx.registration.findUnique({ where: { code: demo.code }, select: { id: true } })) return;
  const category = await tx.registrationCategory.findUniqueOrThrow({ where: { meetingId_slug: { meetingId: meeting.id, slug: demo.category } }, select: { id: true, name: true } });
  const tier = await tx.registrationTier.findUniqueOrThrow({ where: { meetingId_slug: { meetingId: meeting.id, slug: demo.tier } }, select: { id: true, name: true } });
  const price = await tx.registrationPrice.findUniqueOrThrow({
    where: { categoryId_tierId_attendance: { categoryId: category.id, tierId: tier.id, attendance: "VIRTUAL" } },
    select: { amount: true },
  });
  await tx.registration.create({
    data: {
      meetingId: meeting.id,
      userId: user.id,
      code: demo.code,
      categoryId: category.id,
      tierId: tier.id,
      attendance: "VIRTUAL",
      memberPricing: true,
      status: "ACTIVE",
      createdAt: demo.paidAt,
      confirmedAt: demo.paidAt,
      orders: {
        create: {
          status: "PAID",
          currency: meeting.currency,
          subtotal: price.amount,
          total: price.amount,
          checkoutSessionId: "cs_demo_sir23_demo0001",
          paymentIntentId: "pi_demo_sir23_demo0001",
          expiresAt: demo.paidAt,
          paidAt: demo.paidAt,
          createdAt: demo.paidAt,
          items: { create: { kind: "REGISTRATION", description: registrationItemDescription(category.name, "VIRTUAL", tier.name), amount: price.amount } },
        },
      },
    },
    select: { id: true },
  });
}
