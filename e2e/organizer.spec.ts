// The organizer's journey in Chromium: signed in, open the console, move the
// Dr. Charles T. Dotter Lecture by an hour in the draft (the public page does
// not change), compare and publish; then an attendee who had the lecture in
// their schedule sees the change in the changelog (as a personal notice) and on
// their schedule. axe checks every console page visited.
import { expect, test } from "./fixtures";
import { expectControlBordersContrast, expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";

test.beforeAll(async () => {
  // The attendee follows the lecture: a ScheduleItem row, as "Add to my schedule" would make.
  await withE2eDatabase((client) =>
    client.query(
      `INSERT INTO "ScheduleItem" ("id", "userId", "sessionId")
       SELECT 'e2e-organizer-' || u."id", u."id", s."id" FROM "User" u, "Session" s JOIN "Meeting" m ON m."id" = s."meetingId"
        WHERE u."email" = 'attendee@example.org' AND m."slug" = 'sir-2023' AND s."slug" = 'dr-charles-t-dotter-lecture'
       ON CONFLICT DO NOTHING`,
    ),
  );
});

test("an organizer moves a session and publishes; the attendee who follows it is told", async ({ browser, pageAs }) => {
  const organizer = await pageAs("organizer");
  await organizer.goto("/organize/sir-2023");
  await expect(organizer.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(organizer.getByRole("banner").getByRole("link", { name: "Organize" })).toBeVisible();
  await expectNoAxeViolations(organizer);

  const consoleNav = organizer.getByRole("navigation", { name: "Organizer console" });
  await consoleNav.getByRole("link", { name: "Sessions" }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expectNoAxeViolations(organizer);
  await organizer.getByLabel("Find a session").fill("Dotter");
  await organizer.getByRole("button", { name: "Find" }).click();
  await organizer.getByRole("link", { name: "Dr. Charles T. Dotter Lecture" }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "Dr. Charles T. Dotter Lecture" })).toBeVisible();
  await expectNoAxeViolations(organizer);

  // 10:00–11:00 AM in Phoenix → 11:00 AM – 12:00 PM.
  await expect(organizer.getByLabel(/^Starts/)).toHaveValue("10:00");
  await organizer.getByLabel(/^Starts/).fill("11:00");
  await organizer.getByLabel(/^Ends/).fill("12:00");
  await organizer.getByRole("button", { name: "Save to the draft" }).click();
  await expect(organizer.getByText("Saved to the draft.")).toBeVisible();
  // The keyboard lands on what happened, not back at the top of the page.
  await expect(organizer.getByRole("status").filter({ hasText: "Saved to the draft." })).toBeFocused();

  // Drafted only: the public page still shows the old time.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/meetings/sir-2023/sessions/dr-charles-t-dotter-lecture");
  await expect(visitor.getByText("10:00–11:00 AM")).toBeVisible();

  await consoleNav.getByRole("link", { name: /Publish/ }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "Publish" })).toBeVisible();
  const changes = organizer.getByRole("region", { name: /unpublished change/ });
  await expect(changes.getByText("Moved from Mon, Mar 6, 10:00–11:00 AM MST to Mon, Mar 6, 11:00 AM – 12:00 PM MST")).toBeVisible();
  await expectNoAxeViolations(organizer);
  await organizer.getByLabel("Note for attendees (optional)").fill("The Dotter Lecture starts an hour later.");
  const confirm = organizer.getByLabel("I have looked at the clashes and want to publish anyway");
  if (await confirm.isVisible()) await confirm.check();
  await organizer.getByRole("button", { name: /^Publish release/ }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /Release \d+ is published/ })).toBeVisible();
  await expect(organizer.getByRole("status").filter({ hasText: /Release \d+ is published/ })).toBeFocused();

  await visitor.reload();
  await expect(visitor.getByText("11:00 AM – 12:00 PM")).toBeVisible();

  const attendee = await pageAs("attendee");
  await attendee.goto("/meetings/sir-2023/changelog");
  const mine = attendee.getByRole("region", { name: /Changes to your schedule/ });
  await expect(mine.getByRole("link", { name: "Dr. Charles T. Dotter Lecture" })).toBeVisible();
  await expect(mine.getByText(/Moved from Mon, Mar 6, 10:00–11:00 AM MST to Mon, Mar 6, 11:00 AM – 12:00 PM MST/)).toBeVisible();
  await expect(attendee.getByText("The Dotter Lecture starts an hour later.")).toBeVisible();
  await expectNoAxeViolations(attendee);
  await mine.getByRole("button", { name: "Mark as read" }).click();
  await expect(attendee.getByRole("heading", { name: "Changes to your schedule" })).toBeVisible();

  // My schedule is another feature's page; when it is there, it shows the new time.
  const schedule = await attendee.goto("/meetings/sir-2023/schedule");
  if (schedule?.status() === 200) {
    const lecture = attendee.getByRole("listitem").filter({ hasText: "Dr. Charles T. Dotter Lecture" });
    await expect(lecture.getByText(/11:00 AM – 12:00 PM/)).toBeVisible();
  }
  await visitor.context().close();
});

test("the console's other pages are accessible and refuse an attendee", async ({ pageAs }) => {
  test.slow(); // fifteen pages, eight of them through axe
  const organizer = await pageAs("organizer");
  const titles = new Set<string>();
  for (const path of ["", "clashes", "tracks", "rooms", "speakers", "preview", "import", "team", "audit", "mail", "publish", "sessions", "sessions/new", "registrations", "registrations/verification"]) {
    await organizer.goto(`/organize/sir-2023/${path}`);
    const heading = organizer.getByRole("heading", { level: 1 });
    await expect(heading).toBeVisible();
    // Pages axe checks in other specs are not checked again here.
    if (["clashes", "tracks", "rooms", "speakers", "preview", "import", "team", "audit"].includes(path)) await expectNoAxeViolations(organizer);
    await expectControlBordersContrast(organizer);
    // Each page's title names the page first, so tabs and history tell them apart.
    const title = await organizer.title();
    expect(title).toBe(`${await heading.textContent()} · Organize · SIR 2023 Annual Scientific Meeting`);
    titles.add(title);
  }
  expect(titles.size).toBe(15);

  const attendee = await pageAs("attendee");
  const refused = await attendee.goto("/organize/sir-2023");
  expect(refused?.status()).toBe(403);
  await expect(attendee.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
});
