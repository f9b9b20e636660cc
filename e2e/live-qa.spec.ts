// Live Q&A in real Chromium: a viewer asks, a moderator approves, and the
// viewer's page and the projector view show it without a reload; an upvote
// updates the other screens; the page works without JavaScript; user text is
// shown as text. The e2e server runs a realtime sidecar beside the web app.
import { expect, test, type Page } from "./fixtures";
import { expectControlBordersContrast, expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";
import { askOnLivePage, waitUntilLive } from "./live-qa-setup";

// Three screens and several sign-ins per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** Marks the page; if it reloads, the mark is gone. */
async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { liveMark: boolean }).liveMark = true));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark)).toBe(true);
}

const live = waitUntilLive;

test("a viewer asks, a moderator approves, the projector shows it, and votes update every screen live", async ({ browser, pageAs }) => {
  const session = "/meetings/sir-2023/sessions/pulmonary-embolism-catheter-directed-therapy";
  const text = `Which patients with intermediate-risk PE benefit from catheter therapy? (${Date.now()})`;

  const viewer = await pageAs("attendee");
  await viewer.goto(`${session}/live`);
  await expect(viewer.getByRole("heading", { level: 1, name: "Pulmonary Embolism: Catheter-Directed Therapy" })).toBeVisible();
  await live(viewer);
  await expectNoAxeViolations(viewer);
  await expectControlBordersContrast(viewer);

  const voter = await pageAs("student");
  await voter.goto(`${session}/live`);
  await live(voter);

  const moderator = await pageAs("moderator");
  await moderator.goto(`${session}/moderate`);
  await expect(moderator.getByRole("heading", { level: 1, name: "Moderate questions" })).toBeVisible();
  await live(moderator);
  // Its own window: a background tab gets no animation frames, and the projector is public anyway.
  const projector = await (await browser.newContext()).newPage();
  await projector.goto(`${session}/present`);
  await expect(projector.getByRole("heading", { name: "Top questions" })).toBeVisible();
  for (const page of [viewer, voter, moderator, projector]) await markNoReload(page);

  await viewer.getByLabel("Your question", { exact: true }).fill(text);
  await viewer.getByRole("button", { name: "Send question" }).click();
  const mine = viewer.getByRole("listitem").filter({ hasText: text });
  await expect(mine).toContainText("Waiting for moderation");
  await expect(viewer.getByLabel("Your question", { exact: true })).toHaveValue("");

  const pending = moderator.getByRole("region", { name: /Waiting for approval/ }).getByRole("listitem").filter({ hasText: text });
  await expect(pending).toContainText("Sam Patel");
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(moderator.getByRole("region", { name: /On the board/ }).getByRole("listitem").filter({ hasText: text })).toBeVisible();

  await expect(mine).not.toContainText("Waiting for moderation");
  const onProjector = projector.getByRole("listitem").filter({ hasText: text });
  await expect(onProjector).toContainText(/▲ 0 votes/);

  // The author has no upvote on their own question; everyone else's is named after it.
  await expect(mine.getByRole("button", { name: /^Upvote/ })).toHaveCount(0);
  const theirs = voter.getByRole("listitem").filter({ hasText: text });
  const upvote = theirs.getByRole("button", { name: /^Upvote/ });
  await expect(upvote).toHaveAccessibleName(/^Upvote “Which patients with intermediate-risk PE benefit from catheter therapy\?.*”, 0 votes$/);
  await expect(upvote).toHaveAttribute("aria-pressed", "false");
  await upvote.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "true");
  await expect(upvote).toHaveAccessibleName(/, 1 vote$/);
  await expect(onProjector).toContainText(/▲ 1 vote(?!s)/);
  await expect(mine).toContainText(/1\s*vote(?!s)/);
  await expect(moderator.getByRole("region", { name: /On the board/ }).getByRole("listitem").filter({ hasText: text })).toContainText("1 vote");

  await moderator.getByRole("region", { name: /On the board/ }).getByRole("listitem").filter({ hasText: text }).getByRole("button", { name: "Pin as now answering" }).click();
  await expect(projector.getByRole("region", { name: "Now answering" })).toContainText(text);
  await expect(mine).toContainText("Now answering");

  await upvote.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "false");
  await expect(projector.getByRole("region", { name: "Now answering" })).toContainText("0 votes");

  for (const page of [viewer, voter, moderator, projector]) await expectNoReload(page);
  await viewer.context().close();
  await voter.context().close();
  await moderator.context().close();
  await projector.context().close();
});

