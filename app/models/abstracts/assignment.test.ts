import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "../../../prisma/seed/random";
import { planAssignments, type AssignmentProblem, type Pair } from "./assignment";

const key = (pair: Pair) => `${pair.abstractId} ${pair.reviewerId}`;

/** A random call: topics, abstracts, reviewers with 1–3 topics, a few conflicts. */
function randomCall(random: Random, size: { abstracts: number; reviewers: number; topics: number; conflictRate: number }): AssignmentProblem {
  const topics = Array.from({ length: size.topics }, (_, t) => `t${t}`);
  const abstracts = Array.from({ length: size.abstracts }, (_, a) => ({ id: `a${a}`, topicId: random.pick(topics) }));
  // Every topic has at least four reviewers, so N = 3 is always possible with a few conflicts.
  const reviewers = Array.from({ length: size.reviewers }, (_, r) => ({
    id: `r${r}`,
    topicIds: [...new Set([topics[r % size.topics]!, topics[(r + 1) % size.topics]!, ...(random.next() < 0.5 ? [random.pick(topics)] : [])])],
  }));
  const conflicts = new Set<string>();
  for (const abstract of abstracts) for (const reviewer of reviewers) if (random.next() < size.conflictRate) conflicts.add(`${abstract.id} ${reviewer.id}`);
  return { abstracts, reviewers, perAbstract: 3, conflicted: (a, r) => conflicts.has(`${a} ${r}`) };
}

/** Checks a plan against its problem: eligibility, no duplicates, N each, and returns every pair. */
function checkPlan(problem: AssignmentProblem, plan: Awaited<ReturnType<typeof planAssignments>>) {
  const all = [...(problem.kept ?? []), ...plan.added];
  expect(new Set(all.map(key)).size).toBe(all.length);
  const topics = new Map(problem.reviewers.map((reviewer) => [reviewer.id, reviewer.topicIds]));
  const topicOf = new Map(problem.abstracts.map((abstract) => [abstract.id, abstract.topicId]));
  for (const pair of plan.added) {
    expect(problem.conflicted(pair.abstractId, pair.reviewerId)).toBe(false);
    expect(topics.get(pair.reviewerId)).toContain(topicOf.get(pair.abstractId));
  }
  const per = new Map<string, number>();
  for (const pair of all) per.set(pair.abstractId, (per.get(pair.abstractId) ?? 0) + 1);
  for (const abstract of problem.abstracts) {
    const missing = plan.short.find((row) => row.abstractId === abstract.id)?.missing ?? 0;
    expect(per.get(abstract.id) ?? 0).toBe(problem.perAbstract - missing);
  }
  return all;
}

describe("planAssignments", () => {
  it("gives every abstract N reviewers and loads that differ by at most one when every reviewer covers every topic", async () => {
    const random = createRandom("even");
    const problem = randomCall(random, { abstracts: 150, reviewers: 20, topics: 1, conflictRate: 0.05 });
    const plan = await planAssignments(problem);
    checkPlan(problem, plan);
    expect(plan.short).toEqual([]);
    const loads = [...plan.loads.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((sum, load) => sum + load, 0)).toBe(450);
  });

  it("on random calls, leaves no abstract short and no move that would even out two loads", async () => {
    for (let run = 0; run < 8; run++) {
      const random = createRandom(`call-${run}`);
      const problem = randomCall(random, { abstracts: random.int(20, 160), reviewers: random.int(8, 25), topics: random.int(2, 6), conflictRate: 0.08 });
      const plan = await planAssignments(problem);
      const all = checkPlan(problem, plan);
      expect(plan.short).toEqual([]);
      // Balanced as far as topics allow: no abstract could move from a reviewer to one with a load two or more lower.
      const assigned = new Set(all.map(key));
      for (const pair of plan.added) {
        for (const other of problem.reviewers) {
          const topic = problem.abstracts.find((abstract) => abstract.id === pair.abstractId)!.topicId;
          const couldTake = other.topicIds.includes(topic) && !problem.conflicted(pair.abstractId, other.id) && !assigned.has(`${pair.abstractId} ${other.id}`);
          if (couldTake) expect(plan.loads.get(pair.reviewerId)! - plan.loads.get(other.id)!).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("keeps assignments already made, counts them in the loads, and never proposes an excluded pair", async () => {
    const abstracts = ["a1", "a2", "a3", "a4"].map((id) => ({ id, topicId: "liver" }));
    const reviewers = ["r1", "r2", "r3"].map((id) => ({ id, topicIds: ["liver"] }));
    const kept = [
      { abstractId: "a1", reviewerId: "r1" },
      { abstractId: "a2", reviewerId: "r1" },
    ];
    const excluded = [{ abstractId: "a3", reviewerId: "r2" }];
    const problem = { abstracts, reviewers, perAbstract: 1, conflicted: () => false, kept, excluded };
    const plan = await planAssignments(problem);
    checkPlan(problem, plan);
    expect(plan.added.map(key).sort()).toEqual(["a3 r3", "a4 r2"]);
    expect(Object.fromEntries(plan.loads)).toEqual({ r1: 2, r2: 1, r3: 1 });
  });

  it("says which abstracts it could not cover, and by how many, rather than failing", async () => {
    const problem: AssignmentProblem = {
      abstracts: [
        { id: "rare", topicId: "pediatric" },
        { id: "common", topicId: "liver" },
      ],
      reviewers: [
        { id: "r1", topicIds: ["pediatric", "liver"] },
        { id: "r2", topicIds: ["liver"] },
        { id: "r3", topicIds: ["liver"] },
      ],
      perAbstract: 2,
      conflicted: (abstract, reviewer) => abstract === "rare" && reviewer === "r1",
    };
    const plan = await planAssignments(problem);
    checkPlan(problem, plan);
    expect(plan.short).toEqual([{ abstractId: "rare", missing: 2 }]);
    expect(plan.added).toHaveLength(2);
  });
});
