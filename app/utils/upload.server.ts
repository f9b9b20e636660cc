// Proof documents (trainee letters, student IDs): PDF, PNG or JPEG up to 5 MB,
// recognised by their content (magic bytes), never by the name or the type the
// browser claims. They are stored under UPLOAD_DIR, outside public/, with random
// names, and served only through a route that checks who is asking.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import { env } from "./env.server";

export const MAX_PROOF_BYTES = 5 * 1024 * 1024;

/** What we accept, by the type file-type detects. */
const ACCEPTED = new Map([
  ["application/pdf", "pdf"],
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
]);

export type StoredProof = { storageKey: string; fileName: string; contentType: string; size: number };

export type ProofProblem = "empty" | "too-large" | "wrong-type";

export const PROOF_PROBLEM_MESSAGES: Record<ProofProblem, string> = {
  empty: "The file is empty. Choose your document again.",
  "too-large": "The file is larger than 5 MB. Scan it at a lower resolution or upload a PDF.",
  "wrong-type": "Upload a PDF, PNG or JPEG. This file is not one, whatever its name says.",
};

const STORAGE_KEY = /^[a-f0-9]{32}\.(pdf|png|jpg)$/;

function pathOf(storageKey: string): string {
  // Keys come from our own rows, but a path is built from them: refuse anything else.
  if (!STORAGE_KEY.test(storageKey)) throw new Error(`Not a storage key: ${storageKey}`);
  return path.join(path.resolve(env.UPLOAD_DIR), storageKey);
}

/** A file name fit to show and to send in Content-Disposition: no folders, no control characters. */
export function cleanFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[^\p{L}\p{N} ._()-]+/gu, "").trim().slice(0, 120);
  return cleaned.length > 0 ? cleaned : `document.${ext}`;
}

/** The accepted type of these bytes, or why they are refused. */
export async function checkProof(bytes: Uint8Array): Promise<{ ok: true; mime: string; ext: string } | { ok: false; problem: ProofProblem }> {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > MAX_PROOF_BYTES) return { ok: false, problem: "too-large" };
  const detected = await fileTypeFromBuffer(bytes);
  const ext = detected && ACCEPTED.get(detected.mime);
  if (!detected || !ext) return { ok: false, problem: "wrong-type" };
  return { ok: true, mime: detected.mime, ext };
}

/** Checks and stores a proof document; nothing is written when it is refused. */
export async function storeProof(bytes: Uint8Array, fileName: string): Promise<{ ok: true; stored: StoredProof } | { ok: false; problem: ProofProblem }> {
  const checked = await checkProof(bytes);
  if (!checked.ok) return checked;
  const storageKey = `${randomBytes(16).toString("hex")}.${checked.ext}`;
  await mkdir(path.resolve(env.UPLOAD_DIR), { recursive: true });
  await writeFile(pathOf(storageKey), bytes, { flag: "wx", mode: 0o600 });
  return { ok: true, stored: { storageKey, fileName: cleanFileName(fileName, checked.ext), contentType: checked.mime, size: bytes.byteLength } };
}

export async function readProof(storageKey: string): Promise<Buffer> {
  return readFile(pathOf(storageKey));
}

/** Removes a stored document, e.g. when the registration it came with could not be saved. */
export async function deleteProof(storageKey: string): Promise<void> {
  await rm(pathOf(storageKey), { force: true });
}

/** A form that may carry a proof document is refused outright above this size (the file plus the other fields). */
const MAX_FORM_BYTES = MAX_PROOF_BYTES + 256 * 1024;

/**
 * Reads a form that may carry a proof document: multipart with each part held in
 * memory up to 5 MB, plain forms as they are. A larger body or part is "too-large"
 * (the caller answers 400 with a clear message); a body that is no form is a 400.
 */
export async function readProofForm(request: Request): Promise<{ ok: true; formData: FormData } | { ok: false; problem: "too-large" }> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FORM_BYTES) return { ok: false, problem: "too-large" };
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const formData = await request.formData().catch(() => {
      throw new Response("Expected a form submission.", { status: 400 });
    });
    return { ok: true, formData };
  }
  try {
    const formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_PROOF_BYTES }));
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "too-large" };
    throw new Response("Expected a form submission.", { status: 400 });
  }
}

/** The bytes of an uploaded file from a form, or null when none was chosen. */
export async function fileBytes(value: FormDataEntryValue | null | undefined): Promise<{ bytes: Uint8Array; name: string } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
}
