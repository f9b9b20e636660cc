// The organizer console on a phone (390x844): its navigation wraps into rows of
// buttons with every item wholly on screen, and no console page scrolls
// sideways, also while the navigation shows the numbers of clashes and of
// unpublished changes. On a laptop the navigation stays a sidebar.
import { expect, test, type Browser, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";

const CONSOLE = "/organize/sir-2023";
const NAV_ITEMS: [label: string, path: string][] = [
  ["Overview", ""],
  ["Sessions", "/sessions"],
  ["Tracks", "/tracks"],
  ["Rooms", "/rooms"],
  ["Speakers", "/speakers"],
  ["Clashes", "/clashes"],
  ["Preview", "/preview"],
  ["Import / export", "/import"],
  ["Publish", "/publish"],
  ["Team", "/team"],
  ["Audit log", "/audit"],
  ["Registrations", "/registrations"],
  ["Mail", "/mail"],
];
// Two sessions at the same time on the first day; the second is moved into the first's room.
const HELD = "abstract-session-venous-and-lymphatic-disease";
const MOVED = "building-a-clinical-ir-practice";

test.use({ signedInAs: "organizer" });

const consoleNav = (page: Page) => page.getByRole("navigation", { name: "Organizer console" });
// A count adds its number to the link's name ("Clashes 1 clashes"), so names are matched from the start.
const navLink = (page: Page, label: string) => consoleNav(page).getByRole("link", { name: new RegExp(`^${label}`) });

/** No part of the page lies past the screen's right edge, so the page cannot scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  // A phone widens its layout viewport to take in content that overflows, so innerWidth must stay the screen's.
  expect(innerWidth, `the layout viewport of ${page.url()}`).toBe(width);
  expect(scrollWidth, `the scroll width of ${page.url()}`).toBeLessThanOrEqual(width);
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  // Arranged and put back by the organizer on a laptop: only the phone's view is under test.
  const onLaptop = async (browser: Browser, storageState: string, work: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, storageState });
    await work(await context.newPage());
    await context.close();
  };

  test.beforeAll(async ({ browser, savedSignIn }) => {
    // The navigation carries its counts: the second session moves into the first's room at the same time.
    await onLaptop(browser, await savedSignIn("organizer"), async (page) => {
      await page.goto(`${CONSOLE}/sessions/${HELD}`);
      const day = await page.getByLabel("Day", { exact: true }).inputValue();
      const start = await page.getByLabel(/^Starts/).inputValue();
      const end = await page.getByLabel(/^Ends/).inputValue();
      const room = await page.getByLabel("Room or channel").inputValue();
      await page.goto(`${CONSOLE}/sessions/${MOVED}`);
      await page.getByLabel("Day", { exact: true }).selectOption(day);
      await page.getByLabel(/^Starts/).fill(start);
      await page.getByLabel(/^Ends/).fill(end);
      await page.getByLabel("Room or channel").selectOption(room);
      await page.getByRole("button", { name: "Save to the draft" }).click();
      await expect(page.getByText("Saved to the draft.")).toBeVisible();
    });
  });

  test.afterAll(async ({ browser, savedSignIn }) => {
    // Leave the draft as the seed had it for the specs that follow.
    await onLaptop(browser, await savedSignIn("organizer"), async (page) => {
      await page.goto(`${CONSOLE}/publish`);
      await expect(page.getByRole("heading", { level: 1, name: "Publish" })).toBeVisible();
      const discard = page.getByRole("button", { name: "Discard changes" });
      if (!(await discard.isVisible())) return;
      await page.getByLabel(/^Yes, throw away/).check();
      await discard.click();
      await expect(page.getByText("The draft is back to the published program.")).toBeVisible();
    });
  });

  test("every item of the console's navigation is on screen at once, and no console page scrolls sideways", async ({ page }) => {
    await page.goto(CONSOLE);
    // The header names the organizer by first name, whole; screen readers get the whole name.
    const account = page.getByRole("banner").locator('a[href="/account"]');
    await expect(account).toHaveAccessibleName("Dana Whitaker: your account");
    const firstName = account.getByText("Dana", { exact: true });
    await expect(firstName).toBeInViewport({ ratio: 1 });
    expect(await firstName.evaluate((name) => name.scrollWidth <= name.clientWidth)).toBe(true);
    await expect(navLink(page, "Clashes")).toHaveAccessibleName(/^Clashes\s*\d+ clashes$/);
    await expect(navLink(page, "Publish")).toHaveAccessibleName(/^Publish\s*\d+ unpublished changes$/);

    const width = page.viewportSize()!.width;
    for (const [current, path] of NAV_ITEMS) {
      await page.goto(`${CONSOLE}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      for (const [label] of NAV_ITEMS) {
        const link = navLink(page, label);
        // Wholly on the screen as the page opens: not clipped by a strip that scrolls sideways.
        await expect(link).toBeInViewport({ ratio: 1 });
        const box = (await link.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      await expect(navLink(page, current)).toHaveAttribute("aria-current", "page");
      await expectNoSidewaysScroll(page);
    }

    // The pages under the navigation's items: a session, a new session, a speaker,
    // a registration and the verification queue. Tables scroll in their own frame.
    await page.goto(`${CONSOLE}/speakers`);
    const speaker = (await page.locator(`a[href^="${CONSOLE}/speakers/"]`).first().getAttribute("href"))!;
    await page.goto(`${CONSOLE}/registrations`);
    const registration = (await page.locator(`tbody a[href^="${CONSOLE}/registrations/"]`).first().getAttribute("href"))!;
    for (const path of [`${CONSOLE}/sessions/${MOVED}`, `${CONSOLE}/sessions/new`, speaker, registration, `${CONSOLE}/registrations/verification`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }

    // The days of the program wrap too: the last one is on screen, and a tap opens it.
    for (const path of ["/sessions", "/preview"]) {
      await page.goto(`${CONSOLE}${path}`);
      const lastDay = page.getByRole("navigation", { name: "Days" }).getByRole("link").last();
      await expect(lastDay).toBeInViewport({ ratio: 1 });
      await lastDay.tap();
      await expect(lastDay).toHaveAttribute("aria-current", "page");
    }

    await page.goto(CONSOLE);
    await expectNoAxeViolations(page);
    await navLink(page, "Registrations").tap();
    await expect(page.getByRole("heading", { level: 1, name: "Registrations" })).toBeVisible();
    await expect(navLink(page, "Registrations")).toHaveAttribute("aria-current", "page");
  });
});

test("on a laptop the console's navigation is a sidebar beside the page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(CONSOLE);
  const boxes = [];
  for (const [label] of NAV_ITEMS) {
    const link = navLink(page, label);
    await expect(link).toBeInViewport({ ratio: 1 });
    boxes.push((await link.boundingBox())!);
  }
  // One column, top to bottom, to the left of the page's heading.
  for (const [index, box] of boxes.entries()) {
    expect(box.x).toBe(boxes[0]!.x);
    if (index) expect(box.y).toBeGreaterThan(boxes[index - 1]!.y);
  }
  const heading = (await page.getByRole("heading", { level: 1, name: "Overview" }).boundingBox())!;
  expect(heading.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width);
  expect(heading.y).toBeLessThan(boxes[1]!.y);
  await expectNoSidewaysScroll(page);
});

test.describe("at 320 px wide (WCAG 1.4.10, reflow)", () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

  test("the tracks and rooms pages fit, with every Remove button wholly on screen", async ({ page }) => {
    for (const path of ["/tracks", "/rooms"]) {
      await page.goto(`${CONSOLE}${path}`);
      const removes = page.getByRole("button", { name: /^Remove / });
      expect(await removes.count()).toBeGreaterThan(1);
      for (const remove of await removes.all()) {
        const box = (await remove.boundingBox())!;
        expect(box.x + box.width, `${await remove.getAttribute("aria-label")} on ${path}`).toBeLessThanOrEqual(320);
      }
      await expectNoSidewaysScroll(page);
    }
  });
});

test("at 200% text size the registration figures keep their labels whole (WCAG 1.4.4)", async ({ page }) => {
  await page.goto(`${CONSOLE}/registrations`);
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const labels = page.locator("main dl dt");
  expect(await labels.count()).toBe(5);
  for (const label of await labels.all()) {
    // A label wider than its tile would be cut off or spill into the next one.
    expect(await label.evaluate((dt) => dt.scrollWidth <= dt.clientWidth && dt.getBoundingClientRect().right <= dt.parentElement!.getBoundingClientRect().right), (await label.textContent()) ?? "").toBe(true);
  }
});
