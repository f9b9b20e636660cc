import { describe, expect, it } from "vitest";
import { movedOnePlace } from "./order";

describe("movedOnePlace", () => {
  const items = ["a", "b", "c"] as const;

  it("swaps the item with its neighbour in the direction asked, leaving the list it was given alone", () => {
    expect(movedOnePlace(items, 1, "up")).toEqual(["b", "a", "c"]);
    expect(movedOnePlace(items, 1, "down")).toEqual(["a", "c", "b"]);
    expect(items).toEqual(["a", "b", "c"]);
  });

  it("gives null for a move past either end, or for an item not in the list", () => {
    expect(movedOnePlace(items, 0, "up")).toBeNull();
    expect(movedOnePlace(items, 2, "down")).toBeNull();
    expect(movedOnePlace(items, -1, "down")).toBeNull();
  });
});
