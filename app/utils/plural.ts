// Counts in words: "1 session", "2 sessions", "0 sessions". One place that
// knows the plural rule (Intl.PluralRules, the one the browser and Node share),
// so no page prints "1 sessions" or "1 schedule entries" again.
const rules = new Intl.PluralRules("en-US");

/** The noun that goes with `count`: `one` for exactly one, `other` (by default `one` + "s") for the rest. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === "one" ? one : other;
}

/** `count` and its noun: `counted(1, "match", "matches")` is "1 match", `counted(3, "session")` is "3 sessions". */
export function counted(count: number, one: string, other = `${one}s`): string {
  return `${count} ${plural(count, one, other)}`;
}
