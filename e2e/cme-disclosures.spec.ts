// Faculty disclosures in Chromium, end to end: an organizer sends the
// requests, a faculty member opens the personal link from the e-mail (on a
// phone, without JavaScript) and discloses a relationship, the organizer sees
// the warning on Clashes, marks it relevant and records the mitigation, the
// warning is gone, and a learner sees the disclosure on the session page. A
// guessed or expired link is a 404. The meeting is the spec's own, a month
// ahead, so the answers are still editable and no other spec sees it.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount, withE2eDatabase } from "./database";
import { linkMailedTo } from "./outbox";
import { signInWithForm } from "./sign-in";

const tag = randomUUID().slice(0, 8);
const slug = `e2e-disclosures-${tag}`;
const session = "embolic-agents-update";
const raman = { name: "Priya Raman", email: `priya-raman-${tag}@example.org` };
const ibarra = { name: "Tomás Ibarra", email: `tomas-ibarra-${tag}@example.org` };

test.beforeAll(async () => {
  const day = 24 * 3600 * 1000;
  const start = new Date(Date.now() + 30 * day);
  start.setUTCHours(16, 0, 0, 0);
  const date = (at: Date) => at.toISOString().slice(0, 10);
  await withE2eDatabase(async (client) => {
    const meetingId = `m-${tag}`;
    await client.query(
      `INSERT INTO "Meeting" (id, slug, name, "societyId", "startsOn", "endsOn", "timeZone", format, description)
       SELECT $1, $2, $3, id, $4::date, $5::date, 'America/Phoenix', 'VIRTUAL', 'A meeting of the disclosure spec.' FROM "Society" WHERE slug = 'sir'`,
      [meetingId, slug, `Disclosure Test Meeting ${tag}`, date(start), date(new Date(start.getTime() + day))],
    );
    await client.query(`INSERT INTO "Room" (id, "meetingId", name, kind) VALUES ($1, $2, 'Channel 1', 'VIRTUAL_CHANNEL')`, [`r-${tag}`, meetingId]);
    await client.query(
      `INSERT INTO "Session" (id, "meetingId", slug, title, description, kind, "startsAt", "endsAt", "roomId", "cmeAccredited")
       VALUES ($1, $2, $3, 'Embolic Agents Update', 'What is new in embolic agents.', 'SCIENTIFIC_SESSION', $4, $5, $6, true)`,
      [`s-${tag}`, meetingId, session, start, new Date(start.getTime() + 3600 * 1000), `r-${tag}`],
    );
    for (const [index, person] of [raman, ibarra].entries()) {
      const speakerId = `sp-${index}-${tag}`;
      await client.query(`INSERT INTO "Speaker" (id, "meetingId", slug, name, country, email) VALUES ($1, $2, $3, $4, 'United States', $5)`, [
        speakerId,
        meetingId,
        `speaker-${index}`,
        person.name,
        person.email,
      ]);
      await client.query(`INSERT INTO "SessionSpeaker" (id, "sessionId", "speakerId", role, position) VALUES ($1, $2, $3, $4, 0)`, [
        `ss-${index}-${tag}`,
        `s-${tag}`,
        speakerId,
        index === 0 ? "SPEAKER" : "MODERATOR",
      ]);
    }
  });
});

