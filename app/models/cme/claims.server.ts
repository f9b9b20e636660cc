// Claims against the database: what a learner may claim for a meeting (each
// accredited session with their evidence, the credit it supports, SA-CME
// passed or not), and the claim itself: a new version with its sessions and
// its certificate in one transaction, or a refusal with nothing written.
// A claim is only ever the signed-in learner's own: the user id is the
// caller's, never the form's.
import { Prisma } from "~/generated/prisma/client";
import { type Outcome, refuse, refuseAll } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { dayKeyOf, formatDate } from "~/utils/time";
import { type AttendanceSource } from "./attendance";
import { myEvidence } from "./attendance.server";
import { certifiedClaimSelect, issueCertificate } from "./certificate-issue.server";
import { claimableCredit, claimFormSchema, offeredCreditTypes, parsDetails, type ClaimSession } from "./claims";
import { designatedQuarters, formatCredits, parseCredits } from "./credit";
import { evaluationStatus, getEvaluation } from "./evaluations.server";
import { passedSelfAssessments } from "./self-assessment.server";

const designationSelect = {
  offersAmaPra: true,
  offersParticipation: true,
  offersSaCme: true,
  maxCreditQuarters: true,
  claimDeadline: true,
  evaluationRequired: true,
  allowSelfReported: true,
  meeting: { select: { timeZone: true } },
} as const;

/** A claim version as learners and the provider's report read it: what its certificate states, when, and the learner's details for the report. */
export const claimVersionSelect = {
  ...certifiedClaimSelect,
  createdAt: true,
  parsConsent: true,
  birthMonth: true,
  birthDay: true,
  npi: true,
  licenseState: true,
  licenseNumber: true,
  certifyingBoard: true,
  boardId: true,
} as const;

const sessionSelect = { id: true, slug: true, title: true, startsAt: true, endsAt: true, creditQuarters: true, saCme: true } as const;

/** One accredited session the learner may claim: with evidence, or (where the meeting allows it) self-reported. */
export type ClaimOption = {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  designatedQuarters: number;
  /** Minutes of evidence inside the session (0 when self-reported). */
  minutes: number;
  onlineMinutes: number;
  roomMinutes: number;
  source: AttendanceSource | null;
  /** No evidence recorded: claimable only as self-reported. */
  selfReported: boolean;
  /** The most the learner may claim for it: designated credit and their own minutes, overlaps counted once. */
  claimableQuarters: number;
  /** Flagged for ABR self-assessment CME, and the meeting offers it. */
  saCme: boolean;
  /** The learner passed its self-assessment, so its claimed credit counts as SA-CME. */
  saCmePassed: boolean;
};

async function claimContext(userId: string, meetingId: string, now: Date) {
  const designation = await prisma.creditDesignation.findUnique({ where: { meetingId }, select: designationSelect });
  if (!designation) return null;
  const [accredited, evidence, passed] = await Promise.all([
    prisma.session.findMany({ where: { meetingId, cmeAccredited: true, status: "SCHEDULED" }, select: sessionSelect, orderBy: [{ startsAt: "asc" }, { slug: "asc" }] }),
    myEvidence(userId, meetingId),
    passedSelfAssessments(userId, meetingId),
  ]);
  const evidenceOf = new Map(evidence.map((row) => [row.session.id, row]));
  // @db.Date arrives as UTC midnight: its date part is the deadline's calendar day, in the meeting's zone.
  const deadline = designation.claimDeadline.toISOString().slice(0, 10);
  const options: (ClaimOption & { evidence: ClaimSession["evidence"] })[] = [];
  for (const session of accredited) {
    const row = evidenceOf.get(session.id);
    // A session can be self-reported once it is over, never in advance.
    if (!row && !(designation.allowSelfReported && session.endsAt <= now)) continue;
    options.push({
      id: session.id,
      slug: session.slug,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      designatedQuarters: designatedQuarters(session),
      minutes: row?.minutes ?? 0,
      onlineMinutes: row?.onlineMinutes ?? 0,
      roomMinutes: row?.roomMinutes ?? 0,
      source: row?.source ?? null,
      selfReported: !row,
      claimableQuarters: 0,
      saCme: session.saCme && designation.offersSaCme,
      saCmePassed: session.saCme && designation.offersSaCme && passed.has(session.id),
      // Self-reported: the whole session, so the minutes it takes still count once.
      evidence: row ? row.intervals : [{ start: session.startsAt, end: session.endsAt }],
    });
  }
  return { designation, deadline, open: dayKeyOf(now, designation.meeting.timeZone) <= deadline, options };
}

