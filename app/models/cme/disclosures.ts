// Faculty disclosures, the pure rules (ACCME Standards for Integrity and
// Independence, Standards 3 and 6): the form a person fills in through their
// personal link, what each answer means for the board, the publish warnings
// and what learners are shown. No database here; disclosures.server.ts reads
// and writes, the pages and tests use these.
import { z } from "zod";
import { RelationshipNature } from "~/generated/prisma/enums";

/** A personal link works this long; sending a new one replaces it. */
export const DISCLOSURE_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Unanswered people are reminded every few days, at most a few times, only before their session. */
export const REMINDER_INTERVAL_MS = 3 * 24 * 60 * 60 * 1000;
export const MAX_REMINDERS = 3;
export const MAX_RELATIONSHIPS = 30;

/** ACCME's own words for the nature of a financial relationship (Standard 3.1b). */
export const NATURE_LABELS: Record<RelationshipNature, string> = {
  EMPLOYEE: "Employee",
  RESEARCHER: "Researcher",
  CONSULTANT: "Consultant",
  ADVISOR: "Advisor",
  SPEAKER: "Speaker",
  INDEPENDENT_CONTRACTOR: "Independent contractor (including contracted research)",
  ROYALTIES_OR_PATENT: "Royalties or patent beneficiary",
  EXECUTIVE_ROLE: "Executive role",
  OWNERSHIP_INTEREST: "Ownership interest (individual stocks and stock options)",
  OTHER: "Other",
};

export const NO_RELATIONSHIPS_STATEMENT = "I have no financial relationships with ineligible companies in the past 24 months.";
export const ALL_MITIGATED_STATEMENT = "All relevant financial relationships have been mitigated.";

const relationshipRow = z.object({
  company: z.string({ error: "Name the ineligible company" }).trim().min(1, "Name the ineligible company").max(200, "Use at most 200 characters"),
  nature: z.enum(RelationshipNature, { error: "Choose the nature of the relationship" }),
  ongoing: z.enum(["ongoing", "ended"], { error: "Say whether it is ongoing or ended" }),
});

/**
 * The person's answer: none, or the list. Rows are checked only when they
 * answer that they have relationships, so rows left over from a change of
 * mind do not block "none".
 */
export const DisclosureFormSchema = z.discriminatedUnion(
  "answer",
  [
    z.object({ answer: z.literal("none") }),
    z.object({
      answer: z.literal("some"),
      relationships: z
        .array(relationshipRow, { error: "List at least one financial relationship, or choose that you have none" })
        .min(1, "List at least one financial relationship, or choose that you have none")
        .max(MAX_RELATIONSHIPS, `List at most ${MAX_RELATIONSHIPS} relationships`),
    }),
  ],
  { error: "Choose whether you have financial relationships with ineligible companies" },
);

export type DisclosureAnswer = z.infer<typeof DisclosureFormSchema>;

export type RelationshipInput = { company: string; nature: RelationshipNature; ongoing: boolean };

/** The answer as rows to store (an empty list for "none"). */
export function relationshipsOf(answer: DisclosureAnswer): RelationshipInput[] {
  if (answer.answer === "none") return [];
  return answer.relationships.map((row) => ({ company: row.company, nature: row.nature, ongoing: row.ongoing === "ongoing" }));
}

export const PlannerFormSchema = z.object({
  name: z.string({ error: "Enter the planner's name" }).trim().min(1, "Enter the planner's name").max(200),
  email: z.email({ error: "Enter a valid e-mail address" }).trim().toLowerCase().max(320),
});

export const ReviewFormSchema = z
  .object({
    relationshipId: z.string().min(1),
    relevant: z.enum(["yes", "no"], { error: "Say whether the relationship is relevant" }),
    mitigation: z.string().trim().max(2000, "Use at most 2,000 characters").optional(),
  })
  .transform((value) => ({ relationshipId: value.relationshipId, relevant: value.relevant === "yes", mitigation: value.relevant === "yes" ? value.mitigation || null : null }));

export const SpeakerEmailFormSchema = z.object({
  email: z.union([z.literal(""), z.email({ error: "Enter a valid e-mail address" }).trim().toLowerCase().max(320)]).optional(),
});

export type Review = { relevant: boolean | null; mitigation: string | null; reviewedById: string | null; reviewedAt: Date | null };
type Reviewed = RelationshipInput & Review;

const sameRelationship = (a: RelationshipInput, b: RelationshipInput) => a.company.trim().toLowerCase() === b.company.trim().toLowerCase() && a.nature === b.nature;

/**
 * A resubmission keeps the organizers' review of every relationship it still
 * lists (same company and nature): correcting a typo elsewhere must not undo
 * a mitigation. New relationships start unreviewed.
 */
export function carryOverReviews(previous: Reviewed[], next: RelationshipInput[]): Reviewed[] {
  return next.map((row) => {
    const before = previous.find((old) => sameRelationship(old, row));
    return before
      ? { ...row, relevant: before.relevant, mitigation: before.mitigation, reviewedById: before.reviewedById, reviewedAt: before.reviewedAt }
      : { ...row, relevant: null, mitigation: null, reviewedById: null, reviewedAt: null };
  });
}

export type DisclosureFacts = {
  submittedAt: Date | null;
  noRelationships: boolean;
  relationships: { relevant: boolean | null; mitigation: string | null }[];
};

export type DisclosureState = "missing" | "unreviewed" | "unmitigated" | "complete";

const mitigated = (row: { mitigation: string | null }) => Boolean(row.mitigation?.trim());

/**
 * Where a disclosure stands: not submitted; submitted with relationships the
 * organizers have not judged; with a relevant one not mitigated; or complete.
 */
