// The account journey in a real browser: sign up through the e-mailed link,
// sign out, sign in (and a wrong password), reset the password through the mail
// outbox, sign in with the new one; change the password in Account. Every page
// of the journey is checked with axe.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount } from "./database";
import { linkMailedTo, outbox, subjectsTo } from "./outbox";
import { signInWithForm } from "./sign-in";
import { signUpThroughEmail } from "./sign-up";

test("sign up through the e-mailed link, sign out, sign in, reset the password by email, sign in with the new one", async ({ page }) => {
  const email = `e2e-${Date.now()}@example.org`;
  const name = "Ada Lovelace";
  const header = page.getByRole("banner");

  await page.goto("/");
  await header.getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectNoAxeViolations(page);
  const signupLink = await signUpThroughEmail(page, { name, email, password: "first password 1" }, { checkAccessibility: true });
  await expect(header.getByRole("link", { name: /Ada Lovelace/ })).toBeVisible();

  // The link worked once; now it says so, with the way on.
  await page.goto(signupLink.pathname);
  await expect(page.getByRole("heading", { level: 1, name: "This link has expired or was already used" })).toBeVisible();
  await page.getByRole("link", { name: "You are signed in: continue" }).click();

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByRole("link", { name: /Ada Lovelace/ })).toHaveCount(0);

  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page);
  await signInWithForm(page, { email: email, password: "first password 1" });
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

  await expect.poll(() => linkMailedTo(email, "/reset-password/"), { message: `a reset mail to ${email} in ${outbox}` }).toBeTruthy();
  const link = new URL((await linkMailedTo(email, "/reset-password/"))!);
  await page.goto(link.pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill("second password 2");
  await page.getByLabel("Confirm new password").fill("second password 2");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await signInWithForm(page, { email: email, password: "first password 1" });
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect.");
  await signInWithForm(page, { email: email, password: "second password 2" });
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
  await signInWithForm(page, { email: "nobody-here@example.org", password: "not the password" });
  expect((await responsePromise).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.org");
});

test("sign-up and sign-in bring you back where you were, through the e-mailed link, and refuse to leave the site", async ({ page }) => {
  const email = `e2e-return-${Date.now()}@example.org`;
  await page.goto("/signup?redirectTo=%2Faccount");
  await signUpThroughEmail(page, { name: "Grace Hopper", email, password: "a good password" });
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("button", { name: "Sign out of this device" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/login?redirectTo=%2F%2Fevil.example%2F");
  await signInWithForm(page, { email: email, password: "a good password" });
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
  await signInWithForm(page, { email: "nobody-here@example.org", password: "not the password" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await context.close();
});

test("signing out other devices ends their sign-ins at once", async ({ browser }) => {
  const { email } = await makeAccount("Two Devices", "a good password");
  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();

  await here.goto("/login");
  await signInWithForm(here, { email: email, password: "a good password" });
  await expect(here.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();

  await elsewhere.goto("/login?redirectTo=%2Faccount");
  await signInWithForm(elsewhere, { email: email, password: "a good password" });
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

test("a known address gets the same \"Check your email\" page, and a mail saying how to sign in", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill("attendee@example.org");
  await page.getByLabel("Password").fill("not their password");
  const responsePromise = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/signup"));
  await page.getByRole("button", { name: "Create account" }).click();
  expect((await responsePromise).status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect.poll(() => subjectsTo("attendee@example.org")).toContain("Someone tried to create a Meeting Platform account with your address");
  expect(await linkMailedTo("attendee@example.org", "/signup/confirm/")).toBeUndefined();
});

test("change the password in Account: the current one is required, other devices are signed out", async ({ browser }) => {
  const { email } = await makeAccount("Pat Changer", "the first password");
  const here = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  for (const page of [elsewhere, here]) {
    await page.goto("/login?redirectTo=%2Faccount");
    await signInWithForm(page, { email: email, password: "the first password" });
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  }

  const section = here.getByRole("region", { name: "Change password" });
  await expectNoAxeViolations(here);
  await section.getByLabel("Current password").fill("a wrong guess");
  await section.getByLabel("New password").fill("the second password");
  const refused = here.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/account"));
  await section.getByRole("button", { name: "Change password" }).click();
  expect((await refused).status()).toBe(400);
  const current = section.getByLabel("Current password");
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveAccessibleDescription(/That is not your current password\./);
  await expectNoAxeViolations(here);

  await current.fill("the first password");
  await section.getByLabel("New password").fill("the second password");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByRole("status")).toHaveText("Your password was changed. Signed out 1 other device.");
  await expect(here.getByRole("region", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(1);
  await expect.poll(() => subjectsTo(email)).toEqual(["Your Meeting Platform password was changed"]);

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await signInWithForm(elsewhere, { email: email, password: "the first password" });
  await expect(elsewhere.getByRole("alert")).toContainText("Email or password is incorrect.");
  await signInWithForm(elsewhere, { email: email, password: "the second password" });
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await here.context().close();
  await elsewhere.context().close();
});
