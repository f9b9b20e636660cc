// Registrations made straight in the database for the check-in tests: a person
// with a given state in a given meeting, without going through a checkout.
import { randomBytes } from "node:crypto";
import type { RegistrationStatus, VerificationStatus } from "~/generated/prisma/enums";
import { newRegistrationCode } from "~/models/registration/registration.server";
import { prisma } from "~/utils/db.server";

export async function makeRegistration(options: { meeting?: string; name?: string; status?: RegistrationStatus; verification?: VerificationStatus } = {}) {
  const slug = options.meeting ?? "sir-2023";
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { slug },
    // The last seeded category (clinical associates): the registration console's tests count the demo's member physicians.
    select: { id: true, registrationCategories: { select: { id: true }, take: 1, orderBy: { position: "desc" } }, registrationTiers: { select: { id: true }, take: 1, orderBy: { position: "asc" } } },
  });
  const tag = randomBytes(5).toString("hex");
  const user = await prisma.user.create({ data: { email: `door-${tag}@example.org`, name: options.name ?? `Door Guest ${tag}`, passwordHash: "not-a-real-hash" }, select: { id: true, name: true } });
  const registration = await prisma.registration.create({
    data: {
      meetingId: meeting.id,
      userId: user.id,
      code: newRegistrationCode(slug),
      categoryId: meeting.registrationCategories[0]!.id,
      tierId: meeting.registrationTiers[0]!.id,
      attendance: "IN_PERSON",
      status: options.status ?? "ACTIVE",
      verification: options.verification ?? "NOT_REQUIRED",
    },
    select: { id: true, code: true, meetingId: true, userId: true, category: { select: { name: true } } },
  });
  return { ...registration, name: user.name };
}

export async function makeStaff(meetingId: string, role: "CHECK_IN" | "ORGANIZER" | "MODERATOR" = "CHECK_IN") {
  const tag = randomBytes(5).toString("hex");
  const user = await prisma.user.create({ data: { email: `staff-${tag}@example.org`, name: `Door Staff ${tag}`, passwordHash: "not-a-real-hash" }, select: { id: true, name: true } });
  await prisma.meetingRole.create({ data: { meetingId, userId: user.id, role }, select: { id: true } });
  return user;
}

export const newScanId = () => randomBytes(12).toString("base64url");
