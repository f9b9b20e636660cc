// A CME certificate, the pure part: what it says (fixed when it is issued, so
// a reprint years later reads the same), and its verification code. The code
// is printed on the certificate and typed by whoever checks it, so it uses
// Crockford's base32 (no I, L, O or U to misread) in three groups of four:
// 60 random bits, far beyond guessing one at /verify's rate limit.
import { randomBytes } from "node:crypto";

export type CertificateCredit = {
  /** "AMA PRA Category 1 Credits™", "Hours of participation", "of which ABR SA-CME". */
  label: string;
  quarters: number;
};

export type CertificateSnapshot = {
  learner: { name: string; degree: string };
  meeting: { name: string; slug: string; dates: string; place: string };
  provider: string;
  creditType: "AMA_PRA" | "PARTICIPATION";
  credits: CertificateCredit[];
  accreditationStatement: string;
  designationStatement: string;
  /** The day it was issued, "YYYY-MM-DD" in the meeting's zone. */
  issuedOn: string;
  /** The claim version it certifies: 2 and up for an amended claim. */
  claimVersion: number;
};

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
