// The reviewer's side of blind review: their queue, one assignment with the
// abstract and the rubric, saving a draft, submitting, and declaring a
// conflict. Blindness is kept by what these queries select: nothing here
// reads an abstract's authors (nor its submitter), so no page, JSON answer or
// history built on them can carry a name or an institution.
//
// Every query is scoped in its where to the signed-in user's own reviewer row
// in this meeting and to an ACTIVE assignment: another reviewer's assignment,
// one a chair removed or one the reviewer declared a conflict on reads as not
// found, and nothing is written.
import { type AbstractDecision } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { recordAudit, type Actor } from "../meetings/audit.server";
import { refuse, RefusalError, refusalOf, type Outcome } from "../refusal";
import { printedSections, type PrintedAbstract } from "./printed";
import { type ReviewStatus } from "./review-form";
import { scoreProblems, weightedScore, type Scores } from "./rubric";


const NOT_YOURS = "There is no review of yours at this address.";

/** The user's ACTIVE assignments in the meeting, blind, in abstract-number order. */
function activeAssignmentsWhere(userId: string, meetingId: string) {
  return { state: "ACTIVE" as const, reviewer: { userId, call: { meetingId } }, abstract: { status: "SUBMITTED" as const } };
}

const statusOf = (review: { submittedAt: Date | null } | null): ReviewStatus => (!review ? "not-started" : review.submittedAt ? "submitted" : "draft");

/** Whether the user reviews for this meeting at all (an accepted reviewer row). */
export async function isReviewer(userId: string, meetingId: string): Promise<boolean> {
  const row = await prisma.abstractReviewer.findFirst({ where: { userId, call: { meetingId } }, select: { id: true } });
  return row !== null;
}

export async function myReviewQueue(userId: string, meetingId: string) {
  const rows = await prisma.reviewAssignment.findMany({
    where: activeAssignmentsWhere(userId, meetingId),
    select: {
      id: true,
      abstract: { select: { number: true, title: true, topic: { select: { name: true } } } },
      review: { select: { submittedAt: true } },
    },
    orderBy: [{ abstract: { number: "asc" } }, { id: "asc" }],
  });
  const assignments = rows.map((row) => ({ id: row.id, number: row.abstract.number, title: row.abstract.title, topic: row.abstract.topic?.name ?? null, status: statusOf(row.review) }));
  return { assignments, done: assignments.filter((row) => row.status === "submitted").length, total: assignments.length };
}

const assignmentSelect = {
  id: true,
  abstract: {
    select: {
      number: true,
      title: true,
      body: true,
      keywords: true,
      notifiedAt: true,
      topic: { select: { name: true } },
      call: {
        select: {
          sections: { select: { key: true, title: true }, orderBy: { position: "asc" as const } },
          criteria: { select: { key: true, name: true, description: true, weight: true, maxScore: true }, orderBy: { position: "asc" as const } },
        },
      },
    },
  },
  review: { select: { scores: true, score: true, recommendation: true, commentToCommittee: true, commentToAuthors: true, submittedAt: true } },
};

/** One of the user's assignments: the blind abstract (no authors at all), the rubric and their review so far; null when not theirs or not active. */
export async function myAssignment(userId: string, meetingId: string, assignmentId: string) {
  const row = await prisma.reviewAssignment.findFirst({ where: { id: assignmentId, ...activeAssignmentsWhere(userId, meetingId) }, select: assignmentSelect });
  if (!row) return null;
  const { abstract } = row;
  const printed: PrintedAbstract = {
    number: abstract.number,
    title: abstract.title,
    topic: abstract.topic?.name ?? null,
    authors: [],
    sections: printedSections(abstract.call.sections, abstract.body),
    keywords: abstract.keywords,
  };
  return {
    id: row.id,
    abstract: printed,
    criteria: abstract.call.criteria,
    review: row.review && { ...row.review, scores: scoresOf(row.review.scores) },
    status: statusOf(row.review),
    // Reviews may change until the authors hear the decision.
    editable: abstract.notifiedAt === null,
  };
}

