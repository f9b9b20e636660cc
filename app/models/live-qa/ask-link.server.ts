// The short address the projector shows for asking, /q/<code>, typed from the
// screen or read from its QR code. The code is the start of the hex SHA-256 of
// the session's id: no column to keep, the same in Node and in PostgreSQL. It
// is 7 characters, longer only when an older session's hash starts the same
// way; a lookup takes the oldest session (cuids rise with time) whose hash
// starts with the code, so a code, once shown, keeps leading to its session.
import { createHash } from "node:crypto";
import { prisma } from "~/utils/db.server";

const SHORTEST = 7;
/** What a person may type: hex, any case, 7 to 64 characters. */
const CODE = /^[0-9a-f]{7,64}$/;

function hashOf(sessionId: string): string {
  return createHash("sha256").update(sessionId, "utf8").digest("hex");
}

/** The shortest code (at least 7 characters) that leads to this session. */
export async function askCodeOf(sessionId: string): Promise<string> {
  const hash = hashOf(sessionId);
  const rivals = await prisma.$queryRaw<{ id: string; hash: string }[]>`
    SELECT id, encode(sha256(convert_to(id, 'UTF8')), 'hex') AS hash
      FROM "Session"
     WHERE left(encode(sha256(convert_to(id, 'UTF8')), 'hex'), ${SHORTEST}) = ${hash.slice(0, SHORTEST)}
     ORDER BY id`;
  return shortestCode({ id: sessionId, hash }, rivals);
}

/**
 * The shortest start of `own.hash` (at least 7 characters) whose first session
 * among `rivals` (the sessions whose hashes share the first 7, oldest first) is
 * `own`: what a lookup finds for it.
 */
export function shortestCode(own: { id: string; hash: string }, rivals: readonly { id: string; hash: string }[]): string {
  for (let length = SHORTEST; length < own.hash.length; length += 1) {
    const code = own.hash.slice(0, length);
    const first = rivals.find((rival) => rival.hash.startsWith(code));
    if (!first || first.id === own.id) return code;
  }
  return own.hash;
}

/** The session a typed or scanned code leads to (the meeting's and its own slug), or null. */
export async function findSessionByAskCode(typed: string): Promise<{ meetingSlug: string; sessionSlug: string } | null> {
  const code = typed.trim().toLowerCase();
  if (!CODE.test(code)) return null;
  // Reads every session's id once; the request layer caches the answer per code.
  const [found] = await prisma.$queryRaw<{ meetingSlug: string; sessionSlug: string }[]>`
    SELECT m.slug AS "meetingSlug", s.slug AS "sessionSlug"
      FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId"
     WHERE starts_with(encode(sha256(convert_to(s.id, 'UTF8')), 'hex'), ${code})
     ORDER BY s.id
     LIMIT 1`;
  return found ?? null;
}
