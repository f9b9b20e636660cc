// Caching of the public program pages, as Express middleware in front of Remix.
//
// The program changes only when an organizer publishes, which bumps
// Meeting.programVersion. So a page is fully determined by: its URL, the
// viewer's zone choice, the program version, the build, whether the viewer is
// signed in, and (only while the meeting runs, for the "happening now" strip)
// the current minute. From those the middleware derives
//  - an ETag, answering If-None-Match with 304 before anything renders, and
//  - for anonymous GETs, a key into a bounded in-memory LRU of rendered pages,
//    so the busiest agenda day is rendered once per version, not per request.
// Signed-in responses carry the user's name and may carry personal state: they
// get ETags tied to their own session cookie and are never stored or served
// from the shared cache.
// A stored page is replayed with the nonce of the response's own
// Content-Security-Policy stamped into its inline scripts, never the nonce it
// was rendered with (utils/nonce-stamped-page.server.ts).
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { LRUCache } from "lru-cache";
import { getQaVersion } from "~/models/live-qa/board.server";
import { getDisclosureStamp } from "~/models/cme/disclosure-views.server";
import { getProgramStamp, meetingSpan } from "~/models/meetings/meeting.server";
import { scheduleStampForSignIn } from "~/models/schedule/schedule.server";
import { cspNonce } from "~/utils/csp-nonce.server";
import { logger } from "~/utils/logger.server";
import { PROGRAM_VERSION_HEADER } from "~/utils/offline-pages";
import { cutAtNonce, gzipPieces, stampNonce, stampNonceGzipped, type GzippedPieces, type NonceStampedPage } from "~/utils/nonce-stamped-page.server";
import { readLoginSessionIdFromCookie } from "~/utils/session.server";
import { readTimeZoneHint } from "~/utils/time";

/** What decides whether a meeting's pages changed. */
export type ProgramStamp = { programVersion: number; startsOn: Date; endsOn: Date; timeZone: string };

export type PageCacheOptions = {
  /** Changes with every deploy (the Remix build's assets version), so a new build never serves old HTML. */
  buildId: string;
  /**
   * How long a meeting's programVersion is trusted before asking the database
   * again. Asking per request would put a database round trip on the cached
   * path; a second of staleness after a publish costs nothing, and the lookup
   * is one row by a unique index. 0 asks every time (tests).
   */
  stampTtlMs?: number;
  /** Upper bound on the bytes of pages kept in memory. */
  maxBytes?: number;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** Where programVersion comes from (tests may swap it). */
  lookupStamp?: (meetingSlug: string) => Promise<ProgramStamp | null>;
  /** A session page also lists its audience questions: their version (the session's last Q&A event id) joins the key. */
  lookupQaVersion?: (meetingSlug: string, sessionSlug: string) => Promise<number>;
  /** A session page also shows its faculty's CME disclosures, which change without a publish: their stamp joins the key too. */
  lookupDisclosureStamp?: (meetingSlug: string, sessionSlug: string) => Promise<number>;
  /**
   * A signed-in page shows the viewer's own schedule buttons: a fingerprint of
   * their schedule for the meeting joins their ETag, so adding a session (here
   * or on another device) is never answered with a stale 304.
   */
  lookupScheduleStamp?: (cookieHeader: string, meetingSlug: string) => Promise<string>;
};

async function viewerScheduleStamp(cookieHeader: string, meetingSlug: string): Promise<string> {
  const loginSessionId = await readLoginSessionIdFromCookie(cookieHeader);
  return loginSessionId ? scheduleStampForSignIn(loginSessionId, meetingSlug) : "-";
}

type FoundMeeting = { stamp: ProgramStamp; span: { start: Date; end: Date } };
type KnownMeeting = FoundMeeting | { stamp: null };

type CachedPage = {
  status: number;
  headers: OutgoingHttpHeaders;
  body: NonceStampedPage;
  gzipped?: GzippedPieces;
};

