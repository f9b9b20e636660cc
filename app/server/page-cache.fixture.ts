// The page cache's ETag as the tests read it: present and of the cache's own
// form (a weak tag over a SHA-1, base64url), so that a comparison of two ETags
// can never pass because neither response carried one.
import { expect } from "vitest";

export function etagOf(response: { headers: Headers }): string {
  const etag = response.headers.get("etag");
  expect(etag, "the response's ETag").toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
  return etag!;
}
