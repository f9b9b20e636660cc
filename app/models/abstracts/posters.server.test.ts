import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { MAX_POSTER_BYTES, readProof } from "~/utils/upload.server";
import { makeAbstract, makeCall, makeUser } from "./call.fixture";
import { numberBoardsByTopic, placePoster, removePosterFile, uploadPoster } from "./posters.server";

const PDF = new TextEncoder().encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

async function storedContaining(bytes: Uint8Array) {
  const names = await readdir(env.UPLOAD_DIR).catch(() => [] as string[]);
  const contents = await Promise.all(names.map((name) => readFile(path.join(env.UPLOAD_DIR, name)).catch(() => Buffer.alloc(0))));
  return contents.some((content) => Buffer.compare(content, Buffer.from(bytes)) === 0);
}

async function posterOf(abstractId: string) {
  return prisma.poster.findUnique({ where: { abstractId }, select: { storageKey: true, contentType: true, fileName: true, size: true } });
}

describe("uploading a poster", () => {
  it("stores a PDF or image for the submitter, replaces it, and removes it", async () => {
    const { call, meeting } = await makeCall();
    const user = await makeUser();
    const abstract = await makeAbstract(call.id, { submitterId: user.id, decision: "POSTER", notified: true });
    expect(await uploadPoster(user.id, meeting.id, abstract.id, { bytes: PDF, name: "my poster.pdf" })).toEqual({ ok: true, number: abstract.number });
    const first = await posterOf(abstract.id);
    expect(first).toMatchObject({ contentType: "application/pdf", fileName: "my poster.pdf", size: PDF.byteLength });

    expect((await uploadPoster(user.id, meeting.id, abstract.id, { bytes: PNG, name: "poster.png" })).ok).toBe(true);
    const second = await posterOf(abstract.id);
    expect(second?.contentType).toBe("image/png");
    // The replaced file is gone, the new one is there.
    await expect(readProof(first!.storageKey!)).rejects.toThrow();
    expect(Buffer.compare(await readProof(second!.storageKey!), Buffer.from(PNG))).toBe(0);

    expect(await removePosterFile(user.id, meeting.id, abstract.id)).toEqual({ ok: true });
    expect(await posterOf(abstract.id)).toMatchObject({ storageKey: null, contentType: null });
    await expect(readProof(second!.storageKey!)).rejects.toThrow();
    expect(await removePosterFile(user.id, meeting.id, abstract.id)).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses a disguised file and a too-large one, writing nothing", async () => {
    const { call, meeting } = await makeCall();
    const user = await makeUser();
    const abstract = await makeAbstract(call.id, { submitterId: user.id, decision: "EPOSTER", notified: true });
    const html = new TextEncoder().encode(`<html><body>not a poster ${abstract.id}</body></html>`);
    expect(await uploadPoster(user.id, meeting.id, abstract.id, { bytes: html, name: "poster.pdf" })).toMatchObject({ ok: false, code: "INVALID", field: "poster", message: expect.stringContaining("PDF, PNG or JPEG") });
    const big = new Uint8Array(MAX_POSTER_BYTES + 1);
    big.set(PDF);
    expect(await uploadPoster(user.id, meeting.id, abstract.id, { bytes: big, name: "huge.pdf" })).toMatchObject({ ok: false, code: "INVALID", message: expect.stringContaining("20 MB") });
    expect(await uploadPoster(user.id, meeting.id, abstract.id, null)).toMatchObject({ ok: false, code: "INVALID" });
    expect(await posterOf(abstract.id)).toBeNull();
    expect(await storedContaining(html)).toBe(false);
  });

  it("refuses someone else's abstract (not found) and one that is not a published poster (conflict)", async () => {
    const { call, meeting } = await makeCall();
    const user = await makeUser();
    const other = await makeUser();
    const theirs = await makeAbstract(call.id, { submitterId: other.id, decision: "POSTER", notified: true });
    expect(await uploadPoster(user.id, meeting.id, theirs.id, { bytes: PDF, name: "p.pdf" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const options of [{ decision: "ORAL", notified: true }, { decision: "REJECT", notified: true }, { decision: "POSTER", notified: false }] as const) {
      const mine = await makeAbstract(call.id, { submitterId: user.id, ...options });
      expect(await uploadPoster(user.id, meeting.id, mine.id, { bytes: PDF, name: "p.pdf" })).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(await posterOf(mine.id)).toBeNull();
    }
  });
});

describe("placing posters", () => {
  it("sets a board and hours, refuses hours that end first, and numbers boards by topic", async () => {
    const { call, meeting } = await makeCall();
    const [oncology, vascular] = call.topics;
    const a = await makeAbstract(call.id, { decision: "POSTER", notified: true, topicId: vascular!.id });
    const b = await makeAbstract(call.id, { decision: "POSTER", notified: true, topicId: oncology!.id });
    const c = await makeAbstract(call.id, { decision: "EPOSTER", notified: true, topicId: oncology!.id });
    const oral = await makeAbstract(call.id, { decision: "ORAL", notified: true });
    const start = new Date("2027-03-21T17:00:00Z");
    const end = new Date("2027-03-21T18:00:00Z");
    expect(await placePoster(meeting.id, a.id, { board: "P-9", presenterStartsAt: start, presenterEndsAt: end })).toEqual({ ok: true });
    expect(await placePoster(meeting.id, a.id, { board: "P-9", presenterStartsAt: end, presenterEndsAt: start })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await placePoster(meeting.id, oral.id, { board: "P-1", presenterStartsAt: null, presenterEndsAt: null })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    expect(await numberBoardsByTopic(meeting.id)).toBe(3);
    const boards = await prisma.poster.findMany({ where: { abstract: { callId: call.id } }, select: { abstractId: true, board: true, presenterStartsAt: true } });
    const byId = Object.fromEntries(boards.map((row) => [row.abstractId, row]));
    expect(byId[b.id]?.board).toBe("P-101");
    expect(byId[c.id]?.board).toBe("E-101");
    expect(byId[a.id]).toMatchObject({ board: "P-201", presenterStartsAt: start });
  });
});
