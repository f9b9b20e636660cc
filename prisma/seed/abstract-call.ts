// SIR 2023's call for abstracts as it stood after the committee met: closed,
// about 150 submissions on the meeting's tracks, reviewed three times each,
// decided and sent. The orals are the talks of the program's abstract
// sessions, presented by the speakers the program already lists there; the
// rest are e-posters (the meeting is virtual) or declined, a few withdrawn,
// a few drafts never submitted. Pure: the PRNG makes every run the same.
import { DEFAULT_CRITERIA, DEFAULT_MAX_SCORE, STRUCTURED_SECTIONS, TOTAL_CHARACTER_LIMIT } from "../../app/models/abstracts/call-defaults";
import type { AbstractDecision, AbstractStatus, PresentationPreference, TraineeLevel } from "../../app/generated/prisma/enums";
import { committeeNotes, inventAbstract, reviewerComments } from "./abstract-texts";
import { createRandom, type Random } from "./random";
import type { MeetingSeed } from "./schedule";
import { institutionIn, randomPerson } from "./speakers";
import { slugify } from "./slugs";

export const CALL_MEETING = "sir-2023";
export const DEMO_REVIEWER_EMAIL = "reviewer@example.org";

/** Wall-clock dates of the call in the meeting's zone (SIR's 2023 call closed in October 2022). */
export const callDates = {
  opensAt: "2022-07-11T09:00",
  closesAt: "2022-10-07T23:59",
  lateBreakingOpensAt: "2022-11-01T09:00",
  lateBreakingClosesAt: "2022-11-30T23:59",
  confirmBy: "2023-01-09T23:59",
  decidedAt: "2022-12-02T10:00",
  notifiedAt: "2022-12-05T09:00",
};

export const callSettings = {
  totalCharacterLimit: TOTAL_CHARACTER_LIMIT,
  maxAuthors: 12,
  reviewsPerAbstract: 3,
  guidelines:
    "Submit original work not presented at another national meeting. Structure the abstract as Purpose, Materials and Methods, Results and Conclusion, 4,000 characters in all. Do not name institutions or authors in the text: review is blind. Medical students, residents and fellows who present their work are eligible for trainee awards.",
  sections: STRUCTURED_SECTIONS.map((section, position) => ({ ...section, unit: "CHARACTERS" as const, position })),
  criteria: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, maxScore: DEFAULT_MAX_SCORE, position })),
};

export type SeedAuthor = { name: string; email: string | null; institution: string; city: string; country: string; presenting: boolean };

export type SeedAbstract = {
  number: number | null;
  topic: string;
  title: string;
  body: Record<string, string>;
  keywords: string[];
  preference: PresentationPreference;
  traineeLevel: TraineeLevel | null;
  lateBreaking: boolean;
  status: AbstractStatus;
  /** Minutes after the call opened (or the late-breaking window opened). */
  submittedAfterMinutes: number;
  submitter: { email: string; name: string };
  authors: SeedAuthor[];
  /** 0 weak … 1 strong: what its reviewers' scores centre on. */
  strength: number;
  decision: AbstractDecision | null;
  decisionReason: string | null;
  declined: boolean;
  /** For orals: the abstract session and the place in it. */
  placement: { session: string; order: number; speaker: string } | null;
};

export type SeedReviewer = { email: string; name: string; institution: string; topics: string[] };

type Plan = { abstracts: SeedAbstract[]; reviewers: SeedReviewer[] };

const REJECT_REASONS = [
  "Scored below this year's acceptance threshold for the topic.",
  "The committee found the methods insufficiently described to judge the results.",
  "Similar work by the same group was accepted; the committee chose one.",
];

const emailOf = (prefix: string, name: string) => `${prefix}-${slugify(name)}@example.org`;

function coAuthors(random: Random, presenter: { institution: string; city: string; country: string }, count: number, taken: Set<string>): SeedAuthor[] {
  const authors: SeedAuthor[] = [];
  for (let i = 0; i < count; i++) {
    const person = randomPerson(random, taken);
    // Most co-authors work with the presenter; some come from a second centre of the same country.
    const [institution, city] = random.next() < 0.7 ? [presenter.institution, presenter.city] : institutionIn(random, presenter.country);
    authors.push({ name: person.name, email: random.next() < 0.5 ? emailOf("author", person.name) : null, institution, city, country: presenter.country, presenting: false });
  }
  return authors;
}

function traineeFor(topic: string, random: Random): TraineeLevel | null {
  if (topic === "medical-students") return "MEDICAL_STUDENT";
  if (topic === "residents") return random.pick(["RESIDENT", "RESIDENT", "FELLOW"] as const);
  return random.next() < 0.15 ? random.pick(["RESIDENT", "FELLOW"] as const) : null;
}

