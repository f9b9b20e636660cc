// The public program in a real browser: from the meetings list to the
// medical-student program, filters and search on the agenda, a session and a
// speaker, the time-zone switch (with and without JavaScript), the 404, and
// the caching headers. axe checks every kind of page on the way.
import { expect, test, type Page } from "./fixtures";
import { expectControlBordersContrast, expectNoAxeViolations } from "./accessibility";

const DOTTER = "/meetings/sir-2023/sessions/dr-charles-t-dotter-lecture";

/** The session rows of the agenda (each titled by a link to its session). */
const sessionRows = (page: Page) => page.locator("section li").filter({ has: page.locator('a[href*="/sessions/"]') });

/** Walk the day tabs until `target` shows up (a search shows every day at once, so it is there at the first look). */
async function findOnSomeDay(page: Page, target: ReturnType<Page["locator"]>) {
  const days = page.getByRole("navigation", { name: "Days" }).getByRole("link");
  const count = await days.count();
  for (let i = 0; i < count && !(await target.first().isVisible()); i++) {
    await days.nth(i).click();
    await expect(days.nth(i)).toHaveAttribute("aria-current", "page");
  }
  await expect(target.first()).toBeVisible();
}

test("from the meetings list to the medical-student program", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Annual scientific meetings" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "SIR 2023 Annual Scientific Meeting", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SIR 2023 Annual Scientific Meeting" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Resident-in-Training Program/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // One click from the meeting's home.
  await page.getByRole("region", { name: "For students and trainees" }).getByRole("link", { name: /Medical Student Program/ }).click();
  await expect(page).toHaveURL(/\/meetings\/sir-2023\/tracks\/medical-students$/);
  await expect(page.getByRole("heading", { level: 1, name: "Medical Student Program" })).toBeVisible();
  await expect(page.getByText("For medical students").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("browse the agenda, filter to the medical-student track, search, open a session and a speaker", async ({ page }) => {
  await page.goto("/meetings/sir-2023");
  await page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "Program" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();
  const allSessions = await sessionRows(page).count();
  expect(allSessions).toBeGreaterThan(5);
  await expectNoAxeViolations(page);

  // Choosing a track applies with the button and puts it in the URL.
  await page.getByLabel("Track").selectOption({ label: "Medical Student Program" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/track=medical-students/);
  await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();
  const studentRows = sessionRows(page);
  await expect(studentRows.first()).toBeVisible();
  const studentCount = await studentRows.count();
  expect(studentCount).toBeLessThan(allSessions);
  for (let i = 0; i < studentCount; i++) await expect(studentRows.nth(i)).toContainText("Medical Student Program");

  // Another day keeps the filter.
  await page.getByRole("navigation", { name: "Days" }).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/day=2023-03-05.*track=medical-students|track=medical-students.*day=2023-03-05/);
  await expect(page.getByLabel("Track")).toHaveValue("medical-students");

  // Search by a word of the title.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/track=/);
  await expect(page.getByLabel("Track")).toHaveValue("");
  await page.getByLabel("Search sessions and speakers").fill("Dotter");
  await page.getByLabel("Search sessions and speakers").press("Enter");
  // Empty fields stay out of the URL, and so does the day: a search covers the whole meeting.
  await expect(page).toHaveURL(/\?q=Dotter$/);
  await findOnSomeDay(page, page.getByRole("link", { name: "Dr. Charles T. Dotter Lecture" }));

  // Search by a speaker's name.
  await page.getByLabel("Search sessions and speakers").fill("Lammer");
  await page.getByLabel("Search sessions and speakers").press("Enter");
  await expect(page).toHaveURL(/q=Lammer/);
  await findOnSomeDay(page, sessionRows(page));
  await expect(sessionRows(page).first()).toContainText("Johannes Lammer");

  // Open the session, then a speaker of it.
  const title = (await sessionRows(page).first().locator('a[href*="/sessions/"]').textContent())!;
  await sessionRows(page).first().locator('a[href*="/sessions/"]').click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^(Moderators?|Speakers?|Panelists?)$/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Johannes Lammer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Johannes Lammer/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Sessions?/ })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the speaker directory filters by country and finds a name", async ({ page }) => {
  await page.goto("/meetings/sir-2023/speakers");
  await expect(page.getByRole("heading", { level: 1, name: "Speakers" })).toBeVisible();
  await expectNoAxeViolations(page);
  const everyone = await page.locator("ul li").filter({ has: page.locator('a[href*="/speakers/"]') }).count();

  await page.getByLabel("Country").selectOption("Austria");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/country=Austria/);
  const austrians = page.locator("ul li").filter({ has: page.locator('a[href*="/speakers/"]') });
  await expect(austrians.first()).toContainText("Austria");
  expect(await austrians.count()).toBeLessThan(everyone);

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).not.toHaveURL(/country=/);
  await page.getByLabel("Name").fill("song");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("link", { name: "Ho-Young Song" })).toBeVisible();
});

