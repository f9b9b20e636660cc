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
import { membershipItemDescription, registrationItemDescription } from "../../app/models/registration/pricing";
import { hashPassword } from "../../app/utils/password.server";
import { DEMO_PASSWORD } from "./demo-accounts";
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

/** A registration the demo seed makes, paid (or free) on `at`; created once, by its code. */
type DemoRegistration = {
  code: string;
  email: string;
  /** Only for people who are not demo accounts: they are created with the demo password. */
  name?: string;
  category: string;
  tier: string;
  at: string;
  /** A member of SIR already (full), or joining as an in-training member in the checkout. */
  membership?: "FULL" | "JOINS";
  addOns?: string[];
  state: "confirmed" | "pending" | "cancelled";
  institutionalEmail?: string;
};

/**
 * The demo attendee (Sam Patel) is an SIR member physician with a paid, confirmed
 * registration, which is what gives him the ATTENDEE role the demo seed grants.
 * A few more registrants give the organizers' console something to show: every
 * category, the three tiers, trainees waiting in the verification queue, sold
 * workshop seats and a cancellation with its refund.
 */
export const DEMO_REGISTRATIONS: DemoRegistration[] = [
  { code: "SIR23-DEMO0001", email: "attendee@example.org", category: "member-physician", tier: "early-bird", at: "2023-01-05T17:12:00Z", membership: "FULL", state: "confirmed" },
  { code: "SIR23-DEMO0002", email: "m.okafor@example.org", name: "Michael Okafor, MD", category: "member-physician", tier: "early-bird", at: "2023-01-09T15:40:00Z", membership: "FULL", addOns: ["gold-medal-dinner"], state: "confirmed" },
  { code: "SIR23-DEMO0003", email: "l.hartmann@example.org", name: "Lena Hartmann, MD", category: "non-member-physician", tier: "standard", at: "2023-02-02T09:05:00Z", addOns: ["hands-on-workshop-radial-access-for-embolization"], state: "confirmed" },
  { code: "SIR23-DEMO0004", email: "p.nair@example.org", name: "Priya Nair, MD", category: "resident", tier: "standard", at: "2023-02-14T21:30:00Z", membership: "JOINS", addOns: ["ir-residency-spring-practicum"], state: "confirmed" },
  { code: "SIR23-DEMO0005", email: "d.kim@example.org", name: "Daniel Kim, MD", category: "fellow", tier: "late", at: "2023-03-01T18:10:00Z", membership: "JOINS", addOns: ["hands-on-workshop-vertebral-augmentation"], state: "pending", institutionalEmail: "dkim@med.example.edu" },
  { code: "SIR23-DEMO0006", email: "a.santos@example.org", name: "Ana Santos", category: "medical-student", tier: "late", at: "2023-03-02T14:00:00Z", membership: "JOINS", state: "pending", institutionalEmail: "asantos@students.example.edu" },
  { code: "SIR23-DEMO0007", email: "t.becker@example.org", name: "Tom Becker, PhD", category: "scientist-in-training", tier: "standard", at: "2023-02-20T11:25:00Z", state: "confirmed" },
  { code: "SIR23-DEMO0008", email: "j.lee@example.org", name: "Jamie Lee, RN", category: "clinical-associate", tier: "early-bird", at: "2023-01-12T16:45:00Z", state: "confirmed" },
  { code: "SIR23-DEMO0009", email: "r.alvarez@example.org", name: "Rosa Alvarez, MD", category: "non-member-physician", tier: "early-bird", at: "2023-01-10T13:15:00Z", state: "cancelled" },
];

const DEMO_MEETING = "sir-2023";
const DEMO_SOCIETY = "sir";
const DEMO_MEMBERSHIP_ENDS = "2027-12-31";

