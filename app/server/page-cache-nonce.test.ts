// The page cache and the Content-Security-Policy nonce: a stored page's inline
// scripts must carry the nonce of the header of the response that replays it,
// a new one each time, gzipped or not. Real security headers, real Express, a
// stand-in for Remix that stamps the response's nonce as entry.server.tsx does.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { securityHeaders } from "~/server/security-headers.server";
import { cspNonce } from "~/utils/csp-nonce.server";
import { createPageCache } from "./page-cache.server";

let fixture: ProgramFixture;
let server: Server;
let origin: string;
let renders = 0;

beforeAll(async () => {
  fixture = await createProgramFixture();
  const app = express();
  app.use(securityHeaders());
  app.use(compression());
  app.use(createPageCache({ buildId: "test-build", stampTtlMs: 0 }));
  app.get("*", (_req, res) => {
    renders += 1;
    const nonce = cspNonce(res);
    res
      .status(200)
      .type("html")
      .send(`<!doctype html><script nonce="${nonce}">hint()</script><p>${"a program page ".repeat(500)}</p><script nonce="${nonce}">hydrate()</script>`);
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The nonce a response's Content-Security-Policy names, and those its inline scripts carry. */
async function nonces(response: Response) {
  const header = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const body = await response.text();
  return { header, scripts: [...body.matchAll(/<script nonce="([^"]+)"/g)].map((match) => match[1]) };
}

describe("a cached page's inline scripts", () => {
  it("carry the nonce of the response's own Content-Security-Policy, a new one on every hit", async () => {
    const path = `${origin}/meetings/${fixture.meeting.slug}/agenda`;
    const before = renders;
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(path, { headers: { "Accept-Encoding": "identity" } });
      expect(response.headers.get("x-page-cache")).toBe(i === 0 ? "miss" : "hit");
      const { header, scripts } = await nonces(response);
      expect(header).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(scripts).toEqual([header, header]);
      seen.add(header!);
    }
    expect(seen.size).toBe(3);
    expect(renders - before).toBe(1);
  });

  it("carry it in the stored gzipped copy too", async () => {
    const path = `${origin}/meetings/${fixture.meeting.slug}/speakers`;
    await fetch(path);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the copy is compressed in the background
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      // fetch() asks for gzip and inflates it.
      const response = await fetch(path);
      expect(response.headers.get("x-page-cache")).toBe("hit");
      expect(response.headers.get("content-encoding")).toBe("gzip");
      const { header, scripts } = await nonces(response);
      expect(scripts).toEqual([header, header]);
      seen.add(header!);
    }
    expect(seen.size).toBe(2);
  });
});
