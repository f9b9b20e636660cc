import { describe, expect, it } from "vitest";
import { callPhase, writingWindow } from "./window";

// Phoenix keeps MST all year: 23:59 MST on March 1 is 06:59 UTC on March 2.
const zone = "America/Phoenix";
const call = {
  opensAt: new Date("2026-12-01T07:00:00Z"),
  closesAt: new Date("2027-03-02T06:59:00Z"),
  lateBreakingOpensAt: null,
  lateBreakingClosesAt: null,
};
const late = { ...call, lateBreakingOpensAt: new Date("2027-03-05T07:00:00Z"), lateBreakingClosesAt: new Date("2027-03-10T07:00:00Z") };

describe("the call's writing window", () => {
  it("refuses before the opening, naming it in the meeting's zone", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(callPhase(call, now)).toBe("before");
    expect(writingWindow(call, zone, now)).toEqual({ ok: false, message: "The call opens on Tuesday, December 1, 2026, 12:00 AM MST." });
  });

  it("is open until the deadline's instant, then closed with the deadline in the meeting's zone", () => {
    expect(writingWindow(call, zone, new Date("2027-03-02T06:58:59Z"))).toEqual({ ok: true, lateBreaking: false });
    expect(writingWindow(call, zone, new Date("2027-03-02T06:59:00Z"))).toEqual({ ok: false, message: "The call closed on Monday, March 1, 2027, 11:59 PM MST." });
  });

  it("opens again for late-breaking abstracts: drafts and late ones, not regular submitted ones", () => {
    const between = new Date("2027-03-03T12:00:00Z");
    expect(callPhase(late, between)).toBe("between");
    expect(writingWindow(late, zone, between).ok).toBe(false);
    const inside = new Date("2027-03-06T12:00:00Z");
    expect(callPhase(late, inside)).toBe("late-breaking");
    expect(writingWindow(late, zone, inside)).toEqual({ ok: true, lateBreaking: true });
    expect(writingWindow(late, zone, inside, { submitted: false, lateBreaking: false })).toEqual({ ok: true, lateBreaking: true });
    expect(writingWindow(late, zone, inside, { submitted: true, lateBreaking: true })).toEqual({ ok: true, lateBreaking: true });
    expect(writingWindow(late, zone, inside, { submitted: true, lateBreaking: false }).ok).toBe(false);
    const after = writingWindow(late, zone, new Date("2027-03-10T07:00:00Z"));
    expect(after).toEqual({ ok: false, message: "The call closed on Monday, March 1, 2027, 11:59 PM MST, and late-breaking abstracts closed on Wednesday, March 10, 2027, 12:00 AM MST." });
  });
});