export function disclosureState(disclosure: DisclosureFacts): DisclosureState {
  if (!disclosure.submittedAt) return "missing";
  if (disclosure.relationships.some((row) => row.relevant === null)) return "unreviewed";
  if (disclosure.relationships.some((row) => row.relevant === true && !mitigated(row))) return "unmitigated";
  return "complete";
}

export const STATE_LABELS: Record<DisclosureState, string> = {
  missing: "Not disclosed",
  unreviewed: "To review",
  unmitigated: "Relevant, not mitigated",
  complete: "Complete",
};

export type DisclosureCounts = { people: number; disclosed: number; missing: number; relevant: number; unmitigated: number; unreviewed: number };

/** The board's summary: who has and has not disclosed, relevant and unmitigated relationships. */
export function countDisclosures(disclosures: DisclosureFacts[]): DisclosureCounts {
  const rows = disclosures.flatMap((disclosure) => (disclosure.submittedAt ? disclosure.relationships : []));
  return {
    people: disclosures.length,
    disclosed: disclosures.filter((disclosure) => disclosure.submittedAt).length,
    missing: disclosures.filter((disclosure) => !disclosure.submittedAt).length,
    relevant: rows.filter((row) => row.relevant === true).length,
    unmitigated: rows.filter((row) => row.relevant === true && !mitigated(row)).length,
    unreviewed: rows.filter((row) => row.relevant === null).length,
  };
}

/** The person may change their answer until their first accredited session starts. */
export function isEditable(firstSessionStartsAt: Date | null, now: Date): boolean {
  return firstSessionStartsAt === null || now < firstSessionStartsAt;
}

/** An unanswered person is due a reminder every REMINDER_INTERVAL_MS after the request, at most MAX_REMINDERS, before their session. */
export function reminderDue(
  disclosure: { submittedAt: Date | null; requestedAt: Date | null; lastRemindedAt: Date | null; reminders: number },
  firstSessionStartsAt: Date | null,
  now: Date,
): boolean {
  if (disclosure.submittedAt || !disclosure.requestedAt || disclosure.reminders >= MAX_REMINDERS) return false;
  if (!isEditable(firstSessionStartsAt, now)) return false;
  const last = disclosure.lastRemindedAt ?? disclosure.requestedAt;
  return now.getTime() - last.getTime() >= REMINDER_INTERVAL_MS;
}

export type WarningSession = {
  slug: string;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  faculty: ({ name: string } & DisclosureFacts)[];
};

export type DisclosureWarning = { session: { slug: string; title: string; startsAt: string; endsAt: string }; problems: { name: string; state: Exclude<DisclosureState, "complete"> }[] };

/** One warning per accredited session whose faculty has a missing disclosure or an unmitigated (or unjudged) relationship. */
export function findDisclosureWarnings(sessions: WarningSession[]): DisclosureWarning[] {
  return sessions.flatMap((session) => {
    const problems = session.faculty.flatMap((person) => {
      const state = disclosureState(person);
      return state === "complete" ? [] : [{ name: person.name, state }];
    });
    if (!problems.length) return [];
    const at = (value: Date | string) => (typeof value === "string" ? value : value.toISOString());
    return [{ session: { slug: session.slug, title: session.title, startsAt: at(session.startsAt), endsAt: at(session.endsAt) }, problems }];
  });
}

const PROBLEM_TEXT: Record<DisclosureWarning["problems"][number]["state"], string> = {
  missing: "has not disclosed",
  unreviewed: "has relationships not yet reviewed",
  unmitigated: "has a relevant financial relationship not yet mitigated",
};

/** The warning as one sentence, for Clashes and Publish. */
export function describeDisclosureWarning(warning: DisclosureWarning): string {
  const who = warning.problems.map((problem) => `${problem.name} ${PROBLEM_TEXT[problem.state]}`).join("; ");
  return `“${warning.session.title}” is accredited for CME: ${who}.`;
}

export type LearnerDisclosure =
  | { name: string; state: "none" }
  | { name: string; state: "relevant"; relationships: { company: string; nature: string; ended: boolean }[] }
  | { name: string; state: "pending" };

/**
 * What learners see for one faculty member (Standard 6): no relevant
 * relationships, or the relevant ones with company and nature once every one
 * is mitigated. Irrelevant ones are never shown; an answer not yet complete is
 * "pending" rather than a statement that may be wrong.
 */
type FullFacts = Omit<DisclosureFacts, "relationships"> & { relationships: (RelationshipInput & { relevant: boolean | null; mitigation: string | null })[] };

export function learnerDisclosure(person: { name: string } & FullFacts): LearnerDisclosure {
  if (disclosureState(person) !== "complete") return { name: person.name, state: "pending" };
  const relevant = person.relationships.filter((row) => row.relevant === true);
  if (!relevant.length) return { name: person.name, state: "none" };
  return { name: person.name, state: "relevant", relationships: relevant.map((row) => ({ company: row.company, nature: NATURE_LABELS[row.nature], ended: !row.ongoing })) };
}

/** The record kept with each version: the answer and each relationship's review at that moment. */
export function disclosureSnapshot(disclosure: {
  name: string;
  email: string;
  noRelationships: boolean;
  submittedAt: Date | null;
  relationships: (RelationshipInput & { relevant: boolean | null; mitigation: string | null })[];
}) {
  return {
    name: disclosure.name,
    email: disclosure.email,
    noRelationships: disclosure.noRelationships,
    submittedAt: disclosure.submittedAt?.toISOString() ?? null,
    relationships: disclosure.relationships.map((row) => ({ company: row.company, nature: row.nature, ongoing: row.ongoing, relevant: row.relevant, mitigation: row.mitigation })),
  };
}

export type DisclosureSnapshot = ReturnType<typeof disclosureSnapshot>;
