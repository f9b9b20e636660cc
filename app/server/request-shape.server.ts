// Requests whose shape no page of ours can answer are refused here, with a 4xx
// and a plain sentence, before anything downstream throws on them and Express
// answers 500 with a stack trace in the log:
// - methods other than GET, HEAD and POST: Remix runs a route's action for PUT,
//   PATCH and DELETE too, and cannot even build a Request for TRACE;
// - a Host, X-Forwarded-Host or X-Forwarded-Proto from which no URL can be
//   built, and a request target that is not a path (`*`, `http://other/`):
//   @remix-run/express builds the request's URL from them and throws;
// - a path with a broken %-escape or invalid UTF-8 (Remix throws a URIError),
//   or a control character, or a NUL anywhere: PostgreSQL text cannot hold a
//   NUL, so a slug or a search with one ends as a database error;
// - very long addresses and segments, which no slug or token of ours comes near.
import type { Request, RequestHandler } from "express";
import { sendPlainRefusal, type PlainRefusal } from "./plain-page.server";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** Node refuses request heads over 16 KB on its own (431); an address well under that is already absurd. */
export const MAX_URL_LENGTH = 8 * 1024;
/** Slugs are cut at 80 characters and tokens are shorter; a segment longer than this names nothing. */
export const MAX_SEGMENT_LENGTH = 255;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

const notValid: PlainRefusal = {
  status: 400,
  title: "Not a valid address",
  message: "This address is not valid: it has a broken %-escape or a character that no address may contain. Check the link and try again.",
};

/** The refusal for this request's shape, or null when it is one the app can answer. */
export function malformedRequest(req: Request): PlainRefusal | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(req.method)) {
    return {
      status: 405,
      title: "Method not allowed",
      message: "This address answers only GET, HEAD and POST requests.",
      headers: { Allow: ALLOWED_METHODS.join(", ") },
    };
  }
  if (req.originalUrl.length > MAX_URL_LENGTH) return { status: 414, title: "Address too long", message: "This address is too long for any page here." };
  if (!req.originalUrl.startsWith("/") || !addressBuilds(req)) return notValid;
  const queryAt = req.originalUrl.indexOf("?");
  const path = queryAt === -1 ? req.originalUrl : req.originalUrl.slice(0, queryAt);
  if (queryAt !== -1 && /%00/.test(req.originalUrl.slice(queryAt))) return notValid;
  let longest = 0;
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return notValid;
    }
    if (CONTROL_CHARACTER.test(decoded)) return notValid;
    longest = Math.max(longest, decoded.length);
  }
  if (longest > MAX_SEGMENT_LENGTH) return { status: 404, title: "Page not found", message: "There is nothing at this address." };
  return null;
}

/**
 * Whether the URL @remix-run/express builds from this request (createRemixRequest:
 * protocol, hostname, the port from X-Forwarded-Host or Host) parses. It honours
 * "trust proxy", as Express does, so X-Forwarded-* count only from our proxy.
 */
function addressBuilds(req: Request): boolean {
  if (req.protocol !== "http" && req.protocol !== "https") return false;
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const port = [portOf(req.get("X-Forwarded-Host")), portOf(req.get("Host"))].find(Number.isSafeInteger);
  return URL.canParse(`${req.protocol}://${req.hostname}${port === undefined ? "" : `:${port}`}/`);
}

export function refuseMalformedRequests(): RequestHandler {
  return (req, res, next) => {
    const refusal = malformedRequest(req);
    if (refusal) return sendPlainRefusal(res, refusal);
    next();
  };
}
