// The committee's decisions on a phone: an oral proposed but not placed is
// flagged, placed into an abstract session of the draft, a reject needs a
// reason, the notifications are previewed and sent once, and the presenter
// confirms. The spec arranges a meeting of its own (placing changes the draft,
// which other specs count on staying put, and the seeded call is decided already).
import { randomUUID } from "node:crypto";
import { href } from "../app/utils/href";
import { expectNoAxeViolations } from "./accessibility";
import { grantRole, insertMeeting, withE2eDatabase } from "./database";
import { expect, test, type Page } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

type Arranged = { slug: string; oral: { id: string; title: string }; other: { id: string; title: string } };

async function arrange(): Promise<Arranged> {
  const tag = randomUUID().slice(0, 8);
  const slug = `e2e-abstracts-${tag}`;
  const id = () => randomUUID();
  return withE2eDatabase(async (client) => {
    const meetingId = await insertMeeting(client, { slug, name: `Abstracts Meeting ${tag}`, description: "For a test." });
    const roomId = id();
    await client.query(`INSERT INTO "Room" (id, "meetingId", name, kind, position) VALUES ($1, $2, 'Hall A', 'ROOM', 0)`, [roomId, meetingId]);
    await client.query(
      `INSERT INTO "Session" (id, "meetingId", slug, title, kind, "startsAt", "endsAt", "roomId") VALUES ($1, $2, 'orals', 'Embolization Orals', 'ABSTRACT_SESSION', '2027-03-21T16:00:00Z', '2027-03-21T17:00:00Z', $3)`,
      [id(), meetingId, roomId],
    );
    await grantRole(client, meetingId, "organizer@example.org", "ORGANIZER");
    const callId = id();
    await client.query(`INSERT INTO "AbstractCall" (id, "meetingId", "opensAt", "closesAt", "confirmBy") VALUES ($1, $2, now() - interval '60 days', now() - interval '1 day', now() + interval '30 days')`, [callId, meetingId]);
    const submitter = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'attendee@example.org'`)).rows[0]!.id;
    const abstract = async (number: number, title: string, decision: string | null) => {
      const abstractId = id();
      await client.query(
        `INSERT INTO "Abstract" (id, "callId", number, "submitterId", title, status, "submittedAt", decision, "decidedAt") VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', now(), $6::"AbstractDecision", CASE WHEN $6 IS NULL THEN NULL ELSE now() END)`,
        [abstractId, callId, number, submitter, title, decision],
      );
      await client.query(`INSERT INTO "AbstractAuthor" (id, "abstractId", position, name, institution, country, presenting) VALUES ($1, $2, 0, $3, 'Mayo Clinic', 'USA', true)`, [id(), abstractId, `Presenter ${number} ${tag}`]);
      return { id: abstractId, title };
    };
    return { slug, oral: await abstract(1, `Radioembolization outcomes ${tag}`, "ORAL"), other: await abstract(2, `A weak study ${tag}`, null) };
  });
}

/** Reads well on a phone: nothing past the right edge, and no accessibility violations. */
async function expectPhoneReadable(page: Page) {
  await expectNoAxeViolations(page);
  const { scrollWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("the chairs place an oral, reject with a reason, send the notifications once, and the presenter confirms", async ({ pageAs }) => {
  const arranged = await arrange();
  const page = await pageAs("organizer", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(href.organize.abstractDecisions(arranged.slug));
  await expect(page.getByRole("heading", { name: "Decisions", level: 1 })).toBeVisible();
  await expect(page.getByText("Accepted as oral but not placed in a session: abstract 1.")).toBeVisible();
  await expectPhoneReadable(page);

  await page.getByLabel("Abstract session").selectOption("orals");
  await page.getByRole("button", { name: "Place abstract 1 in the session" }).click();
  await expect(page.getByText("Placed in the draft: publish from Publish.", { exact: true })).toBeVisible();
  await expect(page.getByText("Accepted as oral but not placed")).toHaveCount(0);
  await expect(page.getByText(/In Embolization Orals, Sunday, March 21, 2027, 9:00–9:08 AM/)).toBeVisible();

  await page.locator(`#decision-${arranged.other.id}`).selectOption("REJECT");
  await page.getByRole("button", { name: "Propose a decision for abstract 2" }).click();
  await expect(page.getByText("Give the reason for rejecting")).toBeVisible();
  await page.locator(`#decision-${arranged.other.id}`).selectOption("REJECT");
  await page.locator(`#reason-${arranged.other.id}`).fill("Too few patients to conclude.");
  await page.getByRole("button", { name: "Propose a decision for abstract 2" }).click();
  await expect(page.getByText("Abstract 2 proposed as reject.")).toBeVisible();

  await page.goto(href.organize.abstractNotifications(arranged.slug));
  await expect(page.getByText("Embolization Orals")).toBeVisible();
  await expect(page.getByText("Too few patients to conclude.")).toBeVisible();
  await expectPhoneReadable(page);
  await page.getByRole("button", { name: "Send 2 notifications" }).click();
  await expect(page.getByText(/Queued 2 e-mails telling the authors of 2 abstracts/)).toBeVisible();
  await expect(page.getByText("Nothing to send")).toBeVisible();

  const author = await pageAs("attendee", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await author.goto(href.abstractConfirm(arranged.slug, arranged.other.id));
  await expect(author.getByText("This abstract was not accepted")).toBeVisible();
  await author.goto(href.abstractConfirm(arranged.slug, arranged.oral.id));
  await expect(author.getByRole("heading", { name: "Confirm your presentation" })).toBeVisible();
  await expectPhoneReadable(author);
  await author.getByRole("button", { name: /Confirm: the presenting author will present/ }).click();
  await expect(author.getByText("Thank you: your place is confirmed.")).toBeVisible();
});
