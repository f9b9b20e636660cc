// The book of abstracts' shape, apart from the database: orals grouped by the
// published session they are presented in (sessions and talks in time order),
// posters and e-posters grouped by topic (in the call's topic order, then by
// number), and the author index: "Name — 12, 87", sorted by family name (the
// last word of the name), accents ignored the way a reader looks them up.
import type { PrintedAbstract } from "./printed";

export type BookAbstract = PrintedAbstract & {
  number: number;
  decision: "ORAL" | "POSTER" | "EPOSTER";
  topicPosition: number;
  /** The oral's place in the published program, when it has one. */
  presentation: { startsAt: Date; endsAt: Date; session: { slug: string; title: string; startsAt: Date; endsAt: Date; room: string | null } } | null;
};

export type OralSession = { slug: string; title: string; startsAt: Date; endsAt: Date; room: string | null; talks: { abstract: BookAbstract; startsAt: Date; endsAt: Date }[] };
export type TopicGroup = { topic: string; abstracts: BookAbstract[] };
export type IndexEntry = { name: string; numbers: number[] };

export type Book = { sessions: OralSession[]; unscheduledOrals: BookAbstract[]; topics: TopicGroup[]; index: IndexEntry[] };

const byTime = (a: { startsAt: Date }, b: { startsAt: Date }) => a.startsAt.getTime() - b.startsAt.getTime();

export function oralSessions(abstracts: readonly BookAbstract[]): { sessions: OralSession[]; unscheduled: BookAbstract[] } {
  const sessions = new Map<string, OralSession>();
  const unscheduled: BookAbstract[] = [];
  for (const abstract of abstracts) {
    if (abstract.decision !== "ORAL") continue;
    const presentation = abstract.presentation;
    if (!presentation) {
      unscheduled.push(abstract);
      continue;
    }
    const session = sessions.get(presentation.session.slug) ?? { ...presentation.session, talks: [] };
    session.talks.push({ abstract, startsAt: presentation.startsAt, endsAt: presentation.endsAt });
    sessions.set(presentation.session.slug, session);
  }
  const ordered = [...sessions.values()].sort((a, b) => byTime(a, b) || a.title.localeCompare(b.title));
  for (const session of ordered) session.talks.sort((a, b) => byTime(a, b) || a.abstract.number - b.abstract.number);
  return { sessions: ordered, unscheduled: unscheduled.sort((a, b) => a.number - b.number) };
}

export function posterTopics(abstracts: readonly BookAbstract[]): TopicGroup[] {
  const posters = abstracts.filter((abstract) => abstract.decision !== "ORAL");
  const sorted = [...posters].sort((a, b) => a.topicPosition - b.topicPosition || a.number - b.number);
  const groups: TopicGroup[] = [];
  for (const abstract of sorted) {
    const topic = abstract.topic ?? "Other topics";
    const last = groups.at(-1);
    if (last && last.topic === topic) last.abstracts.push(abstract);
    else groups.push({ topic, abstracts: [abstract] });
  }
  return groups;
}

/** The family name a reader looks a person up by: the last word of the name. */
export function familyName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.at(-1) ?? "";
}

const collate = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

export function authorIndex(abstracts: readonly Pick<BookAbstract, "number" | "authors">[]): IndexEntry[] {
  const entries = new Map<string, IndexEntry>();
  for (const abstract of abstracts) {
    for (const author of abstract.authors) {
      const name = author.name.trim().replace(/\s+/g, " ");
      if (!name) continue;
      const entry = entries.get(name) ?? { name, numbers: [] };
      if (!entry.numbers.includes(abstract.number)) entry.numbers.push(abstract.number);
      entries.set(name, entry);
    }
  }
  return [...entries.values()]
    .map((entry) => ({ ...entry, numbers: entry.numbers.sort((a, b) => a - b) }))
    .sort((a, b) => collate(familyName(a.name), familyName(b.name)) || collate(a.name, b.name));
}

/** "Ana García — 12, 87" */
export function indexLine(entry: IndexEntry): string {
  return `${entry.name} — ${entry.numbers.join(", ")}`;
}

export function makeBook(abstracts: readonly BookAbstract[]): Book {
  const { sessions, unscheduled } = oralSessions(abstracts);
  return { sessions, unscheduledOrals: unscheduled, topics: posterTopics(abstracts), index: authorIndex(abstracts) };
}

/** What the page and the PDF print: chapters with times already written out in the meeting's zone. */
export type BookChapter = {
  /** An anchor for the contents. */
  id: string;
  title: string;
  /** Day, time and room of a session; what the chapter holds otherwise. */
  subtitle: string;
  entries: { when: string | null; abstract: PrintedAbstract & { number: number } }[];
};

export type BookView = { meeting: { name: string; dates: string }; chapters: BookChapter[]; index: IndexEntry[]; count: number };
