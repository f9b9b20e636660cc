// Claim arithmetic on timelines a CME office could check by hand.
import { describe, expect, it } from "vitest";
import { claimableCredit, claimFormSchema, isValidNpi, parsDetails, splitName, suggestedCreditType, type ClaimCreditType, type ClaimSession } from "./claims";

const at = (time: string) => new Date(`2023-03-05T${time}:00.000Z`);
const session = (slug: string, from: string, to: string, designatedQuarters: number, evidence: [string, string][]): ClaimSession => ({
  slug,
  startsAt: at(from),
  endsAt: at(to),
  designatedQuarters,
  evidence: evidence.map(([start, end]) => ({ start: at(start), end: at(end) })),
});

describe("claimable credit", () => {
  it("is the smaller of the designated credit and the minutes attended, in whole quarters rounded down", () => {
    const { sessions } = claimableCredit(
      [
        session("full", "08:00", "09:00", 4, [["07:50", "09:10"]]), // 60 minutes inside: 1.00
        session("partial", "10:00", "11:30", 6, [["10:00", "10:44"]]), // 44 minutes: 0.50, not 0.75
        session("edge", "12:00", "13:00", 4, [["12:00", "12:45"]]), // exactly 45: 0.75
        session("designated-less", "14:00", "15:30", 4, [["14:00", "15:30"]]), // 90 minutes, designated 1.00
        session("brief", "16:00", "17:00", 4, [["16:00", "16:14"]]), // 14 minutes: nothing
      ],
      100,
    );
    expect(sessions.map((s) => [s.slug, s.minutes, s.quarters])).toEqual([
      ["full", 60, 4],
      ["partial", 44, 2],
      ["edge", 45, 3],
      ["designated-less", 90, 4],
      ["brief", 14, 0],
    ]);
  });

  it("counts minutes in overlapping sessions once, for the session that started first", () => {
    const { sessions, totalQuarters } = claimableCredit(
      [
        session("b", "08:30", "09:30", 4, [["08:30", "09:30"]]),
        session("a", "08:00", "09:00", 4, [["08:00", "09:00"]]),
      ],
      100,
    );
    // a: 08:00–09:00 (60); b: only 09:00–09:30 is its own (30).
    expect(sessions.map((s) => [s.slug, s.minutes, s.quarters])).toEqual([
      ["a", 60, 4],
      ["b", 30, 2],
    ]);
    expect(totalQuarters).toBe(6);
  });

  it("counts a session's own overlapping evidence (two tabs, online and in the room) once", () => {
    const { sessions } = claimableCredit([session("tabs", "08:00", "09:00", 4, [["08:00", "08:40"], ["08:20", "08:50"], ["08:45", "09:00"]])], 100);
    expect(sessions[0]).toEqual({ slug: "tabs", minutes: 60, quarters: 4 });
  });

  it("caps the total at the meeting's maximum and says so", () => {
    const claim = claimableCredit(
      [session("a", "08:00", "09:00", 4, [["08:00", "09:00"]]), session("b", "10:00", "11:00", 4, [["10:00", "11:00"]])],
      6,
    );
    expect(claim).toMatchObject({ totalQuarters: 6, capped: true });
    expect(claimableCredit([session("a", "08:00", "09:00", 4, [["08:00", "09:00"]])], 6)).toMatchObject({ totalQuarters: 4, capped: false });
  });
});

describe("self-reported sessions", () => {
  it("take only the time no session with evidence holds, whichever started first", () => {
    const { sessions } = claimableCredit(
      [
        { ...session("reported", "08:00", "09:00", 4, [["08:00", "09:00"]]), selfReported: true },
        session("recorded", "08:30", "09:30", 4, [["08:30", "09:30"]]),
      ],
      100,
    );
    // Listed by start; the recorded session keeps its full hour, the reported one gets 08:00–08:30.
    expect(sessions.map((s) => [s.slug, s.minutes, s.quarters])).toEqual([
      ["reported", 30, 2],
      ["recorded", 60, 4],
    ]);
  });
});

describe("the learner's details", () => {
  it("checks an NPI's Luhn check digit over 80840 and the first nine digits", () => {
    expect(isValidNpi("1234567893")).toBe(true); // CMS's own example
    expect(isValidNpi("1234567890")).toBe(false);
    expect(isValidNpi("1234567839")).toBe(false); // two digits swapped
    expect(isValidNpi("123456789")).toBe(false);
  });

  it("splits an account's name at the last word, and suggests AMA PRA credit for a physician's degree", () => {
    expect(splitName("  Sam  Patel ")).toEqual({ firstName: "Sam", lastName: "Patel" });
    expect(splitName("Mary Ann de Souza")).toEqual({ firstName: "Mary Ann de", lastName: "Souza" });
    expect(splitName("Cher")).toEqual({ firstName: "Cher", lastName: "" });
    const both = ["AMA_PRA", "PARTICIPATION"] as const;
    expect(["MD", "D.O.", "MBBS", "MD, PhD", "RN", "PhD", "PA-C"].map((degree) => suggestedCreditType(degree, [...both]))).toEqual([
      "AMA_PRA",
      "AMA_PRA",
      "AMA_PRA",
      "AMA_PRA",
      "PARTICIPATION",
      "PARTICIPATION",
      "PARTICIPATION",
    ]);
    expect(suggestedCreditType("RN", ["AMA_PRA"])).toBe("AMA_PRA");
    expect(suggestedCreditType("", [...both])).toBeUndefined();
  });

  const valid = { creditType: "AMA_PRA", firstName: "Sam", lastName: "Patel", degree: "MD", attest: true, sessions: [{ slug: "a", credit: "1.25" }] };
  const problems = (input: object, offered: ClaimCreditType[] = ["AMA_PRA", "PARTICIPATION"]) => {
    const parsed = claimFormSchema(offered).safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("the form asks for the attestation, a credit type the meeting offers and credit in 0.25 steps", () => {
    expect(problems(valid)).toEqual({});
    expect(Object.keys(problems({ ...valid, attest: false, sessions: [{ slug: "a", credit: "0.3" }] }))).toEqual(["sessions.0.credit", "attest"]);
    expect(problems(valid, ["PARTICIPATION"])).toEqual({ creditType: "This meeting does not offer AMA PRA Category 1 Credit™." });
    // Every problem at once: the attestation and the PARS details are named even while a name is missing.
    expect(Object.keys(problems({ ...valid, firstName: undefined, attest: undefined, parsConsent: true, npi: "1" })).sort()).toEqual(["attest", "birthMonth", "firstName", "npi"]);
  });

  it("checks PARS details only with consent, and stores none without it", () => {
    const pars = { birthMonth: "13", npi: "12345", licenseState: "ZZ", boardId: "1" };
    expect(problems({ ...valid, ...pars })).toEqual({});
    expect(Object.keys(problems({ ...valid, ...pars, parsConsent: true })).sort()).toEqual(["birthMonth", "certifyingBoard", "licenseNumber", "licenseState", "npi"]);
    const form = claimFormSchema(["AMA_PRA"]).parse({ ...valid, ...pars });
    expect(parsDetails(form)).toEqual({ parsConsent: false, birthMonth: null, birthDay: null, npi: null, licenseState: null, licenseNumber: null, certifyingBoard: null, boardId: null });
  });
});
