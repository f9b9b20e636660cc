// The account journey in a real browser: sign up, sign out, sign in (and a
// wrong password), reset the password through the mail outbox, sign in with the
// new one. Every page of the journey is checked with axe.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./accessibility";

// e2e/server.ts writes mail here (no SMTP in tests).
const outbox = process.env.E2E_OUTBOX ?? ".data/e2e-outbox";

/** The reset link from the newest message to `email` in the outbox, undefined until it arrives. */
async function resetLinkFor(email: string): Promise<string | undefined> {
  const names = (await readdir(outbox).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort().reverse();
  for (const name of names) {
    const raw = await readFile(path.join(outbox, name), "utf8");
    if (!new RegExp(`^To: ${email.replace(/[.+]/g, "\\$&")}$`, "m").test(raw)) continue;
    // Undo quoted-printable soft line breaks, which may split a long link.
    const body = raw.replace(/=\r?\n/g, "");
    return /https?:\/\/[^\s]+\/reset-password\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  }
  return undefined;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign up, sign out, sign in, reset the password by email, sign in with the new one", async ({ page }) => {
  const email = `e2e-${Date.now()}@example.org`;
  const name = "Ada Lovelace";
  const header = page.getByRole("banner");

  await page.goto("/");
  await header.getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first password 1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(header.getByRole("link", { name: /Ada Lovelace/ })).toBeVisible();

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByRole("link", { name: /Ada Lovelace/ })).toHaveCount(0);

  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page);
  await signIn(page, email, "first password 1");
  await expect(header.getByRole("link", { name: /Ada Lovelace/ })).toBeVisible();

  await header.getByRole("link", { name: /Ada Lovelace/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText("This device", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Sign out of this device" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists for that email, we sent a link")).toBeVisible();

  await expect.poll(() => resetLinkFor(email), { message: `a reset mail to ${email} in ${outbox}` }).toBeTruthy();
  const link = new URL((await resetLinkFor(email))!);
  await page.goto(link.pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill("second password 2");
  await page.getByLabel("Confirm new password").fill("second password 2");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await signIn(page, email, "first password 1");
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect.");
  await signIn(page, email, "second password 2");
  await expect(header.getByRole("link", { name: /Ada Lovelace/ })).toBeVisible();

  // The link worked once; now it says so, with a way to get a new one.
  const reused = await page.goto(link.pathname);
  expect(reused?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This link has expired or was already used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Send me a new link" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a wrong password shows the error next to the form, with a 400", async ({ page }) => {
  await page.goto("/login");
  const responsePromise = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/login"));
  await signIn(page, "nobody-here@example.org", "not the password");
  expect((await responsePromise).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.org");
});

test("sign-in brings you back where you were, and refuses to leave the site", async ({ page }) => {
  const email = `e2e-return-${Date.now()}@example.org`;
  await page.goto("/signup?redirectTo=%2Faccount");
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("button", { name: "Sign out of this device" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/login?redirectTo=%2F%2Fevil.example%2F");
  await signIn(page, email, "a good password");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
});

test("pages for the signed-in send the signed-out to sign in and back", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("the forms work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, "nobody-here@example.org", "not the password");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await context.close();
});

test("signing out other devices ends their sign-ins at once", async ({ browser }) => {
  const email = `e2e-devices-${Date.now()}@example.org`;
  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();

  await here.goto("/signup");
  await here.getByLabel("Full name").fill("Two Devices");
  await here.getByLabel("Email").fill(email);
  await here.getByLabel("Password").fill("a good password");
  await here.getByRole("button", { name: "Create account" }).click();
  await expect(here.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();

  await elsewhere.goto("/login?redirectTo=%2Faccount");
  await signIn(elsewhere, email, "a good password");
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  await here.goto("/account");
  await expect(here.getByRole("region", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(2);
  await expectNoAxeViolations(here);
  await here.getByRole("button", { name: "Sign out other devices" }).click();
  await expect(here.getByRole("status")).toHaveText("Signed out 1 other device.");
  await expect(here.getByRole("region", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(1);

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await here.context().close();
  await elsewhere.context().close();
});

test("field errors sit by their fields and are announced with them", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Someone Careful");
  await page.getByLabel("Email").fill("someone@example.org");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 8 characters/);
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
});
