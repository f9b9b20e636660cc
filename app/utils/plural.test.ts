import { describe, expect, it } from "vitest";
import { counted, plural } from "./plural";

describe("counts in words", () => {
  it("uses the singular for exactly one and the plural for everything else", () => {
    expect(counted(1, "session")).toBe("1 session");
    expect(counted(0, "session")).toBe("0 sessions");
    expect(counted(2, "session")).toBe("2 sessions");
    expect(counted(21, "session")).toBe("21 sessions");
  });

  it("takes an irregular plural", () => {
    expect(counted(1, "match", "matches")).toBe("1 match");
    expect(counted(4, "match", "matches")).toBe("4 matches");
    expect(counted(1, "country", "countries")).toBe("1 country");
    expect(counted(5, "schedule entry", "schedule entries")).toBe("5 schedule entries");
  });

  it("gives the word alone for sentences that put the number elsewhere", () => {
    expect(plural(1, "day")).toBe("day");
    expect(plural(3, "day")).toBe("days");
  });
});
