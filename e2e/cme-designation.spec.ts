// CME credit designation in Chromium: an organizer of SIO 2023 sets the
// meeting's CME settings (a maximum off the 0.25 steps is refused under its
// field first) and one session's credit, and publishes; an attendee then sees
// the session's CME badge on the agenda, filters the agenda to CME sessions
// (a plain GET form, ?cme=1) and reads the credit on the session's page. axe
// checks every page, and the attendee's pages again at a phone's 390 px.
import { openCmeConsolePage } from "./cme-console";
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";

const SESSION = "acclaim-enrollment-and-early-lessons";
const TITLE = "ACCLAIM: Enrollment and Early Lessons";

test("an organizer designates credit and sets a session's credit; attendees see, filter and read it", async ({ pageAs }) => {
  const organizer = await pageAs("organizer");
  await openCmeConsolePage(organizer, "/organize/sio-2023/cme", { heading: "CME credit designation", tab: "Credit designation" });
  await expect(organizer.getByLabel("Accredited provider")).toHaveValue("Society of Interventional Oncology");
  await expect(organizer.getByLabel("Accreditation statement")).toHaveValue(/^The Society of Interventional Oncology is accredited by the Accreditation Council for Continuing Medical Education \(ACCME\)/);
  await expectNoAxeViolations(organizer);

  // Off the 0.25 steps: refused under the field (the browser checks first; the server says the same without JavaScript).
  await organizer.getByLabel("Maximum credit").fill("20.3");
  await organizer.getByRole("button", { name: "Save designation" }).click();
  await expect(organizer.getByText("Credit is designated in steps of 0.25 (1.00, 1.25, 1.50, …).")).toBeVisible();

  await organizer.getByLabel("Maximum credit").fill("20.25");
  await organizer.getByLabel("Claim deadline").fill("2023-06-30");
  await organizer.getByRole("button", { name: "Use ACCME’s wording" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "Saved, with ACCME's and the AMA's standard wording." })).toBeVisible();
  await expect(organizer.getByLabel("AMA PRA designation statement")).toHaveValue(/designates this live activity for a maximum of 20\.25 AMA PRA Category 1 Credit\(s\)™/);
  await expect(organizer.getByRole("table")).toBeVisible();
  await expectNoAxeViolations(organizer);

  // The session's own credit, in the draft.
  await organizer.goto(`/organize/sio-2023/sessions/${SESSION}`);
  await expect(organizer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(organizer.getByLabel("Accredited for AMA PRA Category 1 Credit™")).toBeChecked();
  await organizer.getByLabel("Credit (optional)").fill("0.75");
  await organizer.getByLabel("ABR self-assessment CME (SA-CME)").check();
  await organizer.getByRole("button", { name: "Save to the draft" }).click();
  await expect(organizer.getByText("Saved to the draft.")).toBeVisible();
  await expectNoAxeViolations(organizer);

  await organizer.goto("/organize/sio-2023/publish");
  await expect(organizer.getByRole("region", { name: /unpublished change/ }).getByText(/CME credit .*0\.75; now counts as SA-CME/)).toBeVisible();
  const confirm = organizer.getByLabel("I have looked at the clashes and want to publish anyway");
  if (await confirm.isVisible()) await confirm.check();
  await organizer.getByRole("button", { name: /^Publish release/ }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /Release \d+ is published/ })).toBeVisible();

  const attendee = await pageAs("attendee");
  await attendeeJourney(attendee);
  const phone = await pageAs("attendee", { viewport: { width: 390, height: 844 } });
  await attendeeJourney(phone);
  // Nothing wider than the phone's screen.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

async function attendeeJourney(page: Page) {
  await page.goto(`/meetings/sio-2023/sessions/${SESSION}`);
  const credit = page.getByRole("region", { name: "Continuing medical education" });
  await expect(credit.getByText(/AMA PRA Category 1 Credit™: 0\.75/)).toBeVisible();
  await expect(credit.getByText("SA-CME", { exact: true })).toBeVisible();
  await credit.getByText("Accreditation and designation").click();
  await expect(credit.getByText(/maximum of 20\.25 AMA PRA Category 1 Credit\(s\)™/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The session's day of the program: its badge, then only CME sessions (no socials).
  await page.getByRole("link", { name: "Program for this day" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(`^${TITLE}`) }) });
  await expect(row.getByText("CME 0.75")).toBeVisible();
  const sessionLinks = page.locator('main a[href^="/meetings/sio-2023/sessions/"]');
  const allSessions = await sessionLinks.count();
  expect(allSessions).toBeGreaterThan(1);
  await page.getByLabel(/^CME credit/).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]cme=1/);
  await expect(page.getByText(/sessions? match on/)).toBeVisible();
  await expect(page.getByLabel(/^CME credit/)).toBeChecked();
  await expect(page.getByRole("link", { name: new RegExp(`^${TITLE}`) })).toBeVisible();
  const cmeSessions = await sessionLinks.count();
  expect(cmeSessions).toBeLessThan(allSessions);
  // Every session left is accredited: a badge on each (a cancelled one shows "Cancelled" instead).
  const badges = await page.getByText(/^CME \d+\.\d\d$/).count();
  expect(badges).toBeGreaterThan(0);
  expect(badges + (await page.getByText("Cancelled", { exact: true }).count())).toBe(cmeSessions);
  await expectNoAxeViolations(page);
}

test.describe("without JavaScript", () => {
  test("the server refuses a maximum off the 0.25 steps under its field, and the agenda's CME filter applies with the button", async ({ pageAs }) => {
    const organizer = await pageAs("organizer", { javaScriptEnabled: false });
    await organizer.goto("/organize/sio-2023/cme");
    await organizer.getByLabel("Maximum credit").fill("18.1");
    await organizer.getByRole("button", { name: "Save designation" }).click();
    await expect(organizer.getByText("Credit is designated in steps of 0.25 (1.00, 1.25, 1.50, …).")).toBeVisible();
    await expect(organizer.getByLabel("Maximum credit")).toHaveAttribute("aria-invalid", "true");

    const attendee = await pageAs("attendee", { javaScriptEnabled: false });
    await attendee.goto("/meetings/sio-2023/agenda?day=2023-01-26");
    await attendee.getByLabel(/^CME credit/).check();
    await attendee.getByRole("button", { name: "Apply filters" }).click();
    await expect(attendee).toHaveURL(/[?&]cme=1/);
    await expect(attendee.getByLabel(/^CME credit/)).toBeChecked();
    await expect(attendee.getByText("Welcome Reception")).toHaveCount(0);
  });
});
