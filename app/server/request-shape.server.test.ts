import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
// Not re-exported by the package: the very function that throws on these requests in production.
import { createRemixRequest } from "@remix-run/express/dist/server.js";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SEGMENT_LENGTH, MAX_URL_LENGTH, refuseMalformedRequests } from "./request-shape.server";

// Behind the guard stands what Remix does first with every request: build a
// Request from Express's, and decode the path. Whatever passes the guard must
// survive both (299); whatever would not must be refused with a 4xx.
let port: number;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", "loopback");
  app.set("query parser", false);
  app.use(refuseMalformedRequests());
  app.use((req, res) => {
    try {
      const url = new URL(createRemixRequest(req, res).url);
      url.pathname.split("/").forEach((segment) => decodeURIComponent(segment));
      res.status(299).send("reached the app");
    } catch (error) {
      res.status(599).send(String(error));
    }
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
  close = () => server.close();
});
afterAll(() => close());

/** A raw request: fetch would refuse to send most of these. */
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; allow?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers.allow }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("refuseMalformedRequests", () => {
  it.each(["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"])("%s is a 405 naming the methods that work", async (method) => {
    const response = await send("/meetings/sir-2023/schedule", { method });
    expect(response.status).toBe(405);
    expect(response.allow).toBe("GET, HEAD, POST");
  });

  it.each([
    ["/meetings/%00", 400],
    ["/meetings/sir-2023/sessions/%00.ics", 400],
    ["/meetings/%E0%A4%A", 400],
    ["/meetings/%", 400],
    ["/meetings/%C0%AF", 400],
    ["/meetings/%ED%A0%80", 400],
    ["/meetings/a%0Ab", 400],
    ["/meetings/a%7Fb", 400],
    ["/meetings/sir-2023/agenda?q=%00", 400],
    ["/meetings/sir-2023/agenda?q=a%00", 400],
    [`/meetings/${"x".repeat(MAX_SEGMENT_LENGTH + 1)}`, 404],
    [`/meetings/sir-2023/agenda?q=${"q".repeat(MAX_URL_LENGTH)}`, 414],
    ["*", 400],
    ["http://evil.example/meetings", 400],
    ["/meetings/sir-2023/agenda?q=%E0%A4%A&day=%", 299],
    ["/meetings/sir-2023/sessions/caf%C3%A9", 299],
    ["/meetings/sir-2023/sessions/%2e%2e", 299],
    ["//meetings//sir-2023", 299],
    [`/meetings/${"x".repeat(MAX_SEGMENT_LENGTH)}`, 299],
    ["/", 299],
  ])("GET %s → %i", async (path, status) => {
    const response = await send(path);
    expect(response.status, response.body).toBe(status);
    if (status !== 299) {
      expect(response.body).toContain('<a href="/">');
      expect(response.body).not.toMatch(/<script|at \w+ \(/); // no scripts, no stack trace
    }
  });

  it.each([
    [{ Host: "a b" }, 400],
    [{ Host: "localhost:99999" }, 400],
    [{ Host: "[::1" }, 400],
    [{ "X-Forwarded-Host": "a b" }, 400],
    [{ "X-Forwarded-Host": "localhost:99999" }, 400],
    [{ "X-Forwarded-Proto": "a b" }, 400],
    [{ "X-Forwarded-Proto": "ftp" }, 400],
    [{ "X-Forwarded-Proto": "https", "X-Forwarded-Host": "meetings.example.org" }, 299],
    [{ Host: "[::1]:3000" }, 299],
    [{ Host: "meetings.example.org" }, 299],
  ])("headers %j → %i", async (headers, status) => {
    expect((await send("/meetings", { headers })).status).toBe(status);
  });
});
