// Poster boards numbered by topic in one go: each topic a hundred-block, the
// way a poster hall is laid out by aisle — the first topic's posters P-101,
// P-102…, the second's P-201…; e-posters the same on screens (E-101…), so a
// topic's posters stand together and a number says where to walk.
export type Boardable = { abstractId: string; number: number; kind: "POSTER" | "EPOSTER"; topicPosition: number };

export function boardNumbers(posters: readonly Boardable[]): Map<string, string> {
  const topics = [...new Set(posters.map((poster) => poster.topicPosition))].sort((a, b) => a - b);
  const boards = new Map<string, string>();
  for (const kind of ["POSTER", "EPOSTER"] as const) {
    topics.forEach((topic, index) => {
      const here = posters.filter((poster) => poster.kind === kind && poster.topicPosition === topic).sort((a, b) => a.number - b.number);
      here.forEach((poster, place) => boards.set(poster.abstractId, `${kind === "POSTER" ? "P" : "E"}-${(index + 1) * 100 + place + 1}`));
    });
  }
  return boards;
}
