// What the service worker (app/sw.ts) keeps for reading offline at the venue,
// and how the pages and the worker agree about it. One module for both sides,
// so that the page that forgets the personal copies and the worker that makes
// them read the same cache name, the same header and the same rule.

/** The Cache Storage cache of the pages kept for offline reading. */
export const KEPT_PAGES_CACHE = "kept-pages";
/** The fingerprinted scripts and styles those pages use (the icons and manifest are in Workbox's precache). */
export const KEPT_ASSETS_CACHE = "kept-assets";

/**
 * The published release a page shows (Meeting.programVersion), set by the page
 * cache on a meeting's pages: when a page arrives with another release, the
 * worker drops the kept pages of that meeting that show the old one.
 */
export const PROGRAM_VERSION_HEADER = "X-Program-Version";

/** Asks the worker whether it answered the asking page from the kept copy; the reply is OfflineCopyReply. */
export const OFFLINE_COPY_QUESTION = "offline-copy?";
/** When the kept copy the page came from was fetched (epoch ms), or null: it came from the network. */
export type OfflineCopyReply = { keptAt: number | null };

// The pages kept when visited: the home page, a meeting's home, program (the
// agenda), tracks, speakers, posters, changes and My schedule, and one session,
// speaker or track. Not the live, moderation and projector pages below a
// session, not feeds or files (a dot in the last segment), nothing of the
// console, the account, registration or the call for abstracts.
const KEPT_PAGE = /^\/(?:meetings\/[a-z0-9-]+(?:\/(?:agenda|schedule|tracks|speakers|posters|changelog)|\/(?:sessions|speakers|tracks)\/[^/.]+)?)?$/;

/** Whether the page at this path is kept for reading offline. */
export function isKeptPage(pathname: string): boolean {
  return KEPT_PAGE.test(pathname);
}

/** The meeting slug of a kept meeting page, or null. */
export function meetingOfPage(pathname: string): string | null {
  return /^\/meetings\/([a-z0-9-]+)(?:\/|$)/.exec(pathname)?.[1] ?? null;
}

/**
 * Whether a kept copy belongs to the person signed in. Only what the server
 * marks `Cache-Control: public` (the program pages served to nobody in
 * particular) is the same for everyone; anything else may carry a name, a
 * schedule or a registration, so it is personal: erring this way only costs a
 * copy that a signed-out visit fetches again.
 */
export function isPersonalCopy(response: Response): boolean {
  return !/\bpublic\b/i.test(response.headers.get("Cache-Control") ?? "");
}

/**
 * Deletes every personal kept copy, so that nothing of one person is shown to
 * the next on a shared device. The pages call it whenever they show nobody is
 * signed in: after signing out, and after a sign-in expired or was ended elsewhere.
 */
export async function forgetPersonalPages(storage: CacheStorage): Promise<void> {
  if (!(await storage.has(KEPT_PAGES_CACHE))) return;
  const cache = await storage.open(KEPT_PAGES_CACHE);
  for (const request of await cache.keys()) {
    const copy = await cache.match(request);
    if (!copy || isPersonalCopy(copy)) await cache.delete(request);
  }
}
