// The page cache in a real Express app in front of a stand-in for Remix that
// counts how often it renders, against a real meeting row.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { prisma } from "~/utils/db.server";
import { createPageCache, type PageCache } from "./page-cache.server";
import { etagOf } from "./page-cache.fixture";
import { readTimeZoneHint } from "~/utils/time";

let fixture: ProgramFixture;
let server: Server;
let origin: string;
let cache: PageCache;
let renders = 0;
let clock = new Date("2024-01-01T00:00:00Z");

beforeAll(async () => {
  fixture = await createProgramFixture();
  const app = express();
  app.use(compression());
  cache = createPageCache({ buildId: "test-build", stampTtlMs: 0, now: () => clock });
  app.use(cache);
  // Stands in for Remix: renders what a program page depends on, and counts.
  app.get("*", (req, res) => {
    renders += 1;
    if (req.path.endsWith("/sessions/missing")) {
      res.status(404).type("html").send("<h1>Not found</h1>");
      return;
    }
    if (req.query.setCookie) res.setHeader("Set-Cookie", "flash=1");
    const zone = req.query.tz === "local" ? readTimeZoneHint(req.headers.cookie) : req.query.tz;
    res.status(200).type("html");
    res.write(`<!doctype html><p>render ${renders} for ${req.originalUrl} in ${zone ?? "meeting time"}</p>`);
    res.end(`<p>${"padding ".repeat(400)}</p>`);
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  cache.clear();
  clock = new Date("2024-01-01T00:00:00Z");
});

const agenda = () => `/meetings/${fixture.meeting.slug}/agenda?day=2023-03-04`;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(origin + path, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("anonymous program pages", () => {
  it("are rendered once and then served from the cache", async () => {
    const before = renders;
    const first = await get(agenda());
    const second = await get(agenda());
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(renders - before).toBe(1);
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(second.headers.get("content-type")).toMatch(/text\/html/);
    expect(etagOf(second)).toBe(etagOf(first));
  });

  it("serve a gzipped copy to clients that accept it", async () => {
    await get(agenda());
    await new Promise((resolve) => setTimeout(resolve, 50)); // the copy is compressed in the background
    const response = await fetch(origin + agenda(), { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("x-page-cache")).toBe("hit");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("render");
  });

  it("answer 304 to a matching If-None-Match without rendering", async () => {
    const first = await get(agenda());
    const etag = etagOf(first);
    const before = renders;
    const revalidated = await fetch(origin + agenda(), { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(renders).toBe(before);
    // Another URL has another ETag.
    expect((await fetch(`${origin}/meetings/${fixture.meeting.slug}/agenda?day=2023-03-05`, { headers: { "If-None-Match": etag } })).status).toBe(200);
  });

  it("keep pages for different zones apart", async () => {
    const berlin = await get(`${agenda()}&tz=local`, { Cookie: "CH-time-zone=Europe%2FBerlin" });
    const tokyo = await get(`${agenda()}&tz=local`, { Cookie: "CH-time-zone=Asia%2FTokyo" });
    const meeting = await get(agenda(), { Cookie: "CH-time-zone=Asia%2FTokyo" });
    expect(berlin.body).toContain("in Europe/Berlin");
    expect(tokyo.body).toContain("in Asia/Tokyo");
    expect(tokyo.headers.get("x-page-cache")).toBe("miss");
    expect(meeting.body).toContain("in meeting time");
    expect(new Set([etagOf(berlin), etagOf(tokyo), etagOf(meeting)]).size).toBe(3);
    const berlinAgain = await get(`${agenda()}&tz=local`, { Cookie: "CH-time-zone=Europe%2FBerlin" });
    expect(berlinAgain.headers.get("x-page-cache")).toBe("hit");
    expect(berlinAgain.body).toBe(berlin.body);
  });

  it("are rendered afresh after the program version changes", async () => {
    const first = await get(agenda());
    await prisma.meeting.update({ where: { id: fixture.meeting.id }, data: { programVersion: { increment: 1 } } });
    const before = renders;
    const after = await get(agenda());
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(renders - before).toBe(1);
    expect(etagOf(after)).not.toBe(etagOf(first));
    // The old ETag no longer revalidates.
    expect((await fetch(origin + agenda(), { headers: { "If-None-Match": etagOf(first) } })).status).toBe(200);
  });

  it("follow the minute while the meeting runs, for 'happening now'", async () => {
    clock = new Date("2023-03-04T16:00:00Z");
    await get(agenda());
    expect((await get(agenda())).headers.get("x-page-cache")).toBe("hit");
    clock = new Date("2023-03-04T16:01:00Z");
    expect((await get(agenda())).headers.get("x-page-cache")).toBe("miss");
  });
});

describe("what is never shared", () => {
  it("a signed-in viewer's page is neither served from nor stored in the cache", async () => {
    await get(agenda()); // an anonymous copy exists
    const before = renders;
    const signedIn = await get(agenda(), { Cookie: "__Host-meetings_session=abc.signed" });
    expect(renders - before).toBe(1);
    expect(signedIn.headers.get("x-page-cache")).toBe("bypass");
    expect(signedIn.headers.get("cache-control")).toMatch(/^private/);

    cache.clear();
    await get(agenda(), { Cookie: "meetings_session=abc.signed" });
    expect((await get(agenda())).headers.get("x-page-cache")).toBe("miss");
  });

  it("a signed-in viewer still gets 304s, under an ETag of their own", async () => {
    const anonymous = await get(agenda());
    const signedIn = await get(agenda(), { Cookie: "meetings_session=abc.signed" });
    const ownEtag = etagOf(signedIn);
    expect(ownEtag).not.toBe(etagOf(anonymous));
    const revalidated = await fetch(origin + agenda(), { headers: { Cookie: "meetings_session=abc.signed", "If-None-Match": ownEtag } });
    expect(revalidated.status).toBe(304);
    const otherUser = await fetch(origin + agenda(), { headers: { Cookie: "meetings_session=xyz.signed", "If-None-Match": ownEtag } });
    expect(otherUser.status).toBe(200);
  });

  it("errors, responses that set cookies, and unknown meetings", async () => {
    const missing = `/meetings/${fixture.meeting.slug}/sessions/missing`;
    await get(missing);
    const again = await get(missing);
    expect(again.status).toBe(404);
    expect(again.headers.get("etag")).toBeNull();
    expect(again.headers.get("x-page-cache")).toBeNull();

    await get(`${agenda()}&setCookie=1`);
    expect((await get(`${agenda()}&setCookie=1`)).headers.get("x-page-cache")).toBe("miss");

    const unknown = await get("/meetings/no-such-meeting/agenda");
    expect(unknown.headers.get("etag")).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("pages outside the public program", async () => {
    await get("/account");
    const second = await get("/account");
    expect(second.headers.get("x-page-cache")).toBeNull();
    expect(second.headers.get("etag")).toBeNull();
  });
});
