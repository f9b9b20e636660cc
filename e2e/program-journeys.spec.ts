// An attendee's journeys through the program in Chromium, keyboard and screen
// reader included: "Add to my schedule" while signed out, through sign-in or
// sign-up (with its e-mailed link), ends with the session in My schedule; a
// search covers the whole meeting, under day headings, and a day narrows it;
// the filter selects never navigate on arrow keys, and focus never drops to
// the page's body after a search or an add/remove; "Add all" for a track; the
// agenda's headings carry day and time; the skip link lands past the meeting's
// navigation. axe checks each new state.
import { expect, test, type Locator, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount } from "./database";
import { signInWithForm } from "./sign-in";
import { signUpThroughEmail } from "./sign-up";

const AGENDA = "/meetings/sir-2023/agenda";

/** The session rows of a program list (each titled by a link to its session). */
const sessionRows = (page: Page) => page.locator("section li").filter({ has: page.locator('a[href*="/sessions/"]') });

/** A row's session title: its title link's text. */
const titleOf = async (row: Locator) => (await row.locator('a[href*="/sessions/"]').first().textContent())!.trim();

/** What has focus: its tag, id and accessible text, to say where focus went. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName ?? "", id: element?.id ?? "", text: (element?.textContent ?? "").replace(/\s+/g, " ").trim() };
  });

test.describe("signed out, “Add to my schedule”", () => {
  test("asks to sign in with the session named, and signing in adds it", async ({ page }) => {
    const account = await makeAccount("Pending Adder", "pending add password");
    await page.goto(AGENDA);
    const row = sessionRows(page).first();
    const title = await titleOf(row);
    await row.getByRole("button", { name: /Add to my schedule/ }).click();

    await expect(page).toHaveURL(/\/login\?redirectTo=.*&add=/);
    await expect(page.getByText(`Sign in to add “${title}” to your schedule.`)).toBeVisible();
    await expectNoAxeViolations(page);
    await signInWithForm(page, account);

    // Back on the program, at the button, which says so.
    await expect(page).toHaveURL(/\/meetings\/sir-2023\/agenda#schedule-/);
    const back = sessionRows(page).filter({ has: page.getByRole("link", { name: title, exact: true }) }).first();
    await expect(back.getByText("In my schedule")).toBeVisible();
    await page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "My schedule" }).click();
    await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
    await expect(page.getByText("1 session", { exact: true })).toBeVisible();
  });

  test("signing up instead: the header's link keeps where the person was going, and the e-mailed link lands there with the session added", async ({ page }) => {
    const person = { name: "Grace Newcomer", email: `e2e-pending-${Date.now()}@example.org`, password: "pending sign-up 1" };
    await page.goto(`${AGENDA}?day=2023-03-06`);
    const row = sessionRows(page).first();
    const title = await titleOf(row);
    await row.getByRole("button", { name: /Add to my schedule/ }).click();
    await expect(page).toHaveURL(/\/login\?/);
    await expect(page.getByText(`Sign in to add “${title}” to your schedule.`)).toBeVisible();
    const login = new URL(page.url());

    // Both ways to sign up from here keep redirectTo and the session: the form's own link and the header's.
    const header = page.getByRole("banner");
    for (const link of [header.getByRole("link", { name: "Sign up" }), page.getByRole("link", { name: "Create an account" })]) {
      const target = new URL((await link.getAttribute("href"))!, login);
      expect(target.pathname).toBe("/signup");
      expect(target.searchParams.get("redirectTo")).toBe("/meetings/sir-2023/agenda?day=2023-03-06");
      expect(target.searchParams.get("add")).toBe(login.searchParams.get("add"));
    }
    await header.getByRole("link", { name: "Sign up" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    await expect(page.getByText(`Create an account to add “${title}” to your schedule.`)).toBeVisible();
    await expectNoAxeViolations(page);

    await signUpThroughEmail(page, person);
    await expect(page).toHaveURL(/\/meetings\/sir-2023\/agenda\?day=2023-03-06#schedule-/);
    const back = sessionRows(page).filter({ has: page.getByRole("link", { name: title, exact: true }) }).first();
    await expect(back.getByText("In my schedule")).toBeVisible();
    await page.goto("/meetings/sir-2023/schedule");
    await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
  });
});

test("a search lists matches from every day under day headings, and a day narrows it; keyboard focus follows", async ({ page }) => {
  await page.goto(AGENDA);
  const search = page.getByLabel("Search sessions and speakers");
  await search.focus();
  await page.keyboard.type("embolization");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/agenda\?q=embolization$/);
  const summary = page.locator("#agenda-results");
  await expect(summary).toHaveText(/^\d+ sessions match “embolization”, on \d+ days\.$/);
  // Focus is on the summary of the results, not dropped to the page's body.
  await expect(summary).toBeFocused();
  const dayHeadings = page.getByRole("heading", { level: 2, name: /^\w+day, \w+ \d+$/ });
  expect(await dayHeadings.count()).toBeGreaterThanOrEqual(2);
  // Each day heading has matches under it.
  for (const heading of (await dayHeadings.all()).slice(0, 2)) {
    await expect(page.getByRole("region", { name: (await heading.textContent())!, exact: true }).getByRole("heading", { level: 4 }).first()).toBeVisible();
  }
  const days = page.getByRole("navigation", { name: "Days" });
  await expect(days.getByRole("link", { name: /^All days/ })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);

  // Choosing a day narrows the same search to it.
  const secondDay = (await dayHeadings.nth(1).textContent())!;
  const key = (await dayHeadings.nth(1).getAttribute("id"))!.replace(/^day-/, "");
  await days.locator(`a[href*="day=${key}"]`).click();
  await expect(page).toHaveURL(/q=embolization/);
  await expect(page).toHaveURL(new RegExp(`day=${key}`));
  await expect(page.getByRole("heading", { level: 2, name: /^\w+day, \w+ \d+$/ })).toHaveText([secondDay]);
  await expect(summary).toContainText(`on ${secondDay} match “embolization”`);
});

test("keyboard: arrow keys in a filter select do not navigate; the button applies, and focus lands on the results", async ({ page }) => {
  await page.goto(`${AGENDA}?day=2023-03-05`);
  const before = page.url();
  const track = page.getByLabel("Track");
  await track.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(track).not.toHaveValue("");
  // Time for a navigation, had the change started one.
  await page.waitForTimeout(1500);
  expect(page.url()).toBe(before);
  await expect(track).toBeFocused();

  const chosen = await track.inputValue();
  await page.getByRole("button", { name: "Apply filters" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`track=${chosen}`));
  await expect(page).toHaveURL(/day=2023-03-05/);
  await expect(page.locator("#agenda-results")).toBeFocused();
  await expect(page.locator("#agenda-results")).toHaveText(/ on Sunday, March 5\.$/);
});

test("keyboard: after adding or removing, focus is on the button or the next session, never the page's body", async ({ page }) => {
  await page.goto(`/login?redirectTo=${encodeURIComponent(`${AGENDA}?day=2023-03-07`)}`);
  await signInWithForm(page, await makeAccount("Keyboard Person", "keyboard password 1"));
  await expect(page).toHaveURL(/day=2023-03-07/);

  const rows = sessionRows(page);
  const titles = [await titleOf(rows.nth(0)), await titleOf(rows.nth(1)), await titleOf(rows.nth(2))];
  for (const [index, title] of titles.entries()) {
    await rows.nth(index).getByRole("button", { name: /Add to my schedule/ }).focus();
    await page.keyboard.press("Enter");
    await expect(rows.nth(index).getByText("In my schedule")).toBeVisible();
    // The same button, now "Remove", keeps focus.
    await expect.poll(() => focused(page)).toMatchObject({ tag: "BUTTON", text: `Remove “${title}” from my schedule` });
  }
  // Removing on the program: the button keeps focus, and the change is said.
  await page.keyboard.press("Enter");
  await expect(rows.nth(2).getByRole("button", { name: /Add to my schedule/ })).toBeFocused();
  await expect(rows.nth(2).getByText("Removed from my schedule")).toBeAttached();

  await page.goto("/meetings/sir-2023/schedule");
  const list = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Remove/ }) });
  await list.first().getByRole("button", { name: /^Remove/ }).focus();
  await page.keyboard.press("Enter");
  // The row is gone; focus moved on to the next one's button.
  await expect(page.getByRole("heading", { level: 3, name: titles[0] })).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatchObject({ tag: "BUTTON", text: `Remove “${titles[1]}” from my schedule` });
  await page.keyboard.press("Enter");
  // The last one gone: the empty schedule's message has focus.
  await expect(page.getByText("Your schedule is empty.")).toBeFocused();
});

test("add then remove at once: the removal waits for the add, so the session is not left in the schedule", async ({ page }) => {
  await page.goto(`/login?redirectTo=${encodeURIComponent(`${AGENDA}?day=2023-03-06`)}`);
  await signInWithForm(page, await makeAccount("Quick Presser", "quick password 1"));
  await expect(page).toHaveURL(/day=2023-03-06/);

  // The network reorders the two requests whenever it can: the add is held
  // until the removal has been answered (or a second has passed with none).
  let removalAnswered!: () => void;
  const afterRemoval = new Promise<void>((resolve) => (removalAnswered = resolve));
  await page.route("**/meetings/sir-2023/schedule*", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const intent = new URLSearchParams(route.request().postData() ?? "").get("intent");
    if (intent === "add") await Promise.race([afterRemoval, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    // Sent even if the page has given up on it: a server may get a request its browser cancelled.
    const response = await route.fetch();
    if (intent === "remove") removalAnswered();
    await route.fulfill({ response }).catch(() => undefined);
  });

  const row = sessionRows(page).first();
  const title = await titleOf(row);
  await row.getByRole("button", { name: /Add to my schedule/ }).click();
  await row.getByRole("button", { name: `Remove “${title}” from my schedule` }).click();
  await expect(row.getByRole("button", { name: /Add to my schedule/ })).toBeVisible();
  await afterRemoval;
  await expect(row.getByRole("button", { name: /Add to my schedule/ })).toBeVisible();

  await page.goto("/meetings/sir-2023/schedule");
  await expect(page.getByText("Your schedule is empty.")).toBeVisible();
});

