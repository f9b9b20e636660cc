import { describe, expect, it } from "vitest";
import { conflictsIn, institutionKey } from "./conflicts";

const author = (email: string, institution: string | null) => ({ email, institution });
const reviewer = (email: string, institution: string | null, declared: string[] = []) => ({ email, institution, declared: new Set(declared) });

describe("institutionKey", () => {
  it("reads two spellings of one institution as the same", () => {
    expect(institutionKey("The University of Texas M.D. Anderson Cancer Center")).toBe(institutionKey("university of texas md anderson cancer center"));
    expect(institutionKey("Hôpital Européen Georges-Pompidou")).toBe(institutionKey("Hopital Europeen Georges Pompidou"));
    expect(institutionKey("Mayo Clinic & Foundation")).toBe(institutionKey("Mayo Clinic and Foundation"));
  });

  it("keeps different institutions apart, and has no key for a blank", () => {
    expect(institutionKey("Mayo Clinic Arizona")).not.toBe(institutionKey("Mayo Clinic Florida"));
    expect(institutionKey("  ")).toBeNull();
    expect(institutionKey(null)).toBeNull();
  });
});

describe("conflictsIn", () => {
  const call = conflictsIn([
    { id: "a1", authors: [author("lee@uw.edu", "University of Washington"), author("kim@stanford.edu", "Stanford University")] },
    { id: "a2", authors: [author("kim@stanford.edu", "Stanford University"), author("ortiz@mgh.org", "Massachusetts General Hospital")] },
    { id: "a3", authors: [author("patel@emory.edu", "Emory University")] },
  ]);

  it("an author may not review their own abstract", () => {
    expect(call.reasonFor("a1", reviewer("LEE@uw.edu ", null))).toBe("author");
  });

  it("nor an abstract from their institution, however it is spelled", () => {
    expect(call.reasonFor("a1", reviewer("chair@uw.edu", "the University of Washington"))).toBe("same-institution");
    expect(call.reasonFor("a3", reviewer("chair@uw.edu", "University of Washington"))).toBeNull();
  });

  it("nor one by someone they wrote another abstract of the call with", () => {
    // Ortiz wrote a2 with Kim; Kim is an author of a1.
    expect(call.reasonFor("a1", reviewer("ortiz@mgh.org", "Massachusetts General Hospital"))).toBe("co-author");
    expect(call.reasonFor("a3", reviewer("ortiz@mgh.org", "Massachusetts General Hospital"))).toBeNull();
  });

  it("nor one they declared a conflict with", () => {
    expect(call.reasonFor("a3", reviewer("x@y.org", "Elsewhere", ["a3"]))).toBe("declared");
  });

  it("does not read two authors given without an address as one person", () => {
    const blanks = conflictsIn([
      { id: "b1", authors: [{ email: null, institution: "Duke University" }, { email: "reviewer@uw.edu", institution: "University of Washington" }] },
      { id: "b2", authors: [{ email: null, institution: "Emory University" }] },
    ]);
    // The reviewer co-wrote b1 with an author who has no address; b2's author has none either: no conflict.
    expect(blanks.reasonFor("b2", reviewer("reviewer@uw.edu", "University of Washington"))).toBeNull();
    expect(blanks.reasonFor("b2", reviewer("other@x.org", "Emory University"))).toBe("same-institution");
  });
});
