// What a first-time visitor does from the front page: sees every meeting on
// the platform (newest first, each with its society, dates, place and the size
// of its program), opens one, picks a day of its program, finds that day's
// sessions under their start times in the meeting's own time, and opens one.
// What each page says is checked against the seeded database, so a page that
// miscounts, drops a meeting or a session, or shows another zone's times fails
// here. axe checks every page on the way.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";

type ListedMeeting = { slug: string; name: string; society: string; sessions: number };
type FirstSlot = { day: string; daySessions: number; startsAt: Date; titles: string[] };

const MEETING = "sio-2023";
const ZONE = "America/Chicago";

let meetings: ListedMeeting[];
let firstSlot: FirstSlot;

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    meetings = (
      await db.query<ListedMeeting>(
        `SELECT m.slug, m.name, s.name AS society, (SELECT count(*)::int FROM "Session" WHERE "meetingId" = m.id) AS sessions
           FROM "Meeting" m JOIN "Society" s ON s.id = m."societyId"
          ORDER BY m."startsOn" DESC, m.name`,
      )
    ).rows;
    // The meeting's first day, and the sessions of its first start time that day.
    const { rows } = await db.query<{ day: string; startsAt: Date; title: string; daySessions: number }>(
      `WITH days AS (SELECT s.*, to_char(s."startsAt" AT TIME ZONE m."timeZone", 'YYYY-MM-DD') AS day FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = $1)
       SELECT day, "startsAt", title, (SELECT count(*)::int FROM days d WHERE d.day = days.day) AS "daySessions"
         FROM days WHERE day = (SELECT min(day) FROM days) AND "startsAt" = (SELECT min("startsAt") FROM days)`,
      [MEETING],
    );
    firstSlot = { day: rows[0]!.day, daySessions: rows[0]!.daySessions, startsAt: rows[0]!.startsAt, titles: rows.map((row) => row.title).sort() };
  });
});

test("from the list of meetings to a meeting, a day of its program and a session", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Annual scientific meetings" })).toBeVisible();
  const cards = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(cards.getByRole("heading", { level: 2 })).toHaveText(meetings.map((meeting) => meeting.name));
  for (const meeting of meetings) {
    const card = cards.filter({ has: page.getByRole("heading", { level: 2, name: meeting.name }) });
    await expect(card).toContainText(meeting.society);
    await expect(card.getByRole("link", { name: `Program of ${meeting.name} (${meeting.sessions} sessions)` })).toHaveAttribute("href", `/meetings/${meeting.slug}/agenda`);
  }
  await expectNoAxeViolations(page);

  const sio = meetings.find((meeting) => meeting.slug === MEETING)!;
  const card = cards.filter({ has: page.getByRole("heading", { level: 2, name: sio.name }) });
  await expect(card).toContainText("January 26–30, 2023");
  await expect(card).toContainText("In person");
  await expect(card).toContainText("Hilton Chicago, Chicago");
  await card.getByRole("link", { name: sio.name, exact: true }).click();

  // The meeting's home: what and where, in whose time, and its program by day.
  await expect(page).toHaveURL(new RegExp(`/meetings/${MEETING}$`));
  await expect(page.getByRole("heading", { level: 1, name: sio.name })).toBeVisible();
  await expect(page.getByText(ZONE).first()).toBeVisible();
  await expect(page.getByText(new RegExp(`^${sio.sessions} sessions, \\d+ tracks$`))).toBeVisible();
  const days = page.getByRole("region", { name: "Days" }).getByRole("link");
  await expect(days).toHaveCount(5);
  await expect(days.first()).toContainText(`${firstSlot.daySessions} sessions`);
  await expectNoAxeViolations(page);
  await days.first().click();

  // That day of the program: every one of its sessions, the first under the meeting's own clock.
  await expect(page).toHaveURL(new RegExp(`/meetings/${MEETING}/agenda\\?day=${firstSlot.day}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${firstSlot.daySessions} sessions on `))).toBeVisible();
  await expect(page.getByRole("heading", { level: 4 }).getByRole("link")).toHaveCount(firstSlot.daySessions);
  const clock = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hour: "numeric", minute: "2-digit" }).format(firstSlot.startsAt);
  // The time slot's heading says its day too ("8:00 AM, Saturday, March 4"), for a screen reader's list of headings.
  const slot = page.getByRole("region", { name: new RegExp(`^${clock} ?, \\w+day, `) }).first();
  expect((await slot.getByRole("heading", { level: 4 }).getByRole("link").allTextContents()).map((title) => title.trim()).sort()).toEqual(firstSlot.titles);
  await expectNoAxeViolations(page);

  const title = firstSlot.titles[0]!;
  await slot.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("time").first()).toContainText(clock.replace(/ [AP]M$/, ""));
  await expect(page.locator("time").first()).toContainText("CST");
  await expectNoAxeViolations(page);
});
