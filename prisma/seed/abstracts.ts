// Writes SIR 2023's call (planned in abstract-call.ts) to the database. The
// call's settings, sections, topics and rubric are kept in step with the seed
// on every run; the submissions, reviews, decisions, posters and the orals'
// presentations are written once, when the call has none, so a re-seed never
// undoes what organizers or reviewers did on a demo. Reviewers are assigned
// by the platform's own balanced plan, as the chairs would have done.
import type { Prisma } from "../../app/generated/prisma/client";
import { conflictsIn } from "../../app/models/abstracts/conflicts";
import { planAssignments } from "../../app/models/abstracts/assignment";
import { weightedScore } from "../../app/models/abstracts/rubric";
import { zonedInstant } from "../../app/models/program/document";
import { callDates, callSettings, CALL_MEETING, DEMO_REVIEWER_EMAIL, inventComments, inventScores, planSirCall, type SeedAbstract } from "./abstract-call";
import { createRandom } from "./random";
import type { MeetingSeed } from "./schedule";
import { affiliations } from "../../app/models/abstracts/printed";
import { writePosterFiles } from "./poster-files";
import { slugify } from "./slugs";
import { syncRows } from "./sync";

type Tx = Prisma.TransactionClient;

/** Seeded authors and reviewers cannot sign in (no password verifies this); the demo reviewer can. */
const NO_PASSWORD = "!seeded-no-password";
const PRESENTATION_MINUTES = 10;
const MINUTE = 60_000;

export async function syncAbstractCall(tx: Tx, seed: MeetingSeed) {
  if (seed.slug !== CALL_MEETING) return;
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { slug: seed.slug }, select: { id: true, timeZone: true, tracks: { select: { id: true, slug: true, name: true, position: true } } } });
  const at = (wallClock: string) => zonedInstant(wallClock.slice(0, 10), wallClock.slice(11), meeting.timeZone);
  const settings = {
    opensAt: at(callDates.opensAt),
    closesAt: at(callDates.closesAt),
    lateBreakingOpensAt: at(callDates.lateBreakingOpensAt),
    lateBreakingClosesAt: at(callDates.lateBreakingClosesAt),
    confirmBy: at(callDates.confirmBy),
    totalCharacterLimit: callSettings.totalCharacterLimit,
    maxAuthors: callSettings.maxAuthors,
    reviewsPerAbstract: callSettings.reviewsPerAbstract,
    guidelines: callSettings.guidelines,
  };
  const call = await tx.abstractCall.upsert({ where: { meetingId: meeting.id }, create: { meetingId: meeting.id, ...settings }, update: {}, select: { id: true, _count: { select: { abstracts: true } } } });
  const callId = call.id;
  const inCall = { callId };

  const sectionSelect = { id: true, callId: true, key: true, title: true, guidance: true, limit: true, unit: true, position: true } as const;
  await syncRows({
    existing: await tx.abstractSection.findMany({ where: inCall, select: sectionSelect }),
    desired: callSettings.sections.map((section) => ({ callId, ...section })),
    key: (row) => row.key,
    createMany: (data) => tx.abstractSection.createMany({ data }),
    update: (id, data) => tx.abstractSection.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.abstractSection.findMany({ where: inCall, select: sectionSelect }),
  });
  const topicSelect = { id: true, callId: true, slug: true, name: true, trackId: true, position: true } as const;
  const topicIds = await syncRows({
    existing: await tx.abstractTopic.findMany({ where: inCall, select: topicSelect }),
    desired: meeting.tracks.map((track) => ({ callId, slug: track.slug, name: track.name, trackId: track.id, position: track.position })),
    key: (row) => row.slug,
    createMany: (data) => tx.abstractTopic.createMany({ data }),
    update: (id, data) => tx.abstractTopic.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.abstractTopic.findMany({ where: inCall, select: topicSelect }),
  });
  const criterionSelect = { id: true, callId: true, key: true, name: true, description: true, weight: true, maxScore: true, position: true } as const;
  await syncRows({
    existing: await tx.reviewCriterion.findMany({ where: inCall, select: criterionSelect }),
    desired: callSettings.criteria.map((criterion) => ({ callId, ...criterion })),
    key: (row) => row.key,
    createMany: (data) => tx.reviewCriterion.createMany({ data }),
    update: (id, data) => tx.reviewCriterion.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.reviewCriterion.findMany({ where: inCall, select: criterionSelect }),
  });
  if (call._count.abstracts === 0) await writeSubmissions(tx, seed, { callId, meetingId: meeting.id, at, topicIds });
  await linkDemoReviewer(tx, callId);
}

/** The demo reviewer's account (made by the demo seed) reviews as the seeded reviewer of that address. */
async function linkDemoReviewer(tx: Tx, callId: string) {
  const user = await tx.user.findUnique({ where: { email: DEMO_REVIEWER_EMAIL }, select: { id: true } });
  if (!user) return;
  await tx.abstractReviewer.updateMany({ where: { callId, email: DEMO_REVIEWER_EMAIL, userId: null }, data: { userId: user.id } });
}

