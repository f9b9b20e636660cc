// Live Q&A as people meet it on their screens: what the question box says,
// what a registrant still waiting for verification is told, a phone's first
// screen, the page without JavaScript, where the focus goes after a command,
// the moderator's single-key shortcuts, reduced motion, and the projector's
// QR code and short link. The e2e server runs a realtime sidecar.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount } from "./database";
import { addApprovedQuestions, addRegistrationAwaitingVerification, askOnLivePage, makeSessionLive, waitUntilLive } from "./live-qa-setup";
import { signInWithForm } from "./sign-in";

test.describe.configure({ timeout: 90_000 });

const sessionPath = (slug: string) => `/meetings/sir-2023/sessions/${slug}`;

const live = waitUntilLive;

/** A fresh account (so limits and registrations are its own), signed in through the form, on `path`. */
async function signInFresh(page: Page, name: string, path: string, roles: Parameters<typeof makeAccount>[2] = []) {
  const account = await makeAccount(name, "a long enough password 1", roles);
  return { account, signIn: async () => {
    await page.goto(`/login?redirectTo=${encodeURIComponent(path)}`);
    await signInWithForm(page, account);
    await expect(page).toHaveURL(path);
  } };
}

test("a blank or whitespace-only question says 'Write your question', with JavaScript and without", async ({ pageAs }) => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await pageAs("attendee", { javaScriptEnabled });
    await page.goto(`${sessionPath("epistaxis-embolization")}/live`);
    if (javaScriptEnabled) await live(page);
    const box = page.getByLabel("Your question", { exact: true });
    await box.fill("   \n\t  ");
    await page.getByRole("button", { name: "Send question" }).click();
    await expect(box).toHaveAccessibleDescription(/Write your question/);
    await expect(page.getByText("Write your question")).toHaveCount(1);
    await expect(page.getByText(/Invalid input|expected string/)).toHaveCount(0);
    await page.context().close();
  }
});

test("the rate limit's message shows once", async ({ page }) => {
  const path = `${sessionPath("epistaxis-embolization")}/live`;
  const { signIn } = await signInFresh(page, "Quick Asker", path, [{ meeting: "sir-2023", role: "ATTENDEE" }]);
  await signIn();
  await live(page);
  const box = page.getByLabel("Your question", { exact: true });
  for (let n = 1; n <= 5; n += 1) {
    await box.fill(`Quick question ${n} (${Date.now()})`);
    await page.getByRole("button", { name: "Send question" }).click();
    await expect(box).toHaveValue("");
  }
  await box.fill(`One too many (${Date.now()})`);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByText(/You can ask up to 5 questions a minute/)).toBeVisible();
  await expect(page.getByText(/You can ask up to 5 questions a minute/)).toHaveCount(1);
});

test("a registrant waiting for verification is told so on the live page, and where to look, not to register", async ({ page }) => {
  const path = `${sessionPath("artificial-intelligence-in-ir")}/live`;
  const { account, signIn } = await signInFresh(page, "Tess Trainee", path);
  await addRegistrationAwaitingVerification(account.email);
  await signIn();
  await expect(page.getByText(/^Your registration awaits verification: an organizer is checking your proof of trainee status/)).toBeVisible();
  await expect(page.getByRole("link", { name: "See your registration" })).toHaveAttribute("href", "/meetings/sir-2023/registration");
  await expect(page.getByRole("link", { name: "Register to take part" })).toHaveCount(0);
  await expect(page.getByLabel("Your question", { exact: true })).toHaveCount(0);
  await live(page);
  await expectNoAxeViolations(page);
});

