// A stored page whose Content-Security-Policy nonce is stamped in anew on each
// serve. The page cache replays one rendering to many responses, and each
// response's header names a fresh nonce (utils/csp-nonce.server.ts): replaying
// the rendering's nonce would leave the inline scripts blocked, and naming that
// old nonce in the header would make it a fixed, public value, no nonce at all.
// So the page is kept cut at each occurrence of its nonce, and a serve writes
// the pieces with the response's nonce between them: no copy of the page per
// request.
//
// The gzipped copy is cut the same way, so a hit is not compressed again: each
// piece is compressed on its own (raw deflate, ended by a sync flush, so it
// ends on a byte boundary and refers to nothing before it), and a serve joins
// them with the nonce as a stored (uncompressed) deflate block, then closes the
// stream and adds the gzip trailer (RFC 1951 §3.2.4, RFC 1952). Only the
// trailer's CRC-32 is computed per serve.
import { constants, crc32, deflateRaw } from "node:zlib";

export type NonceStampedPage = {
  /** The page, cut where its nonce was. */
  pieces: Buffer[];
  /** Bytes of the page without its nonces. */
  piecesLength: number;
};

/** A gzipped NonceStampedPage: the pieces compressed one by one. */
export type GzippedPieces = { deflated: Buffer[]; deflatedLength: number };

/** Cuts a rendered page at every occurrence of `nonce`. */
export function cutAtNonce(body: Buffer, nonce: string): NonceStampedPage {
  const pieces: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(nonce, 0, "latin1"); at !== -1; at = body.indexOf(nonce, start, "latin1")) {
    pieces.push(body.subarray(start, at));
    start = at + nonce.length;
  }
  pieces.push(body.subarray(start));
  return { pieces, piecesLength: body.length - (pieces.length - 1) * nonce.length };
}

/** The page with `nonce` stamped in, as the buffers to write in order. */
export function stampNonce(page: NonceStampedPage, nonce: string): { chunks: Buffer[]; length: number } {
  const stamp = Buffer.from(nonce, "latin1");
  return { chunks: interleave(page.pieces, stamp), length: page.piecesLength + (page.pieces.length - 1) * stamp.length };
}

/** Compresses each piece once, in the background (zlib's thread pool). */
export async function gzipPieces(page: NonceStampedPage): Promise<GzippedPieces> {
  const deflated = await Promise.all(
    page.pieces.map(
      (piece) =>
        new Promise<Buffer>((resolve, reject) =>
          deflateRaw(piece, { finishFlush: constants.Z_SYNC_FLUSH }, (error, result) => (error ? reject(error) : resolve(result))),
        ),
    ),
  );
  return { deflated, deflatedLength: deflated.reduce((sum, piece) => sum + piece.length, 0) };
}

// ID1 ID2, deflate, no flags, no time, no extra flags, OS "Unix".
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
// A final, empty stored block: ends the deflate stream.
const LAST_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/** The gzipped page with `nonce` stamped in, as the buffers to write in order. */
export function stampNonceGzipped(page: NonceStampedPage, gzipped: GzippedPieces, nonce: string): { chunks: Buffer[]; length: number } {
  const stamp = Buffer.from(nonce, "latin1");
  // A stored block (not the last): header byte, LEN and its complement, little-endian, then the bytes.
  const storedStamp = Buffer.alloc(5 + stamp.length);
  storedStamp.writeUInt16LE(stamp.length, 1);
  storedStamp.writeUInt16LE(~stamp.length & 0xffff, 3);
  stamp.copy(storedStamp, 5);

  let crc = 0;
  page.pieces.forEach((piece, index) => {
    if (index > 0) crc = crc32(stamp, crc);
    crc = crc32(piece, crc);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((page.piecesLength + (page.pieces.length - 1) * stamp.length) >>> 0, 4);

  const chunks = [GZIP_HEADER, ...interleave(gzipped.deflated, storedStamp), LAST_BLOCK, trailer];
  const length = GZIP_HEADER.length + gzipped.deflatedLength + (gzipped.deflated.length - 1) * storedStamp.length + LAST_BLOCK.length + trailer.length;
  return { chunks, length };
}

function interleave(pieces: Buffer[], between: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) chunks.push(between);
    chunks.push(piece);
  });
  return chunks;
}
