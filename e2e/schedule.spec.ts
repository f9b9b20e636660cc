// My schedule in Chromium: a signed-out visitor presses "Add to my schedule",
// signs in and comes back; adds three sessions of SIO 2023, two of them at the
// same time; sees the conflict; removes one; gets the calendar address and
// finds the two sessions in the feed (parsed with ical.js). The same without
// JavaScript, and the public program and track files through the real server.
// Every served calendar file keeps RFC 5545's layout in its raw bytes.
// axe checks every page visited.
import { expect, test, type Locator, type Page } from "./fixtures";
import { calendarLayoutProblems, parseCalendar } from "../app/server/ical-parse.fixture";
import { expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";
import { demoAccount, signInWithForm } from "./sign-in";

const port = Number(process.env.E2E_PORT ?? 3100);

type Picked = { id: string; slug: string; title: string };
let overlapping: [Picked, Picked];
let later: Picked;
let day: string;

test.beforeAll(async () => {
  // Two sessions of SIO 2023's first morning that start together, and one after them the same day.
  await withE2eDatabase(async (client) => {
    const { rows } = await client.query<Picked & { startsAt: Date; endsAt: Date; day: string }>(
      `SELECT s."id", s."slug", s."title", s."startsAt", s."endsAt", to_char(s."startsAt" AT TIME ZONE m."timeZone", 'YYYY-MM-DD') AS day
         FROM "Session" s JOIN "Meeting" m ON m."id" = s."meetingId"
        WHERE m."slug" = 'sio-2023' AND s."status" = 'SCHEDULED' AND s."trackId" IS NOT NULL
        ORDER BY s."startsAt", s."title"`,
    );
    const [first, second] = rows as [(typeof rows)[number], (typeof rows)[number]];
    expect(second.startsAt.getTime()).toBe(first.startsAt.getTime());
    const next = rows.find((row) => row.startsAt >= first.endsAt && row.startsAt >= second.endsAt && row.day === first.day)!;
    overlapping = [first, second];
    later = next;
    day = first.day;
  });
});

/** The list row of a session, by its title heading (other rows may link to it as a conflict); program lists' headings go on with the session's time. */
function row(page: Page, title: string): Locator {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( ?, |$)`) }) });
}

test("add three sessions, see the conflict, remove one, and find the other two in the calendar feed", async ({ page }) => {
  // A long journey with four axe runs.
  test.setTimeout(60_000);
  const agenda = `/meetings/sio-2023/agenda?day=${day}`;
  await page.goto(agenda);
  // Signed out, the button is there too; it asks to sign in, comes back here, and the session is added.
  await row(page, overlapping[0].title).getByRole("button", { name: /Add to my schedule/ }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await signInWithForm(page, demoAccount("student"));
  await expect(page).toHaveURL(new RegExp(`${agenda.replace(/[/?]/g, "\\$&")}#schedule-${overlapping[0].id}$`));
  await expect(row(page, overlapping[0].title).getByText("In my schedule")).toBeVisible();

  // With JavaScript the page stays put and the row says so at once. Only the
  // meeting frame's data is asked for again, not the whole day's program.
  for (const session of [overlapping[1], later]) {
    const revalidation = page.waitForRequest((request) => request.method() === "GET" && request.url().includes(".data"));
    await row(page, session.title).getByRole("button", { name: /Add to my schedule/ }).click();
    await expect(row(page, session.title).getByText("In my schedule")).toBeVisible();
    const routes = new URL((await revalidation).url()).searchParams.get("_routes") ?? "";
    expect(routes).toContain("routes/meetings+/$meeting+/_layout");
    expect(routes).not.toContain("agenda");
  }
  await expect(page).toHaveURL(new RegExp(`${agenda.replace(/[/?]/g, "\\$&")}#schedule-${overlapping[0].id}$`));
  // And it holds after a reload: the server has it.
  await page.reload();
  await expect(row(page, later.title).getByText("In my schedule")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Meeting" }).getByRole("link", { name: "My schedule" }).click();
  await expect(page.getByRole("heading", { name: "My schedule", level: 1 })).toBeVisible();
  await expect(page.getByText("3 sessions · 2 overlapping")).toBeVisible();
  await expect(row(page, overlapping[0].title).getByText(`Conflicts with ${overlapping[1].title}`)).toBeVisible();
  await expect(row(page, overlapping[1].title).getByText(`Conflicts with ${overlapping[0].title}`)).toBeVisible();
  await expect(row(page, later.title).getByText(/Conflicts with/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await row(page, overlapping[1].title).getByRole("button", { name: /^Remove/ }).click();
  await expect(row(page, overlapping[1].title)).toHaveCount(0);
  await expect(page.getByText("2 sessions", { exact: true })).toBeVisible();
  await expect(page.getByText(/Conflicts with/)).toHaveCount(0);

  await page.getByRole("button", { name: "Get my calendar address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your calendar address is ready" })).toBeVisible();
  const address = await page.getByLabel("Or copy the address into your calendar app").inputValue();
  expect(address).toMatch(new RegExp(`^http://localhost:${port}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
  await expect(page.getByRole("link", { name: "Subscribe in Apple Calendar or Outlook" })).toHaveAttribute("href", address.replace(/^http:/, "webcal:"));
  await expectNoAxeViolations(page);

  const feed = await page.request.get(address);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(calendarLayoutProblems(await feed.body())).toEqual([]);
  const { events } = parseCalendar(await feed.text());
  expect(events.map((event) => event.summary).sort()).toEqual([overlapping[0].title, later.title].sort());
  expect(events.every((event) => event.tzid === "America/Chicago")).toBe(true);
  // A calendar app asking again gets a 304.
  const again = await page.request.get(address, { headers: { "If-None-Match": feed.headers()["etag"]! } });
  expect(again.status()).toBe(304);

  // Replacing the address revokes the old one.
  await page.getByRole("button", { name: "Replace the address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was replaced" })).toBeVisible();
  expect((await page.request.get(address)).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, signedInAs: "admin" });

  test("add from a track page and come back to it, remove from My schedule", async ({ page }) => {
    await page.goto("/meetings/sio-2023/tracks/liver");
    const title = (await page.getByRole("heading", { level: 4 }).first().getByRole("link").textContent())!.trim();
    await row(page, title).getByRole("button", { name: /Add to my schedule/ }).click();
    // Back on the track page, at the button pressed.
    await expect(page).toHaveURL(/\/meetings\/sio-2023\/tracks\/liver#schedule-/);
    await expect(row(page, title).getByText("In my schedule")).toBeVisible();

    await page.goto("/meetings/sio-2023/schedule");
    await expect(row(page, title)).toBeVisible();
    await row(page, title).getByRole("button", { name: /^Remove/ }).click();
    await expect(page).toHaveURL(/\/meetings\/sio-2023\/schedule#schedule-/);
    await expect(page.getByText("Your schedule is empty.")).toBeVisible();
  });
});

test.describe("signed in with nothing scheduled", () => {
  test.use({ signedInAs: "admin" });

  test("an empty schedule points students and residents to their programs", async ({ page }) => {
    await page.goto("/meetings/sir-2023/schedule");
    await expect(page.getByText("Your schedule is empty.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Medical Student Program" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Resident-in-Training Program" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("a session page offers its calendar file and Google Calendar; the public files come through the real server", async ({ page, request }) => {
  await page.goto(`/meetings/sio-2023/sessions/${later.slug}`);
  await expect(page.getByRole("button", { name: /Add to my schedule/ })).toBeVisible();
  const google = await page.getByRole("link", { name: "Add to Google Calendar" }).getAttribute("href");
  expect(new URL(google!).searchParams.get("ctz")).toBe("America/Chicago");
  const ics = await page.getByRole("link", { name: /\(\.ics\)/ }).getAttribute("href");
  expect(ics).toBe(`/meetings/sio-2023/sessions/${later.slug}.ics`);
  await expectNoAxeViolations(page);

  const single = await request.get(ics!);
  expect(single.status()).toBe(200);
  expect(parseCalendar(await single.text()).events.map((event) => event.summary)).toEqual([later.title]);

  const track = await request.get("/meetings/sio-2023/tracks/liver.ics");
  expect(track.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(parseCalendar(await track.text()).events.length).toBeGreaterThan(3);
  const program = await request.get("/meetings/sir-2023/agenda.ics");
  expect(program.status()).toBe(200);
  expect(parseCalendar(await program.text()).timezones).toEqual(["America/Phoenix"]);
  // The bytes as served, gzipped or not: CRLF to the last line, calendar properties before the first component.
  for (const file of [single, track, program]) expect(calendarLayoutProblems(await file.body())).toEqual([]);
  const plain = await request.get("/meetings/sir-2023/agenda.ics", { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(calendarLayoutProblems(await plain.body())).toEqual([]);
  expect((await request.get("/meetings/sio-2023/tracks/no-such-track.ics")).status()).toBe(404);
  expect((await request.get("/calendar/not-a-token.ics")).status()).toBe(404);
});