// The public program pages of the URL contract, and their single-fetch data
// twins (`/meetings/x/agenda.data`). Calendar feeds and live pages are not here.
const PROGRAM_PATH = /^\/meetings\/([a-z0-9-]+)(?:\/agenda|\/tracks(?:\/[^/.]+)?|\/sessions\/([^/.]+)|\/speakers(?:\/[^/.]+)?)?(?:\.data)?$/;

// My schedule: personal, never stored here, but it shows the program too, so it
// carries the program version for the service worker like the pages above.
const SCHEDULE_PATH = /^\/meetings\/([a-z0-9-]+)\/schedule$/;

// Any cookie named like a sign-in marks the request as personal. Matching
// loosely errs on the safe side: a false match only skips the shared cache.
const SIGN_IN_COOKIE = /(?:^|;)\s*(?:__Host-)?[\w-]*session[\w-]*=([^;]*)/i;

// Headers that describe one transmission, not the page. The Content-Security-Policy
// names the response's own nonce; the security middleware set it already.
const PER_RESPONSE_HEADERS = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "content-security-policy",
  "date",
  "etag",
  "keep-alive",
  "transfer-encoding",
  "cache-control",
  "vary",
  "x-page-cache",
]);

const CACHEABLE_TYPE = /^(?:text\/html|text\/x-script)/i;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

export const PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate";
export const PRIVATE_CACHE_CONTROL = "private, max-age=0, must-revalidate";

export type PageCache = RequestHandler & {
  /** Drops every stored page and remembered version, e.g. after a publish in this process. */
  clear: () => void;
  /** Forgets one meeting's remembered programVersion so the next request asks the database. */
  forgetMeeting: (meetingSlug: string) => void;
  readonly size: number;
};