test("the moderator works the queue from the keyboard", async ({ pageAs }) => {
  const session = "/meetings/sir-2023/sessions/match-strategies-for-ir-residency";
  const text = `Keyboard-approved question (${Date.now()})`;
  const viewer = await pageAs("student");
  await askOnLivePage(viewer, session, text);

  const moderator = await pageAs("moderator");
  await moderator.goto(`${session}/moderate`);
  await live(moderator);
  const item = moderator.locator("[data-queue-item]").filter({ hasText: text });
  await expect(item).toBeVisible();
  await item.focus();
  await moderator.keyboard.press("a");
  await expect(moderator.getByRole("region", { name: /On the board/ })).toContainText(text);
  await expect(viewer.getByRole("listitem").filter({ hasText: text })).not.toContainText("Waiting for moderation");
  await viewer.context().close();
  await moderator.context().close();
});

test("without JavaScript the questions show and a signed-in attendee asks through the plain form", async ({ pageAs }) => {
  const session = "/meetings/sir-2023/sessions/drug-coated-devices-after-the-paclitaxel-controversy";
  const text = `Asked without JavaScript (${Date.now()})`;
  const page = await pageAs("attendee", { javaScriptEnabled: false });
  await page.goto(`${session}/live`);
  await expect(page.getByRole("heading", { level: 2, name: /Questions/ })).toBeVisible();
  await page.getByLabel("Your question", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByText("Your question was sent. It appears for everyone once a moderator approves it.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: text })).toContainText("Waiting for moderation");

  // A too-long question comes back with the error next to the field, and a 400.
  await page.getByLabel("Your question", { exact: true }).evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("Your question", { exact: true }).fill("x".repeat(501));
  const responsePromise = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Send question" }).click();
  expect((await responsePromise).status()).toBe(400);
  await expect(page.getByLabel("Your question", { exact: true })).toHaveAccessibleDescription(/at most 500 characters/);
  await page.context().close();
});

test("questions are shown as text, never run as markup", async ({ pageAs }) => {
  const session = "/meetings/sir-2023/sessions/evar-endoleaks-detection-and-treatment";
  const text = `<img src=x onerror="document.title='owned'"><script>document.title='owned'</script> (${Date.now()})`;
  const page = await pageAs("attendee");
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(`${session}/live`);
  await live(page);
  await page.getByLabel("Your question", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  expect(await page.title()).not.toBe("owned");
  expect(dialogs).toBe(0);
  await page.context().close();
});

/** Takes a demo account's role in SIR 2023 away, as cancelling a registration or removing a team member does; the result gives it back. */
async function takeRole(email: string, role: "ATTENDEE" | "MODERATOR"): Promise<() => Promise<void>> {
  const taken = await withE2eDatabase(async (client) => {
    const { rows } = await client.query(
      `DELETE FROM "MeetingRole" r USING "User" u, "Meeting" m
        WHERE r."userId" = u."id" AND r."meetingId" = m."id" AND u."email" = $1 AND m."slug" = 'sir-2023' AND r."role" = $2::"MeetingRoleKind"
       RETURNING r."id", r."meetingId", r."userId"`,
      [email, role],
    );
    return rows[0] as { id: string; meetingId: string; userId: string };
  });
  return async () => {
    await withE2eDatabase((client) =>
      client.query(`INSERT INTO "MeetingRole" ("id", "meetingId", "userId", "role") VALUES ($1, $2, $3, $4::"MeetingRoleKind") ON CONFLICT DO NOTHING`, [
        taken.id,
        taken.meetingId,
        taken.userId,
        role,
      ]),
    );
  };
}

test("a registration cancelled or confirmed while watching changes the page's controls without a reload", async ({ pageAs }) => {
  const page = await pageAs("attendee");
  await page.goto("/meetings/sir-2023/sessions/genicular-artery-embolization-for-knee-osteoarthritis/live");
  await live(page);
  await expect(page.getByLabel("Your question", { exact: true })).toBeVisible();
  await markNoReload(page);

  const giveBack = await takeRole("attendee@example.org", "ATTENDEE");
  try {
    await expect(page.getByRole("link", { name: "Register to take part" })).toBeVisible();
    await expect(page.getByLabel("Your question", { exact: true })).toHaveCount(0);
    await giveBack();
    await expect(page.getByLabel("Your question", { exact: true })).toBeVisible();
    await expectNoReload(page);
  } finally {
    await giveBack();
    await page.context().close();
  }
});

test("a moderator whose role is taken away is told at once on the queue", async ({ pageAs }) => {
  const page = await pageAs("moderator");
  await page.goto("/meetings/sir-2023/sessions/genicular-artery-embolization-for-knee-osteoarthritis/moderate");
  await live(page);
  const giveBack = await takeRole("moderator@example.org", "MODERATOR");
  try {
    await expect(page.getByRole("alert")).toContainText("You no longer moderate SIR 2023 Annual Scientific Meeting");
  } finally {
    await giveBack();
    await page.context().close();
  }
});
