import { describe, expect, it } from "vitest";
import { outlierReviews, rankAbstracts, type ScoredReview } from "./ranking";

const review = (id: string, score: number, recommendation: ScoredReview["recommendation"] = null): ScoredReview => ({ id, score, recommendation });

describe("rankAbstracts", () => {
  it("computes mean, spread and count, and ranks by mean, best first", () => {
    const ranked = rankAbstracts([
      { id: "a", number: 1, reviews: [review("r1", 60), review("r2", 70)] },
      { id: "b", number: 2, reviews: [review("r3", 90), review("r4", 80), review("r5", 85)] },
      { id: "c", number: 3, reviews: [] },
    ]);
    expect(ranked.map((entry) => [entry.id, entry.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", null],
    ]);
    expect(ranked[0]!.mean).toBeCloseTo(85);
    expect(ranked[0]!.spread).toBeCloseTo(Math.sqrt(50 / 3));
    expect(ranked[0]!.count).toBe(3);
    expect(ranked[1]!.spread).toBeCloseTo(5);
    expect(ranked[2]).toMatchObject({ mean: null, spread: null, count: 0, highSpread: false });
  });

  it("breaks ties by number of reviews, then smaller spread, then number; fully equal ones share a rank", () => {
    const ranked = rankAbstracts([
      { id: "few", number: 1, reviews: [review("a", 80)] },
      { id: "wide", number: 2, reviews: [review("b", 70), review("c", 90)] },
      { id: "narrow", number: 3, reviews: [review("d", 79), review("e", 81)] },
      { id: "twin", number: 4, reviews: [review("f", 81), review("g", 79)] },
    ]);
    expect(ranked.map((entry) => entry.id)).toEqual(["narrow", "twin", "wide", "few"]);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 1, 3, 4]);
  });

  it("flags a review far from the mean of the others, and a high spread", () => {
    const ranked = rankAbstracts([{ id: "a", number: 1, reviews: [review("r1", 80), review("r2", 85), review("r3", 30)] }]);
    expect(ranked[0]!.outliers).toEqual(["r3"]);
    expect(ranked[0]!.highSpread).toBe(true);
    const calm = rankAbstracts([{ id: "b", number: 2, reviews: [review("r1", 80), review("r2", 85), review("r3", 70)] }]);
    expect(calm[0]!.outliers).toEqual([]);
    expect(calm[0]!.highSpread).toBe(false);
  });

  it("tallies the reviewers' recommendations", () => {
    const [entry] = rankAbstracts([{ id: "a", number: 1, reviews: [review("r1", 80, "ORAL"), review("r2", 85, "ORAL"), review("r3", 60, "POSTER"), review("r4", 60)] }]);
    expect(entry!.recommendations).toEqual({ ORAL: 2, POSTER: 1, EPOSTER: 0, REJECT: 0 });
  });
});

describe("outlierReviews", () => {
  it("never flags a lone review, and flags both of two far-apart reviews", () => {
    expect(outlierReviews([review("a", 10)])).toEqual([]);
    expect(outlierReviews([review("a", 10), review("b", 90)])).toEqual(["a", "b"]);
    expect(outlierReviews([review("a", 60), review("b", 85)])).toEqual([]);
  });
});
