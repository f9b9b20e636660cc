// The chairs' side of assignment: the automatic plan over the call as it is
// (submitted abstracts, accepted and pending reviewers, conflicts from
// conflicts.ts, kept ACTIVE assignments, pairs removed or declared conflicted
// excluded), applying a plan in one transaction with a blind mail to each
// reviewer who got new abstracts, and the manual override: add a reviewer to
// an abstract (refused with the reason when conflicted) or remove one.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { recordAudit, type Actor } from "../meetings/audit.server";
import { refuse, RefusalError, refusalOf, type Outcome } from "../refusal";
import { planAssignments, type Pair } from "./assignment";
import { CONFLICT_LABELS, conflictsIn, type ConflictReason } from "./conflicts";
import { queueAssignmentMail } from "./review-mail.server";

type Meeting = { id: string; slug: string; name: string };
type Db = Prisma.TransactionClient | typeof prisma;

/** Everything the conflict rule and the plan need about a meeting's call. */
async function callState(db: Db, meetingId: string) {
  const call = await db.abstractCall.findUnique({
    where: { meetingId },
    select: {
      id: true,
      reviewsPerAbstract: true,
      // Every abstract, drafts and withdrawn ones too: writing together makes co-authors whatever became of the abstract.
      abstracts: {
        select: { id: true, number: true, title: true, status: true, topicId: true, authors: { select: { id: true, email: true, institution: true } } },
        orderBy: { number: "asc" },
      },
      reviewers: {
        select: { id: true, name: true, email: true, institution: true, userId: true, topics: { select: { topicId: true } }, assignments: { select: { abstractId: true, state: true } } },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!call) return null;
  const submitted = call.abstracts.filter((abstract) => abstract.status === "SUBMITTED");
  // An author without an e-mail address is nobody's co-author by address: a placeholder of their own keeps them apart.
  const rule = conflictsIn(call.abstracts.map((abstract) => ({ id: abstract.id, authors: abstract.authors.map((author) => ({ email: author.email ?? `\u0000${author.id}`, institution: author.institution })) })));
  const reviewers = call.reviewers.map((reviewer) => ({
    ...reviewer,
    declared: new Set(reviewer.assignments.filter((row) => row.state === "CONFLICT").map((row) => row.abstractId)),
  }));
  const reviewerById = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer]));
  const reasonFor = (abstractId: string, reviewerId: string): ConflictReason | null => {
    const reviewer = reviewerById.get(reviewerId);
    return reviewer ? rule.reasonFor(abstractId, reviewer) : null;
  };
  return { call: { ...call, abstracts: submitted }, reviewers, reasonFor };
}

/** The automatic plan for the call now: what it would add, to whom, and which abstracts stay short, and why. */
export async function proposeAssignments(meetingId: string) {
  const state = await callState(prisma, meetingId);
  if (!state) return null;
  const { call, reviewers, reasonFor } = state;
  const submitted = new Set(call.abstracts.map((abstract) => abstract.id));
  const pairs = (kind: string) => reviewers.flatMap((reviewer) => reviewer.assignments.filter((row) => row.state === kind && submitted.has(row.abstractId)).map((row) => ({ abstractId: row.abstractId, reviewerId: reviewer.id })));
  const kept = pairs("ACTIVE");
  const plan = await planAssignments({
    abstracts: call.abstracts.map((abstract) => ({ id: abstract.id, topicId: abstract.topicId ?? "" })),
    reviewers: reviewers.map((reviewer) => ({ id: reviewer.id, topicIds: reviewer.topics.map((row) => row.topicId) })),
    perAbstract: call.reviewsPerAbstract,
    conflicted: (abstractId, reviewerId) => reasonFor(abstractId, reviewerId) !== null,
    kept,
    excluded: [...pairs("REMOVED"), ...pairs("CONFLICT")],
  });
  const abstractById = new Map(call.abstracts.map((abstract) => [abstract.id, abstract]));
  const short = plan.short.map((row) => {
    const abstract = abstractById.get(row.abstractId)!;
    const covering = reviewers.filter((reviewer) => abstract.topicId && reviewer.topics.some((topic) => topic.topicId === abstract.topicId));
    const free = covering.filter((reviewer) => reasonFor(abstract.id, reviewer.id) === null);
    const why = !abstract.topicId
      ? "it has no topic"
      : !covering.length
        ? "no reviewer covers its topic"
        : `${covering.length} reviewer${covering.length === 1 ? " covers" : "s cover"} its topic, ${covering.length - free.length} of them conflicted or removed`;
    return { abstractId: abstract.id, number: abstract.number, title: abstract.title, missing: row.missing, why };
  });
  return {
    perAbstract: call.reviewsPerAbstract,
    abstracts: call.abstracts.length,
    kept: kept.length,
    added: plan.added,
    reviewers: reviewers.map((reviewer) => ({
      id: reviewer.id,
      name: reviewer.name,
      pending: reviewer.userId === null,
      added: plan.added.filter((pair) => pair.reviewerId === reviewer.id).length,
      load: plan.loads.get(reviewer.id) ?? 0,
    })),
    short,
  };
}

/**
 * Writes the proposed pairs as ACTIVE assignments in one transaction, after
 * checking each again (the call may have changed since the proposal was
 * shown), and queues one blind mail per reviewer who got new abstracts.
 */
