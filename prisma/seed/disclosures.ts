// Faculty disclosures for the seeded meetings: every speaker of an educational
// session (not the socials) has answered, six weeks before the meeting. Most
// have no financial relationships with ineligible companies; about one in
// eleven lists one or two, with invented company names, which the program
// committee judged relevant and mitigated (or not relevant). Deterministic:
// who and what follow from the speaker's place in slug order. Created once:
// a person who already has a disclosure is left as it is.
import type { Prisma, RelationshipNature } from "../../app/generated/prisma/client";
import type { MeetingSeed } from "./schedule";

type Tx = Prisma.TransactionClient;

/** Where a seeded speaker's disclosure request goes: never a real mailbox. */
export const seededSpeakerEmail = (slug: string) => `${slug}@faculty.example.org`;

const COMPANIES = ["Meridian Vascular Devices", "Halvorsen Therapeutics", "Corvane Imaging Systems", "Bellwether Embolics", "Lumisca Oncology", "Tarrow Medical"];
const NATURES: RelationshipNature[] = ["CONSULTANT", "SPEAKER", "ADVISOR", "RESEARCHER", "ROYALTIES_OR_PATENT", "OWNERSHIP_INTEREST"];
const MITIGATIONS = [
  "Content peer reviewed by the program committee for commercial bias",
  "Recommendations attested as evidence-based; slides reviewed by a planner without relevant financial relationships",
  "Recused from presenting content on the company's products; content peer reviewed",
];

const DAY = 24 * 60 * 60 * 1000;

export async function syncSeedDisclosures(tx: Tx, seed: MeetingSeed, meetingId: string): Promise<void> {
  const speakers = await tx.speaker.findMany({
    where: { meetingId, sessions: { some: { session: { kind: { not: "SOCIAL" } } } } },
    select: { id: true, slug: true, name: true, email: true, disclosure: { select: { id: true } } },
    orderBy: { slug: "asc" },
  });
  const start = new Date(`${seed.startsOn}T15:00:00Z`).getTime();
  const fresh = speakers.map((speaker, index) => ({ speaker, index })).filter(({ speaker }) => !speaker.disclosure);
  if (!fresh.length) return;
  const answers = fresh.map(({ speaker, index }) => {
    const submittedAt = new Date(start - (42 - (index % 14)) * DAY);
    const count = index % 11 === 3 ? 1 + (index % 2) : 0;
    const relationships = Array.from({ length: count }, (_, n) => {
      const pick = index + n * 5;
      // Most disclosed relationships are relevant and mitigated; every third second one is not relevant.
      const relevant = !(n === 1 && index % 3 === 0);
      return {
        company: COMPANIES[pick % COMPANIES.length]!,
        nature: NATURES[pick % NATURES.length]!,
        ongoing: pick % 4 !== 0,
        position: n,
        relevant,
        mitigation: relevant ? MITIGATIONS[pick % MITIGATIONS.length]! : null,
        reviewedAt: new Date(submittedAt.getTime() + 2 * DAY),
      };
    });
    return { speaker, submittedAt, relationships };
  });
  await tx.disclosure.createMany({
    data: answers.map(({ speaker, submittedAt, relationships }) => ({
      meetingId,
      role: "FACULTY" as const,
      speakerId: speaker.id,
      name: speaker.name,
      email: speaker.email ?? seededSpeakerEmail(speaker.slug),
      requestedAt: new Date(start - 56 * DAY),
      submittedAt,
      noRelationships: relationships.length === 0,
    })),
  });
  const ids = new Map((await tx.disclosure.findMany({ where: { speakerId: { in: answers.map(({ speaker }) => speaker.id) } }, select: { id: true, speakerId: true } })).map((row) => [row.speakerId!, row.id]));
  await tx.financialRelationship.createMany({
    data: answers.flatMap(({ speaker, relationships }) => relationships.map((row) => ({ ...row, disclosureId: ids.get(speaker.id)! }))),
  });
  const snapshot = (answer: (typeof answers)[number], reviewed: boolean) => ({
    name: answer.speaker.name,
    email: answer.speaker.email ?? seededSpeakerEmail(answer.speaker.slug),
    noRelationships: answer.relationships.length === 0,
    submittedAt: answer.submittedAt.toISOString(),
    relationships: answer.relationships.map((row) => ({ company: row.company, nature: row.nature, ongoing: row.ongoing, relevant: reviewed ? row.relevant : null, mitigation: reviewed ? row.mitigation : null })),
  });
  await tx.disclosureVersion.createMany({
    data: answers.flatMap((answer) => [
      { disclosureId: ids.get(answer.speaker.id)!, kind: "submitted", at: answer.submittedAt, snapshot: snapshot(answer, false) },
      ...(answer.relationships.length ? [{ disclosureId: ids.get(answer.speaker.id)!, kind: "reviewed", at: answer.relationships[0]!.reviewedAt, snapshot: snapshot(answer, true) }] : []),
    ]),
  });
}
