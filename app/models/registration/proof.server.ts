// Proof of trainee or student status: what a form sent (an uploaded document or
// an institutional address), whether a category can take it, and the link that
// confirms an institutional address. Both the registration form and the
// registration page (after a declined proof) read proof with readProof.
import { createHash, randomBytes } from "node:crypto";
import { refuse, type Outcome, type Refusal } from "~/models/refusal";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { deleteProof, fileBytes, PROOF_PROBLEM_MESSAGES, storeProof, type StoredProof } from "~/utils/upload.server";
import type { ProofValues } from "./forms";
import { institutionalEmailMail } from "./mail.server";
import { getRegistrationDetail, type Tx } from "./registration.server";

export type Proof =
  | { method: "DOCUMENT"; document: StoredProof }
  | { method: "INSTITUTIONAL_EMAIL"; email: string };

/**
 * The proof a form sent: its document checked and stored, or its institutional
 * address; null when it chose neither. A file that is empty or not a PDF, PNG
 * or JPEG is refused beside the file field, and nothing is stored.
 */
export async function readProof(values: ProofValues, file: FormDataEntryValue | null): Promise<Outcome<{ proof: Proof | null }>> {
  if (values.proofMethod === "DOCUMENT") {
    const upload = await fileBytes(file);
    const stored = upload ? await storeProof(upload.bytes, upload.name) : ({ ok: false, problem: "empty" } as const);
    if (!stored.ok) return refuse("INVALID", PROOF_PROBLEM_MESSAGES[stored.problem], "proofDocument");
    return { ok: true, proof: { method: "DOCUMENT", document: stored.stored } };
  }
  if (values.proofMethod === "INSTITUTIONAL_EMAIL" && values.institutionalEmail) {
    return { ok: true, proof: { method: "INSTITUTIONAL_EMAIL", email: values.institutionalEmail } };
  }
  return { ok: true, proof: null };
}

/** A stored document is removed again when the registration it came with was not saved. */
export async function discardProof(proof: Proof | null): Promise<void> {
  if (proof?.method === "DOCUMENT") await deleteProof(proof.document.storageKey);
}

/** Free-mail providers: an address there proves nothing about a trainee's institution. */
const PERSONAL_MAIL = new Set(["gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "yandex.com", "qq.com", "163.com"]);

export function isInstitutionalAddress(email: string): boolean {
  const domain = email.toLowerCase().split("@")[1] ?? "";
  return domain.includes(".") && !PERSONAL_MAIL.has(domain);
}

/** Why `category` cannot be registered with this proof, or null when it can. */
export function proofRefusal(category: { name: string; requiresProof: boolean }, proof: Proof | null): Refusal | null {
  if (category.requiresProof && !proof) {
    return refuse("INVALID", `${category.name} registrations need proof of status: upload a document or give your institutional e-mail address.`, "proofMethod");
  }
  if (proof?.method === "INSTITUTIONAL_EMAIL" && !isInstitutionalAddress(proof.email)) {
    return refuse("INVALID", "Give the address your university or hospital gave you, not a personal one.", "proofMethod");
  }
  return null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The secret of the link mailed to an institutional address, when the proof is one. */
export function newEmailToken(proof: Proof | null): string | null {
  return proof?.method === "INSTITUTIONAL_EMAIL" ? randomBytes(24).toString("base64url") : null;
}

/** The registration's columns for a proof (its address and link's hash, or its method alone). */
export function proofColumns(proof: Proof, emailToken: string | null) {
  return proof.method === "INSTITUTIONAL_EMAIL"
    ? { proofMethod: proof.method, institutionalEmail: proof.email.toLowerCase(), institutionalEmailTokenHash: emailToken ? hashToken(emailToken) : null, institutionalEmailConfirmedAt: null }
    : { proofMethod: proof.method };
}

/** Mails the confirmation link to an institutional address, in the transaction that recorded it. */
export async function mailEmailConfirmation(tx: Tx, registrationId: string, proof: Proof | null, emailToken: string | null): Promise<void> {
  if (proof?.method !== "INSTITUTIONAL_EMAIL" || !emailToken) return;
  const detail = (await getRegistrationDetail(registrationId, tx))!;
  const link = absoluteUrl(href.confirmInstitutionalEmail(detail.meeting.slug, emailToken));
  await queueMail(tx, institutionalEmailMail(detail, proof.email, link));
}
