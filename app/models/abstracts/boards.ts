// Poster boards numbered by topic in one go: each topic a hundred-block, the
// way a poster hall is laid out by aisle — the first topic's posters P-101,
// P-102…, the second's P-201…; e-posters the same on screens (E-101…), so a
// topic's posters stand together and a number says where to walk.
import { z } from "zod";

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

/**
 * The organizer's form for one poster: its board and the presenter's hours as
 * a day and two wall-clock times in the meeting's zone (all optional, but the
 * hours come whole: a day with a start and an end, or none of them).
 */
export const PosterPlaceSchema = z
  .object({
    abstractId: z.string().min(1),
    board: z.string().trim().max(40, "Keep the board under 40 characters.").optional(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a day.").optional(),
    start: z.string().regex(/^\d{2}:\d{2}$/, "Give a start time.").optional(),
    end: z.string().regex(/^\d{2}:\d{2}$/, "Give an end time.").optional(),
  })
  .check((ctx) => {
    const { day, start, end } = ctx.value;
    const given = [day, start, end].filter(Boolean).length;
    if (given > 0 && given < 3) ctx.issues.push({ code: "custom", input: ctx.value, path: ["end"], message: "Give the day, the start and the end of the presenter's hours, or none of them." });
    if (given === 3 && end! <= start!) ctx.issues.push({ code: "custom", input: ctx.value, path: ["end"], message: "The presenter's hours must end after they start." });
  });
