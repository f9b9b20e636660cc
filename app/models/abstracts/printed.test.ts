import { describe, expect, it } from "vitest";
import { affiliations, printedSections } from "./printed";

describe("affiliations", () => {
  it("numbers each institution once, in order of first appearance", () => {
    const result = affiliations([
      { name: "A", institution: "Mayo Clinic", city: "Rochester", country: "USA", presenting: true },
      { name: "B", institution: "Stanford University", presenting: false },
      { name: "C", institution: "Mayo Clinic", city: "Rochester", country: "USA", presenting: false },
    ]);
    expect(result.places).toEqual(["Mayo Clinic, Rochester, USA", "Stanford University"]);
    expect(result.numbers).toEqual([1, 2, 1]);
  });
});

describe("printedSections", () => {
  it("follows the call's order and leaves unwritten sections blank", () => {
    const sections = [
      { key: "purpose", title: "Purpose" },
      { key: "results", title: "Results" },
    ];
    expect(printedSections(sections, { results: "42%", purpose: "Why" })).toEqual([
      { title: "Purpose", text: "Why" },
      { title: "Results", text: "42%" },
    ]);
    expect(printedSections(sections, null)).toEqual([
      { title: "Purpose", text: "" },
      { title: "Results", text: "" },
    ]);
  });
});
