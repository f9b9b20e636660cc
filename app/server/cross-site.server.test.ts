import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CROSS_SITE_EXEMPT_PATHS, isFromOwnSite, refuseCrossSiteRequests } from "./cross-site.server";

const APP = "https://meetings.example.org";

describe("isFromOwnSite", () => {
  it.each([
    [{ secFetchSite: "same-origin" }, true],
    [{ secFetchSite: "same-origin", origin: APP }, true],
    [{ secFetchSite: "cross-site", origin: APP }, false],
    [{ secFetchSite: "same-site" }, false],
    [{ secFetchSite: "none" }, false],
    [{ secFetchSite: "nonsense" }, false],
    [{ origin: APP }, true],
    [{ origin: "https://evil.example" }, false],
    [{ origin: "null" }, false],
    [{ origin: "https://meetings.example.org.evil.example" }, false],
    [{ origin: "http://meetings.example.org" }, false],
    [{ origin: APP, referer: "https://evil.example/" }, true],
    [{ referer: `${APP}/meetings/sir-2023` }, true],
    [{ referer: "https://evil.example/meetings.example.org" }, false],
    [{ referer: "not a url" }, false],
    [{ referer: "" }, false],
    [{}, true],
  ])("%j → %s", (headers, expected) => {
    expect(isFromOwnSite(headers, APP)).toBe(expected);
  });
});

describe("refuseCrossSiteRequests", () => {
  let origin: string;
  let close: () => void;
  const seen: { path: string; origin?: string }[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(refuseCrossSiteRequests(`${APP}/`));
    app.use((req, res) => {
      seen.push({ path: req.path, origin: req.get("Origin") });
      res.status(299).send("reached the app");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("answers another site's POST with a plain 403 page and never reaches the app", async () => {
    seen.length = 0;
    const response = await fetch(`${origin}/meetings/sir-2023/schedule`, { method: "POST", headers: { Origin: "https://evil.example" }, body: new URLSearchParams({ intent: "create-feed" }) });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain("This form was sent from another site");
    expect(page).toContain('<a href="/">');
    expect(page).not.toMatch(/<script/i);
    expect(seen).toEqual([]);
  });

  it("lets the app's own forms, requests from no browser, reads and the exempt paths through", async () => {
    seen.length = 0;
    const post = (path: string, headers: Record<string, string>) => fetch(`${origin}${path}`, { method: "POST", headers, body: "x=1" });
    expect((await post("/account", { Origin: APP })).status).toBe(299);
    expect((await post("/account", { "Sec-Fetch-Site": "same-origin" })).status).toBe(299);
    expect((await post("/account", {})).status).toBe(299);
    expect((await fetch(`${origin}/account`, { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } })).status).toBe(299);
    for (const path of CROSS_SITE_EXEMPT_PATHS) expect((await post(path, { Origin: "https://stripe.example" })).status).toBe(299);
    // The checked Origin is not handed on: Remix's own check would compare it with Host and answer 500.
    expect(seen[0]).toEqual({ path: "/account", origin: undefined });
  });
});
