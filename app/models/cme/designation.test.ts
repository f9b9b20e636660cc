// The statements ACCME and the AMA ask for word for word, the designation form,
// a session's own credit against its length, and the suggested maximum.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  creditDesignationSchema,
  readSessionCredit,
  standardAccreditationStatement,
  standardDesignationStatement,
  statementsFollowing,
  suggestedMaximumQuarters,
  type CreditedSession,
} from "./designation";

describe("the standard statements", () => {
  it("fills in ACCME's accreditation statement, with “The” before a society's name", () => {
    expect(standardAccreditationStatement("Society of Interventional Radiology")).toBe(
      "The Society of Interventional Radiology is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.",
    );
    expect(standardAccreditationStatement("Mayo Clinic College of Medicine and Science")).toMatch(/^Mayo Clinic College of Medicine and Science is accredited by/);
  });

  it("fills in the AMA's designation statement with the maximum in two decimals", () => {
    expect(standardDesignationStatement("Society of Interventional Oncology", 4 * 18 + 3)).toBe(
      "The Society of Interventional Oncology designates this live activity for a maximum of 18.75 AMA PRA Category 1 Credit(s)™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.",
    );
  });

  it("keeps standard wording in step with a new provider or maximum, but never rewrites an edited statement", () => {
    const previous = { provider: "Society of Interventional Radiology", maxCreditQuarters: 100 };
    const next = { provider: "Society of Interventional Radiology", maxCreditQuarters: 110 };
    const followed = statementsFollowing(previous, {
      ...next,
      accreditationStatement: standardAccreditationStatement(previous.provider),
      designationStatement: standardDesignationStatement(previous.provider, 100),
    });
    expect(followed.designationStatement).toContain("maximum of 27.50 AMA PRA");
    const edited = statementsFollowing(previous, { ...next, accreditationStatement: "Our own words.", designationStatement: "Also ours." });
    expect(edited).toEqual({ accreditationStatement: "Our own words.", designationStatement: "Also ours." });
  });
});

describe("the designation form", () => {
  const schema = creditDesignationSchema("2023-03-09");
  const form = (fields: Record<string, string>) => {
    const formData = new FormData();
    const all = { provider: "Society of Interventional Radiology", accreditationStatement: "A", designationStatement: "B", offersAmaPra: "on", maximum: "28.75", claimDeadline: "2023-06-30", saCmePassingPercent: "70", ...fields };
    for (const [name, value] of Object.entries(all)) if (value !== "") formData.set(name, value);
    return parseWithZod(formData, { schema });
  };

  it("accepts a maximum in 0.25 steps and a deadline after the last day", () => {
    const submission = form({});
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toMatchObject({ offersAmaPra: true, maximum: "28.75" });
  });

  it("puts each mistake under its field", () => {
    const errors = (fields: Record<string, string>) => form(fields).reply().error ?? {};
    expect(errors({ maximum: "28.8" }).maximum?.[0]).toMatch(/steps of 0.25/);
    expect(errors({ maximum: "0" }).maximum?.[0]).toMatch(/more than 0/);
    expect(errors({ maximum: "many" }).maximum?.[0]).toMatch(/number/);
    expect(errors({ claimDeadline: "2023-03-09" }).claimDeadline?.[0]).toMatch(/after the meeting's last day/);
    expect(errors({ claimDeadline: "2023-02-30" }).claimDeadline?.[0]).toMatch(/as a date/);
    expect(errors({ offersAmaPra: "" }).offersAmaPra?.[0]).toMatch(/at least one/);
    expect(errors({ provider: "" }).provider?.[0]).toMatch(/provider/);
    for (const mark of ["", "0", "101", "70.5", "seventy"]) expect(errors({ saCmePassingPercent: mark }).saCmePassingPercent?.[0]).toMatch(/whole percent from 1 to 100/);
    expect(errors({ accmeProviderId: "12 34" }).accmeProviderId?.[0]).toMatch(/letters and digits only/);
    expect(errors({ parsActivityId: "1".repeat(21) }).parsActivityId?.[0]).toMatch(/at most 20/);
  });

  it("reads the SA-CME mark, self-reported attendance and the PARS identifiers", () => {
    const submission = form({ saCmePassingPercent: "80", allowSelfReported: "on", accmeProviderId: " 0000123 ", parsActivityId: "" });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toMatchObject({ saCmePassingPercent: 80, allowSelfReported: true, accmeProviderId: "0000123" });
    if (submission.status === "success") expect(submission.value.parsActivityId).toBeUndefined();
  });
});

describe("a session's own credit", () => {
  it("is blank (follows the length), or a figure in 0.25 steps no more than the length earns", () => {
    expect(readSessionCredit("", 90)).toEqual({ quarters: null });
    expect(readSessionCredit("1.25", 90)).toEqual({ quarters: 5 });
    expect(readSessionCredit("1.5", 90)).toEqual({ quarters: 6 });
    expect(readSessionCredit("1.6", 90)).toMatchObject({ error: expect.stringMatching(/0.25/) });
    expect(readSessionCredit("1.75", 90)).toMatchObject({ error: expect.stringMatching(/at most 1.50/) });
  });
});

describe("the suggested maximum", () => {
  const at = (start: string, end: string, extra: Partial<CreditedSession> = {}): CreditedSession => ({
    slug: `${start}-${end}`,
    cmeAccredited: true,
    creditQuarters: null,
    startsAt: `2023-03-05T${start}:00Z`,
    endsAt: `2023-03-05T${end}:00Z`,
    status: "SCHEDULED",
    ...extra,
  });

  it("counts simultaneous sessions once", () => {
    expect(suggestedMaximumQuarters([at("08:00", "09:00"), at("08:00", "09:00"), at("09:00", "10:30")])).toBe(4 + 6);
  });

  it("takes the richest path through overlapping sessions, with their own credit", () => {
    // 08:00–10:00 (2.00) against 08:30–09:30 (1.00) then 09:30–11:00 (1.50): the second path earns more.
    expect(suggestedMaximumQuarters([at("08:00", "10:00"), at("08:30", "09:30"), at("09:30", "11:00")])).toBe(10);
    expect(suggestedMaximumQuarters([at("08:00", "10:00", { creditQuarters: 3 }), at("10:00", "11:00")])).toBe(7);
  });

  it("leaves out sessions that are not accredited or are cancelled", () => {
    expect(suggestedMaximumQuarters([at("08:00", "09:00", { cmeAccredited: false }), at("09:00", "10:00", { status: "CANCELLED" }), at("10:00", "10:45")])).toBe(3);
    expect(suggestedMaximumQuarters([])).toBe(0);
  });
});