test.describe("in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("switches a session's time to the viewer's zone and back", async ({ page }) => {
    await page.goto(DOTTER);
    const when = page.locator("time").first();
    await expect(page.getByText("Meeting time, America/Phoenix")).toBeVisible();
    await expect(when).toContainText("MST");
    const meetingText = (await when.textContent())!;
    const startsAt = new Date((await when.getAttribute("datetime"))!);
    const inBerlin = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", hour: "numeric", minute: "2-digit" }).format(startsAt);
    const [berlinClock, berlinPeriod] = inBerlin.split(/\s/);

    await page.getByRole("link", { name: "Show in my time zone" }).first().click();
    await expect(page).toHaveURL(/tz=local/);
    await expect(page.getByText("Europe/Berlin").first()).toBeVisible();
    await expect(when).not.toHaveText(meetingText);
    await expect(when).toContainText(new RegExp(`^${berlinClock}[–-].*${berlinPeriod}`));
    // Meeting time stays beside it, so nobody has to convert back.
    await expect(page.getByText(/^Meeting time: .*MST$/)).toBeVisible();
    await expectNoAxeViolations(page);

    // The choice follows the viewer to the next page.
    await page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "Program" }).click();
    await expect(page).toHaveURL(/tz=local/);
    await expect(page.getByText(/Times shown in .*Europe\/Berlin/)).toBeVisible();

    await page.getByRole("link", { name: /Show in meeting time/ }).first().click();
    await expect(page).not.toHaveURL(/tz=/);
    await expect(page.getByText(/Times shown in meeting time/)).toBeVisible();
  });

  test("opening a link with tz=local directly shows the viewer's zone", async ({ page }) => {
    // The first visit has no client-hint cookie yet: the inline script sets it and reloads once.
    await page.goto(`${DOTTER}?tz=local`);
    await expect(page.locator("time").first()).not.toContainText("MST");
    await expect(page.getByText("Europe/Berlin").first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters apply with the button and a time zone can be picked from the list", async ({ page }) => {
    await page.goto("/meetings/sir-2023/agenda");
    await page.getByLabel("Track").selectOption({ label: "Medical Student Program" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/track=medical-students/);
    await expect(sessionRows(page).first()).toContainText("Medical Student Program");

    await page.goto(DOTTER);
    await page.getByText("Other time zone…").click();
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(/tz=Asia%2FTokyo/);
    await expect(page.getByText("Asia/Tokyo").first()).toBeVisible();
    await expect(page.locator("time").first()).not.toContainText("MST");
  });
});

test.describe("on a phone", () => {
  // Signed in, so that My schedule opens rather than asking to sign in.
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, signedInAs: "attendee" });

  test("every item of the meeting navigation and every program day is on screen at once, and the current page is marked", async ({ page }) => {
    await page.goto("/meetings/sir-2023/agenda");
    await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "Meeting" });
    const viewport = page.viewportSize()!;
    // The attendee is registered, so the last item is their registration rather than the form.
    for (const name of ["Home", "Program", "Tracks", "Speakers", "Changelog", "My schedule", "My registration"]) {
      const link = nav.getByRole("link", { name, exact: true });
      // Wholly on the screen as it opens: not clipped by a strip that scrolls sideways.
      await expect(link).toBeInViewport({ ratio: 1 });
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    await expect(nav.getByRole("link", { name: "Program", exact: true })).toHaveAttribute("aria-current", "page");
    // The program's days too: every one of them wholly on screen, none past the edge.
    const days = page.getByRole("navigation", { name: "Days" }).getByRole("link");
    expect(await days.count()).toBeGreaterThanOrEqual(5);
    for (const day of await days.all()) await expect(day).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await expectNoAxeViolations(page);

    await nav.getByRole("link", { name: "My schedule", exact: true }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "My schedule" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "My schedule", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "My registration", exact: true })).toBeInViewport({ ratio: 1 });
    await nav.getByRole("link", { name: "My registration", exact: true }).tap();
    await expect(page).toHaveURL(/\/meetings\/sir-2023\/registration$/);
    await expect(nav.getByRole("link", { name: "Register", exact: true })).toHaveCount(0);
  });
});

test("an unknown session, speaker or meeting is a 404 page", async ({ page }) => {
  for (const path of ["/meetings/sir-2023/sessions/no-such-session", "/meetings/sir-2023/speakers/nobody", "/meetings/no-such-meeting"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page).toHaveTitle(/not found/i);
  }
  await expectNoAxeViolations(page);

  // An address no route knows gets the root's error page, with a title of its own.
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Meeting Platform");
});

test("malformed filters are ignored with a note, never an error", async ({ page }) => {
  const response = await page.goto(`/meetings/sir-2023/agenda?day=banana&level=999&kind=xyz&q=${"a".repeat(2048)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Part of the address was ignored:")).toBeVisible();
  await expect(page.getByText("day=banana")).toBeVisible();
  await expect(sessionRows(page).first()).toBeVisible();
});

test("program pages revalidate with ETag and 304", async ({ request }) => {
  const first = await request.get("/meetings/sir-2023/agenda?day=2023-03-06");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const second = await request.get("/meetings/sir-2023/agenda?day=2023-03-06", { headers: { "If-None-Match": etag! } });
  expect(second.status()).toBe(304);
});

test("every text box and select shows its border at 3:1 or more", async ({ page }) => {
  for (const path of ["/login", "/signup", "/meetings/sir-2023/agenda", "/meetings/sir-2023/speakers"]) {
    await page.goto(path);
    await expect(page.locator("input:visible, select:visible").first()).toBeVisible();
    await expectControlBordersContrast(page);
  }
});
