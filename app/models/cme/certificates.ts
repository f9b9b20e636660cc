// A CME certificate, the pure part: what it says (fixed when it is issued, so
// a reprint years later reads the same), and its verification code. The code
// is printed on the certificate and typed by whoever checks it, so it uses
// Crockford's base32 (no I, L, O or U to misread) in three groups of four:
// 60 random bits, far beyond guessing one at /verify's rate limit.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { formatCalendarDate } from "~/utils/time";
import { formatCredits } from "./credit";

// The first credit is the total claimed; any after it are part of that total (SA-CME).
const CertificateCreditSchema = z.object({
  /** "AMA PRA Category 1 Credits™", "hours of participation", "credits of ABR self-assessment CME (SA-CME)". */
  label: z.string(),
  quarters: z.number().int().nonnegative(),
});
export type CertificateCredit = z.infer<typeof CertificateCreditSchema>;

// The snapshot is stored as JSON: it is read back through this schema, so a
// row that does not hold what a certificate needs fails loudly instead of
// printing "undefined" on someone's certificate.
const CertificateSnapshotSchema = z.object({
  learner: z.object({ name: z.string(), degree: z.string() }),
  meeting: z.object({ name: z.string(), slug: z.string(), dates: z.string(), place: z.string() }),
  provider: z.string(),
  creditType: z.enum(["AMA_PRA", "PARTICIPATION"]),
  credits: z.array(CertificateCreditSchema).min(1),
  accreditationStatement: z.string(),
  designationStatement: z.string(),
  /** The day it was issued, "YYYY-MM-DD" in the meeting's zone. */
  issuedOn: z.string(),
  /** The claim version it certifies: 2 and up for an amended claim. */
  claimVersion: z.number().int().positive(),
});
export type CertificateSnapshot = z.infer<typeof CertificateSnapshotSchema>;

/** A stored snapshot (a Json column) as a certificate's words; throws on a row that is not one. */
export function readSnapshot(stored: unknown): CertificateSnapshot {
  return CertificateSnapshotSchema.parse(stored);
}

/** The certificate's heading: physicians get credit, everyone else a certificate of participation. */
export function certificateTitle(snapshot: Pick<CertificateSnapshot, "creditType">): string {
  return snapshot.creditType === "AMA_PRA" ? "Certificate of Credit" : "Certificate of Participation";
}

/** "12.50 AMA PRA Category 1 Credits™", "3.00 hours of participation". */
export function creditLine(credit: CertificateCredit): string {
  return `${formatCredits(credit.quarters)} ${credit.label}`;
}

/** "Amended (version 2)" on the certificate of an amended claim; nothing on a first claim's. */
export function amendedNote(snapshot: Pick<CertificateSnapshot, "claimVersion">): string | null {
  return snapshot.claimVersion > 1 ? `Amended (version ${snapshot.claimVersion})` : null;
}

/** "March 20, 2023": the day a certificate was issued, as printed. */
export function issuedOnLabel(snapshot: Pick<CertificateSnapshot, "issuedOn">): string {
  return formatCalendarDate(snapshot.issuedOn);
}

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "7K3M-Q9TX-2BRD": a fresh verification code. */
export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  let code = "";
  for (let i = 0; i < 12; i++) code += ALPHABET[bytes[i]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * The code as stored, from the code as typed: case and spacing ignored, the
 * letters Crockford maps to digits (O → 0, I and L → 1) read as those digits.
 * Null for something that cannot be a code, so /verify answers 404 without a lookup.
 */
export function normalizeVerificationCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/** What a page shows of a certificate, as text: /verify and the transcript print the same facts. */
export type CertificateFacts = {
  title: string;
  learner: string;
  meeting: string;
  dates: string;
  place: string;
  credits: string[];
  issuedOn: string;
  provider: string;
  amended: string | null;
};

export function certificateFacts(snapshot: CertificateSnapshot): CertificateFacts {
  const [total, ...parts] = snapshot.credits;
  return {
    title: certificateTitle(snapshot),
    learner: snapshot.learner.degree ? `${snapshot.learner.name}, ${snapshot.learner.degree}` : snapshot.learner.name,
    meeting: snapshot.meeting.name,
    dates: snapshot.meeting.dates,
    place: snapshot.meeting.place,
    credits: [...(total ? [creditLine(total)] : []), ...parts.map((part) => `including ${creditLine(part)}`)],
    issuedOn: issuedOnLabel(snapshot),
    provider: snapshot.provider,
    amended: amendedNote(snapshot),
  };
}
