// Certificates as their holders and verifiers see them. A learner of the
// test's own has a claim at SIR 2023, amended once (two certificates). Signed
// out, anyone types the current code into /verify (loosely, in lower case)
// and reads that it is valid; the first code says it was superseded; an
// unknown code is a 404 that says so. Signed in, the learner finds the
// transcript from the account page and downloads the PDF. On a laptop, and on
// a phone without JavaScript; axe on every page of the laptop's journeys.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount, withE2eDatabase } from "./database";
import { signInWithForm } from "./sign-in";

const FIRST = "E2EC-0000-0001";
const CURRENT = "E2EC-0000-0002";
let learner: { email: string; password: string };

/** What issueCertificate stores, written by hand: the spec arranges rows the way the claim form leaves them. */
function snapshot(claimVersion: number, quarters: number, issuedOn: string) {
  return {
    learner: { name: "Maria-Fernanda Castellanos-Villalobos", degree: "DO, PhD, FSIR" },
    meeting: { name: "SIR 2023 Annual Scientific Meeting", slug: "sir-2023", dates: "March 4–9, 2023", place: "Phoenix Convention Center, Phoenix" },
    provider: "Society of Interventional Radiology",
    creditType: "AMA_PRA",
    credits: [{ label: "AMA PRA Category 1 Credits™", quarters }],
    accreditationStatement: "The Society of Interventional Radiology is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.",
    designationStatement: "The Society of Interventional Radiology designates this live activity for a maximum of 30.00 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.",
    issuedOn,
    claimVersion,
  };
}

test.beforeAll(async () => {
  learner = await makeAccount("Maria-Fernanda Castellanos-Villalobos", "a good password");
  await withE2eDatabase(async (db) => {
    await db.query(`DELETE FROM "Certificate" WHERE code IN ($1, $2)`, [FIRST, CURRENT]);
    const claimId = randomUUID();
    await db.query(`INSERT INTO "CreditClaim" (id, "meetingId", "userId") SELECT $1, m.id, u.id FROM "Meeting" m, "User" u WHERE m.slug = 'sir-2023' AND u.email = $2`, [claimId, learner.email]);
    for (const [number, code, quarters, issuedOn] of [
      [1, FIRST, 10, "2023-03-20"],
      [2, CURRENT, 14, "2023-03-25"],
    ] as const) {
      const versionId = randomUUID();
      await db.query(
        `INSERT INTO "CreditClaimVersion" (id, "claimId", number, "creditType", "totalQuarters", "attestedAt", "firstName", "lastName", degree)
         VALUES ($1, $2, $3, 'AMA_PRA', $4, $5, 'Maria-Fernanda', 'Castellanos-Villalobos', 'DO, PhD, FSIR')`,
        [versionId, claimId, number, quarters, `${issuedOn}T18:00:00Z`],
      );
      await db.query(`INSERT INTO "Certificate" (id, "versionId", code, "issuedAt", snapshot) VALUES ($1, $2, $3, $4, $5)`, [
        randomUUID(),
        versionId,
        code,
        `${issuedOn}T18:00:00Z`,
        JSON.stringify(snapshot(number, quarters, issuedOn)),
      ]);
    }
  });
});

test.afterAll(async () => {
  // The claim leaves with its versions and certificates: the provider's reports in other specs count the seeded claims only.
  await withE2eDatabase((db) => db.query(`DELETE FROM "CreditClaim" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [learner.email]));
});

/** `checkAxe` is off without JavaScript: axe runs in the page. */
async function verifySignedOut(page: Page, checkAxe = true) {
  const axe = async () => {
    if (checkAxe) await expectNoAxeViolations(page);
  };
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1, name: "Verify a CME certificate" })).toBeVisible();
  await axe();
  await page.getByLabel("Verification code").fill(CURRENT.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`/verify/${CURRENT}`);
  await expect(page.getByRole("status")).toContainText("This certificate is valid.");
  const certificate = page.getByRole("region", { name: "The certificate" });
  await expect(certificate).toContainText("Maria-Fernanda Castellanos-Villalobos, DO, PhD, FSIR");
  await expect(certificate).toContainText("SIR 2023 Annual Scientific Meeting");
  await expect(certificate).toContainText("March 4–9, 2023");
  await expect(certificate).toContainText("3.50 AMA PRA Category 1 Credits™");
  await expect(certificate).toContainText("March 25, 2023");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await axe();

  await page.goto(`/verify/${FIRST}`);
  await expect(page.getByRole("status")).toContainText("This certificate was superseded by an amended certificate issued on March 25, 2023.");
  await expect(page.getByRole("status")).toContainText("3.50 AMA PRA Category 1 Credits™");
  await expect(page.getByRole("region", { name: "What this certificate says" })).toContainText("2.50 AMA PRA Category 1 Credits™");
  await expect(page.getByText(CURRENT)).toHaveCount(0);
  await axe();

  const unknown = await page.goto("/verify/0000-0000-0000");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText("No certificate has this code. Check it against the certificate.")).toBeVisible();
  await axe();
}

test("a verifier confirms a certificate signed out, on a laptop", async ({ page }) => {
  await verifySignedOut(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("without JavaScript, a verifier confirms a certificate signed out", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false });
    await verifySignedOut(await context.newPage(), false);
    await context.close();
  });

  test("the verification page fits the screen, a long name included", async ({ page }) => {
    await page.goto(`/verify/${CURRENT}`);
    await expect(page.getByRole("status")).toContainText("This certificate is valid.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
  });
});

test("the learner finds the transcript from the account and downloads the certificate", async ({ page }) => {
  await page.goto("/login?redirectTo=%2Faccount");
  await signInWithForm(page, learner);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("link", { name: "Your CME transcript" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CME transcript" })).toBeVisible();
  const entry = page.getByRole("article", { name: "SIR 2023 Annual Scientific Meeting" });
  await expect(entry).toContainText("3.50 AMA PRA Category 1 Credits™");
  await expect(entry).toContainText("Amended (version 2)");
  await expect(entry).toContainText(CURRENT);
  await expect(entry.getByRole("listitem")).toContainText(["Superseded"]);
  await expect(entry.getByRole("listitem")).toContainText(FIRST);
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await entry.getByRole("link", { name: /^Download PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`sir-2023-cme-certificate-${CURRENT}.pdf`);
  const bytes = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");

  await entry.getByRole("link", { name: /^Verification page/ }).click();
  await expect(page).toHaveURL(`/verify/${CURRENT}`);
  await expect(page.getByRole("status")).toContainText("This certificate is valid.");
});
