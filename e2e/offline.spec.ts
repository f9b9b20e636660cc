// The program offline at the venue, in Chromium with the production build's
// service worker (app/sw.ts): a person visits the program, their schedule and a
// session, loses the connection, and every page opens again from the device
// with "Offline — program as of HH:MM"; a form says it needs a connection. An
// organizer publishes a release meanwhile: back online, the new program
// replaces the kept one. Signing out leaves nothing personal in any cache.
import { expect, test, type Page } from "./fixtures";
import { makeAccount } from "./database";
import { signInRequest } from "./sign-in";

const AGENDA = "/meetings/sir-2023/agenda";
const SCHEDULE = "/meetings/sir-2023/schedule";
const SESSION = { path: "/meetings/sir-2023/sessions/epistaxis-embolization", title: "Epistaxis Embolization" };
const RENAMED = "Epistaxis Embolization: Long-Term Results";
const OFFLINE_NOTE = /^Offline — program as of \d\d:\d\d$/;

type KeptCopy = { url: string; version: string | null; body: string };

/** Every response in every Cache Storage cache of the page's origin: the kept pages and the precached assets. */
function everyCachedResponse(page: Page): Promise<KeptCopy[]> {
  return page.evaluate(async () => {
    const copies: KeptCopy[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get("Content-Type") ?? "";
        copies.push({ url: new URL(request.url).pathname, version: response?.headers.get("X-Program-Version") ?? null, body: /html|javascript|json/.test(type) ? await response!.text() : "" });
      }
    }
    return copies;
  });
}

const keptPaths = async (page: Page) => (await everyCachedResponse(page)).map((copy) => copy.url);

async function publishRenamedSession(organizer: Page) {
  await organizer.goto(`/organize/sir-2023/sessions/${SESSION.path.split("/").pop()}`);
  await organizer.getByLabel("Title", { exact: true }).fill(RENAMED);
  await organizer.getByRole("button", { name: "Save to the draft" }).click();
  await expect(organizer.getByText("Saved to the draft.")).toBeVisible();
  await organizer.goto("/organize/sir-2023/publish");
  const confirm = organizer.getByLabel("I have looked at the clashes and want to publish anyway");
  if (await confirm.isVisible()) await confirm.check();
  await organizer.getByRole("button", { name: /^Publish release/ }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /Release \d+ is published/ })).toBeVisible();
}

test("the program, my schedule and a visited session open offline with the time of the kept copy; a new release replaces them; signing out leaves nothing personal", async ({
  page,
  pageAs,
}) => {
  // One journey through three states of the device (online, offline, back online), each with its page loads: more than the usual limit on a loaded machine.
  test.slow();
  // A person of their own: this test signs out, which would end a shared demo sign-in.
  const name = "Offline Reader";
  await signInRequest(page.request, await makeAccount(name, "offline-reader-password"));

  await page.goto(SESSION.path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.getByRole("button", { name: /Add to my schedule/ }).click();
  await expect(page.getByText("In my schedule")).toBeVisible();
  // The kept copy follows what a form changed on the page.
  await expect.poll(async () => (await everyCachedResponse(page)).find((copy) => copy.url === SESSION.path)?.body.includes("In my schedule")).toBe(true);
  // Online, pages come from the network and say nothing about being offline.
  for (const path of [AGENDA, SCHEDULE]) {
    await page.goto(path);
    await expect(page.getByText(OFFLINE_NOTE)).toHaveCount(0);
  }
  await expect.poll(() => keptPaths(page)).toEqual(expect.arrayContaining([AGENDA, SCHEDULE, SESSION.path]));

  await page.context().setOffline(true);
  for (const [path, heading] of [
    [AGENDA, "Program"],
    [SCHEDULE, "My schedule"],
    [SESSION.path, SESSION.title],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // The note comes from the page's script, so the kept copy hydrated: its scripts were kept too; and its stylesheet (the body is a flex column).
    await expect(page.getByRole("status").filter({ hasText: OFFLINE_NOTE })).toBeVisible();
    await expect(page.locator("body")).toHaveCSS("display", "flex");
  }
  await expect(page.getByText(name).first()).toBeVisible();
  // A form cannot be sent offline: it says so, and the page stays.
  await page.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You are offline: this needs a connection." })).toBeVisible();
  await expect(page).toHaveURL(SESSION.path);
  // A page never visited says it is not on this device, instead of the browser's error page.
  await page.goto("/meetings/sir-2023/speakers/no-one-visited-this");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();

  const before = (await everyCachedResponse(page)).find((copy) => copy.url === AGENDA)!.version;
  await publishRenamedSession(await pageAs("organizer"));

  // Back online: the agenda comes from the network with the new release, and the kept pages of the old one go.
  await page.context().setOffline(false);
  await page.goto(AGENDA);
  await expect(page.getByRole("link", { name: RENAMED })).toBeVisible();
  await expect
    .poll(async () => (await everyCachedResponse(page)).filter((copy) => copy.url.startsWith("/meetings/sir-2023")).map((copy) => [copy.url, copy.version]))
    .toEqual([[AGENDA, String(Number(before) + 1)]]);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole("link", { name: RENAMED })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: OFFLINE_NOTE })).toBeVisible();

  // Signing out: no page of this person stays in any cache; the program does only as nobody's.
  await page.context().setOffline(false);
  await page.goto(SCHEDULE);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await expect.poll(async () => (await everyCachedResponse(page)).filter((copy) => copy.url.endsWith("/schedule") || copy.body.includes(name)).map((copy) => copy.url)).toEqual([]);
});
