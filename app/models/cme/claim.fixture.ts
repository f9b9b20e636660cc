// Claims made straight in the database, with their certificates, for the tests
// of everything that reads claims (certificates, /verify, the transcript, the
// provider's reports): a learner of their own, a claim version of one
// accredited session, and `issueCertificate` as the claim form calls it.
import { type CmeCreditType } from "~/generated/prisma/enums";
import { createPerson } from "~/models/accounts/people.fixture";
import { prisma } from "~/utils/db.server";
import { issueCertificate } from "./certificate-issue.server";

export type ClaimDetails = {
  creditType?: CmeCreditType;
  totalQuarters?: number;
  saCmeQuarters?: number;
  firstName?: string;
  lastName?: string;
  degree?: string;
  /** When the version is recorded and its certificate issued. */
  at?: Date;
};

async function addVersion(claimId: string, sessionId: string, number: number, details: ClaimDetails) {
  const at = details.at ?? new Date();
  const totalQuarters = details.totalQuarters ?? 6;
  return prisma.$transaction(async (tx) => {
    const version = await tx.creditClaimVersion.create({
      data: {
        claimId,
        number,
        creditType: details.creditType ?? "AMA_PRA",
        totalQuarters,
        saCmeQuarters: details.saCmeQuarters ?? 0,
        attestedAt: at,
        firstName: details.firstName ?? "Claire",
        lastName: details.lastName ?? "Claimant",
        degree: details.degree ?? "MD",
        createdAt: at,
        sessions: { create: { sessionId, quarters: totalQuarters, minutes: totalQuarters * 15 } },
      },
      select: { id: true },
    });
    const { code } = await issueCertificate(tx, version.id, at);
    return { versionId: version.id, code };
  });
}

/** A new learner's claim (version 1) in the meeting, with its certificate. */
export async function makeClaim(options: ClaimDetails & { meeting?: string; userId?: string } = {}) {
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { slug: options.meeting ?? "sir-2023" },
    select: { id: true, slug: true, sessions: { where: { cmeAccredited: true }, select: { id: true }, orderBy: { startsAt: "asc" }, take: 1 } },
  });
  // A seeded meeting may have no accredited session yet: any of its sessions stands in.
  const session =
    meeting.sessions[0] ?? (await prisma.session.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true }, orderBy: { startsAt: "asc" } }));
  const userId = options.userId ?? (await createPerson("learner")).id;
  const claim = await prisma.creditClaim.create({ data: { meetingId: meeting.id, userId }, select: { id: true } });
  const first = await addVersion(claim.id, session.id, 1, options);
  return { meeting, userId, claimId: claim.id, sessionId: session.id, ...first };
}

/** The claim amended: its next version, with a new certificate that supersedes the last one. */
export async function amendClaim(claim: { claimId: string; sessionId: string }, details: ClaimDetails = {}) {
  const last = await prisma.creditClaimVersion.findFirstOrThrow({ where: { claimId: claim.claimId }, orderBy: { number: "desc" }, select: { number: true } });
  return addVersion(claim.claimId, claim.sessionId, last.number + 1, details);
}