const asClaimSession = (option: ClaimOption & { evidence: ClaimSession["evidence"] }): ClaimSession => ({
  slug: option.slug,
  startsAt: option.startsAt,
  endsAt: option.endsAt,
  designatedQuarters: option.designatedQuarters,
  evidence: option.evidence,
  selfReported: option.selfReported,
});

/**
 * What a learner may claim for a meeting, or null when it offers no credit:
 * the sessions with the credit each supports, the total after the maximum,
 * the deadline and whether it is open. A self-reported session's credit is
 * what is left beside the recorded sessions (two parallel ones each show
 * their own; claiming both is refused), and one with nothing left is not
 * offered; the total counts the recorded sessions, as the form starts with
 * no self-reported session ticked.
 */
export async function claimOptions(userId: string, meetingId: string, now = new Date()) {
  const context = await claimContext(userId, meetingId, now);
  if (!context) return null;
  const { designation, deadline, open, options } = context;
  const recorded = options.filter((option) => !option.selfReported).map(asClaimSession);
  const claimable = claimableCredit(recorded, designation.maxCreditQuarters);
  const quarters = new Map(claimable.sessions.map((session) => [session.slug, session.quarters]));
  for (const option of options.filter((candidate) => candidate.selfReported)) {
    quarters.set(option.slug, claimableCredit([...recorded, asClaimSession(option)], designation.maxCreditQuarters).sessions.find((session) => session.slug === option.slug)!.quarters);
  }
  return {
    deadline,
    open,
    maxQuarters: designation.maxCreditQuarters,
    creditTypes: offeredCreditTypes(designation),
    evaluationRequired: designation.evaluationRequired,
    allowSelfReported: designation.allowSelfReported,
    sessions: options
      .map(({ evidence: _evidence, ...option }) => ({ ...option, claimableQuarters: quarters.get(option.slug)! }))
      .filter((option) => !option.selfReported || option.claimableQuarters > 0),
    totalQuarters: claimable.totalQuarters,
    capped: claimable.capped,
    evaluationPending: await evaluationPending(userId, meetingId, designation.evaluationRequired),
  };
}

export type ClaimOptions = NonNullable<Awaited<ReturnType<typeof claimOptions>>>;

/** Whether the meeting's evaluation must still be answered before this learner claims. */
async function evaluationPending(userId: string, meetingId: string, required: boolean): Promise<boolean> {
  if (!required) return false;
  const evaluation = await getEvaluation(meetingId, "MEETING");
  if (!evaluation?.questions.length) return false;
  return !(await evaluationStatus(userId, meetingId)).meetingDone;
}

