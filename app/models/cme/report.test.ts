import { describe, expect, it } from "vitest";
import { answerCell, claimFigures, claimsPerSession, percent, responseRows } from "./report";

const claims = [
  { creditType: "AMA_PRA" as const, totalQuarters: 40, saCmeQuarters: 4, sessions: [{ sessionId: "a", quarters: 30, selfReported: false }, { sessionId: "b", quarters: 14, selfReported: true }] },
  { creditType: "PARTICIPATION" as const, totalQuarters: 3, saCmeQuarters: 0, sessions: [{ sessionId: "a", quarters: 3, selfReported: false }] },
];

describe("the report's arithmetic", () => {
  it("adds up claims by credit type; the self-reported share is of the credit claimed per session, before the cap", () => {
    expect(claimFigures(claims)).toEqual({
      learners: 2,
      physicians: 1,
      others: 1,
      totalQuarters: 43,
      amaPraQuarters: 40,
      participationQuarters: 3,
      saCmeQuarters: 4,
      selfReportedQuarters: 14,
      sessionQuarters: 47,
    });
    expect(claimFigures([])).toMatchObject({ learners: 0, totalQuarters: 0 });
  });

  it("lists every session given, claimed or not", () => {
    expect(claimsPerSession([{ id: "a" }, { id: "b" }, { id: "c" }], claims)).toEqual([
      { session: { id: "a" }, quarters: 33, claimants: 2, selfReported: 0 },
      { session: { id: "b" }, quarters: 14, claimants: 1, selfReported: 1 },
      { session: { id: "c" }, quarters: 0, claimants: 0, selfReported: 0 },
    ]);
  });

  it("writes shares and answers as people read them", () => {
    expect(percent(1, 3)).toBe("33%");
    expect(percent(0, 0)).toBe("–");
    expect(answerCell(4)).toBe("4");
    expect(answerCell(["In person", "Live online"])).toBe("In person; Live online");
    expect(answerCell({ free: false, detail: "Brand names" })).toBe("No: Brand names");
    expect(answerCell({ free: true, detail: "" })).toBe("Yes");
    expect(answerCell(undefined)).toBe("");
  });

  it("orders response rows by content, not by who answered first", () => {
    const questions = [{ id: "q", kind: "RATING" as const, prompt: "?", options: [], required: true }];
    expect(responseRows(questions, [{ session: "B", answers: { q: 2 } }, { session: "A", answers: { q: 5 } }, { session: "A", answers: { q: 1 } }])).toEqual([["A", "1"], ["A", "5"], ["B", "2"]]);
  });
});
