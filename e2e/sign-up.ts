// Signing up as a person does: the form, "check your email", the link in the
// e-mail, the password again, and in.
import { expect, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { linkMailedTo, outbox } from "./outbox";

/** From an open sign-up form to signed in; `checkAccessibility` runs axe on each page on the way. */
export async function signUpThroughEmail(page: Page, person: { name: string; email: string; password: string }, { checkAccessibility = false } = {}) {
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText(person.email)).toBeVisible();
  if (checkAccessibility) await expectNoAxeViolations(page);

  await expect.poll(() => linkMailedTo(person.email, "/signup/confirm/"), { message: `a sign-up mail to ${person.email} in ${outbox}` }).toBeTruthy();
  const link = new URL((await linkMailedTo(person.email, "/signup/confirm/"))!);
  await page.goto(link.pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Finish creating your account" })).toBeVisible();
  await expect(page.getByText(person.name)).toBeVisible();
  if (checkAccessibility) await expectNoAxeViolations(page);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  return link;
}