function scoresOf(json: unknown): Scores {
  if (!json || typeof json !== "object") return {};
  return Object.fromEntries(Object.entries(json as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

export type ReviewInput = {
  scores: Scores;
  recommendation: AbstractDecision | null;
  commentToCommittee: string;
  commentToAuthors: string;
};

/**
 * Saves the user's review of an assignment: a draft (any scores given must be
 * in range) or a submission (every criterion scored, a recommendation; the
 * weighted score is stored). A submitted review can be changed by submitting
 * again until decisions are notified, not turned back into a draft.
 */
export async function saveReview(userId: string, meetingId: string, assignmentId: string, input: ReviewInput, { submit }: { submit: boolean }, now = new Date()): Promise<Outcome<{ score: number | null }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.reviewAssignment.findFirst({
        where: { id: assignmentId, ...activeAssignmentsWhere(userId, meetingId) },
        select: {
          id: true,
          abstract: { select: { notifiedAt: true, call: { select: { criteria: { select: { key: true, name: true, weight: true, maxScore: true }, orderBy: { position: "asc" } } } } } },
          review: { select: { submittedAt: true } },
        },
      });
      if (!row) throw new RefusalError("NOT_FOUND", NOT_YOURS);
      if (row.abstract.notifiedAt) throw new RefusalError("CLOSED", "The authors have been told the decision: reviews of this abstract can no longer change.");
      const criteria = row.abstract.call.criteria;
      let score: number | null = null;
      if (submit) {
        const result = weightedScore(criteria, input.scores);
        // The rubric names every problem (its `also`), so the form shows them all at once.
        if (!result.ok) throw Object.assign(new RefusalError(result.code, result.message, result.field), { refusal: result });
        if (!input.recommendation) throw new RefusalError("INVALID", "Choose a recommendation before submitting.", "recommendation");
        score = result.score;
      } else {
        if (row.review?.submittedAt) throw new RefusalError("CONFLICT", "This review is already submitted: change it and submit again.");
        const [problem] = scoreProblems(criteria, input.scores, { complete: false });
        if (problem) throw new RefusalError("INVALID", problem.message, problem.field);
      }
      const data = {
        scores: input.scores,
        score,
        recommendation: input.recommendation,
        commentToCommittee: input.commentToCommittee.trim(),
        commentToAuthors: input.commentToAuthors.trim(),
        submittedAt: submit ? now : null,
        updatedAt: now,
      };
      await tx.abstractReview.upsert({ where: { assignmentId: row.id }, create: { assignmentId: row.id, ...data }, update: data, select: { id: true } });
      await tx.reviewAssignment.update({ where: { id: row.id }, data: { updatedAt: now }, select: { id: true } });
      return { ok: true as const, score };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** The reviewer declares a conflict with an assignment's abstract: it leaves their queue (state CONFLICT, with their note for the chairs), and the audit log says so. */
export async function declareConflict(user: Actor, meetingId: string, assignmentId: string, note: string, now = new Date()): Promise<Outcome> {
  const text = note.trim();
  if (!text) return refuse("INVALID", "Say in a few words what the conflict is: only the chairs read it.", "note");
  if (text.length > 1000) return refuse("INVALID", "Keep the note under 1,000 characters.", "note");
  return prisma.$transaction(async (tx) => {
    const row = await tx.reviewAssignment.findFirst({
      where: { id: assignmentId, ...activeAssignmentsWhere(user.id, meetingId), abstract: { status: "SUBMITTED", notifiedAt: null } },
      select: { id: true, abstract: { select: { number: true } } },
    });
    if (!row) return refuse("NOT_FOUND", NOT_YOURS);
    await tx.reviewAssignment.update({ where: { id: row.id }, data: { state: "CONFLICT", conflictNote: text, updatedAt: now }, select: { id: true } });
    await recordAudit(tx, meetingId, user, { action: "abstracts.conflict-declared", summary: `${user.name} declared a conflict with abstract ${row.abstract.number}`, details: { assignmentId } });
    return { ok: true as const };
  });
}
