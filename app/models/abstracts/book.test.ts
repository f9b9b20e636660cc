import { describe, expect, it } from "vitest";
import { boardNumbers } from "./boards";
import { authorIndex, familyName, indexLine, makeBook, type BookAbstract } from "./book";

const at = (time: string) => new Date(`2027-03-21T${time}:00Z`);
const session = (slug: string, start: string) => ({ slug, title: `Session ${slug}`, startsAt: at(start), endsAt: at(start), room: "Hall A" });

function abstract(number: number, decision: BookAbstract["decision"], extra: Partial<BookAbstract> = {}): BookAbstract {
  return { number, decision, title: `Abstract ${number}`, topic: null, topicPosition: 99, authors: [], sections: [], keywords: [], presentation: null, ...extra };
}

describe("the book of abstracts", () => {
  it("groups orals by their session in time order, each session's talks by time", () => {
    const late = session("late", "15:00");
    const early = session("early", "09:00");
    const book = makeBook([
      abstract(1, "ORAL", { presentation: { startsAt: at("15:20"), endsAt: at("15:30"), session: late } }),
      abstract(2, "ORAL", { presentation: { startsAt: at("09:10"), endsAt: at("09:20"), session: early } }),
      abstract(3, "ORAL", { presentation: { startsAt: at("09:00"), endsAt: at("09:10"), session: early } }),
      abstract(4, "ORAL"),
      abstract(5, "POSTER", { topic: "Oncology", topicPosition: 0 }),
    ]);
    expect(book.sessions.map((s) => [s.slug, s.talks.map((talk) => talk.abstract.number)])).toEqual([
      ["early", [3, 2]],
      ["late", [1]],
    ]);
    expect(book.unscheduledOrals.map((a) => a.number)).toEqual([4]);
  });

  it("groups posters and e-posters by topic in the call's order, by number within", () => {
    const book = makeBook([
      abstract(9, "EPOSTER", { topic: "Vascular", topicPosition: 1 }),
      abstract(7, "POSTER", { topic: "Oncology", topicPosition: 0 }),
      abstract(3, "POSTER", { topic: "Vascular", topicPosition: 1 }),
      abstract(8, "POSTER", { topic: "Oncology", topicPosition: 0 }),
      abstract(1, "ORAL", { topic: "Oncology", topicPosition: 0 }),
    ]);
    expect(book.topics.map((group) => [group.topic, group.abstracts.map((a) => a.number)])).toEqual([
      ["Oncology", [7, 8]],
      ["Vascular", [3, 9]],
    ]);
  });

  it("indexes authors by family name, accents ignored, with each abstract's number once", () => {
    const author = (name: string) => ({ name, institution: "X", presenting: false });
    const index = authorIndex([
      { number: 87, authors: [author("Ana García"), author("Zoë Adams")] },
      { number: 12, authors: [author("Ana  García"), author("Émile Gauthier"), author("Ana García")] },
      { number: 5, authors: [author("Li Wei")] },
    ]);
    expect(index.map(indexLine)).toEqual(["Zoë Adams — 87", "Ana García — 12, 87", "Émile Gauthier — 12", "Li Wei — 5"]);
    expect(familyName("  Mary Ann  van Dyke ")).toBe("Dyke");
  });
});

describe("poster boards", () => {
  it("numbers boards by topic, posters and e-posters apart", () => {
    const boards = boardNumbers([
      { abstractId: "a", number: 4, kind: "POSTER", topicPosition: 1 },
      { abstractId: "b", number: 2, kind: "POSTER", topicPosition: 0 },
      { abstractId: "c", number: 1, kind: "POSTER", topicPosition: 0 },
      { abstractId: "d", number: 3, kind: "EPOSTER", topicPosition: 1 },
    ]);
    expect(Object.fromEntries(boards)).toEqual({ c: "P-101", b: "P-102", a: "P-201", d: "E-201" });
  });
});
