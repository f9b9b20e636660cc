// A meeting's CME credit designation, read and saved: the accredited provider,
// ACCME's and the AMA's statements, the credit types offered, the maximum and
// the claim deadline, the SA-CME passing mark, whether self-reported
// attendance may be claimed, and the provider's and activity's PARS ids. A meeting without one yet gets a proposal from its
// society and its program (the suggested maximum), which the console shows
// until an organizer saves. Every save is audited in the same transaction and
// bumps the meeting's programVersion (public pages show the statements).
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor, recordAudit } from "../meetings/audit.server";
import { getDraft } from "../program/draft.server";
import { designatedQuarters, formatCredits, sessionMinutes } from "./credit";
import { DEFAULT_PASSING_PERCENT } from "./self-assessment";
import {
  accreditedSessionRow,
  deadlineProblem,
  MAX_DESIGNATED_QUARTERS,
  standardAccreditationStatement,
  standardDesignationStatement,
  statementsFollowing,
  suggestedMaximumQuarters,
} from "./designation";

type DesignationMeeting = { id: string; endsOn: Date; society: { name: string } };

export type CreditDesignationInput = {
  provider: string;
  accreditationStatement: string;
  designationStatement: string;
  offersAmaPra: boolean;
  offersParticipation: boolean;
  offersSaCme: boolean;
  /** The share of an SA-CME session's questions a learner must get right, in percent. */
  saCmePassingPercent: number;
  /** Learners answer the meeting's evaluation before they claim credit. */
  evaluationRequired: boolean;
  /** Learners may claim sessions they have no recorded evidence for, marked self-reported. */
  allowSelfReported: boolean;
  /** The first two columns of the PARS learner-completion file; null until the provider enters them. */
  accmeProviderId: string | null;
  parsActivityId: string | null;
  maxCreditQuarters: number;
  /** "YYYY-MM-DD", a day in the meeting's zone. */
  claimDeadline: string;
};

export type CreditDesignationView = CreditDesignationInput & {
  /** False while nothing is saved: the values are a proposal. */
  saved: boolean;
  updatedAt: Date | null;
};

const designationSelect = {
  provider: true,
  accreditationStatement: true,
  designationStatement: true,
  offersAmaPra: true,
  offersParticipation: true,
  offersSaCme: true,
  saCmePassingPercent: true,
  evaluationRequired: true,
  allowSelfReported: true,
  accmeProviderId: true,
  parsActivityId: true,
  maxCreditQuarters: true,
  claimDeadline: true,
  updatedAt: true,
} as const;

/** The day the meeting ends as "YYYY-MM-DD" (@db.Date arrives as a UTC midnight). */
export function lastDayOf(meeting: { endsOn: Date }): string {
  return meeting.endsOn.toISOString().slice(0, 10);
}

/** The meeting's saved designation, as attendees' pages read it; null when it has none. */
export async function findCreditDesignation(meetingId: string): Promise<CreditDesignationView | null> {
  const row = await prisma.creditDesignation.findUnique({ where: { meetingId }, select: designationSelect });
  return row ? { ...row, saved: true, claimDeadline: row.claimDeadline.toISOString().slice(0, 10) } : null;
}

/**
 * The meeting's designation, or, before one is saved, a proposal: its
 * society as provider, the standard statements, the suggested maximum and a
 * deadline 90 days after the meeting (claims usually close within months).
 */
export async function meetingCreditDesignation(meeting: DesignationMeeting, suggestedQuarters: number): Promise<CreditDesignationView> {
  const saved = await findCreditDesignation(meeting.id);
  if (saved) return saved;
  const provider = meeting.society.name;
  const maxCreditQuarters = Math.max(suggestedQuarters, 1);
  return {
    saved: false,
    provider,
    accreditationStatement: standardAccreditationStatement(provider),
    designationStatement: standardDesignationStatement(provider, maxCreditQuarters),
    offersAmaPra: true,
    offersParticipation: true,
    offersSaCme: false,
    saCmePassingPercent: DEFAULT_PASSING_PERCENT,
    evaluationRequired: true,
    allowSelfReported: false,
    accmeProviderId: null,
    parsActivityId: null,
    maxCreditQuarters,
    claimDeadline: new Date(meeting.endsOn.getTime() + 90 * 86_400_000).toISOString().slice(0, 10),
    updatedAt: null,
  };
}

/** The draft program's accredited sessions with their credit, and the maximum they support. */
export async function accreditedProgram(meetingId: string) {
  const { document } = await getDraft(meetingId);
  const accredited = document.sessions.filter((session) => session.cmeAccredited);
  const sessions = accredited.map((session) => ({
    slug: session.slug,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    cancelled: session.status === "CANCELLED",
    saCme: session.saCme,
    ...accreditedSessionRow(session),
  }));
  const live = sessions.filter((session) => !session.cancelled);
  return {
    sessions,
    suggestedQuarters: suggestedMaximumQuarters(document.sessions),
    /** Every accredited session's credit added up, parallel ones each time: what the suggestion improves on. */
    totalQuarters: live.reduce((sum, session) => sum + session.quarters, 0),
    minutes: live.reduce((sum, session) => sum + sessionMinutes(session), 0),
    saCmeCount: live.filter((session) => session.saCme).length,
  };
}


