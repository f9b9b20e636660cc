// What an abstract as it prints is read with (printed.ts draws it): its
// number, title, text by section, keywords, topic and authors in order. The
// book, the poster gallery, a session's talks and the chairs' view read the
// same fields through this one select. (A reviewer's view reads no authors:
// review is blind.) Pages that name only the presenter read that author alone.
import type { Prisma } from "~/generated/prisma/client";
import { type PrintedAbstract, printedSections } from "./printed";

/** The call's sections in order: the headings the abstract's text is printed under. */
export const printedSectionsSelect = { sections: { select: { key: true, title: true }, orderBy: { position: "asc" } } } satisfies Prisma.AbstractCallSelect;

export const printedAbstractSelect = {
  number: true,
  title: true,
  body: true,
  keywords: true,
  topic: { select: { name: true } },
  authors: { select: { name: true, institution: true, city: true, country: true, presenting: true }, orderBy: { position: "asc" } },
  call: { select: printedSectionsSelect },
} satisfies Prisma.AbstractSelect;

/**
 * The abstract's presenting author alone, as `authors` (so `authors[0]`, when
 * there is one): who is named on a board, placed in a session, told of a decision.
 */
export function presentingAuthorSelect<S extends Prisma.AbstractAuthorSelect>(select: S) {
  return { where: { presenting: true }, select, take: 1 } satisfies Prisma.Abstract$authorsArgs;
}

export type PrintedAbstractRow = Prisma.AbstractGetPayload<{ select: typeof printedAbstractSelect }>;

/** A row read with printedAbstractSelect, in the shape printed.ts draws. */
export function printedAbstract(row: PrintedAbstractRow): PrintedAbstract {
  return {
    number: row.number,
    title: row.title,
    topic: row.topic?.name ?? null,
    authors: row.authors,
    sections: printedSections(row.call.sections, row.body),
    keywords: row.keywords,
  };
}