async function usersFor(tx: Tx, people: { email: string; name: string }[]): Promise<Map<string, string>> {
  const unique = [...new Map(people.map((person) => [person.email, person])).values()];
  const existing = await tx.user.findMany({ where: { email: { in: unique.map((person) => person.email) } }, select: { id: true, email: true } });
  const known = new Set(existing.map((user) => user.email));
  const created = await tx.user.createManyAndReturn({
    data: unique.filter((person) => !known.has(person.email)).map((person) => ({ email: person.email, name: person.name, passwordHash: NO_PASSWORD })),
    select: { id: true, email: true },
  });
  return new Map([...existing, ...created].map((user) => [user.email, user.id]));
}

async function writeSubmissions(tx: Tx, seed: MeetingSeed, context: { callId: string; meetingId: string; at: (wallClock: string) => Date; topicIds: Map<string, string> }) {
  const { callId, meetingId, at, topicIds } = context;
  const random = createRandom("sir-2023 reviews");
  const plan = planSirCall(seed);
  const users = await usersFor(tx, [...plan.abstracts.map((abstract) => abstract.submitter), ...plan.reviewers.filter((reviewer) => reviewer.email !== DEMO_REVIEWER_EMAIL)]);
  const opensAt = at(callDates.opensAt);
  const lateOpensAt = at(callDates.lateBreakingOpensAt);
  const decidedAt = at(callDates.decidedAt);
  const notifiedAt = at(callDates.notifiedAt);
  const submittedAt = (abstract: SeedAbstract) => new Date((abstract.lateBreaking ? lateOpensAt : opensAt).getTime() + abstract.submittedAfterMinutes * MINUTE);

  const rows = await tx.abstract.createManyAndReturn({
    data: plan.abstracts.map((abstract) => {
      const decided = abstract.decision !== null;
      const when = submittedAt(abstract);
      return {
        callId,
        number: abstract.number,
        submitterId: users.get(abstract.submitter.email)!,
        title: abstract.title,
        topicId: topicIds.get(abstract.topic) ?? null,
        body: abstract.body,
        keywords: abstract.keywords,
        preference: abstract.preference,
        traineeLevel: abstract.traineeLevel,
        lateBreaking: abstract.lateBreaking,
        status: abstract.status,
        createdAt: new Date(when.getTime() - 3 * 24 * 60 * MINUTE),
        updatedAt: when,
        submittedAt: abstract.status === "DRAFT" ? null : when,
        withdrawnAt: abstract.status === "WITHDRAWN" ? new Date(when.getTime() + 9 * 24 * 60 * MINUTE) : null,
        decision: abstract.decision,
        decisionReason: abstract.decisionReason,
        decidedAt: decided ? decidedAt : null,
        notifiedAt: decided ? notifiedAt : null,
        presenterConfirmedAt: decided && abstract.decision !== "REJECT" && !abstract.declined ? new Date(notifiedAt.getTime() + random.int(1, 20) * 24 * 60 * MINUTE) : null,
        presenterDeclinedAt: abstract.declined ? new Date(notifiedAt.getTime() + 6 * 24 * 60 * MINUTE) : null,
      };
    }),
    select: { id: true },
  });
  const seeded = plan.abstracts.map((abstract, index) => ({ ...abstract, id: rows[index]!.id }));
  await tx.abstractAuthor.createMany({
    data: seeded.flatMap((abstract) => abstract.authors.map((author, position) => ({ abstractId: abstract.id, position, ...author }))),
  });

  const reviewerRows = await tx.abstractReviewer.createManyAndReturn({
    data: plan.reviewers.map((reviewer) => ({
      callId,
      userId: users.get(reviewer.email) ?? null,
      email: reviewer.email,
      name: reviewer.name,
      institution: reviewer.institution,
      invitedAt: at("2022-09-20T10:00"),
      acceptedAt: at("2022-09-26T10:00"),
    })),
    select: { id: true },
  });
  const reviewers = plan.reviewers.map((reviewer, index) => ({ ...reviewer, id: reviewerRows[index]!.id }));
  await tx.abstractReviewerTopic.createMany({ data: reviewers.flatMap((reviewer) => reviewer.topics.map((topic) => ({ reviewerId: reviewer.id, topicId: topicIds.get(topic)! }))) });

  // Reviewed: everything submitted (withdrawals came after assignment, so they were assigned too).
  const reviewed = seeded.filter((abstract) => abstract.status !== "DRAFT");
  const conflicts = conflictsIn(reviewed.map((abstract) => ({ id: abstract.id, authors: abstract.authors })));
  const byId = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer]));
  const assignment = await planAssignments({
    abstracts: reviewed.map((abstract) => ({ id: abstract.id, topicId: abstract.topic })),
    reviewers: reviewers.map((reviewer) => ({ id: reviewer.id, topicIds: reviewer.topics })),
    perAbstract: callSettings.reviewsPerAbstract,
    conflicted: (abstractId, reviewerId) => conflicts.reasonFor(abstractId, { ...byId.get(reviewerId)!, declared: new Set() }) !== null,
  });
  const assignedAt = at("2022-10-12T09:00");
  const assignments = await tx.reviewAssignment.createManyAndReturn({
    data: assignment.added.map((pair) => ({ ...pair, createdAt: assignedAt, updatedAt: assignedAt })),
    select: { id: true, abstractId: true },
  });
  const strength = new Map(reviewed.map((abstract) => [abstract.id, abstract]));
  await tx.abstractReview.createMany({
    data: assignments.flatMap((row, index) => {
      const abstract = strength.get(row.abstractId)!;
      if (abstract.status === "WITHDRAWN") return [];
      const scores = inventScores(random, abstract.strength);
      const scored = weightedScore(callSettings.criteria, scores);
      if (!scored.ok) throw new Error(`Seeded scores do not fit the rubric: ${scored.message}`);
      const score = scored.score;
      // A few reviews were left unfinished: saved as drafts, never submitted.
      const unfinished = index % 97 === 13;
      const when = at(`2022-11-${String(1 + (index % 25)).padStart(2, "0")}T20:00`);
      return [
        {
          assignmentId: row.id,
          scores,
          score: unfinished ? null : score,
          recommendation: score >= 70 ? ("ORAL" as const) : score >= 45 ? ("EPOSTER" as const) : ("REJECT" as const),
          ...inventComments(random, abstract.strength),
          submittedAt: unfinished ? null : when,
          updatedAt: when,
        },
      ];
    }),
  });

  await writeProgramPlaces(tx, seed, meetingId, seeded);
}

