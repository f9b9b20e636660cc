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
// stream and adds the gzip trailer (RFC 1951 §3.2.4, RFC 1952). The trailer's
// CRC-32 is combined from the pieces' own, computed once, and the nonce's:
// reading the whole page per serve would cost more than the rest of a hit.
import { constants, crc32, deflateRaw } from "node:zlib";

export type NonceStampedPage = {
  /** The page, cut where its nonce was. */
  pieces: Buffer[];
  /** Bytes of the page without its nonces. */
  piecesLength: number;
};

/** A gzipped NonceStampedPage: the pieces compressed one by one, and their CRC-32s. */
export type GzippedPieces = { deflated: Buffer[]; deflatedLength: number; crcs: number[]; crcShifts: number[] };

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
  return {
    deflated,
    deflatedLength: deflated.reduce((sum, piece) => sum + piece.length, 0),
    crcs: page.pieces.map((piece) => crc32(piece)),
    crcShifts: page.pieces.map((piece) => crc32Shift(piece.length)),
  };
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

  const stampCrc = crc32(stamp);
  const stampShift = crc32Shift(stamp.length);
  let crc = gzipped.crcs[0]!;
  for (let index = 1; index < gzipped.crcs.length; index++) {
    crc = crc32Combine(crc, stampCrc, stampShift);
    crc = crc32Combine(crc, gzipped.crcs[index]!, gzipped.crcShifts[index]!);
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((page.piecesLength + (page.pieces.length - 1) * stamp.length) >>> 0, 4);

  const chunks = [GZIP_HEADER, ...interleave(gzipped.deflated, storedStamp), LAST_BLOCK, trailer];
  const length = GZIP_HEADER.length + gzipped.deflatedLength + (gzipped.deflated.length - 1) * storedStamp.length + LAST_BLOCK.length + trailer.length;
  return { chunks, length };
}

// CRC-32 of two pieces joined, from each one's CRC and the second's length
// (zlib's crc32_combine, crc32.c): crc(A·B) = crc(A)·x^(8·|B|) + crc(B) over
// GF(2) modulo the CRC polynomial, in zlib's reflected bit order.
const CRC_POLYNOMIAL = 0xedb88320;

/** a·b modulo the CRC polynomial. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) {
      product ^= b;
      if ((a & (bit - 1)) === 0) break;
    }
    b = b & 1 ? (b >>> 1) ^ CRC_POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

// x^(2^k) modulo the polynomial, k = 0..31.
const X_TO_TWO_TO_THE = [0x40000000];
for (let k = 1; k < 32; k++) X_TO_TWO_TO_THE.push(multiplyModP(X_TO_TWO_TO_THE[k - 1]!, X_TO_TWO_TO_THE[k - 1]!));

/** x^(8·bytes) modulo the polynomial: what appending `bytes` bytes multiplies a CRC by. */
export function crc32Shift(bytes: number): number {
  let power = 0x80000000; // x^0
  for (let k = 3; bytes > 0; bytes = Math.floor(bytes / 2), k++) {
    if (bytes & 1) power = multiplyModP(X_TO_TWO_TO_THE[k & 31]!, power);
  }
  return power;
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and crc32Shift(length of B). */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multiplyModP(shiftB, crcA) ^ crcB) >>> 0;
}

function interleave(pieces: Buffer[], between: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) chunks.push(between);
    chunks.push(piece);
  });
  return chunks;
}