/** Conform's name of a field at a zod path: ["sessions", 0, "credit"] → "sessions[0].credit". */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`)).join("");
}

/** Why a session the form names is not among the learner's claimable ones. */
async function notClaimable(meetingId: string, slug: string, allowSelfReported: boolean): Promise<string> {
  const session = await prisma.session.findFirst({ where: { meetingId, slug }, select: { title: true, cmeAccredited: true, status: true } });
  if (!session) return "That session is not part of this meeting.";
  if (!session.cmeAccredited) return `“${session.title}” is not accredited for CME, so it earns no credit.`;
  if (session.status === "CANCELLED") return `“${session.title}” was cancelled, so it earns no credit.`;
  return allowSelfReported
    ? `“${session.title}” has not ended yet: report attending it once it is over.`
    : `No attendance at “${session.title}” is recorded, and this meeting does not accept self-reported sessions.`;
}

/**
 * Records a claim: a new version (the first, or an amendment) with the sessions
 * claimed, and its certificate, in one transaction. `form` is the claim form's
 * fields (any user id in it is ignored); the learner may claim less than the
 * evidence supports, never more. Returns the certificate's verification code.
 */
export async function submitClaim(userId: string, meetingId: string, form: unknown, now = new Date()): Promise<Outcome<{ code: string; version: number }>> {
  const context = await claimContext(userId, meetingId, now);
  if (!context) return refuse("NOT_FOUND", "This meeting does not offer CME credit.");
  const { designation, open, options } = context;
  if (!open) return refuse("CLOSED", `Claims for this meeting closed at the end of ${formatDate(designation.claimDeadline, "UTC")}.`);
  if (await evaluationPending(userId, meetingId, designation.evaluationRequired)) {
    return refuse("CONFLICT", "Answer the meeting's evaluation first: this meeting asks for it before you claim credit.");
  }
  const parsed = claimFormSchema(offeredCreditTypes(designation)).safeParse(form);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ field: fieldName(issue.path), message: issue.message }));
    return refuseAll(problems as [(typeof problems)[number], ...typeof problems]);
  }
  const value = parsed.data;

  const problems: { field: string; message: string }[] = [];
  const claimed: { index: number; option: (typeof options)[number]; quarters: number }[] = [];
  const seen = new Set<string>();
  for (const [index, row] of value.sessions.entries()) {
    const field = fieldName(["sessions", index, "credit"]);
    const credit = row.credit ? parseCredits(row.credit) : { quarters: 0 };
    const quarters = "quarters" in credit ? credit.quarters : 0;
    const option = options.find((candidate) => candidate.slug === row.slug);
    // A self-reported session is claimed only when ticked; one with evidence whenever it claims anything.
    if (!quarters || (option?.selfReported && !row.claim)) continue;
    if (seen.has(row.slug)) problems.push({ field, message: "This session is listed twice." });
    else if (!option) problems.push({ field, message: await notClaimable(meetingId, row.slug, designation.allowSelfReported) });
    else claimed.push({ index, option, quarters });
    seen.add(row.slug);
  }
  const claimable = claimableCredit(
    claimed.map(({ option }) => asClaimSession(option)),
    designation.maxCreditQuarters,
  );
  const own = new Map(claimable.sessions.map((session) => [session.slug, session]));
  for (const { index, option, quarters } of claimed) {
    const { quarters: most, minutes } = own.get(option.slug)!;
    if (quarters <= most) continue;
    const reason = option.selfReported
      ? `its designated credit, less any time your other sessions take`
      : `${minutes} minutes of your recorded attendance count toward it (designated ${formatCredits(option.designatedQuarters)})`;
    problems.push({ field: fieldName(["sessions", index, "credit"]), message: `You can claim at most ${formatCredits(most)} for “${option.title}”: ${reason}.` });
  }
  if (problems.length) return refuseAll(problems as [(typeof problems)[number], ...typeof problems]);
  if (!claimed.length) return refuse("INVALID", "Claim credit for at least one session.");

  const sum = claimed.reduce((total, row) => total + row.quarters, 0);
  const totalQuarters = Math.min(sum, designation.maxCreditQuarters);
  const saCmeQuarters = Math.min(
    totalQuarters,
    claimed.filter(({ option }) => option.saCmePassed).reduce((total, row) => total + row.quarters, 0),
  );
  try {
    return await prisma.$transaction(async (tx) => {
      const claim = await tx.creditClaim.upsert({ where: { meetingId_userId: { meetingId, userId } }, create: { meetingId, userId }, update: {}, select: { id: true } });
      const last = await tx.creditClaimVersion.findFirst({ where: { claimId: claim.id }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (last?.number ?? 0) + 1;
      const version = await tx.creditClaimVersion.create({
        data: {
          claimId: claim.id,
          number,
          creditType: value.creditType,
          totalQuarters,
          saCmeQuarters,
          attestedAt: now,
          firstName: value.firstName,
          lastName: value.lastName,
          degree: value.degree,
          ...parsDetails(value),
          createdAt: now,
          sessions: {
            create: claimed.map(({ option, quarters }) => ({
              sessionId: option.id,
              quarters,
              minutes: option.selfReported ? 0 : own.get(option.slug)!.minutes,
              selfReported: option.selfReported,
              saCme: option.saCmePassed,
            })),
          },
        },
        select: { id: true },
      });
      const { code } = await issueCertificate(tx, version.id, now);
      return { ok: true as const, code, version: number };
    });
  } catch (error) {
    // Two submissions at once both took the same next number: the second is told to look again.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return refuse("CONFLICT", "Your claim was changed at the same moment elsewhere. Check it below and submit again if needed.");
    throw error;
  }
}

/** A learner's claim for a meeting, every version newest first, each with its sessions and certificate; empty before the first claim. */
export async function claimHistory(userId: string, meetingId: string) {
  const claim = await prisma.creditClaim.findUnique({
    where: { meetingId_userId: { meetingId, userId } },
    select: {
      versions: {
        orderBy: { number: "desc" },
        select: {
          ...claimVersionSelect,
          certificate: { select: { code: true, issuedAt: true } },
          sessions: { select: { quarters: true, minutes: true, selfReported: true, saCme: true, session: { select: { slug: true, title: true, startsAt: true } } }, orderBy: { session: { startsAt: "asc" } } },
        },
      },
    },
  });
  return claim?.versions ?? [];
}

export type ClaimVersion = Awaited<ReturnType<typeof claimHistory>>[number];
