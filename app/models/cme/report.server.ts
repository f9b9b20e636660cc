// What an accredited provider reports about a meeting, read from the database:
// learners with evidence, the current claims (each learner's latest version,
// never an amended-away one), credit by type and session, evaluation
// completion and results, the commitments to change (anonymous), and the
// downloads: every claim as CSV, every evaluation response as CSV without
// names, and the PARS learner-completion file.
import { prisma } from "~/utils/db.server";
import { spreadsheetCsv } from "~/utils/csv";
import { dayKeyOf } from "~/utils/time";
import { accreditedLearners } from "./attendance.server";
import { claimVersionSelect } from "./claims.server";
import { designatedQuarters, formatCredits } from "./credit";
import { evaluationResults, getEvaluation } from "./evaluations.server";
import { type Answers, type EvaluationScope } from "./evaluations";
import { parsFile, reportedToPars, type ParsActivity } from "./pars";
import { claimFigures, claimsPerSession, responseRows } from "./report";

export const CREDIT_TYPE_LABELS = { AMA_PRA: "AMA PRA Category 1 Credit™", PARTICIPATION: "Participation" } as const;

/** Each learner's current claim: the version with the highest number, with its sessions and certificate. */
async function currentClaims(meetingId: string) {
  const claims = await prisma.creditClaim.findMany({
    where: { meetingId },
    select: {
      user: { select: { email: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          ...claimVersionSelect,
          sessions: { select: { sessionId: true, quarters: true, selfReported: true, session: { select: { title: true } } } },
          certificate: { select: { code: true } },
        },
      },
    },
  });
  return claims.flatMap((claim) => (claim.versions[0] ? [{ email: claim.user.email, ...claim.versions[0] }] : []));
}

/** The provider's IDs in PARS, as entered on the designation (null while missing). */
async function parsActivity(meetingId: string): Promise<ParsActivity> {
  const designation = await prisma.creditDesignation.findUnique({ where: { meetingId }, select: { accmeProviderId: true, parsActivityId: true } });
  return { providerId: designation?.accmeProviderId?.trim() || null, activityId: designation?.parsActivityId?.trim() || null };
}

/** Everything the report page shows, from the current claims only. */
export async function cmeReport(meetingId: string) {
  const [learners, claims, sessions, meeting, session, activity, evaluators] = await Promise.all([
    accreditedLearners(meetingId),
    currentClaims(meetingId),
    prisma.session.findMany({
      where: { meetingId, cmeAccredited: true, status: { not: "CANCELLED" } },
      select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, creditQuarters: true },
      orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    }),
    evaluationResults(meetingId, "MEETING"),
    evaluationResults(meetingId, "SESSION"),
    parsActivity(meetingId),
    prisma.evaluationResponse.findMany({ where: { evaluation: { meetingId, scope: "MEETING" } }, select: { userId: true } }),
  ]);
  const commitments = [meeting, session].flatMap((results) =>
    (results?.questions ?? []).flatMap(({ question, result }) => (question.kind === "COMMITMENT_TO_CHANGE" && result.kind === "TEXT" && result.texts.length ? [{ prompt: question.prompt, texts: result.texts }] : [])),
  );
  const physicians = claims.filter((claim) => claim.creditType === "AMA_PRA");
  return {
    learnersWithEvidence: learners.size,
    /** Of the learners with evidence, those who answered the meeting's evaluation (the ids stay here). */
    learnersEvaluated: evaluators.filter((response) => learners.has(response.userId)).length,
    claims: claimFigures(claims),
    sessions: claimsPerSession(
      sessions.map((row) => ({ id: row.id, slug: row.slug, title: row.title, startsAt: row.startsAt, designatedQuarters: designatedQuarters(row) })),
      claims,
    ),
    evaluations: { meeting, session },
    commitments,
    pars: {
      activity,
      reported: physicians.filter(reportedToPars).length,
      withoutConsent: physicians.filter((claim) => !claim.parsConsent).length,
      notPhysicians: claims.length - physicians.length,
    },
  };
}

export type CmeReport = Awaited<ReturnType<typeof cmeReport>>;

const fullName = (claim: { firstName: string; lastName: string }) => `${claim.firstName} ${claim.lastName}`;

/** One row per learner's current claim, for the provider's records. */
export async function claimsCsv(meetingId: string, timeZone: string): Promise<string> {
  const claims = (await currentClaims(meetingId)).sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  const local = (date: Date) => date.toLocaleString("sv-SE", { timeZone }).slice(0, 16);
  return spreadsheetCsv(
    ["Name", "Degree", "E-mail", "Credit type", "Credits", "SA-CME credits", "Self-reported sessions", "Claim version", `Claimed at (${timeZone})`, "Certificate"],
    claims.map((claim) => [
      fullName(claim),
      claim.degree,
      claim.email,
      CREDIT_TYPE_LABELS[claim.creditType],
      formatCredits(claim.totalQuarters),
      formatCredits(claim.saCmeQuarters),
      claim.sessions
        .filter((row) => row.selfReported)
        .map((row) => row.session.title)
        .sort()
        .join("; "),
      String(claim.number),
      local(claim.createdAt),
      claim.certificate?.code ?? "",
    ]),
  );
}

/** One row per response to the meeting's or the sessions' evaluation, no names or ids; null when that evaluation was never made. */
export async function evaluationCsv(meetingId: string, scope: EvaluationScope): Promise<string | null> {
  const evaluation = await getEvaluation(meetingId, scope);
  if (!evaluation) return null;
  const responses = await prisma.evaluationResponse.findMany({ where: { evaluationId: evaluation.id }, select: { answers: true, session: { select: { title: true } } } });
  const rows = responseRows(
    evaluation.questions,
    responses.map((response) => ({ session: scope === "SESSION" ? (response.session?.title ?? "") : null, answers: response.answers as Answers })),
  );
  return spreadsheetCsv([...(scope === "SESSION" ? ["Session"] : []), ...evaluation.questions.map((question) => question.prompt)], rows);
}

/** The PARS learner-completion file: physicians' AMA PRA claims with consent, completed on the day they claimed. */
export async function parsLearnerFile(meetingId: string, timeZone: string): Promise<string> {
  const [claims, activity] = await Promise.all([currentClaims(meetingId), parsActivity(meetingId)]);
  const learners = claims
    .filter(reportedToPars)
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
    .map((claim) => ({ ...claim, completedOn: dayKeyOf(claim.createdAt, timeZone) }));
  return parsFile(learners, activity);
}
