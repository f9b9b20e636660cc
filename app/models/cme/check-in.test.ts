// The pure pieces of door check-in: the scan form (a QR token or a person, never
// both or neither) and the words and colours of the page's result.
import { describe, expect, it } from "vitest";
import { describeScan, ScanFormSchema } from "./check-in";

const base = { door: "entrance", direction: "IN", scanId: "abcdefgh1234" };

describe("the scan form", () => {
  it("takes a QR token or a registration, not both and not neither", () => {
    expect(ScanFormSchema.safeParse({ ...base, token: "SIR23-X.sig" }).success).toBe(true);
    expect(ScanFormSchema.safeParse({ ...base, registrationId: "r1" }).success).toBe(true);
    expect(ScanFormSchema.safeParse({ ...base, token: "SIR23-X.sig", registrationId: "r1" }).success).toBe(false);
    expect(ScanFormSchema.safeParse(base).success).toBe(false);
  });

  it("refuses a way other than in or out, a scan id that is not one, and a time that is not a time", () => {
    expect(ScanFormSchema.safeParse({ ...base, registrationId: "r1", direction: "UP" }).success).toBe(false);
    expect(ScanFormSchema.safeParse({ ...base, registrationId: "r1", scanId: "short" }).success).toBe(false);
    expect(ScanFormSchema.safeParse({ ...base, registrationId: "r1", scanId: "has spaces in it" }).success).toBe(false);
    expect(ScanFormSchema.safeParse({ ...base, registrationId: "r1", scannedAt: "yesterday" }).success).toBe(false);
    expect(ScanFormSchema.safeParse({ ...base, registrationId: "r1", scannedAt: "2023-03-05T16:00:00.000Z" }).success).toBe(true);
  });
});

describe("the result line", () => {
  const person = { name: "Ada Door", category: "Member physician" };
  it("is green for a recorded passage, amber for a repeat, red with the reason for a refusal", () => {
    expect(describeScan({ ok: true, result: "RECORDED", direction: "IN", ...person })).toEqual({ tone: "success", text: "Checked in: Ada Door · Member physician" });
    expect(describeScan({ ok: true, result: "RECORDED", direction: "OUT", ...person })).toEqual({ tone: "success", text: "Checked out: Ada Door · Member physician" });
    expect(describeScan({ ok: true, result: "REPEAT", direction: "IN", ...person })).toEqual({ tone: "warning", text: "Already checked in: Ada Door · Member physician" });
    expect(describeScan({ ok: false, message: "Ada Door's registration was cancelled." })).toEqual({ tone: "error", text: "Not valid: Ada Door's registration was cancelled." });
  });
});
