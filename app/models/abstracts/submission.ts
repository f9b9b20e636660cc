// An abstract's form, read the same way with or without JavaScript: one zod
// schema over what the browser posts (`title`, `topic`, `body.<section>`,
// `keywords`, `authors[i].name` …, `presenting` = the presenting author's
// row), the author list's add/remove/move steps, and the checks a draft must
// pass to be saved (limits, the number of authors) and to be submitted
// (complete). The server and the page share it.
import { z } from "zod";
import { countBody, limitProblems, normalizeText, type SectionLimit } from "./limits";

export const PREFERENCES = { ORAL: "Oral presentation", POSTER: "Poster", EITHER: "Either" } as const;
export const TRAINEE_LEVELS = { NONE: "Not a trainee", MEDICAL_STUDENT: "Medical student", RESIDENT: "Resident", FELLOW: "Fellow" } as const;
export const MAX_KEYWORDS = 10;
export const MAX_TITLE = 300;

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);

export const authorRowSchema = z.object({
  name: text(200),
  institution: text(300),
  city: text(120),
  country: text(120),
  email: z.union([z.literal(""), z.email("Enter an e-mail address like name@example.org.").max(254)]),
});

export const abstractFormSchema = z.object({
  intent: z.string().default("save"),
  revision: z.coerce.number().int().min(1),
  title: text(MAX_TITLE),
  topic: z.string().default(""),
  body: z.record(z.string(), z.string().max(100_000)),
  keywords: z.string().max(2000),
  preference: z.enum(["ORAL", "POSTER", "EITHER"]).default("EITHER"),
  traineeLevel: z.enum(["NONE", "MEDICAL_STUDENT", "RESIDENT", "FELLOW"]).default("NONE"),
  authors: z.array(authorRowSchema).max(200),
  /** Row index of the presenting author; -1 for none. */
  presenting: z.coerce.number().int().default(-1),
});

export type AbstractForm = z.infer<typeof abstractFormSchema>;
export type AuthorRow = z.infer<typeof authorRowSchema>;

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
};

/** The posted form as plain strings: sections by the call's keys, author rows in order until the first missing one. */
export function rawAbstractForm(data: FormData, sectionKeys: readonly string[]) {
  const authors: Record<keyof AuthorRow, string>[] = [];
  for (let i = 0; data.has(`authors[${i}].name`); i++) {
    authors.push({ name: field(data, `authors[${i}].name`), institution: field(data, `authors[${i}].institution`), city: field(data, `authors[${i}].city`), country: field(data, `authors[${i}].country`), email: field(data, `authors[${i}].email`).trim() });
  }
  return {
    intent: field(data, "intent") || "save",
    revision: field(data, "revision"),
    title: field(data, "title"),
    topic: field(data, "topic"),
    body: Object.fromEntries(sectionKeys.map((key) => [key, normalizeText(field(data, `body.${key}`))])),
    keywords: field(data, "keywords"),
    preference: field(data, "preference") || undefined,
    traineeLevel: field(data, "traineeLevel") || undefined,
    authors,
    presenting: data.has("presenting") ? field(data, "presenting") : "-1",
  };
}

export type RawAbstractForm = ReturnType<typeof rawAbstractForm>;

/** The posted form read and checked by the schema. */
export function readAbstractForm(data: FormData, sectionKeys: readonly string[]) {
  return abstractFormSchema.safeParse(rawAbstractForm(data, sectionKeys));
}

/** A schema issue's path as the form names the field: ["authors", 0, "email"] → "authors[0].email". */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "");
}

export function parseKeywords(keywords: string): string[] {
  return [...new Set(keywords.split(/[,;\n]/).map((word) => word.trim()).filter(Boolean))];
}

const EMPTY_AUTHOR: AuthorRow = { name: "", institution: "", city: "", country: "", email: "" };

/**
 * The author-list buttons: `author-add`, `author-remove:2`, `author-up:2`,
 * `author-down:2`. The presenting mark follows its author; removing the
 * presenter leaves none marked (the author chooses again). Null for any other intent.
 */
