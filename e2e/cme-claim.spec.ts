// Claiming CME credit end to end, as a learner of the test's own with
// attendance at two SIR 2023 sessions (a full hour, and 44 minutes): My CME
// asks for the meeting's evaluation first; the claim form shows what the
// evidence supports; a claim above the evidence is refused beside its field;
// the claim gets a certificate link and a verification code; an amendment
// keeps the first version; without JavaScript the form still works.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount, withE2eDatabase } from "./database";
import { readPdf } from "../app/models/cme/pdf-text.fixture";

const FULL = "tace-vs-tare-for-intermediate-stage-hcc";
const PARTIAL = "pulmonary-embolism-catheter-directed-therapy";
const PASSWORD = "claim-journey-password";
let account: { email: string; password: string };
let titles: Record<string, string>;
let designation: { claimDeadline: string; evaluationRequired: boolean };

// The second journey amends the first one's claim.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  account = await makeAccount("Dana Reyes", PASSWORD);
  await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ claimDeadline: string; evaluationRequired: boolean }>(
      `SELECT to_char(d."claimDeadline", 'YYYY-MM-DD') AS "claimDeadline", d."evaluationRequired" FROM "CreditDesignation" d JOIN "Meeting" m ON m.id = d."meetingId" WHERE m.slug = 'sir-2023'`,
    );
    designation = rows[0]!;
    // The seeded deadline (July 2023) has passed: claims are open again for this journey, and the evaluation is required.
    await client.query(`UPDATE "CreditDesignation" SET "claimDeadline" = DATE '2099-12-31', "evaluationRequired" = true WHERE "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')`);
    const sessions = await client.query<{ slug: string; title: string }>(
      `UPDATE "Session" SET "cmeAccredited" = true WHERE slug = ANY($1) AND "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023') RETURNING slug, title`,
      [[FULL, PARTIAL]],
    );
    titles = Object.fromEntries(sessions.rows.map((row) => [row.slug, row.title]));
    // Watched live: all of the first session's hour, the first 44 minutes of the second (0.50 at most).
    await client.query(
      `INSERT INTO "AttendanceInterval" (id, "sessionId", "userId", "startedAt", "endedAt")
       SELECT gen_random_uuid()::text, s.id, u.id, s."startsAt", CASE WHEN s.slug = $2 THEN s."startsAt" + interval '44 minutes' ELSE s."startsAt" + interval '60 minutes' END
         FROM "Session" s, "User" u
        WHERE s.slug = ANY($1) AND s."meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023') AND u.email = $3`,
      [[FULL, PARTIAL], PARTIAL, account.email],
    );
  });
});

test.afterAll(async () => {
  // Leave the demo meeting as seeded for the specs after this one (the evaluation's response count, the deadline).
  await withE2eDatabase(async (client) => {
    await client.query(`DELETE FROM "CreditClaim" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [account.email]);
    await client.query(`DELETE FROM "EvaluationResponse" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [account.email]);
    await client.query(`UPDATE "CreditDesignation" SET "claimDeadline" = $1::date, "evaluationRequired" = $2 WHERE "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')`, [
      designation.claimDeadline,
      designation.evaluationRequired,
    ]);
  });
});

async function signIn(page: Page) {
  await page.goto("/login?redirectTo=%2Fmeetings%2Fsir-2023%2Fcme");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My CME" })).toBeVisible();
}

const sessionRow = (page: Page, slug: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: titles[slug], exact: true }) }).first();

