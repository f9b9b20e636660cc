// The provider's CME report as the organizer reads it: the headline figures,
// an evaluation chart drawn on the server with its figures in a table, the
// commitments to change without names, and the PARS learner file downloaded
// with a consenting physician's line; on a phone too. An attendee is refused.
import { openCmeConsolePage } from "./cme-console";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";

// A seeded attendee who claimed and agreed to PARS reporting (the claim form is another part's page).
const LEARNER = "g.liu@example.org";

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await client.query(`UPDATE "CreditDesignation" SET "accmeProviderId" = '0001234', "parsActivityId" = 'SIR23-ASM' WHERE "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')`);
    await client.query(
      `INSERT INTO "CreditClaim" (id, "meetingId", "userId")
       SELECT 'e2e-report-claim', m.id, u.id FROM "Meeting" m, "User" u WHERE m.slug = 'sir-2023' AND u.email = $1
       ON CONFLICT DO NOTHING`,
      [LEARNER],
    );
    await client.query(
      `INSERT INTO "CreditClaimVersion" (id, "claimId", number, "creditType", "totalQuarters", "attestedAt", "firstName", "lastName", degree, "parsConsent", "birthMonth", "birthDay", "licenseState", "licenseNumber", "createdAt")
       VALUES ('e2e-report-claim-1', 'e2e-report-claim', 1, 'AMA_PRA', 6, TIMESTAMPTZ '2023-03-10 18:00Z', 'Grace', 'Liu', 'MD', true, 3, 9, 'AZ', 'AZ-4711', TIMESTAMPTZ '2023-03-10 18:00Z')
       ON CONFLICT DO NOTHING`,
    );
    // Her 1.50 credits: 1.00 and 0.50 in the first two accredited sessions.
    await client.query(
      `INSERT INTO "CreditClaimSession" (id, "versionId", "sessionId", quarters, minutes)
       SELECT 'e2e-report-claim-1-' || n, 'e2e-report-claim-1', s.id, CASE n WHEN 1 THEN 4 ELSE 2 END, CASE n WHEN 1 THEN 60 ELSE 30 END
         FROM (SELECT id, row_number() OVER (ORDER BY "startsAt", slug) AS n FROM "Session"
                WHERE "cmeAccredited" AND "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')) s
        WHERE n <= 2
       ON CONFLICT DO NOTHING`,
    );
  });
});

test.describe("the organizer", () => {
  test.use({ signedInAs: "organizer" });

  test("reads the report, a chart and its table, and downloads the PARS file", async ({ page }) => {
    await openCmeConsolePage(page, "/organize/sir-2023/cme/report", { heading: "CME report", tab: "Report" });
    await expect(page.getByRole("term").filter({ hasText: "Physicians, AMA PRA" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Credit claimed by session" }).getByRole("img", { name: "Credit claimed per session" })).toBeVisible();

    // A chart drawn on the server: an image named by its question, with the figures in a table under it.
    const evaluation = page.getByRole("region", { name: "Meeting evaluation" });
    const chart = evaluation.getByRole("figure").filter({ has: page.getByRole("img", { name: "Answers to “The meeting met its stated learning objectives.”" }) });
    await expect(chart.getByRole("img")).toBeVisible();
    await chart.getByText("The figures as a table").click();
    const agree = chart.getByRole("row", { name: /^5 Strongly agree \d+$/ });
    await expect(agree).toBeVisible();
    expect(Number(await agree.getByRole("cell").innerText())).toBeGreaterThan(0);

    const commitments = page.getByRole("region", { name: "Commitments to change" });
    await expect(commitments.getByRole("listitem").first()).toBeVisible();
    await expect(commitments.getByText(/Grace|Liu|@example/)).toHaveCount(0);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PARS learner file (tab-delimited text)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sir-2023-pars-learners-\d{4}-\d{2}-\d{2}\.txt$/);
    const lines = (await (await download.createReadStream()).toArray()).join("").split("\r\n");
    const grace = lines.find((line) => line.includes("\tGrace\tLiu\t"));
    expect(grace?.split("\t")).toEqual(["0001234", "SIR23-ASM", "Grace", "Liu", "3", "9", "", "AZ", "AZ-4711", "", "", "03/10/2023", "1.50"]);

    const claims = await (await page.request.get("/organize/sir-2023/cme/report/claims.csv")).text();
    expect(claims.split("\n")[0]).toContain("Name,Degree,E-mail,Credit type,Credits");
    expect(claims).toContain(`Grace Liu,MD,${LEARNER},AMA PRA Category 1 Credit™,1.50`);

    const answers = await (await page.request.get("/organize/sir-2023/cme/report/evaluation.csv?scope=meeting")).text();
    expect(answers.split("\n")[0]).toContain("The meeting met its stated learning objectives.");
    expect(answers).not.toMatch(/@example|Grace Liu|Sam Patel/);

    // A phone: nothing wider than the screen, charts included.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await expectNoAxeViolations(page);
  });
});

test.describe("an attendee", () => {
  test.use({ signedInAs: "attendee" });

  test("is refused the report and its files", async ({ page }) => {
    expect((await page.goto("/organize/sir-2023/cme/report"))?.status()).toBe(403);
    for (const file of ["claims.csv", "evaluation.csv?scope=meeting", "pars.txt"]) expect((await page.request.get(`/organize/sir-2023/cme/report/${file}`)).status()).toBe(403);
  });
});
