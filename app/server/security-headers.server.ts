// The security headers of every response: pages, feeds, JSON, assets, error
// pages and refusals alike, so scripts/server.ts mounts this before anything
// else. Helmet writes them; this module only holds the policy.
//
// The Content-Security-Policy is enforced, not report-only: a page may run only
// our own script files and the inline scripts that carry this response's nonce
// (Remix's hydration and scroll scripts, the time-zone hint), so markup that
// slipped into a page cannot run. 'strict-dynamic' is left out: it exists to
// trust scripts that trusted scripts load without listing hosts, and every
// script here is our own file on 'self' (uploads and data are served nosniff,
// with types that cannot run). It would also make the page's preload links
// depend on each browser's reading of it; only Chromium could be checked here.
// Styles come from our stylesheet only; pages use no style="" attributes
// (colours from data are SVG fill attributes, which CSP does not govern).
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";
import { realtimeOrigin } from "~/models/accounts/realtime-ticket.server";
import { cspNonce } from "~/utils/csp-nonce.server";
import { env } from "~/utils/env.server";

/** Where browsers send Content-Security-Policy violation reports (app/routes/_resources+/csp-report.ts). */
export const CSP_REPORT_PATH = "/csp-report";
const CSP_REPORT_GROUP = "csp-endpoint";

/** Where the registration form sends a payer when Stripe is the payment gateway. */
const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/**
 * Pages whose URL is itself a secret. They are sent with `Referrer-Policy:
 * no-referrer`, so a link or a resource on them never tells another site the
 * token. `:name` stands for one path segment.
 */
export const SECRET_URLS = [
  "/reset-password/:token",
  "/signup/confirm/:token",
  "/invitations/:token",
  "/calendar/:token.ics",
  "/meetings/:meeting/registration/confirm-email/:token",
  "/disclosures/:token",
  // A certificate's code is shown only to whom its learner shows it.
  "/verify/:code",
  "/meetings/:meeting/cme/certificates/:code.pdf",
] as const;

// One expression for the whole list, a group per pattern: it runs on every request, the cached pages' included.
const SECRET_URL = new RegExp(`^(?:${SECRET_URLS.map((pattern) => `(${pattern.replaceAll(".", "\\.").replace(/:\w+/g, "[^/]+")})`).join("|")})/?$`);

/** The pattern of SECRET_URLS a URL path matches (what to log instead of the path), or null. */
export function secretUrlPattern(pathname: string): (typeof SECRET_URLS)[number] | null {
  const match = SECRET_URL.exec(pathname);
  if (!match) return null;
  return SECRET_URLS[match.findIndex((group, index) => index > 0 && group !== undefined) - 1] ?? null;
}

/** Whether the policy lets the live page frame this stream (its origin is one of STREAM_ORIGINS). */
export function canFrameStream(streamUrl: string): boolean {
  const url = URL.parse(streamUrl);
  return url !== null && env.STREAM_ORIGINS.includes(url.origin);
}

export type SecurityHeaderOptions = {
  /** Vite's dev server: its HMR socket and injected <style> elements need a looser policy. */
  dev?: boolean;
};

/** The Content-Security-Policy directives; the nonce source is filled in per response. */
export function contentSecurityPolicyDirectives({ dev = false }: SecurityHeaderOptions = {}) {
  const https = new URL(env.APP_ORIGIN).protocol === "https:";
  // The live Q&A sidecar: Socket.IO's long-polling (http) and its WebSocket (ws), on their own origin.
  const realtime = realtimeOrigin();
  const nonce = (_req: unknown, res: ServerResponse) => `'nonce-${cspNonce(res)}'`;
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", nonce],
    "script-src-attr": ["'none'"],
    // The service worker that keeps the program offline (/sw.js, app/sw.ts); no other workers.
    "worker-src": ["'self'"],
    // Development: Vite injects each stylesheet as a <style> element and its error overlay styles itself inline.
    "style-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // data: for the inline favicon; QR codes are inline <svg>, not images.
    "img-src": ["'self'", "data:"],
    // Development: Vite's HMR WebSocket listens on a port of its own.
    "connect-src": ["'self'", realtime, realtime.replace(/^http/, "ws"), ...(dev ? ["ws://localhost:*", "ws://127.0.0.1:*"] : [])],
    // The live page frames a session's stream only from these players (STREAM_ORIGINS).
    "frame-src": env.STREAM_ORIGINS.length ? env.STREAM_ORIGINS : ["'none'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", STRIPE_CHECKOUT_ORIGIN],
    // A page served over https must not load anything over http; over http there is nothing to upgrade to.
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
    // report-uri for every browser; report-to (the Reporting API) only over https. Chromium
    // ignores report-uri once report-to is there, and takes a Reporting API endpoint only over
    // https: over plain http, report-to would silence its reports altogether (seen in Chromium 156).
    "report-uri": [CSP_REPORT_PATH],
    ...(https ? { "report-to": [CSP_REPORT_GROUP] } : {}),
  };
}

/** Express middleware setting every security header; mount it first. */
export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  const https = new URL(env.APP_ORIGIN).protocol === "https:";
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives(options) },
    // Over plain http a browser ignores HSTS anyway; a development or test origin must never pin https.
    strictTransportSecurity: https,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Matches frame-ancestors 'none' for browsers that know only the older header.
    xFrameOptions: { action: "deny" },
  });
  const secretUrlReferrerPolicy = helmet.referrerPolicy({ policy: "no-referrer" });
  // Relative: the Reporting API resolves it against the page's own URL, so any host name the site answers on works.
  const reportingEndpoints = https ? `${CSP_REPORT_GROUP}="${CSP_REPORT_PATH}"` : null;

  return (req, res, next) => {
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (reportingEndpoints) res.setHeader("Reporting-Endpoints", reportingEndpoints);
      keepStoredPolicyOn304(res);
      if (secretUrlPattern(req.path)) secretUrlReferrerPolicy(req, res, next);
      else next();
    });
  };
}

/**
 * A 304 goes without a Content-Security-Policy. The browser shows the page it
 * stored, whose scripts carry the nonce of the policy it stored with them; a
 * 304's headers replace the stored ones (RFC 9111 §4.3.4, and Chromium does),
 * so a policy naming a new nonce would block every inline script of the page.
 */
function keepStoredPolicyOn304(res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (args[0] === 304) this.removeHeader("Content-Security-Policy");
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
