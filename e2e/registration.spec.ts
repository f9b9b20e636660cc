// Registration in a real browser: a medical student registers free and waits
// for verification; an organizer approves; a resident signs up, registers with a
// workshop, pays on the test payment page, sees the receipt, cancels and is
// refunded. Every page of the journey is checked with axe.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount } from "./database";
import { subjectsTo } from "./outbox";
import { signInWithForm } from "./sign-in";
import { signUpThroughEmail } from "./sign-up";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

// Each journey crosses several accounts and pages, with axe on every page.
test.describe.configure({ timeout: 120_000 });

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a medical student registers free and an organizer approves the proof", async ({ pageAs }) => {
  // The demo people's saved sign-ins (fixtures.ts); each signs out nowhere, so the sign-ins stay good for later specs.
  let page = await pageAs("student");
  await page.goto("/meetings/sir-2023");
  await page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register for SIR 2023 Annual Scientific Meeting" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("radio", { name: /^Medical Student/ }).check();
  await page.getByLabel(/Add a year of in-training membership/).check();
  await page.getByRole("radio", { name: "Upload a document" }).check();
  await page.getByLabel("Letter from your program or a trainee/student ID").setInputFiles({ name: "enrolment-letter.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByRole("button", { name: "Register", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Register", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Your registration" })).toBeVisible();
  await expect(page.getByText("Pending verification", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "enrolment-letter.pdf" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect.poll(() => subjectsTo("student@example.org")).toEqual([expect.stringMatching(/^Registration received: SIR 2023/)]);

  page = await pageAs("organizer");
  await page.goto("/organize/sir-2023/registrations");
  await expect(page.getByRole("heading", { level: 1, name: "Registrations" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /Verification queue/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verification queue" })).toBeVisible();
  await expectNoAxeViolations(page);
  const card = page.getByRole("article", { name: "Riley Chen" });
  await expect(card.getByRole("link", { name: "enrolment-letter.pdf" })).toBeVisible();
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved: the registration is confirmed")).toBeVisible();
  await expect(page.getByRole("article", { name: "Riley Chen" })).toHaveCount(0);
  await expect.poll(() => subjectsTo("student@example.org")).toEqual([expect.stringMatching(/^Registration received/), expect.stringMatching(/^Registration confirmed/)]);

  // Confirmed now: the student's QR code for check-in shows.
  page = await pageAs("student");
  await page.goto("/meetings/sir-2023/registration");
  await expect(page.getByRole("img", { name: /QR code of registration SIR23-/ })).toBeVisible();
  await expect(page.getByText("Show this QR code at check-in")).toBeVisible();
});

test("a resident registers with a workshop, pays on the test page, sees the receipt, cancels and is refunded", async ({ page, pageAs }) => {
  const email = `resident-${Date.now()}@example.org`;
  await page.goto("/meetings/sir-2023/register");
  // Signed out: sign in first, and come back. A new resident signs up instead.
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmeetings%2Fsir-2023%2Fregister/);
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  // The e-mailed link keeps where they were going.
  await signUpThroughEmail(page, { name: "Alex Moreno, MD", email, password: "resident password 1" });
  await expect(page.getByRole("heading", { level: 1, name: "Register for SIR 2023 Annual Scientific Meeting" })).toBeVisible();

  await page.getByRole("radio", { name: /^Resident-in-Training/ }).check();
  await page.getByLabel(/Add a year of in-training membership/).check();
  await page.getByRole("radio", { name: "Upload a document" }).check();
  await page.getByLabel("Letter from your program or a trainee/student ID").setInputFiles({ name: "program-letter.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("checkbox", { name: /Hands-on Workshop: Embolic Agents and Microcatheter Skills/ }).check();
  // Member rate $150.00 with $50.00 of dues, and the $95.00 workshop.
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("$295.00")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue to payment" }).click();

  await expect(page.getByText("Test payment — no card is charged")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Hands-on Workshop: Embolic Agents and Microcatheter Skills" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Pay $295.00" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Payment received" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "View your registration and receipt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your registration" })).toBeVisible();
  await expect(page.getByText("Pending verification", { exact: true })).toBeVisible();
  const receipt = page.getByRole("region", { name: "Receipt" });
  await expect(receipt.getByRole("cell", { name: "Resident-in-Training registration, virtual (Late rate)" })).toBeVisible();
  await expect(receipt.getByRole("cell", { name: "SIR in-training membership, one year" })).toBeVisible();
  await expect(receipt.getByRole("cell", { name: "Hands-on Workshop: Embolic Agents and Microcatheter Skills" })).toBeVisible();
  await expect(receipt.getByRole("row", { name: /Total paid/ })).toContainText("$295.00");
  // Pending verification: the desk would turn the code away, so it is not shown yet.
  await expect(page.getByText("Your QR code works once your registration is confirmed.")).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code of registration SIR23-/ })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "My registration", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect.poll(() => subjectsTo(email)).toEqual(["Finish creating your Meeting Platform account", expect.stringMatching(/^Registration received: SIR 2023/)]);

  await page.getByRole("link", { name: "Printable receipt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Receipt: SIR 2023/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print receipt" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Your registration" }).click();

  // After February 10, 2023 a $75.00 fee is kept; membership dues are not refunded: $295 − $50 − $75.
  const cancel = page.getByRole("region", { name: "Cancel your registration" });
  await expect(cancel.getByText("Cancelling today refunds $170.00 (a $75.00 fee is kept).")).toBeVisible();
  await cancel.getByText("Cancel my registration…").click();
  await cancel.getByRole("button", { name: /Yes, cancel registration SIR23-/ }).click();
  await expect(page.getByText("Your registration is cancelled. We e-mailed you a confirmation.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Refund, .*cancelled by the attendee/ })).toContainText("−$170.00");
  await expect(page.getByRole("row", { name: /Net paid/ })).toContainText("$125.00");
  await expectNoAxeViolations(page);
  await expect.poll(() => subjectsTo(email)).toEqual([
    "Finish creating your Meeting Platform account",
    expect.stringMatching(/^Registration received/),
    expect.stringMatching(/^Registration cancelled/),
  ]);

  // The workshop seat went back: the console shows it free again.
  await signOut(page);
  const organizer = await pageAs("organizer");
  await organizer.goto(`/organize/sir-2023/registrations?q=${encodeURIComponent(email)}`);
  await expect(organizer.getByRole("row", { name: /Alex Moreno/ })).toContainText("Cancelled");
  const seats = organizer.getByRole("row", { name: /Hands-on Workshop: Embolic Agents and Microcatheter Skills/ });
  await expect(seats.getByRole("cell")).toHaveText(["$95.00", "0", "0", "24", "24"]);
});

test("the Stripe webhook refuses unsigned and wrongly signed deliveries through the real server", async ({ request }) => {
  const body = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", created: Math.floor(Date.now() / 1000), data: { object: {} } });
  const unsigned = await request.post("/webhooks/stripe", { data: body, headers: { "Content-Type": "application/json" } });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post("/webhooks/stripe", { data: body, headers: { "Content-Type": "application/json", "Stripe-Signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` } });
  expect(forged.status()).toBe(400);
  expect(await forged.json()).toEqual({ received: false, message: "The Stripe signature is missing, wrong or too old." });
});

test("the form says what cannot be chosen before submitting, and the summary shows the promo code applied", async ({ page }) => {
  const account = await makeAccount("Jordan Price, MD", "jordan's password 1");
  await page.goto("/login?redirectTo=%2Fmeetings%2Fsir-2023%2Fregister");
  await signInWithForm(page, account);
  await expect(page.getByRole("heading", { level: 1, name: "Register for SIR 2023 Annual Scientific Meeting" })).toBeVisible();

  // Members-only rates are closed to someone with no membership, and the form says why up front.
  const memberRate = page.getByRole("radio", { name: /^Member physician/ });
  await expect(memberRate).toBeDisabled();
  await expect(memberRate).toHaveAccessibleDescription(/Member physician rates are for SIR members/);

  // A promo code for another category is named as such before anything is submitted.
  await page.getByRole("radio", { name: /^Non-member physician/ }).check();
  await page.getByLabel(/^Promo code/).fill("rfs2023");
  await page.getByRole("button", { name: "Check the total" }).click();
  await expect(page.getByText("That promo code does not apply to the Non-member physician category.")).toBeVisible();
  await expect(page).toHaveURL(/\/meetings\/sir-2023\/register$/);

  // Switching to a category it applies to prices it again: 20% off the $350.00 resident fee.
  await page.getByRole("radio", { name: /^Resident-in-Training/ }).check();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("Promo code RFS2023")).toBeVisible();
  await expect(summary.getByText("−$70.00")).toBeVisible();
  await expect(summary.getByText("Total due")).toBeVisible();
  await expect(summary.getByText("$280.00")).toBeVisible();
  await expect(page.getByText("That promo code does not apply")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