export function createPageCache(options: PageCacheOptions): PageCache {
  const { buildId, stampTtlMs = 1000, maxBytes = 64 * 1024 * 1024, now = () => new Date(), lookupStamp = getProgramStamp, lookupQaVersion = getQaVersion, lookupDisclosureStamp = getDisclosureStamp, lookupScheduleStamp = viewerScheduleStamp } = options;

  const pages = new LRUCache<string, CachedPage>({
    maxSize: maxBytes,
    // The gzipped copy comes later; reserve room for it up front.
    sizeCalculation: (page) => Math.max(1, Math.ceil(page.body.piecesLength * 1.3)),
  });

  // The meeting's span is worked out once per lookup, not per request: zone
  // arithmetic would otherwise be the most expensive part of a cache hit.
  const describe = async (slug: string): Promise<KnownMeeting> => {
    const stamp = await lookupStamp(slug);
    return stamp ? { stamp, span: meetingSpan(stamp) } : { stamp: null };
  };
  // lru-cache's fetch() also folds concurrent lookups of one slug into one query.
  const stamps = new LRUCache<string, KnownMeeting>({
    max: 1000,
    ttl: Math.max(stampTtlMs, 1),
    fetchMethod: describe,
  });

  const sessionVersion = async (meetingSlug: string, sessionSlug: string) => {
    const [qa, disclosures] = await Promise.all([lookupQaVersion(meetingSlug, sessionSlug), lookupDisclosureStamp(meetingSlug, sessionSlug)]);
    return disclosures ? `${qa}.${disclosures}` : String(qa);
  };
  const qaVersions = new LRUCache<string, string>({
    max: 5000,
    ttl: Math.max(stampTtlMs, 1),
    fetchMethod: (key) => sessionVersion(...(key.split("/") as [string, string])),
  });

  async function qaVersionOf(meetingSlug: string, sessionSlug: string | undefined): Promise<string> {
    if (!sessionSlug) return "-";
    if (stampTtlMs <= 0) return sessionVersion(meetingSlug, sessionSlug);
    return (await qaVersions.fetch(`${meetingSlug}/${sessionSlug}`)) ?? "0";
  }

  async function meetingOf(slug: string): Promise<KnownMeeting> {
    if (stampTtlMs <= 0) return describe(slug);
    return (await stamps.fetch(slug)) ?? { stamp: null };
  }

  /** Tells the service worker which release a page shows, so that a new one replaces its kept pages (app/sw.ts). */
  async function markProgramVersion(res: Response, slug: string) {
    try {
      const { stamp } = await meetingOf(slug);
      if (stamp) res.setHeader(PROGRAM_VERSION_HEADER, stamp.programVersion);
    } catch (error) {
      // Without the header the kept copy is only replaced when visited again.
      logger.warn({ err: error }, "page cache: could not read the program version");
    }
  }

  async function handle(req: Request, res: Response, next: NextFunction) {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const url = req.originalUrl;
    const queryStart = url.indexOf("?");
    const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
    const match = PROGRAM_PATH.exec(pathname);
    if (!match) {
      const schedule = SCHEDULE_PATH.exec(pathname);
      if (schedule) await markProgramVersion(res, schedule[1]!);
      return next();
    }

    let meeting: KnownMeeting;
    let qaVersion: string;
    try {
      meeting = await meetingOf(match[1]!);
      qaVersion = await qaVersionOf(match[1]!, match[2]);
    } catch (error) {
      // Without a version nothing can be cached safely; Remix still answers.
      logger.warn({ err: error }, "page cache: could not read the program version");
      return next();
    }
    // Unknown meeting: Remix renders the 404.
    if (!meeting.stamp) return next();
    res.setHeader(PROGRAM_VERSION_HEADER, meeting.stamp.programVersion);

    const cookies = req.headers.cookie ?? "";
    const signIn = SIGN_IN_COOKIE.exec(cookies);
    const signedIn = signIn !== null && signIn[1] !== "";
    let schedule = "";
    if (signedIn) {
      try {
        schedule = await lookupScheduleStamp(cookies, match[1]!);
      } catch (error) {
        logger.warn({ err: error }, "page cache: could not read the viewer's schedule");
        return next();
      }
    }
    const key = `${cacheKey(req.headers, url, cookies, meeting, buildId, now())}|qa:${qaVersion}`;
    const etag = `W/"${createHash("sha1")
      .update(key)
      .update(signedIn ? `|signed-in:${signIn[1]}|schedule:${schedule}` : "|anonymous")
      .digest("base64url")}"`;
    const cacheControl = signedIn ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;

    if (matchesEtag(req.headers["if-none-match"], etag)) {
      res.writeHead(304, { ETag: etag, "Cache-Control": cacheControl, Vary: "Cookie" });
      res.end();
      return;
    }

    if (!signedIn) {
      const page = pages.get(key);
      if (page) {
        sendCachedPage(req, res, page, etag);
        return;
      }
    }

    interceptResponse(res, { etag, cacheControl, capture: !signedIn && req.method === "GET" }, (page) => {
      pages.set(key, page);
      // Compress once in the background; until then the compression middleware compresses per response.
      gzipPieces(page.body).then(
        (gzipped) => {
          if (pages.peek(key) === page) page.gzipped = gzipped;
        },
        (error: unknown) => logger.warn({ err: error }, "page cache: could not gzip a page"),
      );
    });
    next();
  }

  // Express 4 does not await handlers: hand failures to its error handling.
  const middleware: RequestHandler = (req, res, next) => void handle(req, res, next).catch(next);
  return Object.defineProperties(middleware, {
    clear: {
      value: () => {
        pages.clear();
        stamps.clear();
      },
    },
    forgetMeeting: { value: (slug: string) => void stamps.delete(slug) },
    size: { get: () => pages.size },
  }) as PageCache;
}