test("the learner evaluates, claims what the evidence supports, downloads the certificate, anyone verifies it, and the learner amends the claim", async ({ page, pageAs, browser }) => {
  test.slow(); // the evaluation, the claim and its amendment, axe on each
  // The meeting evaluation exists (made from its template by the organizer, if no earlier spec did).
  const organizer = await pageAs("organizer");
  await organizer.goto("/organize/sir-2023/cme/evaluations");
  const make = organizer.getByRole("button", { name: "Make the meeting evaluation from its template" });
  if (await make.isVisible()) await make.click();
  await expect(organizer.getByRole("region", { name: "Meeting evaluation" })).toBeVisible();

  await signIn(page);
  const claim = page.getByRole("region", { name: "Claim credit" });
  await expect(claim.getByText("Answer the meeting’s evaluation first")).toBeVisible();
  await expectNoAxeViolations(page);
  await claim.getByRole("link", { name: "Evaluate the meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meeting evaluation" })).toBeVisible();
  for (const group of await page.getByRole("group").filter({ hasText: "Strongly agree" }).all()) await group.getByLabel(/^4 Agree$/).check();
  await page.getByRole("group", { name: /What is your profession/ }).getByLabel("Physician", { exact: true }).check();
  await page.getByRole("group", { name: /What will you change/ }).getByRole("textbox").fill("Refer more PE patients to our response team");
  await page.getByRole("group", { name: /free of commercial bias/ }).getByLabel("Yes, it was free of commercial bias").check();
  await page.getByRole("button", { name: "Send my evaluation" }).click();
  await expect(page.getByText("Thank you: your meeting evaluation is recorded.")).toBeVisible();

  // What the evidence supports: 1.00 for the full hour, 0.50 for 44 minutes.
  await expect(sessionRow(page, FULL).getByText("Claimable 1.00")).toBeVisible();
  await expect(sessionRow(page, PARTIAL).getByText("44 minutes attended")).toBeVisible();
  await expect(sessionRow(page, PARTIAL).getByText("Claimable 0.50")).toBeVisible();
  await expect(claim.getByText("Total: 1.50 credits")).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Dana");
  await expect(page.getByLabel("Last name")).toHaveValue("Reyes");
  await expectNoAxeViolations(page);

  // Above the evidence, and no attestation: both named beside their fields.
  await sessionRow(page, PARTIAL).getByLabel(/Credit claimed/).fill("1.00");
  await expect(claim.getByText("Total: 2.00 credits")).toBeVisible(); // the live total follows
  await page.getByLabel("Degree").fill("MD");
  await page.getByRole("radio", { name: /Physician \(MD, DO or equivalent\)/ }).check();
  await page.getByRole("button", { name: "Claim my credit" }).click();
  await expect(page.getByText("Tick the attestation to claim credit")).toBeVisible();
  await page.getByLabel("I claim only the credit commensurate with the extent of my participation in the activity.").check();
  await page.getByRole("button", { name: "Claim my credit" }).click();
  await expect(sessionRow(page, PARTIAL).getByText(`You can claim at most 0.50 for “${titles[PARTIAL]}”`)).toBeVisible();
  await expectNoAxeViolations(page);

  await sessionRow(page, PARTIAL).getByLabel(/Credit claimed/).fill("0.50");
  await page.getByRole("button", { name: "Claim my credit" }).click();
  await expect(page.getByText("Your claim is recorded and your certificate is ready.")).toBeVisible();
  const record = page.getByRole("region", { name: "My claim" });
  await expect(record.getByText("You claimed 1.50 AMA PRA Category 1 Credits™")).toBeVisible();
  const code = (await record.locator("strong.font-mono").innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(record.getByRole("link", { name: "Download certificate (PDF)" })).toHaveAttribute("href", `/meetings/sir-2023/cme/certificates/${code}.pdf`);
  await expect(record.getByRole("link", { name: "Check it online" })).toHaveAttribute("href", `/verify/${code}`);
  await expectNoAxeViolations(page);

  // The certificate: a PDF whose text names the learner, the credit and its code.
  const downloading = page.waitForEvent("download");
  await record.getByRole("link", { name: "Download certificate (PDF)" }).click();
  const pdf = await readPdf(Buffer.concat(await (await (await downloading).createReadStream()).toArray()));
  expect(pdf.pages).toBe(1);
  expect(pdf.text).toContain("Dana Reyes, MD");
  expect(pdf.text).toContain("1.50 AMA PRA Category 1 Credits™");
  expect(pdf.text).toContain(code);

  // Anyone shown it verifies it, signed out.
  const stranger = await browser.newContext();
  const verifier = await stranger.newPage();
  await verifier.goto(`/verify/${code}`);
  await expect(verifier.getByRole("status")).toContainText("This certificate is valid.");
  await expect(verifier.getByText("Dana Reyes").first()).toBeVisible();

  // Amended: the first version is kept, superseded.
  await record.getByRole("link", { name: "Amend my claim" }).click();
  await expect(sessionRow(page, PARTIAL).getByLabel(/Credit claimed/)).toHaveValue("0.50");
  await sessionRow(page, PARTIAL).getByLabel(/Credit claimed/).fill("0.25");
  await page.getByLabel("I claim only the credit commensurate with the extent of my participation in the activity.").check();
  await page.getByRole("button", { name: "Submit my amended claim" }).click();
  await expect(record.getByText("You claimed 1.25 AMA PRA Category 1 Credits™")).toBeVisible();
  await expect(record.getByText(/^Version 2 · .* · current$/)).toBeVisible();
  await expect(record.getByText(/^Version 1 · .*1\.50 AMA PRA Category 1 Credits™ · superseded$/)).toBeVisible();
  await expect(record.locator("strong.font-mono")).not.toHaveText(code);
  // The first certificate now says it was superseded.
  await verifier.reload();
  await expect(verifier.getByText(/superseded by an amended certificate/)).toBeVisible();
  await stranger.close();

  // On a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/meetings/sir-2023/cme?amend=1");
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
  await expectNoAxeViolations(page);
});

test("without JavaScript the claim form works, and PARS details are asked only with consent", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);
  await page.goto("/meetings/sir-2023/cme?amend=1");
  await expect(page.getByLabel("NPI")).toBeHidden();
  await page.getByLabel(/Report my credit to ACCME/).check();
  await expect(page.getByLabel("NPI")).toBeVisible();
  await page.getByLabel("Birth month").selectOption("4");
  await page.getByLabel("Birth day").fill("17");
  await page.getByLabel("NPI").fill("1234567890");
  await page.getByLabel("I claim only the credit commensurate with the extent of my participation in the activity.").check();
  await page.getByRole("button", { name: "Submit my amended claim" }).click();
  await expect(page.getByText("That is not a valid NPI")).toBeVisible();
  await page.getByLabel("NPI").fill("1234567893");
  await page.getByLabel("I claim only the credit commensurate with the extent of my participation in the activity.").check();
  await page.getByRole("button", { name: "Submit my amended claim" }).click();
  await expect(page.getByText("Your claim is recorded and your certificate is ready.")).toBeVisible();
  await expect(page.getByText(/^Version 3 · /)).toBeVisible();
  await context.close();
});
