import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "~/utils/logger.server";
import { action, loader } from "./csp-report";

// As Chromium sends them (see e2e/security-headers.spec.ts), tokens and all.
const reportUriBody = {
  "csp-report": {
    "document-uri": "http://localhost:3000/reset-password/secret-token?next=%2F",
    referrer: "",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'self'; script-src 'self' 'nonce-abc'",
    disposition: "enforce",
    "blocked-uri": "inline",
    "line-number": 12,
    "column-number": 7,
    "source-file": "http://localhost:3000/reset-password/secret-token",
    "status-code": 200,
    "script-sample": "alert(1)",
  },
};
const reportingApiBody = [
  {
    age: 3,
    type: "csp-violation",
    url: "http://localhost:3000/meetings/sir-2023/agenda?day=2023-03-04",
    user_agent: "Mozilla/5.0",
    body: {
      blockedURL: "https://tracker.example/pixel.gif?leak=1",
      disposition: "enforce",
      documentURL: "http://localhost:3000/meetings/sir-2023/agenda?day=2023-03-04",
      effectiveDirective: "img-src",
      originalPolicy: "default-src 'self'",
      referrer: "",
      sample: "",
      statusCode: 200,
    },
  },
  { age: 1, type: "deprecation", url: "http://localhost:3000/", body: { id: "x", message: "old" } },
];

function post(body: string, contentType: string, ip = `198.51.100.${randomUUID()}`) {
  const request = new Request("http://localhost/csp-report", { method: "POST", body, headers: { "Content-Type": contentType } });
  return action({ request, params: {}, context: { clientIp: ip } });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /csp-report", () => {
  it("logs a report-uri report without the URL's secret or query, and answers 204", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const response = await post(JSON.stringify(reportUriBody), "application/csp-report");
    expect(response.status).toBe(204);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([
      {
        cspViolation: {
          document: "http://localhost:3000/reset-password/:token",
          directive: "script-src-elem",
          blocked: "inline",
          source: "http://localhost:3000/reset-password/:token",
          line: 12,
          column: 7,
          sample: "alert(1)",
          disposition: "enforce",
          status: 200,
        },
      },
      "Content-Security-Policy violation",
    ]);
  });

  it("logs the CSP violations of a Reporting API batch and skips its other reports", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const response = await post(JSON.stringify(reportingApiBody), "application/reports+json");
    expect(response.status).toBe(204);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toEqual({
      cspViolation: {
        document: "http://localhost:3000/meetings/sir-2023/agenda",
        directive: "img-src",
        blocked: "https://tracker.example/pixel.gif",
        disposition: "enforce",
        status: 200,
      },
    });
  });

  it("answers a body that is not a report with 400, another type with 415, a huge one with 413", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    expect((await post("{not json", "application/csp-report")).status).toBe(400);
    expect((await post(JSON.stringify({ report: 1 }), "application/csp-report")).status).toBe(400);
    expect((await post(JSON.stringify({ "csp-report": { "line-number": "twelve" } }), "application/csp-report")).status).toBe(400);
    expect((await post(JSON.stringify({ type: "csp-violation" }), "application/reports+json")).status).toBe(400);
    expect((await post(JSON.stringify([{ type: "csp-violation", body: { lineNumber: -1 } }]), "application/reports+json")).status).toBe(400);
    expect((await post("", "application/reports+json")).status).toBe(400);
    expect((await post(JSON.stringify(reportUriBody), "application/json")).status).toBe(415);
    expect((await post("a=1", "application/x-www-form-urlencoded")).status).toBe(415);
    const huge = JSON.stringify({ "csp-report": { "script-sample": "x".repeat(100_000) } });
    expect((await post(huge, "application/csp-report")).status).toBe(413);
  });

  it("accepts a charset parameter on the type", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    expect((await post(JSON.stringify(reportUriBody), "application/csp-report; charset=utf-8")).status).toBe(204);
  });

  it("takes 60 reports a minute from one address, then answers 429 with Retry-After", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const ip = `203.0.113.${randomUUID()}`;
    for (let i = 0; i < 60; i++) expect((await post(JSON.stringify(reportUriBody), "application/csp-report", ip)).status).toBe(204);
    const refused = await post(JSON.stringify(reportUriBody), "application/csp-report", ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await post(JSON.stringify(reportUriBody), "application/csp-report")).status).toBe(204);
  });

  it("answers GET with 405", async () => {
    const response = await loader();
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
  });
});
