// Evidence of attendance as people see it: the demo attendee's My CME lists
// the sessions he watched online, sat in and both, with minutes (the seed's
// intervals and door scans); the organizer sees the same figures per session,
// opens his full record and exports the CSV; an attendee is refused the
// console's attendance pages, and a signed-out visitor is asked to sign in.
import { openCmeConsolePage } from "./cme-console";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";

test.beforeAll(async () => {
  // My CME is in the navigation of meetings that offer credit.
  await withE2eDatabase((client) =>
    client.query(
      `INSERT INTO "CreditDesignation" ("id", "meetingId", "provider", "accreditationStatement", "designationStatement", "maxCreditQuarters", "claimDeadline")
       SELECT 'e2e-cme-attendance', "id", 'The Society of Interventional Radiology',
              'The Society of Interventional Radiology is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.',
              'The Society of Interventional Radiology designates this live activity for a maximum of 30.00 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
              120, DATE '2023-06-30'
         FROM "Meeting" WHERE "slug" = 'sir-2023'
       ON CONFLICT ("meetingId") DO NOTHING`,
    ),
  );
});

const SEEDED = [
  { title: "TACE vs. TARE for Intermediate-Stage HCC", minutes: "83 minutes", source: "Online" },
  { title: "Pulmonary Embolism: Catheter-Directed Therapy", minutes: "65 minutes", source: "In the room" },
  { title: "Radiation Segmentectomy for Early-Stage HCC", minutes: "55 minutes", source: "Online and in the room" },
];

test.describe("My CME", () => {
  test.use({ signedInAs: "attendee" });

  test("lists each attended session with its minutes and where, on a laptop and a phone", async ({ page }) => {
    await page.goto("/meetings/sir-2023");
    await page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "My CME" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My CME" })).toBeVisible();
    await expect(page).toHaveTitle("My CME · SIR 2023 Annual Scientific Meeting");
    for (const { title, minutes, source } of SEEDED) {
      const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });
      await expect(row.getByText(minutes, { exact: true })).toBeVisible();
      await expect(row.getByText(source, { exact: true })).toBeVisible();
    }
    await expect(page.getByText(/is accredited by the Accreditation Council for Continuing Medical Education \(ACCME\)/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await expectNoAxeViolations(page);
  });

  test("the console's attendance pages refuse an attendee", async ({ page }) => {
    expect((await page.goto("/organize/sir-2023/cme/attendance"))?.status()).toBe(403);
    expect((await page.request.get("/organize/sir-2023/cme/attendance.csv")).status()).toBe(403);
  });
});

test("signed out, My CME asks to sign in and comes back", async ({ page }) => {
  await page.goto("/meetings/sir-2023/cme");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmeetings%2Fsir-2023%2Fcme/);
});

test.describe("the organizer's attendance pages", () => {
  test.use({ signedInAs: "organizer" });

  test("figures per session, one person's full record, and the CSV", async ({ page }) => {
    await openCmeConsolePage(page, "/organize/sir-2023/cme/attendance", { heading: "Attendance", tab: "Attendance" });
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: SEEDED[2]!.title }) });
    // Online, in the room, people, average minutes: Sam, the one person there, was in both.
    expect((await row.getByRole("cell").allInnerTexts()).slice(-4)).toEqual(["1", "1", "1", "55"]);
    await expectNoAxeViolations(page);

    await page.getByLabel("Name, e-mail or registration code").fill("SIR23-DEMO0001");
    await page.getByRole("button", { name: "Find" }).click();
    await page.getByRole("link", { name: "Sam Patel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Attendance of Sam Patel" })).toBeVisible();
    const pe = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: SEEDED[1]!.title }) });
    await expect(pe.getByText(/^In 9:58 AM \(.+\), Out 11:05 AM \(.+\)$/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Meeting entrance" }).getByText(/^In Saturday, March 4, 2023, 7:35 AM .+ \(scanned by .+\)$/)).toBeVisible();
    await expectNoAxeViolations(page);

    const csv = await (await page.request.get("/organize/sir-2023/cme/attendance.csv")).text();
    const line = csv.split("\n").find((text) => text.includes("attendee@example.org") && text.includes("radiation-segmentectomy-for-early-stage-hcc"));
    expect(line).toMatch(/,20,35,55,Online and in the room\r?$/);
  });
});
