// The demo attendee's finished CME: Sam Patel answered the meeting's
// evaluation and each session he attended, then claimed AMA PRA Category 1
// Credit™ for what his evidence supports and got a certificate, so My CME, the
// transcript, /verify and the provider's report show a learner who is done.
// The claim follows the same rules as the claim form (claimableCredit over the
// seeded evidence); its certificate has a fixed code so the README can name
// it. Created once: a second seed changes nothing.
import type { Prisma } from "../../app/generated/prisma/client";
import { roomIntervals, type DoorScan } from "../../app/models/cme/attendance";
import { claimableCredit } from "../../app/models/cme/claims";
import { designatedQuarters, type Interval } from "../../app/models/cme/credit";
import { issueCertificate } from "../../app/models/cme/certificate-issue.server";
import type { Answer, Question } from "../../app/models/cme/evaluations";
import { evaluationOf } from "./evaluation-answers";

type Tx = Prisma.TransactionClient;

const MEETING = "sir-2023";
const ATTENDEE = "attendee@example.org";
/** The demo certificate's verification code (Crockford base32, as issued codes are). */
export const DEMO_CERTIFICATE_CODE = "SAMP-2023-CME1";
/** Ten days after the meeting: when Sam evaluated and claimed. */
const CLAIMED_AT = new Date("2023-03-20T16:30:00Z");

/** Sam's answers: he liked the meeting, found no bias, and commits to one change. */
function samsAnswers(questions: Question[], commitment: string): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of questions) {
    if (question.kind === "RATING") answers[question.id] = 5;
    else if (question.kind === "SINGLE_CHOICE") answers[question.id] = question.options.includes("Physician") ? "Physician" : question.options[0]!;
    else if (question.kind === "MULTIPLE_CHOICE") answers[question.id] = question.options.filter((option) => option === "Live online").slice(0, 1);
    else if (question.kind === "COMMITMENT_TO_CHANGE") answers[question.id] = commitment;
    else if (question.kind === "COMMERCIAL_BIAS") answers[question.id] = { free: true, detail: "" };
  }
  return answers;
}

export async function syncDemoClaim(tx: Tx): Promise<void> {
  const meeting = await tx.meeting.findUnique({ where: { slug: MEETING }, select: { id: true, creditDesignation: { select: { maxCreditQuarters: true } } } });
  const sam = await tx.user.findUnique({ where: { email: ATTENDEE }, select: { id: true } });
  if (!meeting?.creditDesignation || !sam) return;
  if (await tx.creditClaim.findUnique({ where: { meetingId_userId: { meetingId: meeting.id, userId: sam.id } }, select: { id: true } })) return;

  // His evidence, as the claim form reads it: live-page intervals and time in the room from door scans.
  const sessions = await tx.session.findMany({
    where: { meetingId: meeting.id, cmeAccredited: true, status: { not: "CANCELLED" }, OR: [{ attendanceIntervals: { some: { userId: sam.id } } }, { checkIns: { some: { userId: sam.id } } }] },
    select: {
      id: true,
      slug: true,
      startsAt: true,
      endsAt: true,
      creditQuarters: true,
      attendanceIntervals: { where: { userId: sam.id }, select: { startedAt: true, endedAt: true } },
      checkIns: { where: { userId: sam.id }, select: { direction: true, scannedAt: true } },
    },
  });
  if (!sessions.length) return;
  const evidence = (session: (typeof sessions)[number]): Interval[] => [
    ...session.attendanceIntervals.map((row) => ({ start: row.startedAt, end: row.endedAt })),
    ...roomIntervals(session.checkIns as DoorScan[], session),
  ];
  const claimable = claimableCredit(
    sessions.map((session) => ({ slug: session.slug, startsAt: session.startsAt, endsAt: session.endsAt, designatedQuarters: designatedQuarters(session), evidence: evidence(session) })),
    meeting.creditDesignation.maxCreditQuarters,
  );

  // The evaluations first: the meeting requires them before a claim.
  const meetingEvaluation = await evaluationOf(tx, meeting.id, "MEETING");
  const sessionEvaluation = await evaluationOf(tx, meeting.id, "SESSION");
  await tx.evaluationResponse.createMany({
    data: [
      { evaluationId: meetingEvaluation.id, userId: sam.id, subject: "", answers: samsAnswers(meetingEvaluation.questions, "Offer radiation segmentectomy to more early-stage HCC patients who are not surgical candidates."), submittedAt: CLAIMED_AT },
      ...sessions.map((session) => ({
        evaluationId: sessionEvaluation.id,
        userId: sam.id,
        sessionId: session.id,
        subject: session.id,
        answers: samsAnswers(sessionEvaluation.questions, "Review our PE response team's criteria for catheter-directed therapy."),
        submittedAt: CLAIMED_AT,
      })),
    ] as Prisma.EvaluationResponseCreateManyInput[],
    skipDuplicates: true,
  });

  const bySlug = new Map(sessions.map((session) => [session.slug, session]));
  const claimed = claimable.sessions.filter((row) => row.quarters > 0);
  const claim = await tx.creditClaim.create({ data: { meetingId: meeting.id, userId: sam.id, createdAt: CLAIMED_AT }, select: { id: true } });
  const version = await tx.creditClaimVersion.create({
    data: {
      claimId: claim.id,
      number: 1,
      creditType: "AMA_PRA",
      totalQuarters: claimable.totalQuarters,
      attestedAt: CLAIMED_AT,
      firstName: "Sam",
      lastName: "Patel",
      degree: "MD",
      // The CMS example NPI (its check digit is valid); Sam agreed to report his credit to PARS.
      parsConsent: true,
      birthMonth: 4,
      birthDay: 17,
      npi: "1234567893",
      licenseState: "AZ",
      licenseNumber: "52817",
      certifyingBoard: "ABR",
      createdAt: CLAIMED_AT,
      sessions: { create: claimed.map((row) => ({ sessionId: bySlug.get(row.slug)!.id, quarters: row.quarters, minutes: row.minutes })) },
    },
    select: { id: true },
  });
  await issueCertificate(tx, version.id, CLAIMED_AT);
  await tx.certificate.update({ where: { versionId: version.id }, data: { code: DEMO_CERTIFICATE_CODE }, select: { id: true } });
}
