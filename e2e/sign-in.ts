// Who the specs sign in as, and the two ways they do it: the sign-in form in a
// page (for the journeys that are about signing in) and the same form posted
// without a browser (for the saved sign-ins of fixtures.ts, and for request
// contexts that sign out at the end of their walk).
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo-accounts";
import type { APIRequestContext, Page } from "@playwright/test";

/** The seeded demo accounts, by the part each plays; the address is the role's name at example.org. */
export const ROLES = ["organizer", "moderator", "attendee", "student", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Account = { email: string; password: string };

/** The demo account that plays `role`, as the seed made it (fails loudly if the seed no longer has it). */
export function demoAccount(role: Role): Account & { name: string } {
  const email = `${role}@example.org`;
  const seeded = demoAccounts.find((account) => account.email === email);
  if (!seeded) throw new Error(`The seed has no demo account ${email}`);
  return { email, password: DEMO_PASSWORD, name: seeded.name };
}

/** Fills in and sends the sign-in form of an open page, as a person does; what follows is the caller's to check. */
export async function signInWithForm(page: Page, { email, password }: Account) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs a request context in (a new LoginSession of its own), the way the form does without JavaScript. */
export async function signInRequest(context: APIRequestContext, who: Role | Account): Promise<void> {
  const { email, password } = typeof who === "string" ? demoAccount(who) : who;
  const response = await context.post("/login", { form: { email, password }, maxRedirects: 0 });
  if (response.status() !== 302) throw new Error(`Signing in as ${email} failed: ${response.status()} ${await response.text()}`);
}
