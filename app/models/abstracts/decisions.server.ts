// The committee's decisions: the ranked board the chairs decide from, and the
// proposals they make, one by one or in bulk. A proposal (Abstract.decision)
// stays a proposal, changeable, until the authors are notified; then it is
// final. Taking an oral back (to poster, say) also takes its talk out of the
// draft, so the draft never holds a talk for an abstract that is not an oral.
import type { AbstractDecision } from "~/generated/prisma/enums";
import { type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor, recordAudit } from "../meetings/audit.server";
import { type ProgramDocument } from "../program/document";
import { changeDraft, getDraft } from "../program/draft.server";
import { placementOf, unplaceInDocument } from "./placement.server";
import { DECISION_LABEL } from "./decision-labels";
import { rankAbstracts } from "./ranking";

export { DECISION_LABEL, DECISIONS } from "./decision-labels";

/** The submitted abstracts of the meeting's call with their submitted reviews, ranked. */
async function rankedAbstracts(meetingId: string) {
  const abstracts = await prisma.abstract.findMany({
    where: { call: { meetingId }, status: "SUBMITTED", number: { not: null } },
    select: {
      id: true,
      number: true,
      title: true,
      preference: true,
      traineeLevel: true,
      lateBreaking: true,
      decision: true,
      decisionReason: true,
      notifiedAt: true,
      presenterConfirmedAt: true,
      presenterDeclinedAt: true,
      topic: { select: { id: true, name: true } },
      assignments: { where: { review: { submittedAt: { not: null }, score: { not: null } } }, select: { review: { select: { id: true, score: true, recommendation: true } } } },
    },
  });
  return rankAbstracts(
    abstracts.map(({ assignments, number, ...abstract }) => ({
      ...abstract,
      number: number!,
      reviews: assignments.flatMap(({ review }) => (review && review.score !== null ? [{ id: review.id, score: review.score, recommendation: review.recommendation }] : [])),
    })),
  );
}

export type BoardFilter = { topic?: string | null; decision?: AbstractDecision | "UNDECIDED" | null };

