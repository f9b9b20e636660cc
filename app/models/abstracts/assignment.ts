// Automatic reviewer assignment for a call for abstracts: every abstract to N
// reviewers who cover its topic and have no conflict with it, with the load
// spread as evenly as the topics allow.
//
// Why an optimizer and not a greedy pass: greedy "give it to the least loaded
// eligible reviewer" strands abstracts of a rare topic once that topic's few
// reviewers are full, and cannot undo an early choice. The problem is a
// min-cost flow (abstract → reviewer → load), so its linear program has whole
// solutions: HiGHS (a well-kept open-source solver, as WebAssembly) solves a
// 150-abstract, 20-reviewer call in well under a second. Each reviewer's load
// costs 1 for the first abstract, 2 for the second and so on, so the cheapest
// plan is the most even one; an abstract left short of N costs far more than
// any load, so nobody is left short while a reviewer could still take it.
//
// Assignments already made (kept: a reviewer may have started) count toward
// loads and are never moved; pairs an organizer removed by hand are excluded.
import loadHighs from "highs";

export type AssignmentProblem = {
  abstracts: { id: string; topicId: string }[];
  reviewers: { id: string; topicIds: string[] }[];
  /** Reviewers each abstract should have. */
  perAbstract: number;
  /** True when the reviewer may not review the abstract (same institution, co-author, declared). */
  conflicted: (abstractId: string, reviewerId: string) => boolean;
  /** Assignments that stay as they are. */
  kept?: Pair[];
  /** Pairs an organizer took out by hand: never proposed again. */
  excluded?: Pair[];
};

export type Pair = { abstractId: string; reviewerId: string };

export type AssignmentPlan = {
  /** New assignments to add to the kept ones. */
  added: Pair[];
  /** Abstracts that could not get `perAbstract` reviewers, and how many they lack. */
  short: { abstractId: string; missing: number }[];
  /** Every reviewer's load, kept and added. */
  loads: Map<string, number>;
};

const key = (pair: Pair) => `${pair.abstractId}\u0000${pair.reviewerId}`;

// Above the largest load cost any plan can have, so filling a missing review always wins.
const shortPenalty = (maxLoad: number) => (maxLoad + 1) * (maxLoad + 2);

let solver: ReturnType<typeof loadHighs> | undefined;

export async function planAssignments(problem: AssignmentProblem): Promise<AssignmentPlan> {
  const kept = problem.kept ?? [];
  const taken = new Set([...kept, ...(problem.excluded ?? [])].map(key));
  const keptPer = new Map<string, number>();
  const loads = new Map(problem.reviewers.map((reviewer) => [reviewer.id, 0]));
  for (const pair of kept) {
    keptPer.set(pair.abstractId, (keptPer.get(pair.abstractId) ?? 0) + 1);
    if (loads.has(pair.reviewerId)) loads.set(pair.reviewerId, loads.get(pair.reviewerId)! + 1);
  }

  // The candidate pairs: topic covered, no conflict, not kept or excluded already.
  const candidates: Pair[] = [];
  const needs = new Map<string, number>();
  for (const abstract of problem.abstracts) {
    const need = Math.max(0, problem.perAbstract - (keptPer.get(abstract.id) ?? 0));
    needs.set(abstract.id, need);
    if (!need) continue;
    for (const reviewer of problem.reviewers) {
      const pair = { abstractId: abstract.id, reviewerId: reviewer.id };
      if (reviewer.topicIds.includes(abstract.topicId) && !taken.has(key(pair)) && !problem.conflicted(abstract.id, reviewer.id)) candidates.push(pair);
    }
  }
  const open = problem.abstracts.filter((abstract) => needs.get(abstract.id)! > 0);
  if (!open.length) return { added: [], short: [], loads };

  // CPLEX LP text with index names (x<pair>, s<abstract>, u<reviewer>_<step>), so no id needs escaping.
  const reviewerIndex = new Map(problem.reviewers.map((reviewer, index) => [reviewer.id, index]));
  const byAbstract = new Map<string, number[]>();
  const byReviewer = new Map<number, number[]>();
  candidates.forEach((pair, index) => {
    byAbstract.set(pair.abstractId, [...(byAbstract.get(pair.abstractId) ?? []), index]);
    const reviewer = reviewerIndex.get(pair.reviewerId)!;
    byReviewer.set(reviewer, [...(byReviewer.get(reviewer) ?? []), index]);
  });
  const maxLoad = Math.max(0, ...loads.values()) + candidates.length;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  open.forEach((abstract, a) => {
    objective.push(`${shortPenalty(maxLoad)} s${a}`);
    const terms = (byAbstract.get(abstract.id) ?? []).map((index) => `x${index}`);
    rows.push(`n${a}: ${[...terms, `s${a}`].join(" + ")} = ${needs.get(abstract.id)}`);
    bounds.push(`s${a} >= 0`);
  });
  for (const [reviewer, indexes] of byReviewer) {
    // Load steps above what is kept: the k-th extra abstract costs (kept + k).
    const base = loads.get(problem.reviewers[reviewer]!.id)!;
    const steps = indexes.map((_, step) => `u${reviewer}_${step}`);
    steps.forEach((step, k) => {
      objective.push(`${base + k + 1} ${step}`);
      bounds.push(`0 <= ${step} <= 1`);
    });
    rows.push(`l${reviewer}: ${indexes.map((index) => `x${index}`).join(" + ")} - ${steps.join(" - ")} = 0`);
  }
  const lp = ["Minimize", ` cost: ${objective.join(" + ")}`, "Subject To", ...rows.map((row) => ` ${row}`), "Bounds", ...bounds.map((bound) => ` ${bound}`)];
  if (candidates.length) lp.push("Binaries", ` ${candidates.map((_, index) => `x${index}`).join(" ")}`);
  lp.push("End");

  solver ??= loadHighs();
  const result = (await solver).solve(lp.join("\n"), { output_flag: false });
  if (result.Status !== "Optimal") throw new Error(`Reviewer assignment: the solver ended with ${result.Status}`);
  const chosen = (name: string) => {
    const column = result.Columns[name];
    return column !== undefined && "Primal" in column && column.Primal > 0.5;
  };

  const added = candidates.filter((_, index) => chosen(`x${index}`));
  const got = new Map<string, number>();
  for (const pair of added) {
    got.set(pair.abstractId, (got.get(pair.abstractId) ?? 0) + 1);
    loads.set(pair.reviewerId, loads.get(pair.reviewerId)! + 1);
  }
  const short = open
    .map((abstract) => ({ abstractId: abstract.id, missing: needs.get(abstract.id)! - (got.get(abstract.id) ?? 0) }))
    .filter((row) => row.missing > 0);
  return { added, short, loads };
}
