// Issuing the certificate of a claim version fixes its words (the learner's
// name and degree, the meeting, the credits, the provider's statements as they
// read that day) and stores them with a fresh verification code. It is called
// inside the transaction that records the claim version, so a claim is never
// on record without its certificate; it works only on that transaction (no
// module-wide client), so the seed can issue the demo certificate too.
import { type Prisma } from "~/generated/prisma/client";
import { meetingDatesAndPlaceSelect } from "~/models/meetings/meeting-select";
import { dayKeyOf, formatDateSpan } from "~/utils/time";
import { newVerificationCode, type CertificateCredit, type CertificateSnapshot } from "./certificates";

type Tx = Prisma.TransactionClient;

/** "Phoenix Convention Center, Phoenix", "Virtual", or a hybrid meeting's place "and online". */
function placeOf(meeting: { format: string; venue: string | null; city: string | null }): string {
  if (meeting.format === "VIRTUAL") return "Virtual";
  const place = [meeting.venue, meeting.city].filter(Boolean).join(", ") || "In person";
  return meeting.format === "HYBRID" ? `${place}, and online` : place;
}

/** What a certificate states of its claim version: which version, the credit claimed, and the learner's name and degree. */
export const certifiedClaimSelect = {
  number: true,
  creditType: true,
  totalQuarters: true,
  saCmeQuarters: true,
  firstName: true,
  lastName: true,
  degree: true,
} as const satisfies Prisma.CreditClaimVersionSelect;

export async function issueCertificate(tx: Tx, versionId: string, now = new Date()): Promise<{ code: string }> {
  const version = await tx.creditClaimVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      ...certifiedClaimSelect,
      claim: {
        select: {
          meeting: {
            select: {
              ...meetingDatesAndPlaceSelect,
              creditDesignation: { select: { provider: true, accreditationStatement: true, designationStatement: true } },
            },
          },
        },
      },
    },
  });
  const meeting = version.claim.meeting;
  const designation = meeting.creditDesignation;
  if (!designation) throw new Error(`Meeting ${meeting.slug} has no credit designation to certify`);
  const one = (quarters: number, singular: string, plural: string) => (quarters === 4 ? singular : plural);
  const total = version.totalQuarters;
  const credits: CertificateCredit[] = [
    version.creditType === "AMA_PRA"
      ? { label: one(total, "AMA PRA Category 1 Credit™", "AMA PRA Category 1 Credits™"), quarters: total }
      : { label: one(total, "hour of participation", "hours of participation"), quarters: total },
  ];
  const saCme = version.saCmeQuarters;
  if (saCme > 0) credits.push({ label: one(saCme, "credit of ABR self-assessment CME (SA-CME)", "credits of ABR self-assessment CME (SA-CME)"), quarters: saCme });
  const snapshot: CertificateSnapshot = {
    learner: { name: `${version.firstName} ${version.lastName}`, degree: version.degree },
    meeting: { name: meeting.name, slug: meeting.slug, dates: formatDateSpan(meeting.startsOn, meeting.endsOn), place: placeOf(meeting) },
    provider: designation.provider,
    creditType: version.creditType,
    credits,
    accreditationStatement: designation.accreditationStatement,
    designationStatement: designation.designationStatement,
    issuedOn: dayKeyOf(now, meeting.timeZone),
    claimVersion: version.number,
  };
  const code = newVerificationCode();
  await tx.certificate.create({ data: { versionId, code, issuedAt: now, snapshot }, select: { id: true } });
  return { code };
}