/** E-posters get a screen and an hour of live chat; orals become the talks of their abstract session. */
async function writeProgramPlaces(tx: Tx, seed: MeetingSeed, meetingId: string, seeded: (SeedAbstract & { id: string })[]) {
  const posters = seeded.filter((abstract) => abstract.decision === "EPOSTER" && !abstract.declined).sort((a, b) => a.topic.localeCompare(b.topic) || a.number! - b.number!);
  const days = ["2023-03-05", "2023-03-06", "2023-03-07"];
  const files = await writePosterFiles(
    seed.slug,
    posters.map((abstract) => ({
      meeting: seed.name,
      number: abstract.number!,
      title: abstract.title,
      authors: abstract.authors.map((author) => author.name).join(", "),
      institutions: affiliations(abstract.authors).places.join(" · "),
      sections: callSettings.sections.map((section) => ({ title: section.title, text: abstract.body[section.key] ?? "" })),
    })),
  );
  const uploadedAt = zonedInstant("2023-02-24", "17:00", seed.timeZone);
  await tx.poster.createMany({
    data: posters.map((abstract, index) => {
      const day = days[index % days.length]!;
      const file = files.get(abstract.number!)!;
      return {
        abstractId: abstract.id,
        storageKey: file.storageKey,
        fileName: `e-poster-${abstract.number}.pdf`,
        contentType: "application/pdf",
        size: file.size,
        uploadedAt,
        board: `EP-${String(index + 1).padStart(3, "0")}`,
        presenterStartsAt: zonedInstant(day, "12:00", seed.timeZone),
        presenterEndsAt: zonedInstant(day, "13:00", seed.timeZone),
      };
    }),
  });
  const sessions = await tx.session.findMany({ where: { meetingId, kind: "ABSTRACT_SESSION" }, select: { id: true, slug: true, startsAt: true } });
  const speakers = await tx.speaker.findMany({ where: { meetingId }, select: { id: true, slug: true } });
  const sessionBySlug = new Map(sessions.map((session) => [session.slug, session]));
  const speakerBySlug = new Map(speakers.map((speaker) => [speaker.slug, speaker.id]));
  await tx.presentation.createMany({
    data: seeded.flatMap((abstract) => {
      if (!abstract.placement) return [];
      const session = sessionBySlug.get(abstract.placement.session)!;
      // The moderator opens for five minutes; then talks of ten minutes, back to back.
      const startsAt = new Date(session.startsAt.getTime() + (5 + abstract.placement.order * PRESENTATION_MINUTES) * MINUTE);
      return [
        {
          sessionId: session.id,
          // The number keeps two talks of one session with the same title apart.
          slug: `${abstract.number}-${slugify(abstract.title, 60)}`,
          title: abstract.title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + PRESENTATION_MINUTES * MINUTE),
          speakerId: speakerBySlug.get(abstract.placement.speaker) ?? null,
          abstractId: abstract.id,
        },
      ];
    }),
  });
}
