// Which abstracts the public sees, written once: an abstract is published when
// the committee's decision was sent to its authors (notifiedAt), it is still
// submitted (not withdrawn), its presenter has not declined, and it has a
// number to be cited by. The gallery shows posters and e-posters; the book of
// abstracts adds the orals. Every public page and file asks this rule.
import type { Prisma } from "~/generated/prisma/client";
import type { AbstractDecision } from "~/generated/prisma/enums";

export type PublicPlace = "gallery" | "book";

const DECISIONS: Record<PublicPlace, AbstractDecision[]> = {
  gallery: ["POSTER", "EPOSTER"],
  book: ["ORAL", "POSTER", "EPOSTER"],
};

/** The where-clause of published abstracts for `place` (within the caller's own call/meeting filter). */
export function publishedWhere(place: PublicPlace): Prisma.AbstractWhereInput {
  return { status: "SUBMITTED", decision: { in: DECISIONS[place] }, notifiedAt: { not: null }, presenterDeclinedAt: null, number: { not: null } };
}

type Publishable = { status: string; decision: AbstractDecision | null; notifiedAt: Date | null; presenterDeclinedAt: Date | null; number: number | null };

/** What isPublished reads of a row: select it with this. */
export const publishableSelect = { status: true, decision: true, notifiedAt: true, presenterDeclinedAt: true, number: true } as const satisfies Prisma.AbstractSelect;

/** The same rule for a row already in hand. */
export function isPublished(abstract: Publishable, place: PublicPlace): boolean {
  return (
    abstract.status === "SUBMITTED" &&
    abstract.decision !== null &&
    DECISIONS[place].includes(abstract.decision) &&
    abstract.notifiedAt !== null &&
    abstract.presenterDeclinedAt === null &&
    abstract.number !== null
  );
}

/** Lower case without accents, so "Garcia" finds "García". */
export function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export type Searchable = { title: string; authors: { name: string; institution: string }[]; keywords: string[]; sections: { text: string }[] };

/** Whether every word of `q` occurs in the title, an author, an institution, a keyword or the text. */
export function matchesSearch(abstract: Searchable, q: string): boolean {
  const words = folded(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = folded(
    [abstract.title, ...abstract.authors.flatMap((author) => [author.name, author.institution]), ...abstract.keywords, ...abstract.sections.map((section) => section.text)].join("\n"),
  );
  return words.every((word) => haystack.includes(word));
}

/** "2.1 MB", "840 KB": a file's size as a person reads it. */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(size / 1024))} KB`;
}
