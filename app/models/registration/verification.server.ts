// Trainee and student verification: organizers approve or decline the proof in a
// review queue; a declined registrant is told why. Proof documents are readable
// only by their owner and the meeting's organizers (and admins), and that check
// is part of the query.
import { refuse, type Outcome } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { queueMail } from "~/utils/mail.server";
import { inRegistrationTransaction } from "./fulfilment.server";
import { confirmedMail, rejectedMail } from "./mail.server";
import { hashToken } from "./proof.server";
import { getRegistrationDetail, grantAttendeeRole } from "./registration.server";

export type ReviewOutcome = Outcome;

const NOT_WAITING = "This registration is no longer waiting for verification.";

/** Approves a pending proof; the registration is confirmed and grants the ATTENDEE role. */
export async function approveVerification(input: { meetingId: string; registrationId: string; reviewerId: string; now?: Date }): Promise<ReviewOutcome> {
  const now = input.now ?? new Date();
  return inRegistrationTransaction(async (tx): Promise<ReviewOutcome> => {
    await tx.$queryRaw`SELECT id FROM "Registration" WHERE id = ${input.registrationId} FOR UPDATE`;
    const changed = await tx.registration.updateMany({
      where: { id: input.registrationId, meetingId: input.meetingId, status: "ACTIVE", verification: "PENDING" },
      data: { verification: "APPROVED", reviewedById: input.reviewerId, reviewedAt: now, rejectionReason: null, confirmedAt: now },
    });
    if (changed.count === 0) return refuse("CONFLICT", NOT_WAITING);
    const detail = (await getRegistrationDetail(input.registrationId, tx))!;
    await grantAttendeeRole(tx, detail.meetingId, detail.userId);
    await queueMail(tx, confirmedMail(detail, "approved"));
    return { ok: true };
  });
}

/** Declines a pending proof with a reason the registrant reads; they may send another or switch category. */
export async function rejectVerification(input: { meetingId: string; registrationId: string; reviewerId: string; reason: string; now?: Date }): Promise<ReviewOutcome> {
  const now = input.now ?? new Date();
  return inRegistrationTransaction(async (tx): Promise<ReviewOutcome> => {
    await tx.$queryRaw`SELECT id FROM "Registration" WHERE id = ${input.registrationId} FOR UPDATE`;
    const changed = await tx.registration.updateMany({
      where: { id: input.registrationId, meetingId: input.meetingId, status: "ACTIVE", verification: "PENDING" },
      data: { verification: "REJECTED", reviewedById: input.reviewerId, reviewedAt: now, rejectionReason: input.reason },
    });
    if (changed.count === 0) return refuse("CONFLICT", NOT_WAITING);
    const detail = (await getRegistrationDetail(input.registrationId, tx))!;
    await queueMail(tx, rejectedMail(detail, input.reason));
    return { ok: true };
  });
}

/** An organizer's decision on a pending proof. */
export type ProofDecision = { intent: "approve" } | { intent: "reject"; reason: string };

/** Approves or declines a pending proof, as the organizer decided. */
export function decideProof(decision: ProofDecision, input: { meetingId: string; registrationId: string; reviewerId: string }): Promise<ReviewOutcome> {
  return decision.intent === "approve" ? approveVerification(input) : rejectVerification({ ...input, reason: decision.reason });
}

/** The link mailed to an institutional address was followed: the address is shown as confirmed to reviewers. */
export async function confirmInstitutionalEmail(token: string, now: Date = new Date()): Promise<{ email: string; meetingSlug: string } | null> {
  const registration = await prisma.registration.findUnique({
    where: { institutionalEmailTokenHash: hashToken(token) },
    select: { id: true, institutionalEmail: true, institutionalEmailConfirmedAt: true, meeting: { select: { slug: true } } },
  });
  if (!registration?.institutionalEmail) return null;
  if (!registration.institutionalEmailConfirmedAt) {
    await prisma.registration.update({ where: { id: registration.id }, data: { institutionalEmailConfirmedAt: now }, select: { id: true } });
  }
  return { email: registration.institutionalEmail, meetingSlug: registration.meeting.slug };
}

/** Whether the token names an institutional address still to confirm (for the confirmation page). */
export function findInstitutionalEmailToken(token: string) {
  return prisma.registration.findUnique({
    where: { institutionalEmailTokenHash: hashToken(token) },
    select: { institutionalEmail: true, institutionalEmailConfirmedAt: true, user: { select: { name: true } }, meeting: { select: { slug: true, name: true } } },
  });
}

/** A proof document, if the viewer owns its registration or organizes its meeting (admins see all). */
export function getProofDocument(documentId: string, viewer: { id: string; isAdmin: boolean }) {
  return prisma.verificationDocument.findFirst({
    where: {
      id: documentId,
      ...(viewer.isAdmin
        ? {}
        : { registration: { OR: [{ userId: viewer.id }, { meeting: { roles: { some: { userId: viewer.id, role: "ORGANIZER" } } } }] } }),
    },
    select: { id: true, fileName: true, contentType: true, size: true, storageKey: true, registration: { select: { meeting: { select: { slug: true } } } } },
  });
}
