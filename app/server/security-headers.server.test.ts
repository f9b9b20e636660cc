// The security headers on a small Express app: what each response carries, how
// the policy follows APP_ORIGIN and STREAM_ORIGINS, and which URLs are secret.
// e2e/security-headers.spec.ts checks the same headers on the production server.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { realtimeOrigin } from "~/models/accounts/realtime-ticket.server";
import { env } from "~/utils/env.server";
import { SECRET_URLS, secretUrlPattern, securityHeaders, type SecurityHeaderOptions } from "./security-headers.server";

const servers: Server[] = [];

/** An app with the security headers in front of a page, a JSON answer, a file and Express's own 404. */
async function serve(options: SecurityHeaderOptions = {}): Promise<string> {
  const app = express();
  app.use(securityHeaders(options));
  app.get("/page", (_req, res) => void res.type("html").send("<!doctype html><p>page</p>"));
  app.get("/schedule.json", (_req, res) => void res.json({ ok: true }));
  app.get("/reset-password/:token", (_req, res) => void res.type("html").send("<p>reset</p>"));
  app.get("/revalidated", (_req, res) => void res.status(304).end());
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

/** A Content-Security-Policy header as directive name -> its sources. */
function directives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("security headers", () => {
  let origin: string;
  beforeAll(async () => {
    origin = await serve();
  });

  it("are on every kind of response: page, JSON and a 404", async () => {
    for (const path of ["/page", "/schedule.json", "/nowhere"]) {
      const response = await fetch(origin + path);
      const headers = response.headers;
      expect(headers.get("content-security-policy"), path).toBeTruthy();
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(headers.get("cross-origin-resource-policy"), path).toBe("same-origin");
      // The Reporting API takes only https endpoints; report-uri does the reporting here.
      expect(headers.get("reporting-endpoints"), path).toBeNull();
      // APP_ORIGIN is http here: no HSTS, which would pin a test or development host to https.
      expect(headers.get("strict-transport-security"), path).toBeNull();
      expect(headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("enforce a policy that runs only our scripts and this response's nonce", async () => {
    const response = await fetch(`${origin}/page`);
    expect(response.headers.get("content-security-policy-report-only")).toBeNull();
    const policy = directives(response.headers.get("content-security-policy"));
    const nonce = policy.get("script-src")?.[1];
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    const realtime = realtimeOrigin();
    expect(Object.fromEntries(policy)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", nonce],
      "script-src-attr": ["'none'"],
      "worker-src": ["'self'"],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'", realtime, realtime.replace(/^http/, "ws")],
      "frame-src": env.STREAM_ORIGINS,
      "frame-ancestors": ["'none'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'", "https://checkout.stripe.com"],
      "report-uri": ["/csp-report"],
    });
    expect(env.STREAM_ORIGINS).toEqual(["https://stream.example.org"]);
  });

  it("name a new nonce on every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) nonces.add(directives((await fetch(`${origin}/page`)).headers.get("content-security-policy")).get("script-src")![1]!);
    expect(nonces.size).toBe(20);
  });

  it("leave a 304 without a policy, so the browser keeps the one whose nonce its stored page carries", async () => {
    const response = await fetch(`${origin}/revalidated`);
    expect(response.status).toBe(304);
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("send no referrer from pages whose URL is a secret", async () => {
    expect((await fetch(`${origin}/reset-password/a-secret-token`)).headers.get("referrer-policy")).toBe("no-referrer");
    expect((await fetch(`${origin}/reset-password`)).headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});

describe("secret URLs", () => {
  it("are matched by pattern, one path segment per parameter", () => {
    expect(secretUrlPattern("/reset-password/abc")).toBe("/reset-password/:token");
    expect(secretUrlPattern("/reset-password/abc/")).toBe("/reset-password/:token");
    expect(secretUrlPattern("/signup/confirm/abc")).toBe("/signup/confirm/:token");
    expect(secretUrlPattern("/invitations/abc")).toBe("/invitations/:token");
    expect(secretUrlPattern("/calendar/abc.ics")).toBe("/calendar/:token.ics");
    expect(secretUrlPattern("/meetings/sir-2023/registration/confirm-email/abc")).toBe("/meetings/:meeting/registration/confirm-email/:token");
    expect(secretUrlPattern("/disclosures/abc")).toBe("/disclosures/:token");
    expect(secretUrlPattern("/verify/7K3M-Q9TX-2BRD")).toBe("/verify/:code");
    expect(secretUrlPattern("/meetings/sir-2023/cme/certificates/7K3M-Q9TX-2BRD.pdf")).toBe("/meetings/:meeting/cme/certificates/:code.pdf");
    for (const path of ["/reset-password", "/verify", "/reset-password/a/b", "/calendar/abcxics", "/calendar/abc.ics.txt", "/meetings/sir-2023/registration", "/x/invitations/abc"]) {
      expect(secretUrlPattern(path), path).toBeNull();
    }
    expect(SECRET_URLS).toHaveLength(8);
  });
});

describe("on an https APP_ORIGIN", () => {
  const appOrigin = env.APP_ORIGIN;
  afterEach(() => {
    env.APP_ORIGIN = appOrigin;
  });

  it("pin https with HSTS, upgrade insecure requests, report through the Reporting API too and reach the sidecar over wss", async () => {
    env.APP_ORIGIN = "https://meeting.example.org";
    const response = await fetch(`${await serve()}/page`);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers.get("reporting-endpoints")).toBe('csp-endpoint="/csp-report"');
    const policy = directives(response.headers.get("content-security-policy"));
    expect(policy.get("upgrade-insecure-requests")).toEqual([]);
    expect(policy.get("report-uri")).toEqual(["/csp-report"]);
    expect(policy.get("report-to")).toEqual(["csp-endpoint"]);
    expect(policy.get("connect-src")).toEqual(["'self'", `https://meeting.example.org:${env.REALTIME_PORT}`, `wss://meeting.example.org:${env.REALTIME_PORT}`]);
  });
});

describe("in development", () => {
  it("let Vite inject styles and open its HMR socket, and nothing more", async () => {
    const policy = directives((await fetch(`${await serve({ dev: true })}/page`)).headers.get("content-security-policy"));
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("connect-src")).toContain("ws://localhost:*");
    expect(policy.get("script-src")?.[0]).toBe("'self'");
    expect(policy.get("script-src")).toHaveLength(2);
  });
});
