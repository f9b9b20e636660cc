import { describe, expect, it } from "vitest";
import { DEFAULT_CRITERIA } from "./call-defaults";
import { scoreProblems, weightedScore } from "./rubric";

const rubric = DEFAULT_CRITERIA.map((criterion) => ({ ...criterion, maxScore: 5 }));
const all = (value: number) => Object.fromEntries(rubric.map((criterion) => [criterion.key, value]));

describe("the weighted score", () => {
  it("runs from 0 at the lowest marks to 100 at the highest", () => {
    expect(weightedScore(rubric, all(1))).toEqual({ ok: true, score: 0 });
    expect(weightedScore(rubric, all(5))).toEqual({ ok: true, score: 100 });
    expect(weightedScore(rubric, all(3))).toEqual({ ok: true, score: 50 });
  });

  it("weighs each criterion by its weight", () => {
    // Only the method (weight 30 of 100) at full marks.
    expect(weightedScore(rubric, { ...all(1), methods: 5 })).toEqual({ ok: true, score: 30 });
    // Only relevance (20 of 100) at full marks.
    expect(weightedScore(rubric, { ...all(1), relevance: 5 })).toEqual({ ok: true, score: 20 });
    const mixed = [
      { key: "a", name: "A", weight: 3, maxScore: 10 },
      { key: "b", name: "B", weight: 1, maxScore: 5 },
    ];
    // a: 3 * 9/9 = 3; b: 1 * 0 → 3/4 = 75.
    expect(weightedScore(mixed, { a: 10, b: 1 })).toEqual({ ok: true, score: 75 });
  });

  it("refuses a missing criterion, naming it", () => {
    const { methods: _, ...rest } = all(4);
    expect(weightedScore(rubric, rest)).toMatchObject({ ok: false, code: "INVALID", field: "scores.methods", message: "Score Scientific method before submitting." });
  });

  it("refuses scores out of range, not whole, or for a criterion the rubric lacks", () => {
    expect(weightedScore(rubric, { ...all(3), originality: 6 })).toMatchObject({ ok: false, field: "scores.originality", message: "Originality is scored from 1 to 5." });
    expect(weightedScore(rubric, { ...all(3), originality: 0 })).toMatchObject({ ok: false, field: "scores.originality" });
    expect(weightedScore(rubric, { ...all(3), results: 2.5 })).toMatchObject({ ok: false, field: "scores.results" });
    expect(weightedScore(rubric, { ...all(3), charm: 5 })).toMatchObject({ ok: false, field: "scores.charm" });
    expect(weightedScore([], {})).toMatchObject({ ok: false });
  });

  it("lets a draft leave criteria out but not hold a wrong mark", () => {
    expect(scoreProblems(rubric, { originality: 4 }, { complete: false })).toEqual([]);
    expect(scoreProblems(rubric, { originality: 9 }, { complete: false })).toHaveLength(1);
    expect(scoreProblems(rubric, { originality: 4 }, { complete: true })).toHaveLength(3);
  });
});
