// How an abstract prints: in the author's preview, on a poster's page and in
// the book of abstracts alike, so what an author previews is what is printed.
// Authors carry superscript numbers of their institutions, numbered in order
// of first appearance, the way journals set an author line.
export type PrintedAuthor = { name: string; institution: string; city?: string | null; country?: string | null; presenting: boolean };

export type PrintedAbstract = {
  /** Null for a draft: numbers are given at submission. */
  number: number | null;
  title: string;
  topic: string | null;
  authors: PrintedAuthor[];
  sections: { title: string; text: string }[];
  keywords: string[];
};

/** Each distinct institution (with its place) once, numbered from 1, and each author's number. */
export function affiliations(authors: readonly PrintedAuthor[]) {
  const places: string[] = [];
  const numbers = authors.map((author) => {
    const place = [author.institution, author.city, author.country].filter(Boolean).join(", ");
    let index = places.indexOf(place);
    if (index === -1) index = places.push(place) - 1;
    return index + 1;
  });
  return { places, numbers };
}

/** The abstract's sections in the call's order, with the author's text (blank where none was written). */
export function printedSections(sections: readonly { key: string; title: string }[], body: unknown): PrintedAbstract["sections"] {
  const texts = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return sections.map((section) => ({ title: section.title, text: typeof texts[section.key] === "string" ? (texts[section.key] as string) : "" }));
}
