// The live page's attendance record in real Chromium: a signed-in attendee's
// page on an accredited session opens an interval the sidecar writes and keeps
// extending while the page is visible (heartbeats); hiding the page stops it,
// showing it again opens a new one. The e2e sidecar uses short batches and
// heartbeats (e2e/server.ts).
import { expect, test, type Page } from "./fixtures";
import { withE2eDatabase } from "./database";
import { makeSessionLive, waitUntilLive } from "./live-qa-setup";

test.describe.configure({ timeout: 60_000 });

/** A SIR 2023 session no other spec watches, made live now and accredited. */
async function accreditedLiveSession(): Promise<string> {
  const slug = await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ slug: string }>(
      `SELECT s.slug FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = 'sir-2023' AND s.kind = 'SCIENTIFIC_SESSION' ORDER BY s.slug DESC LIMIT 1`,
    );
    await client.query(`UPDATE "Session" SET "cmeAccredited" = true WHERE slug = $1 AND "meetingId" = (SELECT id FROM "Meeting" WHERE slug = 'sir-2023')`, [rows[0]!.slug]);
    return rows[0]!.slug;
  });
  await makeSessionLive(slug);
  return slug;
}

/** The attendee's intervals on that session, oldest first, as epoch ms. */
function intervals(slug: string): Promise<{ start: number; end: number }[]> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ startedAt: Date; endedAt: Date }>(
      `SELECT a."startedAt", a."endedAt" FROM "AttendanceInterval" a
         JOIN "Session" s ON s.id = a."sessionId" JOIN "User" u ON u.id = a."userId"
        WHERE s.slug = $1 AND u.email = 'attendee@example.org' ORDER BY a."startedAt"`,
      [slug],
    );
    return rows.map((row) => ({ start: row.startedAt.getTime(), end: row.endedAt.getTime() }));
  });
}

/** What the browser does when the tab is hidden or shown again. */
function setVisibility(page: Page, state: "visible" | "hidden") {
  return page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { value, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("signed out, the live page's credit block asks to sign in so that watching counts", async ({ page }) => {
  const slug = await accreditedLiveSession();
  await page.goto(`/meetings/sir-2023/sessions/${slug}/live`);
  const note = page.getByText(/so that your time watching counts toward your CME attendance/);
  await expect(note).toBeVisible();
  await expect(note.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", /\/login\?redirectTo=/);
});

test("a visible live page is recorded, kept alive by heartbeats, stopped while hidden and resumed when shown", async ({ pageAs }) => {
  const slug = await accreditedLiveSession();
  const page = await pageAs("attendee");
  await page.goto(`/meetings/sir-2023/sessions/${slug}/live`);
  await waitUntilLive(page);

  await expect.poll(async () => (await intervals(slug)).length, { timeout: 10_000 }).toBe(1);
  // The page says so, beside the session's credit.
  await expect(page.getByText("Your time on this page while the session runs counts toward your CME attendance.")).toBeVisible();
  const first = (await intervals(slug))[0]!;
  // Heartbeats (every 2 s here) keep moving its end.
  await expect.poll(async () => (await intervals(slug))[0]!.end, { timeout: 10_000 }).toBeGreaterThan(first.end + 2000);

  await setVisibility(page, "hidden");
  await page.waitForTimeout(1500);
  const hiddenEnd = (await intervals(slug))[0]!.end;
  await page.waitForTimeout(3000);
  expect(await intervals(slug)).toEqual([{ start: first.start, end: hiddenEnd }]);

  await setVisibility(page, "visible");
  await expect.poll(async () => (await intervals(slug)).length, { timeout: 10_000 }).toBe(2);
  const [closed, reopened] = await intervals(slug);
  expect(closed!.end).toBe(hiddenEnd);
  expect(reopened!.start).toBeGreaterThan(hiddenEnd + 3000);
});
