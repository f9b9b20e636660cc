// What the organizers' registration console reads: counts and revenue by
// category and tier, add-on seats, search, the verification queue and the CSV
// export. Every query is scoped to one meeting in its where clause; the routes
// check that the viewer organizes that meeting.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { spreadsheetCsv } from "~/utils/csv";
import type { RegistrationFilter } from "./forms";
import { ATTENDANCE_LABELS } from "./pricing";
import { netPaid, orderPaymentSelect, refundedOf, registrationDetailSelect, registrationStateLabel } from "./registration.server";

export type SummaryRow = {
  category: string;
  tier: string;
  confirmed: number;
  pendingVerification: number;
  awaitingPayment: number;
  cancelled: number;
  /** Paid less refunded, in minor units. */
  revenue: number;
};

/** One row per category and tier that has registrations, in the categories' and tiers' own order. */
export async function registrationSummary(meetingId: string): Promise<SummaryRow[]> {
  return prisma.$queryRaw<SummaryRow[]>`
    WITH money AS (
      SELECT o."registrationId",
             sum(CASE WHEN o.status = 'PAID' THEN o.total ELSE 0 END)::int AS paid,
             sum(CASE WHEN o.status = 'PAID' THEN GREATEST(o."amountRefunded", COALESCE(f.refunded, 0)) ELSE 0 END)::int AS refunded
        FROM "RegistrationOrder" o
        JOIN "Registration" r ON r.id = o."registrationId" AND r."meetingId" = ${meetingId}
        LEFT JOIN (SELECT "orderId", sum(amount)::int AS refunded FROM "RegistrationRefund" WHERE status = 'SUCCEEDED' GROUP BY "orderId") f ON f."orderId" = o.id
       GROUP BY o."registrationId"
    )
    SELECT c.name AS category, t.name AS tier,
           count(*) FILTER (WHERE r.status = 'ACTIVE' AND r.verification IN ('NOT_REQUIRED', 'APPROVED'))::int AS confirmed,
           count(*) FILTER (WHERE r.status = 'ACTIVE' AND r.verification IN ('PENDING', 'REJECTED'))::int AS "pendingVerification",
           count(*) FILTER (WHERE r.status = 'AWAITING_PAYMENT')::int AS "awaitingPayment",
           count(*) FILTER (WHERE r.status = 'CANCELLED')::int AS cancelled,
           COALESCE(sum(m.paid - m.refunded), 0)::int AS revenue
      FROM "Registration" r
      JOIN "RegistrationCategory" c ON c.id = r."categoryId"
      JOIN "RegistrationTier" t ON t.id = r."tierId"
      LEFT JOIN money m ON m."registrationId" = r.id
     WHERE r."meetingId" = ${meetingId} AND r.status <> 'EXPIRED'
     GROUP BY c.id, c.name, c.position, t.id, t.name, t.position
     ORDER BY c.position, t.position`;
}

export function listAddOnSeats(meetingId: string) {
  return prisma.registrationAddOn.findMany({
    where: { meetingId },
    select: { id: true, slug: true, name: true, amount: true, capacity: true, sold: true, held: true },
    orderBy: { position: "asc" },
  });
}


function filterWhere(filter: RegistrationFilter): Prisma.RegistrationWhereInput {
  switch (filter) {
    case "confirmed":
      return { status: "ACTIVE", verification: { in: ["NOT_REQUIRED", "APPROVED"] } };
    case "pending":
      return { status: "ACTIVE", verification: { in: ["PENDING", "REJECTED"] } };
    case "awaiting":
      return { status: "AWAITING_PAYMENT" };
    case "cancelled":
      return { status: "CANCELLED" };
    default:
      return { status: { not: "EXPIRED" } };
  }
}

export const SEARCH_PAGE_SIZE = 50;

/** A registration as one line of the search results and of the CSV: its code, whose, which category and tier, its state, when it came in. */
const registrationLineSelect = {
  code: true,
  status: true,
  verification: true,
  attendance: true,
  comped: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
  category: { select: { name: true } },
  tier: { select: { name: true } },
} as const satisfies Prisma.RegistrationSelect;

