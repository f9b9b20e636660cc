// Proof documents (trainee letters, student IDs): PDF, PNG or JPEG up to 5 MB,
// recognised by their content (magic bytes), never by the name or the type the
// browser claims. They are stored under UPLOAD_DIR, outside public/, with random
// names, and served only through a route that checks who is asking.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { env } from "./env.server";
import { readUploadForm } from "./form-data.server";

export const MAX_PROOF_BYTES = 5 * 1024 * 1024;
/** A poster is a print-size PDF or image: larger than a proof, still bounded. */
export const MAX_POSTER_BYTES = 20 * 1024 * 1024;

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

/**
 * The Content-Disposition that shows a stored file under its own name. A header
 * holds bytes, not text: a name like 学生证.pdf put in as it is makes building
 * the response throw (a 500), so old clients get an ASCII stand-in and the rest
 * the real name, percent-encoded (RFC 6266 filename*).
 */
export function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A stored upload (a proof document, a poster file) sent back inline under its
 * own name, with the caching its page chooses; a 404 saying `missing` when the
 * bytes are gone from storage.
 */
export async function storedFileResponse(file: { storageKey: string; contentType: string; fileName: string }, missing: string, headers: Record<string, string>): Promise<Response> {
  const bytes = await readProof(file.storageKey).catch(() => null);
  if (!bytes) throw new Response(missing, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": inlineDisposition(file.fileName),
      ...headers,
    },
  });
}

/** The accepted type of these bytes, or why they are refused. */
export async function checkProof(bytes: Uint8Array, maxBytes = MAX_PROOF_BYTES): Promise<{ ok: true; mime: string; ext: string } | { ok: false; problem: ProofProblem }> {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > maxBytes) return { ok: false, problem: "too-large" };
  const detected = await fileTypeFromBuffer(bytes);
  const ext = detected && ACCEPTED.get(detected.mime);
  if (!detected || !ext) return { ok: false, problem: "wrong-type" };
  return { ok: true, mime: detected.mime, ext };
}

/** Checks and stores a proof document; nothing is written when it is refused. */
export async function storeProof(bytes: Uint8Array, fileName: string, maxBytes = MAX_PROOF_BYTES): Promise<{ ok: true; stored: StoredProof } | { ok: false; problem: ProofProblem }> {
  const checked = await checkProof(bytes, maxBytes);
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

/**
 * Reads a form that may carry a proof document (each part up to 5 MB, the file
 * plus the other fields up to 5.25 MB; `maxBytes` raises it for posters). A larger body or part is "too-large":
 * the caller answers 400 with a clear message next to the file field.
 */
export async function readProofForm(request: Request, maxBytes = MAX_PROOF_BYTES): Promise<{ ok: true; formData: FormData } | { ok: false; problem: "too-large" }> {
  const formData = await readUploadForm(request, { maxPartBytes: maxBytes, maxBodyBytes: maxBytes + 256 * 1024 });
  return formData === "too-large" ? { ok: false, problem: "too-large" } : { ok: true, formData };
}

/** The bytes of an uploaded file from a form, or null when none was chosen. */
export async function fileBytes(value: FormDataEntryValue | null | undefined): Promise<{ bytes: Uint8Array; name: string } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
}
