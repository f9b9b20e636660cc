// The committee's ranking of the reviewed abstracts: per abstract the mean of
// the submitted review scores (0–100), their spread (population standard
// deviation), how many there are, the reviewers' recommendations tallied, and
// flags for what a chair should look at before deciding: a review far from
// the others (one reviewer's outlier can make or break an abstract) and an
// abstract the reviewers disagree on. Pure: the decisions page and its tests use it.
import type { AbstractDecision } from "~/generated/prisma/enums";

/** A review scoring further than this from the mean of the other reviews of the abstract is flagged. */
export const OUTLIER_DISTANCE = 25;
/** A spread (standard deviation) at or above this marks the reviewers as disagreeing. */
export const HIGH_SPREAD = 15;

export type ScoredReview = { id: string; score: number; recommendation: AbstractDecision | null };
export type RankInput = { id: string; number: number | null; reviews: ScoredReview[] };

export type Tally = Record<AbstractDecision, number>;

export type Ranked<T extends RankInput> = T & {
  /** 1 for the best; abstracts without a review come last, unranked (null). */
  rank: number | null;
  mean: number | null;
  spread: number | null;
  count: number;
  /** The ids of reviews scoring more than OUTLIER_DISTANCE from the mean of the rest. */
  outliers: string[];
  highSpread: boolean;
  recommendations: Tally;
};

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function standardDeviation(values: readonly number[]): number {
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

/**
 * The review furthest from the mean of the others, when that is more than
 * OUTLIER_DISTANCE: with three reviews 80, 85 and 30, the 85 is also 30 points
 * from the mean of 80 and 30, but it is the 30 that is off, so only the
 * furthest counts (two far-apart reviews are both flagged: neither is surer).
 * One review alone has no others and is never an outlier.
 */
export function outlierReviews(reviews: readonly ScoredReview[]): string[] {
  if (reviews.length < 2) return [];
  const distances = reviews.map((review) => {
    const rest = reviews.filter((other) => other !== review).map((other) => other.score);
    return Math.abs(review.score - mean(rest));
  });
  const furthest = Math.max(...distances);
  if (furthest <= OUTLIER_DISTANCE) return [];
  return reviews.filter((_, index) => distances[index] === furthest).map((review) => review.id);
}

export function tallyRecommendations(reviews: readonly ScoredReview[]): Tally {
  const tally: Tally = { ORAL: 0, POSTER: 0, EPOSTER: 0, REJECT: 0 };
  for (const review of reviews) if (review.recommendation) tally[review.recommendation]++;
  return tally;
}

/**
 * Ranks by mean score, best first. Ties go to the abstract more reviewers
 * scored (the surer mean), then to the smaller spread (the more agreed one),
 * then to the lower number (submitted first), so the order never depends on
 * how the database happened to return the rows. Equal on all of that share a rank.
 */
export function rankAbstracts<T extends RankInput>(abstracts: readonly T[]): Ranked<T>[] {
  const scored = abstracts.map((abstract): Ranked<T> => {
    const scores = abstract.reviews.map((review) => review.score);
    const spread = scores.length ? standardDeviation(scores) : null;
    return {
      ...abstract,
      rank: null,
      mean: scores.length ? mean(scores) : null,
      spread,
      count: scores.length,
      outliers: outlierReviews(abstract.reviews),
      highSpread: spread !== null && scores.length > 1 && spread >= HIGH_SPREAD,
      recommendations: tallyRecommendations(abstract.reviews),
    };
  });
  const order = (a: Ranked<T>, b: Ranked<T>) =>
    (b.mean ?? -1) - (a.mean ?? -1) || b.count - a.count || (a.spread ?? 0) - (b.spread ?? 0);
  scored.sort((a, b) => order(a, b) || (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));
  let previous: Ranked<T> | undefined;
  scored.forEach((entry, index) => {
    if (entry.mean === null) return;
    entry.rank = previous && order(previous, entry) === 0 ? previous.rank : index + 1;
    previous = entry;
  });
  return scored;
}

/** "72.4" — one decimal is as much as a 0–100 mean of a few reviews can mean. */
export function formatScore(value: number | null): string {
  return value === null ? "—" : value.toFixed(1);
}