/** Registrations matching a name, e-mail or registration code, newest first. */
export async function searchRegistrations(meetingId: string, options: { q?: string; filter?: RegistrationFilter; page?: number } = {}) {
  const q = options.q?.trim().slice(0, 200) ?? "";
  const where: Prisma.RegistrationWhereInput = {
    meetingId,
    ...filterWhere(options.filter ?? "all"),
    ...(q
      ? {
          OR: [
            { code: { contains: q, mode: "insensitive" } },
            { user: { name: { contains: q, mode: "insensitive" } } },
            { user: { email: { contains: q, mode: "insensitive" } } },
            { institutionalEmail: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const page = Math.max(1, options.page ?? 1);
  const [total, rows] = await Promise.all([
    prisma.registration.count({ where }),
    prisma.registration.findMany({
      where,
      select: { id: true, ...registrationLineSelect, orders: { select: orderPaymentSelect } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * SEARCH_PAGE_SIZE,
      take: SEARCH_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    page,
    rows: rows.map(({ orders, ...row }) => ({
      ...row,
      state: registrationStateLabel(row),
      paid: netPaid(orders),
    })),
  };
}

/** Proofs waiting for an organizer, oldest first. */
export function verificationQueue(meetingId: string) {
  return prisma.registration.findMany({
    where: { meetingId, status: "ACTIVE", verification: "PENDING" },
    select: {
      id: true,
      code: true,
      createdAt: true,
      proofMethod: true,
      institutionalEmail: true,
      institutionalEmailConfirmedAt: true,
      user: { select: { name: true, email: true } },
      category: { select: { name: true } },
      documents: { select: { id: true, fileName: true, contentType: true, size: true, uploadedAt: true }, orderBy: { uploadedAt: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
}

export function countPendingVerifications(meetingId: string) {
  return prisma.registration.count({ where: { meetingId, status: "ACTIVE", verification: "PENDING" } });
}

/** One registration of the meeting, with everything the console shows about it. */
export function getMeetingRegistration(meetingId: string, registrationId: string) {
  return prisma.registration.findFirst({ where: { id: registrationId, meetingId }, select: { ...registrationDetailSelect, reviewedBy: { select: { name: true } } } });
}

/** Every registration but abandoned checkouts, as CSV for spreadsheets (amounts in major units). */
export async function registrationsCsv(meetingId: string): Promise<string> {
  const rows = await prisma.registration.findMany({
    where: { meetingId, status: { not: "EXPIRED" } },
    select: {
      ...registrationLineSelect,
      memberPricing: true,
      confirmedAt: true,
      cancelledAt: true,
      institutionalEmail: true,
      meeting: { select: { currency: true } },
      orders: { select: { ...orderPaymentSelect, items: { where: { kind: "ADD_ON", releasedAt: null }, select: { description: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  const major = (minor: number) => (minor / 100).toFixed(2);
  const header = ["Code", "Name", "E-mail", "Category", "Tier", "Attendance", "Status", "Verification", "Member price", "Complimentary", "Add-ons", "Paid", "Refunded", "Currency", "Registered", "Confirmed", "Cancelled", "Institutional e-mail"];
  const lines = rows.map((row) => {
    const paidOrders = row.orders.filter((order) => order.status === "PAID");
    const paid = paidOrders.reduce((sum, order) => sum + order.total, 0);
    const refunded = paidOrders.reduce((sum, order) => sum + refundedOf(order), 0);
    return [
      row.code,
      row.user.name,
      row.user.email,
      row.category.name,
      row.tier.name,
      ATTENDANCE_LABELS[row.attendance],
      registrationStateLabel(row),
      row.verification,
      row.memberPricing ? "yes" : "no",
      row.comped ? "yes" : "no",
      paidOrders.flatMap((order) => order.items.map((item) => item.description)).join("; "),
      major(paid),
      major(refunded),
      row.meeting.currency,
      row.createdAt.toISOString(),
      row.confirmedAt?.toISOString() ?? "",
      row.cancelledAt?.toISOString() ?? "",
      row.institutionalEmail ?? "",
    ];
  });
  return spreadsheetCsv(header, lines);
}