test("on a phone the question box and the top question are on the first screen, ended or live", async ({ pageAs }) => {
  const top = "For a 6 cm solitary HCC with preserved liver function, when would you choose TARE over TACE as a bridge to transplant?";
  await addApprovedQuestions("tace-vs-tare-for-intermediate-stage-hcc", [
    { body: top, votes: 90 },
    { body: "Does the BCLC update change how you sequence TACE and systemic therapy?", votes: 2 },
  ]);
  await makeSessionLive("y-90-radioembolization-personalized-dosimetry");
  await addApprovedQuestions("y-90-radioembolization-personalized-dosimetry", [{ body: top, votes: 90 }]);

  const page = await pageAs("attendee", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const [slug, status] of [
    ["tace-vs-tare-for-intermediate-stage-hcc", "Ended · recording available"],
    ["y-90-radioembolization-personalized-dosimetry", "Live now"],
  ] as const) {
    await page.goto(`${sessionPath(slug)}/live`);
    await live(page);
    await expect(page.getByText(status, { exact: true })).toBeVisible();
    const topItem = page.getByRole("list", { name: "Questions, most votes first" }).getByRole("listitem").first();
    await expect(topItem).toContainText(top);
    for (const [what, part] of [
      ["the question box", page.getByLabel("Your question", { exact: true })],
      ["the send button", page.getByRole("button", { name: "Send question" })],
      ["the top question", topItem],
    ] as const) {
      const box = await part.boundingBox();
      expect(box!.y + box!.height, `${what} on ${slug}`).toBeLessThanOrEqual(844);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await expectNoAxeViolations(page);
});

test("the status is the session's own: 'Ended' never beside 'Live', no 'Connecting…' without JavaScript, the number watching not read out", async ({ pageAs }) => {
  const path = `${sessionPath("cryoablation-of-small-renal-masses")}/live`;
  const plain = await pageAs("attendee", { javaScriptEnabled: false });
  await plain.goto(path);
  await expect(plain.getByText("Ended · recording available")).toBeVisible();
  await expect(plain.getByText("New questions show when you reload the page.")).toBeVisible();
  await expect(plain.getByText(/Connecting|Reconnecting|Live now|update live/)).toHaveCount(0);

  const scripted = await pageAs("attendee");
  await scripted.goto(path);
  await live(scripted);
  await expect(scripted.getByText("Ended · recording available")).toBeVisible();
  await expect(scripted.getByText(/Live now|watching/)).toHaveCount(0);

  await makeSessionLive("y-90-radioembolization-personalized-dosimetry");
  await scripted.goto(`${sessionPath("y-90-radioembolization-personalized-dosimetry")}/live`);
  await live(scripted);
  await expect(scripted.getByText(/^· \d+ watching$/)).toBeVisible();
  // It changes whenever someone comes or goes: on the screen, never in a live region.
  await expect(scripted.locator("[role=status], [role=alert], [aria-live]").filter({ hasText: "watching" })).toHaveCount(0);
});

test("with reduced motion the live dot does not pulse", async ({ pageAs }) => {
  await makeSessionLive("y-90-radioembolization-personalized-dosimetry");
  const page = await pageAs("attendee");
  await page.goto(`${sessionPath("y-90-radioembolization-personalized-dosimetry")}/live`);
  const dot = page.locator("[data-live-dot]");
  expect(await dot.evaluate((element) => getComputedStyle(element).animationName)).not.toBe("none");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await dot.evaluate((element) => getComputedStyle(element).animationName)).toBe("none");
});

test("after sending, approving and pinning, the focus goes to the result or the next question, and the author hears it", async ({ pageAs }) => {
  const path = sessionPath("abstract-session-embolotherapy");
  const stamp = Date.now();
  const [first, second] = [`Focus goes to me first (${stamp})`, `Focus goes to me next (${stamp})`];
  const viewer = await pageAs("student");
  await viewer.goto(`${path}/live`);
  await live(viewer);
  for (const text of [first, second]) {
    await viewer.getByLabel("Your question", { exact: true }).fill(text);
    await viewer.getByRole("button", { name: "Send question" }).click();
    await expect(viewer.locator("#questions li").filter({ hasText: text })).toBeFocused();
  }

  const moderator = await pageAs("moderator");
  await moderator.goto(`${path}/moderate`);
  await live(moderator);
  const waiting = moderator.getByRole("region", { name: /Waiting for approval/ });
  const firstWaiting = waiting.locator("[data-queue-item]").filter({ hasText: first });
  const secondWaiting = waiting.locator("[data-queue-item]").filter({ hasText: second });
  await firstWaiting.getByRole("button", { name: "Approve" }).click();
  await expect(secondWaiting).toBeFocused();
  await expect(viewer.locator("[data-live-announcer]")).toHaveText(`Your question is on the board: “${first}”`);

  await moderator.getByRole("region", { name: /On the board/ }).locator("[data-queue-item]").filter({ hasText: first }).getByRole("button", { name: "Pin as now answering" }).click();
  await expect(moderator.getByRole("region", { name: "Now answering" }).locator("[data-queue-item]").filter({ hasText: first })).toBeFocused();
  await expect(viewer.locator("[data-live-announcer]")).toContainText(`Now answering your question: “${first}”`);

  // The last waiting question leaves nothing after it: the notice of what happened takes the focus.
  await expect(waiting.locator("[data-queue-item]")).toHaveCount(1);
  await secondWaiting.getByRole("button", { name: "Approve" }).click();
  await expect(moderator.getByRole("status").filter({ hasText: "Approved." })).toBeFocused();
  expect(await moderator.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test("the moderator's single-key shortcuts work only in the queue, and stay off once turned off", async ({ pageAs }) => {
  const path = sessionPath("building-a-clinical-ir-practice");
  const text = `Shortcut question (${Date.now()})`;
  await askOnLivePage(await pageAs("student"), path, text);

  const moderator = await pageAs("moderator");
  await moderator.goto(`${path}/moderate`);
  await live(moderator);
  const waiting = moderator.getByRole("region", { name: /Waiting for approval/ });
  const item = waiting.locator("[data-queue-item]").filter({ hasText: text });
  const help = moderator.getByRole("region", { name: "Keyboard shortcuts" });

  // Outside the queue, the keys are only keys.
  await moderator.getByRole("button", { name: "Close Q&A" }).focus();
  for (const key of ["j", "?", "a"]) await moderator.keyboard.press(key);
  await expect(moderator.getByRole("button", { name: "Close Q&A" })).toBeFocused();
  await expect(help).toHaveCount(0);

  // In the queue they work.
  await item.focus();
  await moderator.keyboard.press("?");
  await expect(help).toBeVisible();

  // Turned off, they do nothing even in the queue, after a reload too.
  await help.getByLabel("Single-key shortcuts").uncheck();
  await moderator.reload();
  await live(moderator);
  await moderator.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(help.getByLabel("Single-key shortcuts")).not.toBeChecked();
  await expectNoAxeViolations(moderator);
  await item.focus();
  await moderator.keyboard.press("a");
  await moderator.waitForTimeout(1_500);
  await expect(item).toBeVisible();
  await expect(item.getByRole("button", { name: "Approve" })).not.toHaveAttribute("aria-keyshortcuts");

  // Back on, the same key approves.
  await help.getByLabel("Single-key shortcuts").check();
  await item.focus();
  await moderator.keyboard.press("a");
  await expect(moderator.getByRole("region", { name: /On the board/ })).toContainText(text);
});

test("the projector shows a QR code and a short link for asking, wraps long words, and has nothing focusable behind it", async ({ browser }) => {
  const slug = "radiation-segmentectomy-for-early-stage-hcc";
  const long = "Transarterialradioembolizationdosimetry".repeat(8);
  await addApprovedQuestions(slug, [
    { body: long, votes: 50 },
    { body: "What is your threshold dose for a complete pathologic necrosis?", votes: 9 },
  ]);
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(`${sessionPath(slug)}/present`);
  await expect(page.getByRole("heading", { name: "Top questions" })).toBeVisible();

  const qr = page.getByRole("img", { name: /^QR code of localhost:\d+\/q\/[0-9a-f]{7}$/ });
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThan(250);
  const shortLink = (await qr.getAttribute("aria-label"))!.replace("QR code of ", "");
  await expect(page.getByRole("complementary", { name: "Ask a question" })).toContainText(shortLink);

  // Nothing of the site behind the view: not one element to tab to.
  const focusable = await page.evaluate(
    () => [...document.querySelectorAll("a[href], button, input, select, textarea, summary, iframe, [tabindex]")].filter((element) => element.getAttribute("tabindex") !== "-1").length,
  );
  expect(focusable).toBe(0);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  // A word longer than the screen wraps instead of running off it.
  const question = page.getByRole("region", { name: "Top questions" }).getByRole("listitem").filter({ hasText: long.slice(0, 40) });
  await expect(question).toBeVisible();
  expect((await question.boundingBox())!.x + (await question.boundingBox())!.width).toBeLessThanOrEqual(1920);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
  await expectNoAxeViolations(page);

  // The short link leads to the session's live page.
  await page.goto(`/q/${shortLink.split("/q/")[1]}`);
  await expect(page).toHaveURL(`${sessionPath(slug)}/live`);
  await page.context().close();
});