export async function syncDemoRegistration(tx: Tx): Promise<void> {
  const meeting = await tx.meeting.findUnique({
    where: { slug: DEMO_MEETING },
    select: { id: true, currency: true, registrationPolicy: { select: { cancellationFee: true } } },
  });
  const society = await tx.society.findUnique({ where: { slug: DEMO_SOCIETY }, select: { id: true } });
  if (!meeting || !society) return;
  const existing = new Set((await tx.registration.findMany({ where: { code: { in: DEMO_REGISTRATIONS.map((demo) => demo.code) } }, select: { code: true } })).map((row) => row.code));
  const missing = DEMO_REGISTRATIONS.filter((demo) => !existing.has(demo.code));
  // Memberships are kept up to date even when the registrations exist already.
  const members = DEMO_REGISTRATIONS.filter((demo) => demo.membership === "FULL");
  for (const demo of members) {
    const user = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (!user) continue;
    await tx.societyMembership.upsert({
      where: { userId_societyId: { userId: user.id, societyId: society.id } },
      create: { userId: user.id, societyId: society.id, kind: "FULL", expiresOn: day(DEMO_MEMBERSHIP_ENDS) },
      update: {},
      select: { id: true },
    });
  }
  if (!missing.length) return;
  // argon2 once for all the demo registrants: they share the demo password.
  let passwordHash: string | undefined;
  for (const demo of missing) {
    let user = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true, name: true } });
    if (!user && !demo.name) continue;
    if (!user) {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      user = await tx.user.create({ data: { email: demo.email, name: demo.name!, passwordHash }, select: { id: true, name: true } });
    }
    const at = new Date(demo.at);
    const category = await tx.registrationCategory.findUniqueOrThrow({ where: { meetingId_slug: { meetingId: meeting.id, slug: demo.category } }, select: { id: true, name: true, requiresProof: true, membershipFee: true } });
    const tier = await tx.registrationTier.findUniqueOrThrow({ where: { meetingId_slug: { meetingId: meeting.id, slug: demo.tier } }, select: { id: true, name: true } });
    const price = await tx.registrationPrice.findUniqueOrThrow({
      where: { categoryId_tierId_attendance: { categoryId: category.id, tierId: tier.id, attendance: "VIRTUAL" } },
      select: { amount: true, memberAmount: true },
    });
    const addOns = await tx.registrationAddOn.findMany({ where: { meetingId: meeting.id, slug: { in: demo.addOns ?? [] } }, select: { id: true, name: true, amount: true }, orderBy: { slug: "asc" } });
    const member = demo.membership !== undefined;
    const fee = member && price.memberAmount !== null ? price.memberAmount : price.amount;
    const items = [
      { kind: "REGISTRATION" as const, description: registrationItemDescription(category.name, "VIRTUAL", tier.name), amount: fee, addOnId: null },
      ...(demo.membership === "JOINS" ? [{ kind: "MEMBERSHIP" as const, description: membershipItemDescription("SIR"), amount: category.membershipFee ?? 0, addOnId: null }] : []),
      ...addOns.map((addOn) => ({ kind: "ADD_ON" as const, description: addOn.name, amount: addOn.amount, addOnId: addOn.id })),
    ];
    const total = items.reduce((sum, item) => sum + item.amount, 0);
    const cancelled = demo.state === "cancelled";
    const cancelledAt = cancelled ? new Date(at.getTime() + 9 * 86_400_000) : null;
    const refund = cancelled ? total : 0;
    const reference = demo.code.toLowerCase().replace("-", "_");
    await tx.registration.create({
      data: {
        meetingId: meeting.id,
        userId: user.id,
        code: demo.code,
        categoryId: category.id,
        tierId: tier.id,
        attendance: "VIRTUAL",
        memberPricing: member,
        status: cancelled ? "CANCELLED" : "ACTIVE",
        verification: category.requiresProof ? (demo.state === "pending" ? "PENDING" : "APPROVED") : "NOT_REQUIRED",
        proofMethod: category.requiresProof ? "INSTITUTIONAL_EMAIL" : null,
        institutionalEmail: category.requiresProof ? (demo.institutionalEmail ?? demo.email) : null,
        institutionalEmailConfirmedAt: category.requiresProof ? at : null,
        reviewedAt: category.requiresProof && demo.state !== "pending" ? at : null,
        createdAt: at,
        confirmedAt: demo.state === "confirmed" || cancelled ? at : null,
        cancelledAt,
        orders: {
          create: {
            status: "PAID",
            currency: meeting.currency,
            subtotal: total,
            total,
            checkoutSessionId: total > 0 ? `cs_demo_${reference}` : null,
            paymentIntentId: total > 0 ? `pi_demo_${reference}` : null,
            expiresAt: at,
            paidAt: at,
            createdAt: at,
            amountRefunded: refund,
            items: { create: items.map((item) => ({ ...item, releasedAt: cancelled && item.addOnId ? cancelledAt : null })) },
            refunds: cancelled ? { create: { amount: refund, reason: "Cancelled by the attendee", status: "SUCCEEDED", stripeRefundId: `re_demo_${reference}`, createdAt: cancelledAt! } } : undefined,
          },
        },
      },
      select: { id: true },
    });
    if (!cancelled) {
      for (const addOn of addOns) await tx.registrationAddOn.update({ where: { id: addOn.id }, data: { sold: { increment: 1 } }, select: { id: true } });
    }
    if (demo.membership === "JOINS") {
      await tx.societyMembership.upsert({
        where: { userId_societyId: { userId: user.id, societyId: society.id } },
        create: { userId: user.id, societyId: society.id, kind: "IN_TRAINING", expiresOn: day(DEMO_MEMBERSHIP_ENDS) },
        update: {},
        select: { id: true },
      });
    }
    if (demo.state === "confirmed") await tx.meetingRole.createMany({ data: [{ meetingId: meeting.id, userId: user.id, role: "ATTENDEE" }], skipDuplicates: true });
  }
}
