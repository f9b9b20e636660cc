// Program changes reach the people they touch, in Chromium: an organizer moves
// one session of the attendee's schedule to another time and room and cancels
// another, and publishes; the attendee sees the count in the meeting's
// navigation, opens My schedule and finds each session marked with what
// changed, old → new; once the page has shown the marks, the count goes, and
// the next visit marks nothing. axe checks the marked page.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";

const MOVED = { slug: "prostatic-artery-embolization", title: "Prostatic Artery Embolization" };
const CANCELLED = { slug: "women-in-ir-virtual-networking-hour", title: "Women in IR Virtual Networking Hour" };

test.beforeAll(async () => {
  // The attendee follows both sessions: ScheduleItem rows, as "Add to my schedule" would make.
  await withE2eDatabase((client) =>
    client.query(
      `INSERT INTO "ScheduleItem" ("id", "userId", "sessionId")
       SELECT 'e2e-changes-' || s."slug", u."id", s."id" FROM "User" u, "Session" s JOIN "Meeting" m ON m."id" = s."meetingId"
        WHERE u."email" = 'attendee@example.org' AND m."slug" = 'sir-2023' AND s."slug" = ANY($1)
       ON CONFLICT DO NOTHING`,
      [[MOVED.slug, CANCELLED.slug]],
    ),
  );
});

async function editSession(organizer: Page, slug: string, edit: (page: Page) => Promise<void>) {
  await organizer.goto(`/organize/sir-2023/sessions/${slug}`);
  await edit(organizer);
  await organizer.getByRole("button", { name: "Save to the draft" }).click();
  await expect(organizer.getByText("Saved to the draft.")).toBeVisible();
}

test("a published change is marked on the attendee's schedule and counted in the navigation until seen", async ({ pageAs }) => {
  const organizer = await pageAs("organizer");
  // Mon Mar 6, 3:30–5:00 PM in Channel 1 → 4:00–5:30 PM in Channel 3.
  await editSession(organizer, MOVED.slug, async (page) => {
    await expect(page.getByLabel(/^Starts/)).toHaveValue("15:30");
    await page.getByLabel(/^Starts/).fill("16:00");
    await page.getByLabel(/^Ends/).fill("17:30");
    await page.getByLabel("Room or channel").selectOption("Channel 3 – Clinical Hall B");
  });
  await editSession(organizer, CANCELLED.slug, async (page) => {
    await page.getByLabel("Status").selectOption("CANCELLED");
  });
  await organizer.goto("/organize/sir-2023/publish");
  const confirm = organizer.getByLabel("I have looked at the clashes and want to publish anyway");
  if (await confirm.isVisible()) await confirm.check();
  await organizer.getByRole("button", { name: /^Publish release/ }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /Release \d+ is published/ })).toBeVisible();

  const attendee = await pageAs("attendee");
  await attendee.goto("/meetings/sir-2023");
  const mySchedule = attendee.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: /My schedule/ });
  await expect(mySchedule).toHaveAccessibleName("My schedule 2 changed sessions");

  await mySchedule.click();
  await expect(attendee.getByRole("heading", { level: 1, name: "My schedule" })).toBeVisible();
  await expect(attendee.getByRole("heading", { level: 2, name: /2 sessions in your schedule changed since you last looked/ })).toBeVisible();
  const moved = attendee.getByRole("listitem").filter({ has: attendee.getByRole("heading", { level: 3, name: MOVED.title }) });
  await expect(moved.getByText("Changed", { exact: true })).toBeVisible();
  await expect(moved.getByRole("listitem").filter({ hasText: /^Time:/ })).toHaveText("Time: was Mon, Mar 6, 3:30–5:00 PM MST →, now Mon, Mar 6, 4:00–5:30 PM MST");
  await expect(moved.getByRole("listitem").filter({ hasText: /^Room:/ })).toHaveText("Room: was Channel 1 – Main Stage →, now Channel 3 – Clinical Hall B");
  const cancelled = attendee.getByRole("listitem").filter({ has: attendee.getByRole("heading", { level: 3, name: CANCELLED.title }) });
  await expect(cancelled.getByRole("listitem").filter({ hasText: /^Status:/ })).toHaveText("Status: was scheduled, Mon, Mar 6, 5:30–6:30 PM MST →, now cancelled");
  await expectNoAxeViolations(attendee);

  // Shown once: the page records them seen by itself, the count goes, the marks stay for this visit.
  await expect(mySchedule).toHaveAccessibleName("My schedule");
  await expect(moved.getByText("Changed", { exact: true })).toBeVisible();

  await attendee.reload();
  await expect(attendee.getByRole("heading", { level: 1, name: "My schedule" })).toBeVisible();
  await expect(moved.getByText(/4:00–5:30 PM/)).toBeVisible();
  await expect(attendee.getByText("Changed", { exact: true })).toHaveCount(0);
  await expect(attendee.getByRole("heading", { name: /changed since you last looked/ })).toHaveCount(0);
  await expect(mySchedule).toHaveAccessibleName("My schedule");
});