test("“Add all” puts a student program's sessions in the schedule and says how they sit in it", async ({ page }) => {
  await page.goto("/login?redirectTo=%2Fmeetings%2Fsir-2023%2Fschedule");
  await signInWithForm(page, await makeAccount("Med Student", "student password 1"));
  await expect(page.getByText("Your schedule is empty.")).toBeVisible();
  const students = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Medical Student Program" }) });
  const offer = students.getByRole("button", { name: /^\+? ?Add all \d+ sessions of the Medical Student Program to my schedule$/ });
  const count = Number(/Add all (\d+) sessions/.exec((await offer.textContent())!)![1]);
  expect(count).toBeGreaterThan(5);
  await expectNoAxeViolations(page);

  await offer.click();
  await expect(page).toHaveURL(/\/schedule\?added=medical-students$/);
  const note = page.getByRole("status").filter({ hasText: "Medical Student Program" });
  await expect(note).toContainText(`All ${count} sessions of the Medical Student Program are in your schedule.`);
  await expect(note).toBeFocused();
  await expect(page.getByText(new RegExp(`^${count} sessions( · \\d+ overlapping)?$`))).toBeVisible();
  await expectNoAxeViolations(page);

  // The track page knows they are all in.
  await page.goto("/meetings/sir-2023/tracks/medical-students");
  await expect(page.getByText("All its sessions are in your schedule")).toBeVisible();
});

test("the agenda's headings say the day and time; the skip link lands past the meeting's navigation", async ({ page }) => {
  await page.goto(`${AGENDA}?day=2023-03-06`);
  await expect(page.getByRole("heading", { level: 2, name: "Monday, March 6" })).toBeVisible();
  // Every time slot's heading carries the day; every session's heading its day and time.
  const slots = page.getByRole("heading", { level: 3 });
  for (const slot of (await slots.all()).slice(0, 3)) await expect(slot).toHaveAccessibleName(/^\d{1,2}:\d\d [AP]M ?, Monday, March 6$/i);
  const title = await titleOf(sessionRows(page).first());
  await expect(page.getByRole("heading", { level: 4 }).first()).toHaveAccessibleName(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ?, Monday, March 6, \\d`));

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#meeting-content")).toBeFocused();
  await page.keyboard.press("Tab");
  // The next stop is the page's own first link, not the meeting's navigation.
  const next = await page.evaluate(() => ({ inMeetingNav: Boolean(document.activeElement?.closest('nav[aria-label="Meeting"]')), inContent: Boolean(document.activeElement?.closest("#meeting-content")) }));
  expect(next).toEqual({ inMeetingNav: false, inContent: true });
});
