// Reads where a person's registration for a meeting stands when it does not
// (yet) let them take part (standing.ts says what that means for them).
import { prisma } from "~/utils/db.server";
import { LIVE_STATUSES } from "./registration.server";
import type { RegistrationStanding } from "./standing";

/** The standing of the person's open or paid registration, or null when they have none (or it is confirmed, cancelled or expired). */
export async function getRegistrationStanding(userId: string, meetingId: string): Promise<RegistrationStanding | null> {
  const registration = await prisma.registration.findFirst({
    where: { userId, meetingId, status: { in: [...LIVE_STATUSES] } },
    select: { status: true, verification: true, proofMethod: true, institutionalEmailConfirmedAt: true },
    orderBy: { createdAt: "desc" },
  });
  if (!registration) return null;
  if (registration.status === "AWAITING_PAYMENT") return { state: "awaiting-payment" };
  if (registration.verification === "PENDING") {
    return { state: "awaiting-verification", emailToConfirm: registration.proofMethod === "INSTITUTIONAL_EMAIL" && registration.institutionalEmailConfirmedAt === null };
  }
  if (registration.verification === "REJECTED") return { state: "verification-declined" };
  return null;
}
