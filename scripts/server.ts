// The web process: Remix on Express. In development Vite serves the app with hot
// reload; in production the built app in build/ is served with compressed,
// long-cached assets.
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import { refuseCrossSiteRequests } from "../app/server/cross-site.server";
import { refuseMalformedRequests } from "../app/server/request-shape.server";
import { securityHeaders } from "../app/server/security-headers.server";
import { discardUnreadBodies } from "../app/server/unread-body.server";
import { cspNonce } from "../app/utils/csp-nonce.server";
import { logger } from "../app/utils/logger.server";

export type WebServerOptions = { port: number; dev: boolean };

export async function startWebServer({ port, dev }: WebServerOptions): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  // First, so that every response carries them: assets, feeds, 304s, refusals and error pages too.
  app.use(securityHeaders({ dev }));
  // req.ip feeds the per-IP rate limits: believe X-Forwarded-For only from a proxy we
  // run (loopback by default; TRUST_PROXY for a load balancer), never from the client.
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
  // Nothing here reads req.query (Remix and the page cache read the URL), and Express 4
  // would parse every query string with qs on every request.
  app.set("query parser", false);
  app.use(compression());
  app.use(
    pinoHttp({
      logger,
      // Health checks and assets would drown the log.
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/assets/") === true },
      // One short line per request: no headers, which would log session cookies. The
      // serializers read the request and response themselves: wrapped, pino-http first
      // copies each into a full object (headers included) to hand to them, per request.
      wrapSerializers: false,
      serializers: {
        req: (req: { method: string; url: string; originalUrl?: string }) => ({ method: req.method, url: req.originalUrl ?? req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );
  // Refusals before anything that could change or cache something: requests no page can answer, then other sites' forms.
  app.use(refuseMalformedRequests());
  app.use(refuseCrossSiteRequests());
  app.use(discardUnreadBodies());

  // Calendar files of a track or a session live at /meetings/:m/tracks/:t.ics and
  // /meetings/:m/sessions/:s.ics (the public URL contract). A Remix route cannot
  // match a parameter followed by ".ics" within one segment, and the pages own
  // /tracks/:t and /sessions/:s, so those addresses are rewritten to the files'
  // resource routes (…/:t/calendar.ics) before anything else sees them. Remix
  // reads originalUrl, so both change.
  app.use((req, _res, next) => {
    const file = /^\/meetings\/([^/?]+)\/(tracks|sessions)\/([^/?.]+)\.ics(\?.*)?$/.exec(req.url);
    if (file) req.url = req.originalUrl = `/meetings/${file[1]}/${file[2]}/${file[3]}/calendar.ics${file[4] ?? ""}`;
    next();
  });

  let stopListening = () => {};
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    // Fingerprinted assets never change; everything else may.
    const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
    app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(onlyFor(publicFiles(path.join(buildDir, "client")), express.static(path.join(buildDir, "client"), { maxAge: "1h" })));
    const serverBuildPath = pathToFileURL(path.join(buildDir, "server/index.js")).href;
    build = (await import(/* @vite-ignore */ serverBuildPath)) as ServerBuild;
    // Public program pages: ETag/304 and a shared in-memory page cache keyed by the program version.
    const { createPageCache } = await import("../app/server/page-cache.server");
    app.use(createPageCache({ buildId: build.assets.version }));
    // Calendar feeds and files: their 304s and stored files without a trip through Remix.
    const { serveCalendarFeeds } = await import("../app/server/calendar-feeds.server");
    app.use(serveCalendarFeeds());
    // A person's feed is remembered per token while this process listens for changes to schedules and tokens.
    const { listenForScheduleFeedChanges } = await import("./schedule-feed-listener");
    const { env } = await import("../app/utils/env.server");
    const feedChanges = await listenForScheduleFeedChanges(env.DATABASE_URL);
    stopListening = () => void feedChanges.close();
  }
  app.all("*", createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      // A getter: req.ip parses X-Forwarded-For against "trust proxy", and only the rate-limited forms read it.
      getLoadContext: (req, res) => ({
        get clientIp() {
          return req.ip;
        },
        // The nonce this response's Content-Security-Policy names, for the page's inline scripts (entry.server.tsx).
        cspNonce: cspNonce(res),
      }),
    }));

  return new Promise((resolve) => {
    const server = app.listen(port, () => resolve(server));
    server.on("close", () => stopListening());
  });
}

/**
 * The URL paths of the files the built client holds beside assets/ (public/'s
 * files), with "dir/" and "dir" for a folder's index.html. A production build
 * does not change while it is served, so they are read once.
 */
export function publicFiles(clientDir: string): Set<string> {
  const paths = new Set<string>();
  const walk = (dir: string, urlPath: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (urlPath === "/" && entry.name === "assets") continue; // served by its own mount
        walk(path.join(dir, entry.name), `${urlPath}${entry.name}/`);
      } else {
        paths.add(urlPath + entry.name);
        if (entry.name === "index.html") paths.add(urlPath).add(urlPath.replace(/(.)\/$/, "$1"));
      }
    }
  };
  walk(clientDir, "/");
  return paths;
}

/**
 * Hands only requests for `paths` to `handler`. express.static asks the file
 * system about every request it sees, and every page, form and feed passed
 * through it on the way to Remix: a stat() and a 404 error object per request
 * for nothing.
 */
export function onlyFor(paths: Set<string>, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    let requested: string;
    try {
      requested = decodeURIComponent(req.path);
    } catch {
      return next(); // malformed escapes: no file has that name, and express.static passes them on too
    }
    if (paths.has(requested)) return handler(req, res, next);
    next();
  };
}
