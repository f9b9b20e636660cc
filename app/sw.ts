/// <reference lib="webworker" />
// The service worker: the program keeps working at the venue without a signal.
// vite-plugin-pwa builds it (injectManifest, vite.config.ts) into the client
// build as /sw.js, with the list of the build's assets in self.__WB_MANIFEST;
// the pages register it in production builds only (components/offline.tsx).
//
// - Assets: the icons and the manifest are precached when the worker installs.
//   The fingerprinted scripts and styles are kept as the kept pages use them
//   (cache first: a fingerprinted file never changes), not precached: a build
//   has some 1.1 MB of them, mostly the console's and the call's, which an
//   attendee's phone should not download at every release; and precaching
//   would delete a release's files when the next installs, leaving the pages
//   kept with that release unstyled offline. The pages send the files they
//   loaded with each page they ask to keep (components/offline.tsx).
// - Pages are not static files (Remix renders them), so they are kept as they
//   are visited: network first, so that online nobody ever sees an old page,
//   with a short timeout, so that the venue's weak signal falls back to the kept
//   copy at once instead of spinning. Which pages: utils/offline-pages.ts.
// - A page from the network that shows another release of the meeting's program
//   (X-Program-Version) drops the kept pages of the old one.
// - Everything else goes to the network untouched (forms, the console, live
//   Q&A, feeds, downloads, webhooks, Stripe's redirects); a page that cannot be
//   reached offline gets a short page saying so instead of the browser's error.
import { clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst, NetworkOnly } from "workbox-strategies";
import type { WorkboxPlugin } from "workbox-core/types";
import {
  isKeptPage,
  KEPT_ASSETS_CACHE,
  KEPT_PAGES_CACHE,
  meetingOfPage,
  OFFLINE_COPY_QUESTION,
  PROGRAM_VERSION_HEADER,
  type OfflineCopyReply,
} from "~/utils/offline-pages";

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// A new build takes over at once: its pages need its assets, and the old assets are gone from the server.
void self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** Which page (client id) was answered from a kept copy, and when that copy was fetched: the page asks, to say so. */
const answeredOffline = new Map<string, number>();

const keptPages: WorkboxPlugin[] = [
  {
    // Only whole pages: not an error page, not the sign-in page a personal address redirected to.
    cacheWillUpdate: async ({ response }) =>
      response.status === 200 && !response.redirected && /^text\/html/.test(response.headers.get("Content-Type") ?? "") ? response : null,
    // A new release replaces the kept program: the meeting's pages of any other release go.
    cacheDidUpdate: async ({ cacheName, request, newResponse }) => {
      const meeting = meetingOfPage(new URL(request.url).pathname);
      const version = newResponse.headers.get(PROGRAM_VERSION_HEADER);
      if (!meeting || !version) return;
      const cache = await self.caches.open(cacheName);
      for (const key of await cache.keys()) {
        if (meetingOfPage(new URL(key.url).pathname) !== meeting) continue;
        const kept = (await cache.match(key))?.headers.get(PROGRAM_VERSION_HEADER);
        if (kept && kept !== version) await cache.delete(key);
      }
    },
    // NetworkFirst reads the cache only when the network failed or took too long: this copy is an offline answer.
    cachedResponseWillBeUsed: async ({ event, cachedResponse }) => {
      if (cachedResponse && event instanceof FetchEvent && event.resultingClientId) {
        answeredOffline.set(event.resultingClientId, Date.parse(cachedResponse.headers.get("Date") ?? "") || Date.now());
      }
      return cachedResponse;
    },
  },
  // Bounded: a person visits a few hundred pages of a meeting at most.
  new ExpirationPlugin({ maxEntries: 300 }),
];

// Three seconds: enough for a slow but working connection, short enough to feel like "at once" without one.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isKeptPage(url.pathname),
  new NetworkFirst({ cacheName: KEPT_PAGES_CACHE, networkTimeoutSeconds: 3, plugins: keptPages }),
);
// Old releases' files stay until they are the least recently used of many, or two months old: pages kept with them still need them.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/assets/"),
  new CacheFirst({ cacheName: KEPT_ASSETS_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 24 * 60 * 60 })] }),
);
// Every other page straight to the network, so the catch handler below answers when it fails. Forms
// sent as pages (POST) are left to the browser: the pages refuse them offline
// themselves (components/offline.tsx), and a worker in their way broke sending them.
registerRoute(({ request }) => request.mode === "navigate", new NetworkOnly(), "GET");

setCatchHandler(async ({ request }) => {
  if (request.mode !== "navigate") return Response.error();
  return new Response(offlinePage(), { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
});

/** The page shown offline for what is not kept: plain, it needs no asset. */
function offlinePage(): string {
  const say = "You are offline, and this page is not saved on this device. The program, your schedule and the sessions and speakers you opened are: go back, or open the program.";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Meeting Platform</title></head><body><main><h1>You are offline</h1><p>${say}</p></main></body></html>`;
}

// The pages ask to keep what they reached without a page load (Remix's
// client-side navigations) with Workbox's CACHE_URLS message, which the default
// router answers by fetching each URL through its route: the kept pages' above.

self.addEventListener("message", (event) => {
  if (event.data?.type !== OFFLINE_COPY_QUESTION || !(event.source instanceof Client)) return;
  const reply: OfflineCopyReply = { keptAt: answeredOffline.get(event.source.id) ?? null };
  answeredOffline.delete(event.source.id);
  event.ports[0]?.postMessage(reply);
});
