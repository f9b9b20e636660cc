// The scoring rubric: each criterion scored 1..maxScore and weighted. The total
// is on a 0-100 scale where the lowest mark on every criterion is 0 and the
// highest is 100, so a call whose criteria use different scales (1-5 beside
// 1-10) still ranks fairly. Pure, so the review page shows the same number the
// server stores in AbstractReview.score.
import { refuse, type Refusal } from "../refusal";

export type Criterion = { key: string; name: string; weight: number; maxScore: number };
export type Scores = Record<string, number>;

/** Out-of-range or non-whole scores, for drafts too: a draft may leave criteria out, never hold a wrong mark. */
export function scoreProblems(criteria: readonly Criterion[], scores: Scores, { complete }: { complete: boolean }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const known = new Set(criteria.map((criterion) => criterion.key));
  for (const key of Object.keys(scores)) if (!known.has(key)) problems.push({ field: `scores.${key}`, message: `There is no criterion "${key}" in this rubric.` });
  for (const criterion of criteria) {
    const value = scores[criterion.key];
    if (value === undefined) {
      if (complete) problems.push({ field: `scores.${criterion.key}`, message: `Score ${criterion.name} before submitting.` });
      continue;
    }
    if (!Number.isInteger(value) || value < 1 || value > criterion.maxScore) problems.push({ field: `scores.${criterion.key}`, message: `${criterion.name} is scored from 1 to ${criterion.maxScore}.` });
  }
  return problems;
}

/** The weighted total (0-100, one decimal) of a complete set of scores, or the refusal saying what is missing or wrong. */
export function weightedScore(criteria: readonly Criterion[], scores: Scores): { ok: true; score: number } | Refusal {
  if (!criteria.length) return refuse("INVALID", "This call has no scoring rubric yet.");
  const [first, ...rest] = scoreProblems(criteria, scores, { complete: true });
  if (first) return rest.length ? { ...refuse("INVALID", first.message, first.field), also: rest } : refuse("INVALID", first.message, first.field);
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (totalWeight <= 0) return refuse("INVALID", "The rubric's weights add up to nothing.");
  const points = criteria.reduce((sum, criterion) => {
    // A one-point scale carries no judgement: full marks.
    const share = criterion.maxScore > 1 ? (scores[criterion.key]! - 1) / (criterion.maxScore - 1) : 1;
    return sum + criterion.weight * share;
  }, 0);
  return { ok: true, score: Math.round((points / totalWeight) * 1000) / 10 };
}
