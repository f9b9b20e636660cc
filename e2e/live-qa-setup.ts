// What the live Q&A specs share: waiting for a page's live connection, asking
// from the viewer's page, and arranging in the e2e database a state the
// journey itself would take long to reach: questions already on the board, a
// session that is live right now, a registration that waits.
import { randomUUID } from "node:crypto";
import { withE2eDatabase } from "./database";
import { expect, type Page } from "./fixtures";

/** Waits until the page's live connection is up (its status says the questions update live). */
export const waitUntilLive = (page: Page) => expect(page.getByRole("status").filter({ hasText: "Questions update live" })).toBeVisible({ timeout: 15_000 });

/** Opens the session's live page and asks `text` there, over the live connection; moderation keeps it waiting. */
export async function askOnLivePage(page: Page, sessionPath: string, text: string): Promise<void> {
  await page.goto(`${sessionPath}/live`);
  await waitUntilLive(page);
  await page.getByLabel("Your question", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.locator("#questions li").filter({ hasText: text })).toContainText("Waiting for moderation");
}

/** An id the Q&A's id rule accepts (lowercase letters and digits, 20 to 40). */
const recordId = () => randomUUID().replaceAll("-", "");

/** Puts approved questions on a SIR 2023 session's board, asked by `authorEmail`, with the given votes; returns their ids. */
export async function addApprovedQuestions(sessionSlug: string, questions: { body: string; votes: number }[], authorEmail = "organizer@example.org"): Promise<string[]> {
  return withE2eDatabase(async (client) => {
    const ids: string[] = [];
    for (const { body, votes } of questions) {
      const id = recordId();
      await client.query(
        `INSERT INTO "AudienceQuestion" ("id", "sessionId", "authorId", "body", "status", "voteCount", "approvedAt")
         SELECT $1, s."id", u."id", $2, 'APPROVED', $3, now()
           FROM "Session" s JOIN "Meeting" m ON m."id" = s."meetingId", "User" u
          WHERE m."slug" = 'sir-2023' AND s."slug" = $4 AND u."email" = $5`,
        [id, body, votes, sessionSlug, authorEmail],
      );
      ids.push(id);
    }
    return ids;
  });
}

/** Moves a SIR 2023 session to now (started ten minutes ago), so its live page says "Live now". */
export async function makeSessionLive(sessionSlug: string): Promise<void> {
  await withE2eDatabase((client) =>
    client.query(
      `UPDATE "Session" s SET "startsAt" = now() - interval '10 minutes', "endsAt" = now() + interval '50 minutes'
         FROM "Meeting" m WHERE m."id" = s."meetingId" AND m."slug" = 'sir-2023' AND s."slug" = $1`,
      [sessionSlug],
    ),
  );
}

/** Gives the account a paid SIR 2023 registration in a category that needs proof, still waiting for an organizer's check. */
export async function addRegistrationAwaitingVerification(email: string): Promise<void> {
  await withE2eDatabase((client) =>
    client.query(
      `INSERT INTO "Registration" ("id", "meetingId", "userId", "code", "categoryId", "tierId", "attendance", "status", "verification", "proofMethod")
       SELECT $1, m."id", u."id", $2,
              (SELECT c."id" FROM "RegistrationCategory" c WHERE c."meetingId" = m."id" AND c."requiresProof" ORDER BY c."id" LIMIT 1),
              (SELECT t."id" FROM "RegistrationTier" t WHERE t."meetingId" = m."id" ORDER BY t."position" LIMIT 1),
              'VIRTUAL', 'ACTIVE', 'PENDING', 'DOCUMENT'
         FROM "Meeting" m, "User" u WHERE m."slug" = 'sir-2023' AND u."email" = $3`,
      [recordId(), `E2E-${recordId().slice(0, 8).toUpperCase()}`, email],
    ),
  );
}
