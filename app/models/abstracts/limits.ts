// How long an abstract's sections are, counted one way in the browser (the
// live count under each box) and on the server (the refusal): the same
// module, so an author never sees "fits" and then gets "too long". Line
// breaks count as one character whether the browser sent CRLF or LF, and a
// character is a code point, so "é" or an emoji counts once.
export type LimitUnit = "CHARACTERS" | "WORDS";

export type SectionLimit = { key: string; title: string; limit: number; unit: LimitUnit };

/** Line breaks as the textarea holds them: a form POST sends CRLF, script reads LF. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function countCharacters(text: string): number {
  return Array.from(normalizeText(text)).length;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}

export function countIn(text: string, unit: LimitUnit): number {
  return unit === "WORDS" ? countWords(text) : countCharacters(text);
}

export type SectionCount = { key: string; title: string; used: number; limit: number; unit: LimitUnit; over: boolean };

export type BodyCount = { sections: SectionCount[]; totalCharacters: number; totalLimit: number | null; totalOver: boolean };

/** Each section against its limit, and all sections' characters against the overall limit. */
export function countBody(sections: readonly SectionLimit[], body: Readonly<Record<string, string | undefined>>, totalLimit: number | null): BodyCount {
  const counted = sections.map((section) => {
    const used = countIn(body[section.key] ?? "", section.unit);
    return { key: section.key, title: section.title, used, limit: section.limit, unit: section.unit, over: used > section.limit };
  });
  const totalCharacters = sections.reduce((sum, section) => sum + countCharacters(body[section.key] ?? ""), 0);
  return { sections: counted, totalCharacters, totalLimit, totalOver: totalLimit !== null && totalCharacters > totalLimit };
}

const unitWord = (unit: LimitUnit, n: number) => (unit === "WORDS" ? (n === 1 ? "word" : "words") : n === 1 ? "character" : "characters");

/** "312 / 800 characters" */
export function describeCount(used: number, limit: number, unit: LimitUnit): string {
  return `${used.toLocaleString("en-US")} / ${limit.toLocaleString("en-US")} ${unitWord(unit, limit)}`;
}

/** Every limit the body breaks, as form problems (field `body.<key>`, or `body` for the overall limit). */
export function limitProblems(count: BodyCount): { field: string; message: string }[] {
  const problems = count.sections
    .filter((section) => section.over)
    .map((section) => ({
      field: `body.${section.key}`,
      message: `${section.title} is ${section.used - section.limit} ${unitWord(section.unit, section.used - section.limit)} over its limit of ${section.limit.toLocaleString("en-US")} ${unitWord(section.unit, section.limit)}.`,
    }));
  if (count.totalOver && count.totalLimit !== null) {
    problems.push({ field: "body", message: `All sections together are ${(count.totalCharacters - count.totalLimit).toLocaleString("en-US")} characters over the overall limit of ${count.totalLimit.toLocaleString("en-US")}.` });
  }
  return problems;
}