export function planSirCall(seed: MeetingSeed): Plan {
  const random = createRandom("sir-2023 call for abstracts");
  const taken = new Set(seed.speakers.map((speaker) => speaker.name));
  const speakers = new Map(seed.speakers.map((speaker) => [speaker.slug, speaker]));
  const topics = seed.tracks.map((track) => track.slug);
  const abstracts: Omit<SeedAbstract, "number">[] = [];

  const titles = new Set<string>();
  const make = (topic: string, presenter: { name: string; institution: string; city: string; country: string }, strength: number, fields: Partial<SeedAbstract>) => {
    let text = inventAbstract(random, topic, strength);
    while (titles.has(text.title)) text = inventAbstract(random, topic, strength);
    titles.add(text.title);
    const authors = [{ ...presenter, email: emailOf("author", presenter.name), presenting: true }, ...coAuthors(random, presenter, random.int(1, 6), taken)];
    // The presenter is usually first author; sometimes a senior author is listed first.
    if (authors.length > 2 && random.next() < 0.2) authors.unshift(authors.splice(1, 1)[0]!);
    abstracts.push({
      topic,
      ...text,
      preference: random.pick(["ORAL", "EITHER", "EITHER", "POSTER"] as const),
      traineeLevel: traineeFor(topic, random),
      lateBreaking: false,
      status: "SUBMITTED",
      submittedAfterMinutes: random.int(60 * 24 * 20, 60 * 24 * 88),
      submitter: { email: emailOf("author", presenter.name), name: presenter.name },
      authors,
      strength,
      decision: null,
      decisionReason: null,
      declined: false,
      placement: null,
      ...fields,
    });
  };

  // Orals: one for each speaker the program lists in an abstract session, in their order there.
  for (const session of seed.sessions.filter((candidate) => candidate.kind === "ABSTRACT_SESSION")) {
    const presenters = session.speakers.filter((entry) => entry.role === "SPEAKER").sort((a, b) => a.position - b.position);
    presenters.forEach((entry, order) => {
      const person = speakers.get(entry.speaker)!;
      const presenter = { name: person.name, institution: person.affiliation, city: person.city, country: person.country };
      make(session.track ?? "research-innovation", presenter, 0.7 + 0.3 * random.next(), {
        preference: random.pick(["ORAL", "EITHER"] as const),
        decision: "ORAL",
        placement: { session: session.slug, order, speaker: entry.speaker },
      });
    });
  }
  // E-posters, declined, withdrawn and never-submitted drafts, spread over every topic.
  const rest: [number, (topic: string) => Partial<SeedAbstract>, [number, number]][] = [
    [56, () => ({ decision: "EPOSTER" }), [0.4, 0.75]],
    [38, () => ({ decision: "REJECT", decisionReason: random.pick(REJECT_REASONS) }), [0.05, 0.45]],
    [4, () => ({ status: "WITHDRAWN" }), [0.3, 0.7]],
    [3, () => ({ status: "DRAFT" }), [0.3, 0.7]],
  ];
  for (const [count, fields, [low, high]] of rest) {
    for (let i = 0; i < count; i++) {
      const topic = topics[(i * 7 + count) % topics.length]!;
      make(topic, randomPerson(random, taken), low + (high - low) * random.next(), fields(topic));
    }
  }
  // Two accepted e-poster presenters could not come and declined; six late-breaking abstracts.
  abstracts.filter((abstract) => abstract.decision === "EPOSTER").slice(0, 2).forEach((abstract) => (abstract.declined = true));
  abstracts.filter((abstract) => abstract.decision === "EPOSTER").slice(-6).forEach((abstract) => {
    abstract.lateBreaking = true;
    abstract.submittedAfterMinutes = random.int(60, 60 * 24 * 28);
  });

  // Numbers follow the order of submission, as the platform gives them; drafts have none.
  const ordered = [...abstracts].sort((a, b) => Number(a.lateBreaking) - Number(b.lateBreaking) || a.submittedAfterMinutes - b.submittedAfterMinutes);
  let next = 100;
  const numbered = ordered.map((abstract) => ({ ...abstract, number: abstract.status === "DRAFT" ? null : next++ }));

  // Reviewers: two to three topics each, every topic covered by at least five.
  const reviewers: SeedReviewer[] = [{ email: DEMO_REVIEWER_EMAIL, name: "Priya Raman", institution: "University of Michigan Health", topics: ["interventional-oncology", "research-innovation", "medical-students"] }];
  for (let i = 0; i < 26; i++) {
    const person = randomPerson(random, taken);
    const own = [topics[i % topics.length]!, topics[(i + 5) % topics.length]!, ...(i % 2 ? [topics[(i + 9) % topics.length]!] : [])];
    reviewers.push({ email: emailOf("reviewer", person.name), name: person.name, institution: person.institution, topics: [...new Set(own)] });
  }
  return { abstracts: numbered, reviewers };
}

/** Scores for one review: each criterion around the abstract's strength, with the odd reviewer far off (the committee's outliers). */
export function inventScores(random: Random, strength: number): Record<string, number> {
  const outlier = random.next() < 0.06;
  const centre = outlier ? 1 + (1 - strength) * 4 : 1 + strength * 4;
  return Object.fromEntries(callSettings.criteria.map((criterion) => [criterion.key, Math.max(1, Math.min(criterion.maxScore, Math.round(centre + (random.next() - 0.5) * 1.6)))]));
}

export function inventComments(random: Random, strength: number) {
  const band = strength > 0.7 ? reviewerComments.strong : strength > 0.45 ? reviewerComments.middling : reviewerComments.weak;
  return { commentToAuthors: random.pick(band), commentToCommittee: random.pick(committeeNotes) };
}
