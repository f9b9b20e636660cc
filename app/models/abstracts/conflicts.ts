// Who may not review an abstract. A reviewer is conflicted when they share an
// institution with one of its authors, are one of its authors, have written
// another abstract of the same call with one of its authors (a co-author), or
// declared a conflict with it. Pure, so the assignment, the manual override
// and the reviewer's own pages apply the same rule.

export type ConflictReason = "author" | "same-institution" | "co-author" | "declared";

export const CONFLICT_LABELS: Record<ConflictReason, string> = {
  author: "is an author",
  "same-institution": "same institution as an author",
  "co-author": "co-author of an author in this call",
  declared: "declared a conflict",
};

/** An author as the conflict rules see them; an author given without an address is matched by institution only. */
export type Author = { email: string | null; institution: string | null };
export type ConflictAbstract = { id: string; authors: Author[] };
export type ConflictReviewer = { email: string; institution: string | null; declared: ReadonlySet<string> };

// Words that vary between two spellings of one institution and say nothing of which it is.
const FILLER = new Set(["the", "of", "and", "at", "for", "in"]);

/**
 * An institution's name reduced to what identifies it: "The University of
 * Texas M.D. Anderson Cancer Center" and "university of texas md anderson
 * cancer center" are the same place.
 */
export function institutionKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\./g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !FILLER.has(word));
  return words.length ? words.join(" ") : null;
}

const emailKey = (email: string) => email.trim().toLowerCase();
/** The authors' addresses, normalized; authors without one are left out (two blanks are not one person). */
const emailsOf = (authors: readonly Author[]) => authors.flatMap((author) => (author.email?.trim() ? [emailKey(author.email)] : []));

/**
 * Conflicts for a whole call at once: `reasonFor(abstractId, reviewer)` is
 * the first reason a reviewer may not review an abstract, or null. Co-authors
 * are everyone who shares an abstract of the call with someone.
 */
export function conflictsIn(abstracts: ConflictAbstract[]) {
  const coAuthors = new Map<string, Set<string>>();
  for (const abstract of abstracts) {
    const emails = emailsOf(abstract.authors);
    for (const email of emails) {
      const known = coAuthors.get(email) ?? new Set<string>();
      for (const other of emails) if (other !== email) known.add(other);
      coAuthors.set(email, known);
    }
  }
  const byId = new Map(abstracts.map((abstract) => [abstract.id, abstract]));
  return {
    reasonFor(abstractId: string, reviewer: ConflictReviewer): ConflictReason | null {
      const abstract = byId.get(abstractId);
      if (!abstract) return null;
      const email = emailKey(reviewer.email);
      const emails = emailsOf(abstract.authors);
      if (emails.includes(email)) return "author";
      const institution = institutionKey(reviewer.institution);
      if (institution && abstract.authors.some((author) => institutionKey(author.institution) === institution)) return "same-institution";
      const theirs = coAuthors.get(email);
      if (theirs && emails.some((author) => theirs.has(author))) return "co-author";
      if (reviewer.declared.has(abstractId)) return "declared";
      return null;
    },
  };
}
