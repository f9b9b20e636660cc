// What the program chairs see (they are not blind): the progress board of the
// review, and one abstract with its authors, every review with its reviewer's
// name, and its assignments.
import { prisma } from "~/utils/db.server";
import { printedAbstractSelect, printedSectionsSelect } from "./printed-select.server";

export async function reviewBoard(meetingId: string) {
  const call = await prisma.abstractCall.findUnique({
    where: { meetingId },
    select: {
      id: true,
      reviewsPerAbstract: true,
      topics: { select: { id: true, name: true }, orderBy: { position: "asc" } },
      abstracts: {
        select: {
          id: true,
          number: true,
          title: true,
          status: true,
          topicId: true,
          assignments: { where: { state: "ACTIVE" }, select: { reviewerId: true, review: { select: { submittedAt: true } } } },
        },
        orderBy: [{ number: "asc" }, { createdAt: "asc" }],
      },
      reviewers: { select: { id: true, name: true, acceptedAt: true }, orderBy: { name: "asc" } },
    },
  });
  if (!call) return null;
  const submitted = call.abstracts.filter((abstract) => abstract.status === "SUBMITTED");
  const active = submitted.flatMap((abstract) => abstract.assignments.map((row) => ({ ...row, topicId: abstract.topicId })));
  const isDone = (row: { review: { submittedAt: Date | null } | null }) => Boolean(row.review?.submittedAt);
  const done = active.filter(isDone).length;
  const count = <T,>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;
  return {
    perAbstract: call.reviewsPerAbstract,
    figures: {
      submitted: submitted.length,
      withdrawn: count(call.abstracts, (abstract) => abstract.status === "WITHDRAWN"),
      drafts: count(call.abstracts, (abstract) => abstract.status === "DRAFT"),
      assigned: count(submitted, (abstract) => abstract.assignments.length > 0),
      reviewsDone: done,
      reviewsTotal: active.length,
      percent: active.length ? Math.round((done / active.length) * 100) : 0,
    },
    topics: [...call.topics, { id: "", name: "No topic" }]
      .map((topic) => ({
        name: topic.name,
        abstracts: count(submitted, (abstract) => (abstract.topicId ?? "") === topic.id),
        reviews: count(active, (row) => (row.topicId ?? "") === topic.id),
        done: count(active, (row) => (row.topicId ?? "") === topic.id && isDone(row)),
      }))
      .filter((topic) => topic.abstracts > 0 || topic.name !== "No topic"),
    reviewers: call.reviewers.map((reviewer) => ({
      id: reviewer.id,
      name: reviewer.name,
      accepted: reviewer.acceptedAt !== null,
      load: count(active, (row) => row.reviewerId === reviewer.id),
      done: count(active, (row) => row.reviewerId === reviewer.id && isDone(row)),
    })),
    short: submitted
      .filter((abstract) => abstract.assignments.length < call.reviewsPerAbstract)
      .map((abstract) => ({ id: abstract.id, number: abstract.number, title: abstract.title, reviewers: abstract.assignments.length })),
  };
}

/** One abstract for the chairs: authors and institutions, every assignment (any state) with its review. */
export async function submissionForChairs(meetingId: string, abstractId: string) {
  return prisma.abstract.findFirst({
    where: { id: abstractId, call: { meetingId } },
    select: {
      id: true,
      ...printedAbstractSelect,
      status: true,
      call: {
        select: {
          reviewsPerAbstract: true,
          ...printedSectionsSelect,
          criteria: { select: { key: true, name: true, weight: true, maxScore: true }, orderBy: { position: "asc" } },
        },
      },
      assignments: {
        select: {
          id: true,
          state: true,
          manual: true,
          conflictNote: true,
          reviewer: { select: { id: true, name: true, institution: true } },
          review: { select: { scores: true, score: true, recommendation: true, commentToCommittee: true, commentToAuthors: true, submittedAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}