test("an organizer asks, faculty disclose by their link, the organizer mitigates, learners see it", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const organizer = await makeAccount("Disclosure Organizer", "a long organizer password", [{ meeting: slug, role: "ORGANIZER" }]);
  await page.goto("/login");
  await signInWithForm(page, organizer);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  await page.goto(`/organize/${slug}/cme/disclosures`);
  await expect(page.getByRole("heading", { level: 1, name: "Faculty disclosures" })).toBeVisible();
  await expect(page.getByText("Not asked yet")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send requests to everyone not yet asked (2)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Asked 2 people to disclose." })).toBeVisible();

  // The faculty member opens the link from the e-mail on a phone, without JavaScript.
  let link: string | undefined;
  await expect.poll(async () => (link = await linkMailedTo(raman.email, "/disclosures/")), { timeout: 30_000 }).toBeTruthy();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const faculty = await phone.newPage();
  await faculty.goto(new URL(link!).pathname);
  await expect(faculty.getByRole("heading", { level: 1, name: "Disclosure of financial relationships" })).toBeVisible();
  await expect(faculty.getByText(`For ${raman.name}`)).toBeVisible();
  await expect(faculty.getByText("Embolic Agents Update")).toBeVisible();
  // axe runs in the page's JavaScript: the same page in a phone context that has it.
  const checked = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await checked.goto(new URL(link!).pathname);
  await expectNoAxeViolations(checked);
  await checked.context().close();

  // Nothing chosen: a field error, nothing saved.
  await faculty.getByRole("button", { name: "Submit my disclosure" }).click();
  await expect(faculty.getByText("Choose whether you have financial relationships with ineligible companies")).toBeVisible();

  await faculty.getByLabel(/I have had financial relationships with ineligible companies/).check();
  await faculty.getByLabel("Ineligible company").fill("Meridian Vascular Devices");
  await faculty.getByLabel("Nature of the relationship").selectOption("CONSULTANT");
  await faculty.getByLabel("Ongoing", { exact: true }).check();
  // Rows come and go by submit buttons, keeping what was typed.
  await faculty.getByRole("button", { name: "Add a relationship" }).click();
  await expect(faculty.getByRole("heading", { name: "Relationship 2" })).toBeVisible();
  await expect(faculty.getByLabel("Ineligible company").first()).toHaveValue("Meridian Vascular Devices");
  await faculty.getByRole("button", { name: "Remove relationship 2" }).click();
  await expect(faculty.getByRole("heading", { name: "Relationship 2" })).toHaveCount(0);
  await faculty.getByRole("button", { name: "Submit my disclosure" }).click();
  await expect(faculty.getByText(/Thank you: your disclosure was saved/)).toBeVisible();
  await expect(faculty.getByLabel("Ineligible company")).toHaveValue("Meridian Vascular Devices");

  // The moderator has none.
  let other: string | undefined;
  await expect.poll(async () => (other = await linkMailedTo(ibarra.email, "/disclosures/")), { timeout: 30_000 }).toBeTruthy();
  // With JavaScript this time: an empty submission is refused, a row still comes and goes, "none" saves.
  const withScript = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await withScript.goto(new URL(other!).pathname);
  await withScript.getByRole("button", { name: "Submit my disclosure" }).click();
  await expect(withScript.getByText("Choose whether you have financial relationships with ineligible companies")).toBeVisible();
  await withScript.getByRole("button", { name: "Add a relationship" }).click();
  await expect(withScript.getByRole("heading", { name: "Relationship 2" })).toBeVisible();
  await withScript.getByRole("button", { name: "Remove relationship 2" }).click();
  await expect(withScript.getByRole("heading", { name: "Relationship 2" })).toHaveCount(0);
  await withScript.getByLabel("I have no financial relationships with ineligible companies in the past 24 months.").check();
  await withScript.getByRole("button", { name: "Submit my disclosure" }).click();
  await expect(withScript.getByText(/Thank you: your disclosure was saved/)).toBeVisible();
  await withScript.context().close();

  // The warning on Clashes: a relationship nobody has judged yet.
  await page.goto(`/organize/${slug}/clashes`);
  const warning = page.getByRole("region", { name: /Warning: CME disclosures \(1\)/ });
  await expect(warning.getByText(`“Embolic Agents Update” is accredited for CME: ${raman.name} has relationships not yet reviewed.`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Publish lists it too, without asking for a confirmation (warnings do not block publishing).
  await page.goto(`/organize/${slug}/publish`);
  await expect(page.getByText("Warning: 1 accredited session without complete CME disclosures (this does not block publishing).")).toBeVisible();
  await expect(page.getByLabel("I have looked at the clashes and want to publish anyway")).toHaveCount(0);

  await page.goto(`/organize/${slug}/cme/disclosures`);
  await page.getByRole("radio", { name: "Relevant", exact: true }).check();
  await page.getByLabel("How it was mitigated (for a relevant relationship)").fill("Content peer reviewed by the program committee for commercial bias");
  await page.getByRole("button", { name: `Save the review of ${raman.name}'s relationship with Meridian Vascular Devices` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Review of ${raman.name}'s relationship saved.` })).toBeVisible();
  await page.getByText(/^History \(2\)/).first().click();
  await expect(page.getByText(/^Reviewed by Disclosure Organizer, .*: Meridian Vascular Devices \(Consultant, ongoing; relevant, mitigated: Content peer reviewed/)).toBeVisible();
  await expect(page.getByText(new RegExp(`^Submitted by ${raman.name}, .*: Meridian Vascular Devices \\(Consultant, ongoing\\)$`))).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/organize/${slug}/clashes`);
  await expect(page.getByRole("heading", { level: 1, name: "Clashes" })).toBeVisible();
  await expect(page.getByText(/Warning: CME disclosures/)).toHaveCount(0);

  // A learner sees the disclosure on the session page, before the session.
  const learner = await (await browser.newContext()).newPage();
  await learner.goto(`/meetings/${slug}/sessions/${session}`);
  const disclosures = learner.getByRole("region", { name: "Faculty disclosures" });
  await expect(disclosures.getByText(`${ibarra.name} has no relevant financial relationships with ineligible companies.`)).toBeVisible();
  await expect(disclosures.getByText("Meridian Vascular Devices: Consultant")).toBeVisible();
  await expect(disclosures.getByText("All relevant financial relationships have been mitigated.")).toBeVisible();
  await expectNoAxeViolations(learner);
  // And on the live page, above the stream, open while the session has not started.
  await learner.goto(`/meetings/${slug}/sessions/${session}/live`);
  await expect(learner.getByText("Faculty disclosures", { exact: true })).toBeVisible();
  await expect(learner.getByText("Meridian Vascular Devices: Consultant")).toBeVisible();
  await expect(learner.getByText("All relevant financial relationships have been mitigated.")).toBeVisible();

  // A guessed link, and the faculty member's link once expired, are 404s that say why.
  const guessed = await faculty.goto("/disclosures/not-a-real-link-at-all");
  expect(guessed?.status()).toBe(404);
  await expect(faculty.getByRole("heading", { name: "This disclosure link does not work" })).toBeVisible();
  await withE2eDatabase((client) => client.query(`UPDATE "Disclosure" SET "tokenExpiresAt" = now() - interval '1 minute' WHERE email = $1`, [raman.email]));
  const expired = await faculty.goto(new URL(link!).pathname);
  expect(expired?.status()).toBe(404);
  await expect(faculty.getByText(/was replaced by a newer one, or has expired/)).toBeVisible();

  // Once the session has started, the moderator's link shows the answer read-only.
  await withE2eDatabase((client) => client.query(`UPDATE "Session" SET "startsAt" = now() - interval '1 hour', "endsAt" = now() WHERE id = $1`, [`s-${tag}`]));
  await faculty.goto(new URL(other!).pathname);
  await expect(faculty.getByText("Your session has started, so this disclosure can no longer be changed.", { exact: false })).toBeVisible();
  await expect(faculty.getByText("I have no financial relationships with ineligible companies in the past 24 months.")).toBeVisible();
  await expect(faculty.getByRole("button", { name: /Submit my disclosure|Save changes/ })).toHaveCount(0);
  await phone.close();
});
