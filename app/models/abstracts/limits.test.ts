import { describe, expect, it } from "vitest";
import { countBody, countCharacters, countWords, describeCount, limitProblems } from "./limits";

describe("counting an abstract's sections", () => {
  it("counts code points, and a CRLF line break as one character, like the textarea", () => {
    expect(countCharacters("abc")).toBe(3);
    expect(countCharacters("a\r\nb")).toBe(3);
    expect(countCharacters("a\nb")).toBe(3);
    expect(countCharacters("café 🙂")).toBe(6);
  });

  it("counts words split by any white space", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   ")).toBe(0);
    expect(countWords(" Two  words\n")).toBe(2);
    expect(countWords("one\ttwo\r\nthree")).toBe(3);
  });

  it("flags each section over its own limit and the total over the overall limit", () => {
    const sections = [
      { key: "purpose", title: "Purpose", limit: 5, unit: "CHARACTERS" as const },
      { key: "results", title: "Results", limit: 2, unit: "WORDS" as const },
    ];
    const fits = countBody(sections, { purpose: "12345", results: "two words" }, 20);
    expect(fits.sections.map((s) => s.over)).toEqual([false, false]);
    expect(fits.totalCharacters).toBe(14);
    expect(limitProblems(fits)).toEqual([]);

    const over = countBody(sections, { purpose: "123456", results: "three short words" }, 10);
    expect(limitProblems(over)).toEqual([
      { field: "body.purpose", message: "Purpose is 1 character over its limit of 5 characters." },
      { field: "body.results", message: "Results is 1 word over its limit of 2 words." },
      { field: "body", message: "All sections together are 13 characters over the overall limit of 10." },
    ]);
  });

  it("has no overall limit when the call sets none", () => {
    const count = countBody([{ key: "a", title: "A", limit: 100, unit: "CHARACTERS" }], { a: "x".repeat(90) }, null);
    expect(count.totalOver).toBe(false);
  });

  it("says the count as the form shows it", () => {
    expect(describeCount(1234, 4000, "CHARACTERS")).toBe("1,234 / 4,000 characters");
    expect(describeCount(3, 250, "WORDS")).toBe("3 / 250 words");
  });
});
