import { randomBytes } from "node:crypto";
import { crc32, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Combine, crc32Shift, cutAtNonce, gzipPieces, stampNonce, stampNonceGzipped } from "./nonce-stamped-page.server";

const RENDERED = "rendered0nonce0000000000";
const FRESH = "fresh+nonce/000000000000";

// A page like Remix's: the nonce at the very start and end too, where a piece is empty.
const page = Buffer.from(
  `${RENDERED}<!doctype html><script nonce="${RENDERED}">hint()</script><main>${"<p>Session “Embolization” 08:30</p>".repeat(2000)}</main>` +
    `<script nonce="${RENDERED}">restore()</script><script nonce="${RENDERED}" type="module">import "/assets/entry.js"</script>${RENDERED}`,
);
const expected = page.toString().replaceAll(RENDERED, FRESH);

describe("a page stored with its nonce stamped in per serve", () => {
  it("is cut at every occurrence of the rendering's nonce", () => {
    const cut = cutAtNonce(page, RENDERED);
    expect(cut.pieces).toHaveLength(6);
    expect(cut.piecesLength).toBe(page.length - 5 * RENDERED.length);
    expect(Buffer.concat(cut.pieces).includes(RENDERED)).toBe(false);
  });

  it("is served with the response's nonce in place of the rendering's", () => {
    const { chunks, length } = stampNonce(cutAtNonce(page, RENDERED), FRESH);
    expect(Buffer.concat(chunks).toString()).toBe(expected);
    expect(length).toBe(Buffer.byteLength(expected));
  });

  it("is gzipped once and still inflates to the page with the response's nonce", async () => {
    const cut = cutAtNonce(page, RENDERED);
    const gzipped = await gzipPieces(cut);
    for (const nonce of [FRESH, "another0nonce+/00000000="]) {
      const { chunks, length } = stampNonceGzipped(cut, gzipped, nonce);
      const body = Buffer.concat(chunks);
      expect(body.length).toBe(length);
      // gunzip checks the trailer's CRC-32 and length.
      expect(gunzipSync(body).toString()).toBe(page.toString().replaceAll(RENDERED, nonce));
      expect(length).toBeLessThan(page.length / 5);
    }
  });

  it("without a nonce is one piece, served as it was rendered", async () => {
    const plain = Buffer.from('{"data":"a single-fetch payload"}');
    const cut = cutAtNonce(plain, RENDERED);
    expect(cut.pieces).toHaveLength(1);
    expect(Buffer.concat(stampNonce(cut, FRESH).chunks).equals(plain)).toBe(true);
    expect(gunzipSync(Buffer.concat(stampNonceGzipped(cut, await gzipPieces(cut), FRESH).chunks)).equals(plain)).toBe(true);
  });
});

describe("crc32Combine", () => {
  it("gives zlib's CRC-32 of two pieces joined, from theirs", () => {
    for (const [a, b] of [
      [0, 0],
      [1, 24],
      [24, 74_947],
      [100_000, 1],
      [3, 65_536],
    ] as const) {
      const first = randomBytes(a);
      const second = randomBytes(b);
      expect(crc32Combine(crc32(first), crc32(second), crc32Shift(b)), `${a} + ${b} bytes`).toBe(crc32(Buffer.concat([first, second])));
    }
  });
});