export async function applyAssignments(meeting: Meeting, actor: Actor, pairs: Pair[], now = new Date()): Promise<Outcome<{ added: number }>> {
  if (!pairs.length) return refuse("INVALID", "There is nothing to apply: plan the assignments first.");
  try {
    return await prisma.$transaction(async (tx) => {
      const state = await callState(tx, meeting.id);
      if (!state) throw new RefusalError("NOT_FOUND", "This meeting has no call for abstracts.");
      const abstracts = new Set(state.call.abstracts.map((abstract) => abstract.id));
      const reviewers = new Map(state.reviewers.map((reviewer) => [reviewer.id, reviewer]));
      const seen = new Set<string>();
      for (const pair of pairs) {
        const reviewer = reviewers.get(pair.reviewerId);
        if (!abstracts.has(pair.abstractId) || !reviewer) throw new RefusalError("CONFLICT", "The call changed since the plan was made (an abstract withdrawn or a reviewer removed): plan again.");
        if (reviewer.assignments.some((row) => row.abstractId === pair.abstractId) || seen.has(`${pair.abstractId}:${pair.reviewerId}`)) {
          throw new RefusalError("CONFLICT", "Some of these assignments exist already: plan again.");
        }
        if (state.reasonFor(pair.abstractId, pair.reviewerId)) throw new RefusalError("CONFLICT", `${reviewer.name} may not review one of these abstracts: plan again.`);
        seen.add(`${pair.abstractId}:${pair.reviewerId}`);
      }
      await tx.reviewAssignment.createMany({ data: pairs.map((pair) => ({ ...pair, state: "ACTIVE" as const, createdAt: now, updatedAt: now })) });
      for (const reviewer of reviewers.values()) {
        const added = pairs.filter((pair) => pair.reviewerId === reviewer.id).length;
        if (added) await queueAssignmentMail(tx, meeting, reviewer, added);
      }
      await recordAudit(tx, meeting.id, actor, { action: "abstracts.assign", summary: `Applied the automatic plan: ${pairs.length} assignments`, details: { added: pairs.length } });
      return { ok: true as const, added: pairs.length };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** A chair adds a reviewer to an abstract by hand; refused, with the reason, when they are conflicted or declared a conflict. */
export async function addAssignment(meeting: Meeting, actor: Actor, abstractId: string, reviewerId: string, now = new Date()): Promise<Outcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const state = await callState(tx, meeting.id);
      const abstract = state?.call.abstracts.find((row) => row.id === abstractId);
      const reviewer = state?.reviewers.find((row) => row.id === reviewerId);
      if (!state || !abstract) throw new RefusalError("NOT_FOUND", "There is no submitted abstract with that id in this call.");
      if (!reviewer) throw new RefusalError("NOT_FOUND", "There is no such reviewer in this call.", "reviewerId");
      const reason = state.reasonFor(abstractId, reviewerId);
      if (reason) throw new RefusalError("CONFLICT", `${reviewer.name} may not review abstract ${abstract.number}: ${CONFLICT_LABELS[reason]}.`, "reviewerId");
      const existing = reviewer.assignments.find((row) => row.abstractId === abstractId);
      if (existing?.state === "ACTIVE") throw new RefusalError("CONFLICT", `${reviewer.name} already reviews abstract ${abstract.number}.`, "reviewerId");
      // A pair a chair removed can be put back by a chair: only the automatic plan never proposes it.
      await tx.reviewAssignment.upsert({
        where: { abstractId_reviewerId: { abstractId, reviewerId } },
        create: { abstractId, reviewerId, state: "ACTIVE", manual: true, createdAt: now, updatedAt: now },
        update: { state: "ACTIVE", manual: true, updatedAt: now },
        select: { id: true },
      });
      await queueAssignmentMail(tx, meeting, reviewer, 1);
      await recordAudit(tx, meeting.id, actor, { action: "abstracts.assignment-add", summary: `Assigned abstract ${abstract.number} to ${reviewer.name}`, details: { abstractId, reviewerId } });
      return { ok: true as const };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** A chair takes an assignment away (kept as REMOVED so the plan never proposes it again; any review stays on record). */
export async function removeAssignment(meeting: Meeting, actor: Actor, assignmentId: string, now = new Date()): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.reviewAssignment.findFirst({
      where: { id: assignmentId, state: "ACTIVE", abstract: { call: { meetingId: meeting.id } } },
      select: { id: true, abstract: { select: { number: true } }, reviewer: { select: { name: true } } },
    });
    if (!row) return refuse("NOT_FOUND", "There is no active assignment with that id in this call.");
    await tx.reviewAssignment.update({ where: { id: row.id }, data: { state: "REMOVED", updatedAt: now }, select: { id: true } });
    await recordAudit(tx, meeting.id, actor, { action: "abstracts.assignment-remove", summary: `Took abstract ${row.abstract.number} from ${row.reviewer.name}`, details: { assignmentId } });
    return { ok: true as const };
  });
}

/** Every reviewer of the call for one abstract, with why they may not review it (null when they may), for the chairs' manual override. */
export async function reviewerChoices(meetingId: string, abstractId: string) {
  const state = await callState(prisma, meetingId);
  if (!state) return [];
  return state.reviewers.map((reviewer) => {
    const reason = state.reasonFor(abstractId, reviewer.id);
    const assigned = reviewer.assignments.find((row) => row.abstractId === abstractId && row.state === "ACTIVE");
    return { id: reviewer.id, name: reviewer.name, conflict: reason && CONFLICT_LABELS[reason], assigned: Boolean(assigned) };
  });
}
