// What the production server serves beside the pages, from public/: robots.txt
// (read with robots-parser, as a crawler would), the favicon, the icons and the
// web app manifest the pages point to; and the build it serves, which printed
// no warnings (e2e/server.ts keeps what it printed on stderr).
import { readFileSync } from "node:fs";
import path from "node:path";
import robotsParser from "robots-parser";
import { expect, test } from "./fixtures";
import { e2eDatabaseUrl } from "./database";

const port = Number(process.env.E2E_PORT ?? 3100);
const origin = `http://localhost:${port}`;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("robots.txt keeps crawlers out of the console, personal pages and every secret address, and lets them read the program", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const robots = robotsParser(`${origin}/robots.txt`, await response.text());

  // Every address the app treats as a secret (and keeps out of Referer headers), with sample values.
  process.env.DATABASE_URL ??= e2eDatabaseUrl;
  const { SECRET_URLS } = await import("../app/server/security-headers.server");
  const secrets = SECRET_URLS.map((pattern) => pattern.replace(":meeting", "sir-2023").replace(/:\w+/g, "x".repeat(43)));
  expect(secrets).toContain(`/calendar/${"x".repeat(43)}.ics`);
  const keptOut = [
    ...secrets,
    "/organize",
    "/organize/sir-2023/sessions",
    "/account",
    "/meetings/sir-2023/schedule",
    "/meetings/sir-2023/schedule?tz=Europe%2FBerlin",
    "/meetings/sir-2023/registration",
    "/meetings/sir-2023/register/success",
    "/meetings/sir-2023/sessions/opening/moderate",
  ];
  const open = [
    "/",
    "/meetings/sir-2023",
    "/meetings/sir-2023/agenda",
    "/meetings/sir-2023/agenda?day=2023-03-05",
    "/meetings/sir-2023/sessions/opening",
    "/meetings/sir-2023/speakers",
    "/meetings/sir-2023/tracks/residents",
    "/meetings/sir-2023/register",
    "/meetings/sir-2023/agenda.ics",
    "/meetings/sir-2023/tracks/residents.ics",
    "/meetings/sir-2023/schedule.json",
    "/meetings/sir-2023/schedule.xml",
    "/meetings/sir-2023/changelog.atom",
  ];
  for (const [userAgent, url] of keptOut.flatMap((url) => ["Googlebot", "Bingbot"].map((agent) => [agent, url] as const))) {
    expect(robots.isDisallowed(origin + url, userAgent), `${url} for ${userAgent}`).toBe(true);
  }
  for (const url of open) expect(robots.isAllowed(origin + url, "Googlebot"), url).toBe(true);
});

test("pages point to the favicon, icons and manifest, and each is served as what it says", async ({ page, request }) => {
  await page.goto("/");
  const head = page.locator("head");
  await expect(head.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveAttribute("sizes", "32x32");
  await expect(head.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/favicon.svg");
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#1e40af");

  // favicon.ico: an icon directory (reserved 0, type 1) whose entries include 16, 32 and 48 px.
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const icoBytes = await ico.body();
  expect([icoBytes.readUInt16LE(0), icoBytes.readUInt16LE(2)]).toEqual([0, 1]);
  const sizes = Array.from({ length: icoBytes.readUInt16LE(4) }, (_, index) => icoBytes.readUInt8(6 + 16 * index));
  expect(sizes).toEqual([16, 32, 48]);

  const svg = await request.get("/favicon.svg");
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
  expect(pngSize(await (await request.get("/apple-touch-icon.png")).body())).toEqual({ width: 180, height: 180 });

  const manifestResponse = await request.get("/manifest.webmanifest");
  expect(manifestResponse.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = (await manifestResponse.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
  expect(manifest).toMatchObject({ name: "Meeting Platform", short_name: "Meetings", start_url: "/", display: "standalone", theme_color: "#1e40af" });
  // What browsers need to offer installing it: 192 and 512 px icons, and a maskable one for Android's shapes.
  const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
  expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]?.split(";")[0], icon.src).toBe(icon.type);
    if (icon.type === "image/png") {
      const [width, height] = icon.sizes.split("x").map(Number);
      expect(pngSize(await file.body()), icon.src).toEqual({ width, height });
    }
  }
});

test("the production build printed no warnings", () => {
  // Written by e2e/server.ts from the build's stderr (scripts/build-app.ts); empty when Vite and Rollup had nothing to say.
  const warnings = readFileSync(path.join(process.env.E2E_BUILD_DIR ?? "build", "build-warnings.txt"), "utf8");
  expect(warnings).toBe("");
});
