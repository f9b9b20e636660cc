// The web process: Remix on Express. In development Vite serves the app with hot
// reload; in production the built app in build/ is served with compressed,
// long-cached assets.
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pinoHttp } from "pino-http";
import { logger } from "../app/utils/logger.server";

export type WebServerOptions = { port: number; dev: boolean };

export async function startWebServer({ port, dev }: WebServerOptions): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  // req.ip feeds the per-IP rate limits: believe X-Forwarded-For only from a proxy we
  // run (loopback by default; TRUST_PROXY for a load balancer), never from the client.
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
  app.use(compression());
  app.use(
    pinoHttp({
      logger,
      // Health checks and assets would drown the log.
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/assets/") === true },
      // One short line per request: no headers, which would log session cookies.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );

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
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
    const serverBuildPath = pathToFileURL(path.join(buildDir, "server/index.js")).href;
    build = (await import(/* @vite-ignore */ serverBuildPath)) as ServerBuild;
    // Public program pages: ETag/304 and a shared in-memory page cache keyed by the program version.
    const { createPageCache } = await import("../app/utils/page-cache.server");
    app.use(createPageCache({ buildId: build.assets.version }));
  }
  // Checkouts abandoned without a word from Stripe give their held seats back (registration-payment.server.ts).
  const { startCheckoutSweep } = await import("../app/models/registration-payment.server");
  startCheckoutSweep();
  app.all("*", createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (req) => ({ clientIp: req.ip }),
    }));

  // E-mails attendees the program changes that touch their schedule, grouped per quiet window.
  const { startProgramDigestTimer } = await import("../app/models/program-notices.server");
  const stopDigests = startProgramDigestTimer();

  return new Promise((resolve) => {
    const server = app.listen(port, () => resolve(server));
    server.on("close", stopDigests);
  });
}
