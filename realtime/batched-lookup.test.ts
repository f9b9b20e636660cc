import { expect, it } from "vitest";
import { BatchedLookup } from "./batched-lookup";

/** A fetch that records each batch and answers when told to. */
function controlledFetch() {
  const batches: string[][] = [];
  const answers: (() => void)[] = [];
  const fetch = (keys: string[]) => {
    batches.push(keys);
    return new Promise<Map<string, string>>((resolve) => answers.push(() => resolve(new Map(keys.filter((k) => k !== "missing").map((k) => [k, k.toUpperCase()])))));
  };
  return { fetch, batches, answerNext: () => answers.shift()!() };
}

it("asks at once when idle, then gathers what is asked meanwhile into one batch, each key once", async () => {
  const { fetch, batches, answerNext } = controlledFetch();
  const lookup = new BatchedLookup(fetch);
  const first = lookup.load("a");
  expect(batches).toEqual([["a"]]);
  const waiting = ["b", "c", "b", "missing"].map((key) => lookup.load(key));
  expect(batches).toHaveLength(1);
  answerNext();
  expect(await first).toBe("A");
  await Promise.resolve();
  expect(batches).toEqual([["a"], ["b", "c", "missing"]]);
  answerNext();
  expect(await Promise.all(waiting)).toEqual(["B", "C", "B", undefined]);
});

it("a failed query fails its batch only; the next lookups are asked again", async () => {
  let calls = 0;
  const lookup = new BatchedLookup(async (keys: string[]) => {
    calls += 1;
    if (calls === 1) throw new Error("connection lost");
    return new Map(keys.map((k) => [k, k.length]));
  });
  await expect(lookup.load("one")).rejects.toThrow("connection lost");
  expect(await lookup.load("three")).toBe(5);
});

it("splits a crowd into batches of at most maxBatch keys", async () => {
  const sizes: number[] = [];
  const lookup = new BatchedLookup(async (keys: string[]) => {
    sizes.push(keys.length);
    return new Map(keys.map((k) => [k, k]));
  }, 3);
  const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
  expect(await Promise.all(keys.map((key) => lookup.load(key)))).toEqual(keys);
  expect(sizes).toEqual([1, 3, 3, 1]);
});