function cacheKey(headers: IncomingHttpHeaders, url: string, cookies: string, { stamp, span }: FoundMeeting, buildId: string, now: Date): string {
  // tz=local means "the zone in my client-hint cookie": the cookie then decides the page.
  const localZone = /[?&]tz=local(?:&|$)/.test(url) ? (readTimeZoneHint(cookies) ?? "unknown") : "-";
  // "Happening now" changes by the minute while the meeting runs, and only then.
  const during = now >= span.start && now < span.end;
  const minute = during ? String(Math.floor(now.getTime() / 60_000)) : "-";
  return [buildId, stamp.programVersion, minute, localZone, headers.host ?? "", url].join("|");
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  // Weak comparison (RFC 9110 §13.1.2): the W/ prefix does not matter.
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

function sendCachedPage(req: Request, res: Response, page: CachedPage, etag: string) {
  const useGzip = page.gzipped !== undefined && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const nonce = cspNonce(res);
  const body = useGzip ? stampNonceGzipped(page.body, page.gzipped!, nonce) : stampNonce(page.body, nonce);
  const headers: OutgoingHttpHeaders = {
    ...page.headers,
    ETag: etag,
    "Cache-Control": PUBLIC_CACHE_CONTROL,
    Vary: "Cookie, Accept-Encoding",
    "Content-Length": body.length,
    "X-Page-Cache": "hit",
  };
  // An encoded body tells the compression middleware to leave it alone.
  if (useGzip) headers["Content-Encoding"] = "gzip";
  res.writeHead(page.status, headers);
  if (req.method === "HEAD") return void res.end();
  // Node corks the socket for writes within one tick: the pieces leave in one writev, uncopied.
  for (const chunk of body.chunks) res.write(chunk);
  res.end();
}

/**
 * Lets Remix render, then: sets ETag and Cache-Control on a 200 (dropping the
 * ETag on anything else) and, when `capture` is set, keeps a copy of the body
 * to store. Wraps writeHead/write/end, so it sees the uncompressed bytes even
 * when the compression middleware runs before it.
 */
function interceptResponse(
  res: ServerResponse,
  { etag, cacheControl, capture }: { etag: string; cacheControl: string; capture: boolean },
  store: (page: CachedPage) => void,
) {
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let headers: OutgoingHttpHeaders | null = null;
  let chunks: Buffer[] | null = capture ? [] : null;
  let bytes = 0;

  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!chunks || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > MAX_PAGE_BYTES) chunks = null;
    else chunks.push(buffer);
  };

  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const [status] = args;
    const explicit = args.find((arg, index) => index > 0 && typeof arg === "object" && arg !== null) as OutgoingHttpHeaders | undefined;
    // Raw header arrays are Node's rare form; pass them through untouched and uncached.
    if (Array.isArray(explicit)) {
      chunks = null;
      return writeHead.apply(this, args);
    }
    if (explicit) for (const [name, value] of Object.entries(explicit)) if (value !== undefined) this.setHeader(name, value);
    if (status === 200) {
      this.setHeader("ETag", etag);
      this.setHeader("Cache-Control", cacheControl);
      this.setHeader("Vary", "Cookie");
      this.setHeader("X-Page-Cache", capture ? "miss" : "bypass");
    } else {
      this.removeHeader("ETag");
    }
    const cacheable = capture && status === 200 && !this.hasHeader("Set-Cookie") && CACHEABLE_TYPE.test(String(this.getHeader("Content-Type") ?? ""));
    if (cacheable) {
      headers = {};
      for (const [name, value] of Object.entries(this.getHeaders())) {
        if (value !== undefined && !PER_RESPONSE_HEADERS.has(name)) headers[name] = value;
      }
    } else {
      chunks = null;
    }
    return writeHead.apply(this, args.slice(0, explicit ? args.length - 1 : args.length) as Parameters<ServerResponse["writeHead"]>);
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    keep(args[0], args[1]);
    const result = (end as (...args: unknown[]) => ServerResponse).apply(this, args);
    // Cut where this rendering's nonce is, so each serve can stamp in its own.
    if (headers && chunks) store({ status: 200, headers, body: cutAtNonce(Buffer.concat(chunks), cspNonce(this)) });
    chunks = null;
    return result;
  } as ServerResponse["end"];
}
