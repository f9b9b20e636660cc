import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "./env.server";
import { checkProof, cleanFileName, deleteProof, inlineDisposition, MAX_PROOF_BYTES, readProof, storeProof } from "./upload.server";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n");

describe("proof uploads", () => {
  it("accepts PDF, PNG and JPEG by their content", async () => {
    expect(await checkProof(PDF)).toEqual({ ok: true, mime: "application/pdf", ext: "pdf" });
    expect(await checkProof(PNG)).toEqual({ ok: true, mime: "image/png", ext: "png" });
    expect(await checkProof(JPEG)).toEqual({ ok: true, mime: "image/jpeg", ext: "jpg" });
  });

  it("refuses disguised, empty and oversized files, storing nothing", async () => {
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
    expect(await storeProof(html, "transcript.pdf")).toEqual({ ok: false, problem: "wrong-type" });
    expect(await storeProof(zip, "id-card.png")).toEqual({ ok: false, problem: "wrong-type" });
    expect(await storeProof(new Uint8Array(), "empty.pdf")).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_PROOF_BYTES + 1);
    big.set(PDF);
    expect(await storeProof(big, "big.pdf")).toEqual({ ok: false, problem: "too-large" });
    // Other test files store documents here too: look for these bytes, not for an unchanged folder.
    const names = await readdir(env.UPLOAD_DIR).catch(() => [] as string[]);
    const contents = await Promise.all(names.map((name) => readFile(path.join(env.UPLOAD_DIR, name))));
    for (const refused of [html, zip]) expect(contents.some((content) => Buffer.compare(content, Buffer.from(refused)) === 0)).toBe(false);
  });

  it("stores outside public/ under a random name, reads it back and deletes it", async () => {
    const stored = await storeProof(PNG, "../../etc/passwd\u0000 card.png");
    if (!stored.ok) throw new Error(stored.problem);
    expect(stored.stored.storageKey).toMatch(/^[a-f0-9]{32}\.png$/);
    expect(stored.stored.fileName).toBe("passwd card.png");
    expect(path.resolve(env.UPLOAD_DIR).startsWith(path.resolve("public"))).toBe(false);
    expect(Buffer.compare(await readProof(stored.stored.storageKey), Buffer.from(PNG))).toBe(0);
    await deleteProof(stored.stored.storageKey);
    await expect(readProof(stored.stored.storageKey)).rejects.toThrow();
    await expect(readProof("../secret.png")).rejects.toThrow(/Not a storage key/);
  });

  it("keeps file names to plain characters", () => {
    expect(cleanFileName("C:\\Users\\me\\Letter (2023).pdf", "pdf")).toBe("Letter (2023).pdf");
    expect(cleanFileName("<script>.pdf", "pdf")).toBe("script.pdf");
    expect(cleanFileName("///", "png")).toBe("document.png");
  });
});

describe("inlineDisposition", () => {
  it("names a file whatever its script in a header that can be sent", () => {
    const name = cleanFileName("学生证 (2023) café's.pdf", "pdf");
    const header = inlineDisposition(name);
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
    expect(header).toBe(`inline; filename="___ (2023) caf_s.pdf"; filename*=UTF-8''${"%E5%AD%A6%E7%94%9F%E8%AF%81%20%282023%29%20caf%C3%A9s.pdf"}`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name);
  });
});
