// The certificate PDF read back as text, as a registrar's software would:
// one page, and every fact a certificate must show, for an issued claim and
// for the longest names, and the amended note on an amendment's certificate.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { certificatePdf, printableText, serifText } from "./certificate-pdf.server";
import { readSnapshot, type CertificateSnapshot } from "./certificates";
import { amendClaim, makeClaim } from "./claim.fixture";
import { readPdf } from "./pdf-text.fixture";

const VERIFY_URL = "https://meetings.example.org/verify/7K3M-Q9TX-2BRD";

async function snapshotOf(code: string): Promise<CertificateSnapshot> {
  const row = await prisma.certificate.findUniqueOrThrow({ where: { code }, select: { snapshot: true } });
  return readSnapshot(row.snapshot);
}

describe("the certificate PDF", () => {
  it("shows the learner, degree, meeting, dates, place, credits, statements, date issued, code and address, as text on one page", async () => {
    const claim = await makeClaim({ firstName: "Sam", lastName: "Patel", degree: "MD", totalQuarters: 50, saCmeQuarters: 8, at: new Date("2023-03-20T18:00:00Z") });
    const snapshot = await snapshotOf(claim.code);
    const pdf = await readPdf(await certificatePdf(snapshot, claim.code, VERIFY_URL));
    expect(pdf.pages).toBe(1);
    for (const fact of [
      "Certificate of Credit",
      "Sam Patel, MD",
      "SIR 2023 Annual Scientific Meeting",
      "March 4–9, 2023",
      snapshot.meeting.place,
      "12.50 AMA PRA Category 1 Credits™",
      "including 2.00 credits of ABR self-assessment CME (SA-CME)",
      "March 20, 2023",
      claim.code,
      VERIFY_URL,
    ]) {
      expect(pdf.text, fact).toContain(fact);
    }
    // The provider's statements, word for word (PDF.js may break their lines anywhere).
    for (const statement of [snapshot.accreditationStatement, snapshot.designationStatement]) expect(pdf.text).toContain(statement.replace(/\s+/g, " "));
    expect(pdf.text).not.toContain("Amended");
    expect(pdf.title).toBe("Certificate of Credit: Sam Patel, SIR 2023 Annual Scientific Meeting");
  });

  it("says a participation certificate is one, in hours, and marks an amended claim's certificate", async () => {
    const claim = await makeClaim({ creditType: "PARTICIPATION", totalQuarters: 4, degree: "RN" });
    const amended = await amendClaim(claim, { creditType: "PARTICIPATION", totalQuarters: 10, degree: "RN" });
    const pdf = await readPdf(await certificatePdf(await snapshotOf(amended.code), amended.code, VERIFY_URL));
    expect(pdf.text).toContain("Certificate of Participation");
    expect(pdf.text).toContain("Amended (version 2)");
    expect(pdf.text).toContain("2.50 hours of participation");
    expect(pdf.text).not.toContain("is awarded");
    const first = await readPdf(await certificatePdf(await snapshotOf(claim.code), claim.code, VERIFY_URL));
    expect(first.text).toContain("1.00 hour of participation");
  });

  it("fits the longest names and meeting names on one page, every word kept", async () => {
    const claim = await makeClaim({ firstName: "Maria-Fernanda", lastName: "Castellanos-Villalobos", degree: "DO, PhD, FSIR" });
    const meetingName =
      "Joint Annual Scientific Meeting of the Society of Interventional Oncology and the Cardiovascular and Interventional Radiological Society of Europe, with the Interventional Oncology Sans Frontières Symposium";
    const snapshot = { ...(await snapshotOf(claim.code)), meeting: { name: meetingName, slug: "joint", dates: "January 30 – February 2, 2024", place: "Virtual" } };
    const pdf = await readPdf(await certificatePdf(snapshot, claim.code, VERIFY_URL));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain("Maria-Fernanda Castellanos-Villalobos, DO, PhD, FSIR");
    expect(pdf.text).toContain(meetingName);
    expect(pdf.text).toContain("January 30 – February 2, 2024 · Virtual");
    expect(pdf.text).toContain(claim.code);
  });
});

describe("names in any European script", () => {
  it("print exactly, in the embedded serif", async () => {
    for (const [firstName, lastName] of [
      ["Łukasz", "Wróblewski-Erdős"],
      ["Nguyễn Thị", "Minh Khai"],
      ["Αλέξανδρος", "Παπαδόπουλος"],
      ["Дмитрий", "Шостакович"],
      ["Ștefan", "Dvořák"],
    ]) {
      const claim = await makeClaim({ firstName, lastName, degree: "MD" });
      const pdf = await readPdf(await certificatePdf(await snapshotOf(claim.code), claim.code, VERIFY_URL));
      expect(pdf.text).toContain(`${firstName} ${lastName}, MD`);
    }
  });

  it("a letter the serif cannot draw prints as ?, never as an empty box", async () => {
    const claim = await makeClaim({ firstName: "芳", lastName: "王", degree: "MD" });
    const pdf = await readPdf(await certificatePdf(await snapshotOf(claim.code), claim.code, VERIFY_URL));
    expect(pdf.text).toContain("? ?, MD");
    expect(serifText("王芳 Müller")).toBe("?? Müller");
  });
});

describe("printableText", () => {
  it("keeps what the built-in fonts print, Western European accents and ™ included", () => {
    expect(printableText("José Müller-Lüdenscheidt, Œuvre Ñandú · 12.50 AMA PRA Category 1 Credits™ – “quoted”")).toBe(
      "José Müller-Lüdenscheidt, Œuvre Ñandú · 12.50 AMA PRA Category 1 Credits™ – “quoted”",
    );
  });

  it("drops the accents the fonts lack rather than print a wrong letter, and marks what has no Latin form", () => {
    expect(printableText("Łukasz Wróblewski, Zoltán Erdős, Ștefan Dvořák")).toBe("Lukasz Wróblewski, Zoltán Erdos, Stefan Dvorák");
    expect(printableText("王芳")).toBe("??");
  });
});
