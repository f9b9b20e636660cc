import { expect, test } from "./fixtures";
import { makeAccount, withE2eDatabase } from "./database";

test("shots", async ({ page, pageAs }) => {
  test.slow();
  const account = await makeAccount("Dana Reyes", "claim-journey-password");
  await withE2eDatabase(async (client) => {
    await client.query(`UPDATE "CreditDesignation" SET "claimDeadline" = DATE '2099-12-31', "evaluationRequired" = false, "allowSelfReported" = true WHERE "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')`);
    await client.query(`UPDATE "Session" SET "saCme" = true WHERE slug = 'tace-vs-tare-for-intermediate-stage-hcc'`);
    await client.query(
      `INSERT INTO "AttendanceInterval" (id, "sessionId", "userId", "startedAt", "endedAt")
       SELECT gen_random_uuid()::text, s.id, u.id, s."startsAt", s."startsAt" + interval '44 minutes'
         FROM "Session" s, "User" u
        WHERE s.slug = ANY($1) AND s."meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023') AND u.email = $2`,
      [["tace-vs-tare-for-intermediate-stage-hcc", "pulmonary-embolism-catheter-directed-therapy"], account.email],
    );
  });
  await page.goto("/login?redirectTo=%2Fmeetings%2Fsir-2023%2Fcme");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My CME" })).toBeVisible();
  await page.screenshot({ path: ".data/claims-form.png", fullPage: true });
  await page.getByText(/Sessions without a record/).click();
  await page.screenshot({ path: ".data/claims-selfreport.png" });
  await page.getByText(/Sessions without a record/).click();
  await page.getByLabel(/Report my credit to ACCME/).check();
  await page.getByRole("button", { name: "Claim my credit" }).click();
  await page.screenshot({ path: ".data/claims-errors.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: ".data/claims-form-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel(/Report my credit to ACCME/).uncheck();
  await page.getByLabel("Degree").fill("MD");
  await page.getByLabel("I claim only the credit commensurate with the extent of my participation in the activity.").check();
  await page.getByRole("button", { name: "Claim my credit" }).click();
  await expect(page.getByText("Your claim is recorded")).toBeVisible();
  await page.screenshot({ path: ".data/claims-record.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: ".data/claims-record-phone.png", fullPage: true });
  const attendee = await pageAs("attendee");
  await attendee.goto("/meetings/sir-2023/cme");
  await withE2eDatabase((client) => client.query(`UPDATE "CreditDesignation" SET "claimDeadline" = DATE '2023-07-10' WHERE "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')`));
  await page.reload();
  await page.screenshot({ path: ".data/claims-closed-phone.png", fullPage: true });
  await attendee.reload();
  await attendee.screenshot({ path: ".data/claims-closed-sam.png", fullPage: true });
});