/** The decisions page: the ranked rows (filtered), each oral's place in the draft, the abstract sessions to place into, and the orals not yet placed. */
export async function decisionBoard(meetingId: string, filter: BoardFilter = {}) {
  const [ranked, draft, topics] = await Promise.all([
    rankedAbstracts(meetingId),
    getDraft(meetingId),
    prisma.abstractTopic.findMany({ where: { call: { meetingId } }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
  ]);
  const rows = ranked.map((row) => {
    const placed = placementOf(draft.document, row.number);
    return { ...row, placement: placed ? { session: placed.session.slug, sessionTitle: placed.session.title, startsAt: placed.talk.startsAt, endsAt: placed.talk.endsAt } : null };
  });
  const shown = rows.filter(
    (row) =>
      (!filter.topic || row.topic?.id === filter.topic) &&
      (!filter.decision || (filter.decision === "UNDECIDED" ? row.decision === null : row.decision === filter.decision)),
  );
  const sessions = draft.document.sessions
    .filter((session) => session.kind === "ABSTRACT_SESSION" && session.status !== "CANCELLED")
    .map((session) => ({ slug: session.slug, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, talks: session.presentations.length }));
  // A declined oral needs no place: the chairs take it out and place another.
  const unplaced = rows.filter((row) => row.decision === "ORAL" && !row.placement && !row.presenterDeclinedAt).map((row) => row.number);
  // Talks for abstracts that are no longer submitted orals (withdrawn by their authors since): the chairs take them out.
  const orals = new Set(rows.filter((row) => row.decision === "ORAL").map((row) => row.number));
  const stale = draft.document.sessions.flatMap((session) =>
    session.presentations.filter((talk) => talk.abstract !== null && !orals.has(talk.abstract)).map((talk) => ({ number: talk.abstract!, sessionTitle: session.title })),
  );
  return { rows: shown, total: rows.length, topics, sessions, unplaced, stale };
}

export type Proposal = { abstractId: string; decision: AbstractDecision; reason?: string | null };

/** Unplaces, in one draft change, the talks of the orals that stop being orals. */
async function unplaceAll(meetingId: string, actor: Actor, numbers: number[]) {
  if (!numbers.length) return;
  const draft = await getDraft(meetingId);
  const placed = numbers.filter((number) => placementOf(draft.document, number));
  if (!placed.length) return;
  await changeDraft(meetingId, actor, (document: ProgramDocument) => {
    for (const number of placed) unplaceInDocument(document, number);
    return { ok: true, document, value: undefined, audit: { action: "abstract.unplace", summary: `Took abstract${placed.length === 1 ? "" : "s"} ${placed.join(", ")} out of the draft (no longer oral)`, details: { abstracts: placed } } };
  });
}

/**
 * Proposes a decision for one abstract; refused for withdrawn or already notified abstracts and for a reject without a reason.
 * An oral's talk is taken out of the draft first (the draft has its own lock
 * and transaction): should the proposal then fail, the abstract is an oral
 * without a place, which the page flags, never a talk for a non-oral.
 */
export async function proposeDecision(meetingId: string, actor: Actor, proposal: Proposal): Promise<Refusal | { ok: true; number: number }> {
  const reason = proposal.reason?.trim() || null;
  if (proposal.decision === "REJECT" && !reason) return refuse("INVALID", "Give the reason for rejecting: the authors will read it.", "reason");
  const abstract = await prisma.abstract.findFirst({
    where: { id: proposal.abstractId, call: { meetingId } },
    select: { id: true, number: true, status: true, decision: true, notifiedAt: true },
  });
  if (!abstract || abstract.number === null) return refuse("NOT_FOUND", "There is no such abstract in this meeting's call.");
  if (abstract.status === "WITHDRAWN") return refuse("CONFLICT", `Abstract ${abstract.number} was withdrawn by its authors: there is nothing to decide.`);
  if (abstract.status !== "SUBMITTED") return refuse("CONFLICT", `Abstract ${abstract.number} is not submitted.`);
  if (abstract.notifiedAt) return refuse("CONFLICT", `The authors of abstract ${abstract.number} were told the decision already: it is final.`);
  if (abstract.decision === "ORAL" && proposal.decision !== "ORAL") await unplaceAll(meetingId, actor, [abstract.number]);
  await prisma.$transaction(async (tx) => {
    await tx.abstract.update({
      where: { id: abstract.id },
      data: { decision: proposal.decision, decisionReason: reason, decidedAt: new Date(), decidedById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, meetingId, actor, {
      action: "abstract.decide",
      summary: `Proposed abstract ${abstract.number} as ${DECISION_LABEL[proposal.decision].toLowerCase()}`,
      details: { abstract: abstract.number, decision: proposal.decision, reason },
    });
  });
  return { ok: true, number: abstract.number };
}

export type BulkProposal =
  | { kind: "top"; topicId: string; count: number; decision: AbstractDecision; reason?: string | null }
  | { kind: "below"; score: number; decision: AbstractDecision; reason?: string | null };

/**
 * Proposes one decision for many: the top N reviewed abstracts of a topic, or
 * every undecided reviewed abstract whose mean is below a score. Notified
 * abstracts are never touched, nor are orals already placed in the draft
 * (their place is a deliberate choice: change them one by one).
 */
export async function proposeInBulk(meetingId: string, actor: Actor, bulk: BulkProposal): Promise<Refusal | { ok: true; numbers: number[] }> {
  const reason = bulk.reason?.trim() || null;
  if (bulk.decision === "REJECT" && !reason) return refuse("INVALID", "Give the reason for rejecting: the authors will read it.", "reason");
  const { rows } = await decisionBoard(meetingId);
  const open = rows.filter((row) => !row.notifiedAt && row.mean !== null);
  let chosen: typeof rows;
  if (bulk.kind === "top") {
    if (!Number.isInteger(bulk.count) || bulk.count < 1) return refuse("INVALID", "Say how many, at least 1.", "count");
    // A placed oral still counts among the top N; it is only left as it is.
    chosen = open.filter((row) => row.topic?.id === bulk.topicId).slice(0, bulk.count).filter((row) => !row.placement);
  } else {
    if (!(bulk.score >= 0 && bulk.score <= 100)) return refuse("INVALID", "A score is from 0 to 100.", "score");
    chosen = open.filter((row) => row.decision === null && row.mean! < bulk.score);
  }
  if (!chosen.length) return refuse("CONFLICT", "No abstract matches: nothing was changed.");
  const numbers = chosen.map((row) => row.number);
  await prisma.$transaction(async (tx) => {
    await tx.abstract.updateMany({
      where: { id: { in: chosen.map((row) => row.id) }, notifiedAt: null, status: "SUBMITTED" },
      data: { decision: bulk.decision, decisionReason: reason, decidedAt: new Date(), decidedById: actor.id },
    });
    await recordAudit(tx, meetingId, actor, {
      action: "abstract.decide-bulk",
      summary: `Proposed ${numbers.length} abstract${numbers.length === 1 ? "" : "s"} as ${DECISION_LABEL[bulk.decision].toLowerCase()}`,
      details: { abstracts: numbers, decision: bulk.decision, reason },
    });
  });
  return { ok: true, numbers };
}
