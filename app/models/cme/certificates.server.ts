// Certificates of claim versions, read back (certificate-issue.server.ts
// issues them): for its learner (and the meeting's organizers) to download,
// for anyone holding its code to verify, and every meeting's for the
// learner's transcript. A certificate is
// current while its claim version is the claim's latest; an amendment
// supersedes it.
import { type Prisma } from "~/generated/prisma/client";
import { hasMeetingRole } from "~/models/accounts/access.server";
import { prisma } from "~/utils/db.server";
import { formatDateSpan } from "~/utils/time";
import { readSnapshot, type CertificateCredit, type CertificateSnapshot } from "./certificates";

/** What a certificate reader needs of one: its words, code and version, and whether a later version replaced it. */
const certificateSelect = {
  code: true,
  snapshot: true,
  version: {
    select: {
      number: true,
      claim: {
        select: {
          userId: true,
          meetingId: true,
          // The latest certified version: this one's successor when it is not this one.
          versions: {
            where: { certificate: { isNot: null } },
            select: { number: true, certificate: { select: { snapshot: true } } },
            orderBy: { number: "desc" },
            take: 1,
          },
        },
      },
    },
  },
} satisfies Prisma.CertificateSelect;

type CertificateRow = Prisma.CertificateGetPayload<{ select: typeof certificateSelect }>;

export type CertificateRecord = {
  code: string;
  snapshot: CertificateSnapshot;
  /** Set when an amended claim replaced this certificate: the one that is current now. */
  supersededBy: { issuedOn: string; credits: CertificateCredit[] } | null;
};

function recordOf(row: CertificateRow): CertificateRecord {
  const latest = row.version.claim.versions[0];
  const successor = latest && latest.number > row.version.number && latest.certificate ? readSnapshot(latest.certificate.snapshot) : null;
  return {
    code: row.code,
    snapshot: readSnapshot(row.snapshot),
    supersededBy: successor && { issuedOn: successor.issuedOn, credits: successor.credits },
  };
}

/**
 * The certificate with this code (as stored: `normalizeVerificationCode` it
 * first), for anyone who holds the code; null when no certificate has it.
 */
export async function verifyCertificate(code: string): Promise<CertificateRecord | null> {
  const row = await prisma.certificate.findUnique({ where: { code }, select: certificateSelect });
  return row ? recordOf(row) : null;
}

/**
 * The certificate with this code in this meeting, for the learner it was
 * issued to or an organizer of the meeting; null for anyone else, as for a
 * code that does not exist, so a download says nothing about others' codes.
 */
export async function certificateForDownload(meetingSlug: string, code: string, userId: string): Promise<CertificateRecord | null> {
  const row = await prisma.certificate.findFirst({ where: { code, version: { claim: { meeting: { slug: meetingSlug } } } }, select: certificateSelect });
  if (!row) return null;
  const claim = row.version.claim;
  if (claim.userId !== userId && !(await hasMeetingRole(userId, claim.meetingId, ["ORGANIZER"]))) return null;
  return recordOf(row);
}

export type TranscriptEntry = {
  meeting: { slug: string; name: string; dates: string };
  /** The certificate of the claim's latest version. */
  current: CertificateRecord;
  /** Certificates of earlier versions, newest first. */
  superseded: CertificateRecord[];
};

/** Every meeting's certificates of one learner, the latest meeting first. */
export async function transcriptOf(userId: string): Promise<TranscriptEntry[]> {
  const claims = await prisma.creditClaim.findMany({
    where: { userId, versions: { some: { certificate: { isNot: null } } } },
    select: {
      meeting: { select: { slug: true, name: true, startsOn: true, endsOn: true } },
      versions: {
        where: { certificate: { isNot: null } },
        orderBy: { number: "desc" },
        select: { number: true, certificate: { select: { code: true, snapshot: true } } },
      },
    },
    orderBy: [{ meeting: { startsOn: "desc" } }, { meeting: { name: "asc" } }],
  });
  return claims.map(({ meeting, versions }) => {
    const [latest, ...earlier] = versions.map((version) => ({ code: version.certificate!.code, snapshot: readSnapshot(version.certificate!.snapshot) }));
    const current: CertificateRecord = { ...latest!, supersededBy: null };
    return {
      meeting: { slug: meeting.slug, name: meeting.name, dates: formatDateSpan(meeting.startsOn, meeting.endsOn) },
      current,
      superseded: earlier.map((record) => ({ ...record, supersededBy: { issuedOn: current.snapshot.issuedOn, credits: current.snapshot.credits } })),
    };
  });
}
