// The presenter's answer to an acceptance: the submitter confirms that the
// abstract will be presented, or declines with a reason, until the call's
// confirmBy deadline. Only a notified acceptance can be answered (a proposal
// the authors were not told of is not theirs to answer yet). A confirmed
// presenter may still decline before the deadline (plans change); a decline is final.
//
// The schema has no column for the decline's reason: it is kept in the audit
// entry written with the decline, which the decisions page reads.
import { type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { formatMoment } from "~/utils/time";
import { type Actor, recordAudit } from "../meetings/audit.server";

export const DECLINE_ACTION = "abstract.decline";

type Meeting = { id: string; timeZone: string };

async function acceptanceOf(meeting: Meeting, userId: string, abstractId: string) {
  const abstract = await prisma.abstract.findFirst({
    // Someone else's abstract is, to this person, no abstract at all.
    where: { id: abstractId, submitterId: userId, call: { meetingId: meeting.id } },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      decision: true,
      notifiedAt: true,
      presenterConfirmedAt: true,
      presenterDeclinedAt: true,
      call: { select: { confirmBy: true } },
    },
  });
  if (!abstract) return refuse("NOT_FOUND", "You have no abstract at this address.");
  if (abstract.status === "WITHDRAWN") return refuse("CONFLICT", "You withdrew this abstract: there is nothing to confirm.");
  if (!abstract.notifiedAt || !abstract.decision) return refuse("CONFLICT", "The committee has not sent you its decision on this abstract yet.");
  if (abstract.decision === "REJECT") return refuse("CONFLICT", "This abstract was not accepted: there is nothing to confirm.");
  return { ok: true as const, abstract };
}

/** The page: the accepted abstract, its answer so far, and whether answering is still open. */
export async function presenterConfirmation(meeting: Meeting, userId: string, abstractId: string, now = new Date()) {
  const found = await acceptanceOf(meeting, userId, abstractId);
  if (!found.ok) return found;
  const { call, ...abstract } = found.abstract;
  const confirmBy = call.confirmBy;
  return {
    ok: true as const,
    abstract,
    confirmBy,
    deadline: confirmBy ? formatMoment(confirmBy, meeting.timeZone) : null,
    open: !abstract.presenterDeclinedAt && (!confirmBy || now <= confirmBy),
  };
}

export type PresenterAnswer = { answer: "confirm" } | { answer: "decline"; reason: string };

export async function answerAcceptance(meeting: Meeting, actor: Actor, abstractId: string, input: PresenterAnswer, now = new Date()): Promise<Refusal | { ok: true }> {
  const found = await acceptanceOf(meeting, actor.id, abstractId);
  if (!found.ok) return found;
  const { abstract } = found;
  const confirmBy = abstract.call.confirmBy;
  if (confirmBy && now > confirmBy) {
    return refuse("CLOSED", `Answers closed at ${formatMoment(confirmBy, meeting.timeZone)}. Write to the organizers if the presenter cannot come.`);
  }
  if (abstract.presenterDeclinedAt) return refuse("CONFLICT", "You declined this place already.");
  if (input.answer === "confirm") {
    if (abstract.presenterConfirmedAt) return refuse("CONFLICT", "You confirmed this place already.");
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.abstract.updateMany({ where: { id: abstract.id, presenterConfirmedAt: null, presenterDeclinedAt: null }, data: { presenterConfirmedAt: now } });
      if (count) await recordAudit(tx, meeting.id, actor, { action: "abstract.confirm", summary: `The presenter of abstract ${abstract.number} confirmed`, details: { abstract: abstract.number } });
    });
    return { ok: true };
  }
  const reason = input.reason.trim();
  if (!reason) return refuse("INVALID", "Tell the committee why, so they can offer the place to another abstract.", "reason");
  if (reason.length > 1000) return refuse("INVALID", "Keep the reason under 1,000 characters.", "reason");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.abstract.updateMany({ where: { id: abstract.id, presenterDeclinedAt: null }, data: { presenterDeclinedAt: now, presenterConfirmedAt: null } });
    if (count) await recordAudit(tx, meeting.id, actor, { action: DECLINE_ACTION, summary: `The presenter of abstract ${abstract.number} declined: ${reason}`, details: { abstract: abstract.number, reason } });
  });
  return { ok: true };
}

/** The reasons given with declines, by abstract number, for the chairs. */
export async function declineReasons(meetingId: string): Promise<Map<number, string>> {
  const entries = await prisma.auditEntry.findMany({ where: { meetingId, action: DECLINE_ACTION }, select: { details: true }, orderBy: { createdAt: "asc" } });
  const reasons = new Map<number, string>();
  for (const { details } of entries) {
    const value = details as { abstract?: unknown; reason?: unknown } | null;
    if (typeof value?.abstract === "number" && typeof value.reason === "string") reasons.set(value.abstract, value.reason);
  }
  return reasons;
}
