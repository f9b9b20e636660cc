// A call for abstracts made straight in the database for tests: its own new
// meeting (so no test depends on, or disturbs, the seeded calls), two topics
// from two tracks, the structured sections and the rubric, and helpers for
// abstracts with authors and for reviewers. Times default to an open call.
import { randomBytes } from "node:crypto";
import type { AbstractDecision, AbstractStatus, PresentationPreference } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { DEFAULT_CRITERIA, DEFAULT_MAX_SCORE, STRUCTURED_SECTIONS, TOTAL_CHARACTER_LIMIT } from "./call-defaults";

const DAY = 24 * 60 * 60 * 1000;
const tag = () => randomBytes(4).toString("hex");

export async function makeCall(options: { opensAt?: Date; closesAt?: Date; lateBreaking?: { opensAt: Date; closesAt: Date }; reviewsPerAbstract?: number; maxAuthors?: number } = {}) {
  const society = await prisma.society.findFirstOrThrow({ where: { slug: "sir" }, select: { id: true } });
  const slug = `call-${tag()}`;
  const meeting = await prisma.meeting.create({
    data: {
      slug,
      name: `Test Meeting ${slug}`,
      societyId: society.id,
      startsOn: new Date("2027-03-20"),
      endsOn: new Date("2027-03-24"),
      timeZone: "America/Phoenix",
      format: "HYBRID",
      description: "A meeting made for a test.",
      tracks: {
        create: [
          { slug: "oncology", name: "Interventional Oncology", colour: "#0f766e", position: 0 },
          { slug: "vascular", name: "Peripheral Vascular Disease", colour: "#1d4ed8", position: 1 },
        ],
      },
      rooms: { create: [{ name: "Hall A", position: 0 }] },
    },
    select: { id: true, slug: true, timeZone: true, tracks: { select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } } },
  });
  const now = Date.now();
  const call = await prisma.abstractCall.create({
    data: {
      meetingId: meeting.id,
      opensAt: options.opensAt ?? new Date(now - 30 * DAY),
      closesAt: options.closesAt ?? new Date(now + 30 * DAY),
      lateBreakingOpensAt: options.lateBreaking?.opensAt ?? null,
      lateBreakingClosesAt: options.lateBreaking?.closesAt ?? null,
      totalCharacterLimit: TOTAL_CHARACTER_LIMIT,
      maxAuthors: options.maxAuthors ?? 12,
      reviewsPerAbstract: options.reviewsPerAbstract ?? 3,
      sections: { create: STRUCTURED_SECTIONS.map((section, position) => ({ ...section, position })) },
      topics: { create: meeting.tracks.map((track, position) => ({ slug: track.slug, name: track.name, trackId: track.id, position })) },
      criteria: { create: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, maxScore: DEFAULT_MAX_SCORE, position })) },
    },
    select: {
      id: true,
      topics: { select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } },
      sections: { select: { key: true, title: true, limit: true }, orderBy: { position: "asc" } },
      criteria: { select: { key: true, weight: true, maxScore: true }, orderBy: { position: "asc" } },
    },
  });
  return { meeting, call };
}

export async function makeUser(name = `Person ${tag()}`) {
  return prisma.user.create({ data: { email: `person-${tag()}@example.org`, name, passwordHash: "not-a-real-hash" }, select: { id: true, name: true, email: true } });
}

type AuthorInput = { name: string; institution: string; email?: string; presenting?: boolean };

/** A submitted (by default) abstract with numbered authors; the first author presents unless another is marked. */
export async function makeAbstract(
  callId: string,
  options: {
    submitterId?: string;
    topicId?: string | null;
    title?: string;
    authors?: AuthorInput[];
    status?: AbstractStatus;
    preference?: PresentationPreference;
    decision?: AbstractDecision | null;
    notified?: boolean;
    number?: number | null;
  } = {},
) {
  const submitterId = options.submitterId ?? (await makeUser()).id;
  const status = options.status ?? "SUBMITTED";
  const authors = options.authors ?? [{ name: `Author ${tag()}`, institution: "Mayo Clinic" }];
  const presentingIndex = Math.max(0, authors.findIndex((author) => author.presenting));
  const number = options.number !== undefined ? options.number : status === "DRAFT" ? null : await nextNumber(callId);
  return prisma.abstract.create({
    data: {
      callId,
      submitterId,
      number,
      topicId: options.topicId ?? null,
      title: options.title ?? `Outcomes of embolization ${tag()}`,
      body: Object.fromEntries(STRUCTURED_SECTIONS.map((section) => [section.key, `${section.title} text of a test abstract.`])),
      keywords: ["embolization"],
      preference: options.preference ?? "EITHER",
      status,
      submittedAt: status === "DRAFT" ? null : new Date(),
      decision: options.decision ?? null,
      decidedAt: options.decision ? new Date() : null,
      notifiedAt: options.notified ? new Date() : null,
      authors: { create: authors.map((author, position) => ({ position, name: author.name, institution: author.institution, email: author.email ?? null, presenting: position === presentingIndex })) },
    },
    select: { id: true, number: true, title: true, submitterId: true, authors: { select: { name: true, institution: true }, orderBy: { position: "asc" } } },
  });
}

async function nextNumber(callId: string) {
  const last = await prisma.abstract.aggregate({ where: { callId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

/** A reviewer who has accepted (a user with the REVIEWER role), reviewing the given topics. */
export async function makeReviewer(callId: string, options: { institution?: string; topicIds: string[]; name?: string }) {
  const call = await prisma.abstractCall.findUniqueOrThrow({ where: { id: callId }, select: { meetingId: true } });
  const user = await makeUser(options.name ?? `Reviewer ${tag()}`);
  await prisma.meetingRole.create({ data: { meetingId: call.meetingId, userId: user.id, role: "REVIEWER" }, select: { id: true } });
  const reviewer = await prisma.abstractReviewer.create({
    data: {
      callId,
      userId: user.id,
      email: user.email,
      name: user.name,
      institution: options.institution ?? "Stanford University",
      acceptedAt: new Date(),
      topics: { create: options.topicIds.map((topicId) => ({ topicId })) },
    },
    select: { id: true, name: true, institution: true },
  });
  return { ...reviewer, user };
}
