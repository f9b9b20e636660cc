import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyFor, publicFiles } from "./server";

describe("static files beside the assets", () => {
  let dir: string;
  let origin: string;
  let close: () => void;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "client-"));
    await mkdir(path.join(dir, "assets"));
    await mkdir(path.join(dir, "docs"));
    await writeFile(path.join(dir, "robots.txt"), "User-agent: *\n");
    await writeFile(path.join(dir, "a file.txt"), "spaced");
    await writeFile(path.join(dir, "assets", "app-123.js"), "js");
    await writeFile(path.join(dir, "docs", "index.html"), "<p>docs</p>");
    const app = express();
    app.use(onlyFor(publicFiles(dir), express.static(dir)));
    app.use((req, res) => void res.status(299).send(`app: ${req.path}`));
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(async () => {
    close();
    await rm(dir, { recursive: true, force: true });
  });

  it("lists public files, a folder's index page, and leaves assets/ to its own mount", () => {
    expect([...publicFiles(dir)].sort()).toEqual(["/a file.txt", "/docs", "/docs/", "/docs/index.html", "/robots.txt"]);
  });

  it("serves the files as express.static does", async () => {
    const robots = await fetch(`${origin}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toBe("User-agent: *\n");
    expect(await (await fetch(`${origin}/a%20file.txt`)).text()).toBe("spaced");
    expect(await (await fetch(`${origin}/docs/`)).text()).toBe("<p>docs</p>");
    const folder = await fetch(`${origin}/docs`, { redirect: "manual" });
    expect(folder.status).toBe(301);
    expect(folder.headers.get("location")).toBe("/docs/");
  });

  it("hands everything else to the app", async () => {
    for (const url of ["/ping", "/meetings/sir-2023/agenda?day=2023-03-06", "/robots.txt/x", "/assets/app-123.js", "/%E0%A4%A"]) {
      const response = await fetch(origin + url);
      expect(response.status, url).toBe(299);
    }
  });
});
