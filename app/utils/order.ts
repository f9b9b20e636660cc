// Moving one item of an ordered list (a call's topics, a session's talks or
// speakers, an evaluation's questions) one place up or down: the one rule
// behind every "Move up" and "Move down" button.
export type Direction = "up" | "down";

/** `items` with the one at `index` swapped with its neighbour above or below; null when it is already at that end (or not in the list). */
export function movedOnePlace<T>(items: readonly T[], index: number, direction: Direction): T[] | null {
  const to = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return null;
  const order = [...items];
  [order[index], order[to]] = [order[to]!, order[index]!];
  return order;
}