export function applyAuthorIntent(intent: string, authors: readonly AuthorRow[], presenting: number): { authors: AuthorRow[]; presenting: number } | null {
  const rows = [...authors];
  if (intent === "author-add") return { authors: [...rows, EMPTY_AUTHOR], presenting };
  const match = /^author-(remove|up|down):(\d+)$/.exec(intent);
  if (!match) return null;
  const index = Number(match[2]);
  if (index >= rows.length) return { authors: rows, presenting };
  if (match[1] === "remove") {
    rows.splice(index, 1);
    return { authors: rows, presenting: presenting === index ? -1 : presenting > index ? presenting - 1 : presenting };
  }
  const other = match[1] === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= rows.length) return { authors: rows, presenting };
  [rows[index], rows[other]] = [rows[other]!, rows[index]!];
  return { authors: rows, presenting: presenting === index ? other : presenting === other ? index : presenting };
}

type CallRules = { sections: readonly (SectionLimit & { title: string })[]; totalCharacterLimit: number | null; maxAuthors: number; topicIds: readonly string[] };
type Problem = { field: string; message: string };

/** What stops a draft from being saved at all: limits broken, too many authors, an unknown topic, too many keywords. */
export function saveProblems(form: AbstractForm, rules: CallRules): Problem[] {
  const problems: Problem[] = limitProblems(countBody(rules.sections, form.body, rules.totalCharacterLimit));
  if (form.authors.length > rules.maxAuthors) problems.push({ field: "authors", message: `An abstract has at most ${rules.maxAuthors} authors; this one lists ${form.authors.length}.` });
  if (form.topic && !rules.topicIds.includes(form.topic)) problems.push({ field: "topic", message: "Choose one of the call's topics." });
  if (parseKeywords(form.keywords).length > MAX_KEYWORDS) problems.push({ field: "keywords", message: `Give at most ${MAX_KEYWORDS} keywords.` });
  return problems;
}

/** What a saved draft still lacks before it can be submitted. */
export function submitProblems(form: AbstractForm, rules: CallRules): Problem[] {
  const problems: Problem[] = [];
  if (!form.title) problems.push({ field: "title", message: "Give the abstract a title." });
  if (!form.topic) problems.push({ field: "topic", message: "Choose a topic." });
  for (const section of rules.sections) {
    if (!(form.body[section.key] ?? "").trim()) problems.push({ field: `body.${section.key}`, message: `Write the ${section.title} section.` });
  }
  if (!form.authors.length) problems.push({ field: "authors", message: "List at least one author." });
  form.authors.forEach((author, index) => {
    if (!author.name) problems.push({ field: `authors[${index}].name`, message: `Give author ${index + 1}'s name.` });
    if (!author.institution) problems.push({ field: `authors[${index}].institution`, message: `Give author ${index + 1}'s institution.` });
  });
  if (form.authors.length && (form.presenting < 0 || form.presenting >= form.authors.length)) {
    problems.push({ field: "presenting", message: "Choose the one author who presents." });
  }
  return problems;
}

/** A saved abstract as the form's values. */
export function formValuesOf(abstract: {
  revision: number;
  title: string;
  topicId: string | null;
  body: unknown;
  keywords: string[];
  preference: AbstractForm["preference"];
  traineeLevel: Exclude<AbstractForm["traineeLevel"], "NONE"> | null;
  authors: { name: string; institution: string; city: string | null; country: string | null; email: string | null; presenting: boolean }[];
}): RawAbstractForm {
  const body = abstract.body && typeof abstract.body === "object" ? (abstract.body as Record<string, unknown>) : {};
  return {
    intent: "save",
    revision: String(abstract.revision),
    title: abstract.title,
    topic: abstract.topicId ?? "",
    body: Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === "string" ? value : ""])),
    keywords: abstract.keywords.join(", "),
    preference: abstract.preference,
    traineeLevel: abstract.traineeLevel ?? "NONE",
    authors: abstract.authors.map((author) => ({ name: author.name, institution: author.institution, city: author.city ?? "", country: author.country ?? "", email: author.email ?? "" })),
    presenting: String(abstract.authors.findIndex((author) => author.presenting)),
  };
}