const FIELD_LABELS: Record<keyof CreditDesignationInput, string> = {
  provider: "provider",
  accreditationStatement: "accreditation statement",
  designationStatement: "designation statement",
  offersAmaPra: "AMA PRA credit",
  offersParticipation: "certificate of participation",
  offersSaCme: "SA-CME",
  saCmePassingPercent: "SA-CME passing mark",
  evaluationRequired: "evaluation before claiming",
  allowSelfReported: "self-reported attendance",
  accmeProviderId: "ACCME provider ID",
  parsActivityId: "PARS activity ID",
  maxCreditQuarters: "maximum",
  claimDeadline: "claim deadline",
};

/**
 * Saves the meeting's designation. With `standardWording`, both statements
 * become ACCME's and the AMA's wording for the provider and maximum; else a
 * statement still in the standard wording follows a new provider or maximum,
 * and an edited one is kept as typed.
 */
export async function saveCreditDesignation(
  meeting: DesignationMeeting,
  actor: Actor,
  input: CreditDesignationInput,
  options: { standardWording?: boolean } = {},
): Promise<Outcome<{ designation: CreditDesignationView }>> {
  const deadline = deadlineProblem(input.claimDeadline, lastDayOf(meeting));
  if (deadline) return refuse("INVALID", deadline, "claimDeadline");
  if (input.maxCreditQuarters <= 0 || input.maxCreditQuarters > MAX_DESIGNATED_QUARTERS) return refuse("INVALID", `The maximum is more than 0 and at most ${MAX_DESIGNATED_QUARTERS / 4} credits.`, "maximum");
  if (!input.offersAmaPra && !input.offersParticipation && !input.offersSaCme) return refuse("INVALID", "Offer at least one credit type.", "offersAmaPra");
  if (!Number.isInteger(input.saCmePassingPercent) || input.saCmePassingPercent < 1 || input.saCmePassingPercent > 100) {
    return refuse("INVALID", "Enter the passing mark, a whole percent from 1 to 100", "saCmePassingPercent");
  }
  return prisma.$transaction(async (tx) => {
    const previous = await tx.creditDesignation.findUnique({ where: { meetingId: meeting.id }, select: designationSelect });
    const statements = options.standardWording
      ? { accreditationStatement: standardAccreditationStatement(input.provider), designationStatement: standardDesignationStatement(input.provider, input.maxCreditQuarters) }
      : statementsFollowing(previous, input);
    const values = { ...input, ...statements, provider: input.provider.trim(), accmeProviderId: input.accmeProviderId?.trim() || null, parsActivityId: input.parsActivityId?.trim() || null, claimDeadline: new Date(`${input.claimDeadline}T00:00:00Z`) };
    const row = await tx.creditDesignation.upsert({
      where: { meetingId: meeting.id },
      create: { meetingId: meeting.id, ...values },
      update: { ...values, updatedAt: new Date() },
      select: designationSelect,
    });
    // The statements show on public session pages, which are cached by programVersion: a new designation is a new version of them.
    await tx.meeting.update({ where: { id: meeting.id }, data: { programVersion: { increment: 1 } }, select: { id: true } });
    const before = previous ? { ...previous, claimDeadline: previous.claimDeadline.toISOString().slice(0, 10) } : null;
    const after = { ...input, ...statements, provider: values.provider, accmeProviderId: values.accmeProviderId, parsActivityId: values.parsActivityId };
    const changed = (Object.keys(FIELD_LABELS) as (keyof CreditDesignationInput)[]).filter((key) => !before || before[key] !== after[key]);
    await recordAudit(tx, meeting.id, actor, {
      action: previous ? "cme.designation.update" : "cme.designation.create",
      summary: `${previous ? "Edited" : "Set"} the CME credit designation (${changed.map((key) => FIELD_LABELS[key]).join(", ") || "no changes"}): maximum ${formatCredits(after.maxCreditQuarters)}, claims until ${after.claimDeadline}${options.standardWording ? "; statements reset to ACCME's wording" : ""}`,
      details: { changed, maxCreditQuarters: after.maxCreditQuarters, claimDeadline: after.claimDeadline, provider: after.provider },
    });
    return { ok: true as const, designation: { ...row, saved: true, claimDeadline: input.claimDeadline } };
  });
}

/** A published session's CME credit as attendees see it, with the meeting's statements; null when it is not accredited. */
export async function publishedSessionCredit(meetingId: string, sessionId: string) {
  const [session, designation] = await Promise.all([
    prisma.session.findFirst({ where: { id: sessionId, meetingId }, select: { cmeAccredited: true, creditQuarters: true, saCme: true, startsAt: true, endsAt: true, status: true } }),
    findCreditDesignation(meetingId),
  ]);
  if (!session?.cmeAccredited || session.status === "CANCELLED") return null;
  return {
    quarters: designatedQuarters(session),
    saCme: session.saCme,
    designation: designation && {
      accreditationStatement: designation.accreditationStatement,
      designationStatement: designation.designationStatement,
      offersParticipation: designation.offersParticipation,
      offersSaCme: designation.offersSaCme,
      claimDeadline: designation.claimDeadline,
    },
  };
}
