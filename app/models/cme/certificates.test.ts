import { describe, expect, it } from "vitest";
import { certificateFacts, newVerificationCode, normalizeVerificationCode, readSnapshot, type CertificateSnapshot } from "./certificates";

describe("verification codes", () => {
  it("are three groups of four Crockford base32 characters, and differ", () => {
    const codes = new Set(Array.from({ length: 200 }, newVerificationCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("read as typed: any case, spaces or no hyphens, O for 0 and I or L for 1", () => {
    expect(normalizeVerificationCode(" 7k3m q9tx 2brd ")).toBe("7K3M-Q9TX-2BRD");
    expect(normalizeVerificationCode("OIL0-Q9TX-2BRD")).toBe("0110-Q9TX-2BRD");
    expect(normalizeVerificationCode(newVerificationCode().toLowerCase())).toMatch(/^[0-9A-Z-]{14}$/);
  });

  it("refuse what cannot be a code", () => {
    expect(normalizeVerificationCode("7K3M-Q9TX")).toBeNull();
    expect(normalizeVerificationCode("7K3M-Q9TX-2BRU")).toBeNull();
    expect(normalizeVerificationCode("../../etc/passwd")).toBeNull();
  });
});

describe("a certificate's facts", () => {
  const snapshot: CertificateSnapshot = {
    learner: { name: "Sam Patel", degree: "MD" },
    meeting: { name: "SIR 2023 Annual Scientific Meeting", slug: "sir-2023", dates: "March 4–9, 2023", place: "Phoenix Convention Center, Phoenix" },
    provider: "Society of Interventional Radiology",
    creditType: "AMA_PRA",
    credits: [
      { label: "AMA PRA Category 1 Credits™", quarters: 50 },
      { label: "credits of ABR self-assessment CME (SA-CME)", quarters: 8 },
    ],
    accreditationStatement: "…",
    designationStatement: "…",
    issuedOn: "2023-03-20",
    claimVersion: 1,
  };

  it("read as the certificate prints them", () => {
    expect(certificateFacts(snapshot)).toEqual({
      title: "Certificate of Credit",
      learner: "Sam Patel, MD",
      meeting: "SIR 2023 Annual Scientific Meeting",
      dates: "March 4–9, 2023",
      place: "Phoenix Convention Center, Phoenix",
      credits: ["12.50 AMA PRA Category 1 Credits™", "including 2.00 credits of ABR self-assessment CME (SA-CME)"],
      issuedOn: "March 20, 2023",
      provider: "Society of Interventional Radiology",
      amended: null,
    });
  });

  it("name a participation certificate, a learner without a degree, and an amendment", () => {
    const facts = certificateFacts({ ...snapshot, creditType: "PARTICIPATION", learner: { name: "Jo Lee", degree: "" }, claimVersion: 2 });
    expect([facts.title, facts.learner, facts.amended]).toEqual(["Certificate of Participation", "Jo Lee", "Amended (version 2)"]);
  });

  it("come only from a stored snapshot that holds them all", () => {
    expect(readSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(() => readSnapshot({ ...snapshot, credits: [] })).toThrow();
    expect(() => readSnapshot({ learner: { name: "Sam Patel" } })).toThrow();
  });
});
