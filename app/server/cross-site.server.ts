// Cross-site requests that could change something are refused here, in one
// place, before the page cache and Remix see them.
//
// Why not rely on the cookie alone: SameSite=Lax keeps the session cookie off
// another site's POSTs in current browsers, but not off a sibling subdomain's
// (same-site), not in every browser, and not at all where no cookie is needed
// (a forged sign-in puts the victim in the attacker's account). Why here and
// not in Remix: Remix 2's own check (throwIfPotentialCSRFAttack) compares
// Origin with Host, throws, and the request ends as a 500; it also misses a
// POST with no Origin but another site's Referer, and a proxy that rewrites
// Host breaks it for honest forms.
//
// Browsers send at least one of Sec-Fetch-Site, Origin or Referer with every
// cross-site POST; the first one present decides. A request with none of them
// comes from no browser (curl, another server) and cannot carry a victim's
// cookie, so it passes.
import type { RequestHandler } from "express";
import { env } from "~/utils/env.server";
import { sendPlainRefusal } from "./plain-page.server";

/**
 * The only addresses other sites may POST to, each with its own proof of who
 * is sending. Add a path here rather than a second check elsewhere.
 */
export const CROSS_SITE_EXEMPT_PATHS: ReadonlySet<string> = new Set([
  "/webhooks/stripe", // Stripe's servers; the event is verified by its signature on the raw body
]);

/** Methods that change nothing (no state change on GET is a baseline), so they are never checked. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CrossSiteHeaders = { secFetchSite?: string; origin?: string; referer?: string };

/** Whether a state-changing request with these headers was sent from a page of `appOrigin`. */
export function isFromOwnSite(headers: CrossSiteHeaders, appOrigin: string): boolean {
  // Fetch Metadata: "none" is a user-typed navigation, which a POST never is;
  // "same-site" is a sibling subdomain, which may be someone else's.
  if (headers.secFetchSite !== undefined) return headers.secFetchSite === "same-origin";
  // "null" (a sandboxed frame, a data: URL, a redirect across sites) never equals an origin.
  if (headers.origin !== undefined) return headers.origin === appOrigin;
  if (headers.referer !== undefined) return URL.parse(headers.referer)?.origin === appOrigin;
  return true;
}

export function refuseCrossSiteRequests(appOrigin: string = env.APP_ORIGIN): RequestHandler {
  const ownOrigin = new URL(appOrigin).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || CROSS_SITE_EXEMPT_PATHS.has(req.path)) return next();
    const headers: CrossSiteHeaders = { secFetchSite: req.get("Sec-Fetch-Site"), origin: req.get("Origin"), referer: req.get("Referer") };
    if (!isFromOwnSite(headers, ownOrigin)) {
      return sendPlainRefusal(res, {
        status: 403,
        title: "Sent from another site",
        message: "This form was sent from another site, so nothing was changed. If you meant to do this, go to the page on this site and send the form again.",
      });
    }
    // Checked: Remix's own comparison of Origin with Host would only turn an
    // honest request behind a Host-rewriting proxy into a 500.
    delete req.headers.origin;
    next();
  };
}
