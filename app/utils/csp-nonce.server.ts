// The Content-Security-Policy nonce of one response. The security headers
// (app/server/security-headers.server.ts) make it and name it in the header;
// Remix stamps it on the page's inline scripts (through the load context); the
// page cache stamps it into stored pages it replays. All three read it here,
// from the response, so they cannot disagree.
import { randomFillSync } from "node:crypto";
import type { ServerResponse } from "node:http";

const NONCE_BYTES = 16; // 128 bits, what CSP3 asks of a nonce

// randomBytes() per request costs a few microseconds of system-call overhead on
// the page cache's fast path; one fill serves 256 nonces.
const pool = Buffer.alloc(NONCE_BYTES * 256);
let used = pool.length;

function freshNonce(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const nonce = pool.toString("base64", used, used + NONCE_BYTES);
  used += NONCE_BYTES;
  return nonce;
}

const nonces = new WeakMap<ServerResponse, string>();

/** This response's nonce, made on first use: 24 base64 characters, never repeated. */
export function cspNonce(res: ServerResponse): string {
  let nonce = nonces.get(res);
  if (!nonce) {
    nonce = freshNonce();
    nonces.set(res, nonce);
  }
  return nonce;
}
