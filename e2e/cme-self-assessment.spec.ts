// SA-CME self-assessment end to end: the organizer adds a question to an SA-CME
// plenary of SIR 2023 (the correct answer picked with a radio); a learner who
// watched that plenary sends the answers with one left out (named at the top,
// nothing scored), then fails, reads every correct answer with its
// explanation, tries again without JavaScript and passes; the console counts
// the pass. The demo attendee, who did not attend it, is refused. axe checks
// each page, and the learner's page again at a phone's 375 px.
import { randomUUID } from "node:crypto";
import { SELF_ASSESSMENT_SEED } from "../prisma/seed/self-assessment";
import { expectNoAxeViolations } from "./accessibility";
import { makeAccount, withE2eDatabase } from "./database";
import { openCmeConsolePage } from "./cme-console";
import { expect, test, type Page } from "./fixtures";
import { signInRequest, type Account } from "./sign-in";

const TITLE = "Plenary: Late-Breaking Clinical Trials";
const SESSION = "plenary-late-breaking-clinical-trials";
const PAGE = `/meetings/sir-2023/cme/self-assessment/${SESSION}`;
const run = randomUUID().slice(0, 6);
const added = {
  prompt: `Which access site has the lowest bleeding risk for coronary and peripheral interventions? (${run})`,
  options: ["Femoral", "Radial", "Brachial"],
  correct: 1,
  explanation: "Radial access has fewer access-site bleeding complications than femoral access.",
};

let learner: Account;

test.beforeAll(async () => {
  learner = await makeAccount(`Lena Learner ${run}`, "a learner's password");
  // Watched the whole plenary on its live page: the evidence the self-assessment asks for.
  await withE2eDatabase((client) =>
    client.query(
      `INSERT INTO "AttendanceInterval" (id, "sessionId", "userId", "startedAt", "endedAt")
       SELECT $1, s.id, u.id, s."startsAt", s."endsAt" FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId", "User" u
        WHERE m.slug = 'sir-2023' AND s.slug = $2 AND u.email = $3`,
      [randomUUID(), SESSION, learner.email],
    ),
  );
});

/** Answers every question: the seeded ones right for the first `right`, the rest wrong. */
async function answer(page: Page, right: number, { skipLast = false } = {}) {
  const questions = [...SELF_ASSESSMENT_SEED[TITLE]!.map((q) => ({ prompt: q.prompt, options: q.options, correct: q.correctOption })), added];
  for (const [index, question] of questions.entries()) {
    if (skipLast && index === questions.length - 1) continue;
    const choice = index < right ? question.correct : (question.correct + 1) % question.options.length;
    await page.getByRole("group", { name: question.prompt }).getByLabel(question.options[choice]!, { exact: true }).check();
  }
}

test("an organizer adds a question; a learner who attended fails, reads the explanations, retries without JavaScript and passes", async ({ pageAs, browser }) => {
  test.slow(); // two people's pages, axe on each
  const organizer = await pageAs("organizer");
  await openCmeConsolePage(organizer, "/organize/sir-2023/cme/self-assessment", { heading: "Self-assessment", tab: "Self-assessment" });
  const row = organizer.getByRole("row").filter({ has: organizer.getByRole("link", { name: TITLE }) });
  await expect(row.getByRole("cell").nth(1)).toHaveText(String(SELF_ASSESSMENT_SEED[TITLE]!.length));
  await expectNoAxeViolations(organizer);

  await row.getByRole("link", { name: TITLE }).click();
  await expect(organizer).toHaveURL(/\?session=plenary-late-breaking-clinical-trials$/);
  const adding = organizer.getByRole("region", { name: "Add a question" });
  // Without a correct answer picked: refused under the answers, what was typed kept.
  await adding.getByLabel("Question").fill(added.prompt);
  for (const [index, option] of added.options.entries()) await adding.getByLabel(`Answer ${index + 1}`, { exact: true }).fill(option);
  await adding.getByLabel("Explanation").fill(added.explanation);
  await adding.getByRole("button", { name: "Add question" }).click();
  await expect(adding.getByText("Pick the correct answer.")).toBeVisible();
  await adding.getByLabel(`Answer ${added.correct + 1} is correct`).check();
  await adding.getByRole("button", { name: "Add question" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "Question added." })).toBeVisible();
  const card = organizer.getByRole("listitem").filter({ has: organizer.getByRole("heading", { name: added.prompt }) });
  await expect(card.getByText("Correct", { exact: true })).toBeVisible();
  await expect(card.getByText(`Why: ${added.explanation}`)).toBeVisible();
  await expectNoAxeViolations(organizer);

  // The learner: five questions now; 70 % means four right.
  const context = await browser.newContext();
  await signInRequest(context.request, learner);
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1, name: `Self-assessment: ${TITLE}` })).toBeVisible();
  await expect(page.getByText(/You pass with 70% or more \(4 of 5 right\)/)).toBeVisible();
  await expectNoAxeViolations(page);

  await answer(page, 5, { skipLast: true });
  await page.getByRole("button", { name: "Send my answers" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "One answer needs a look" });
  await expect(summary.getByRole("link", { name: added.prompt })).toBeVisible();
  // What was chosen stays chosen.
  await expect(page.getByRole("group", { name: SELF_ASSESSMENT_SEED[TITLE]![0]!.prompt }).getByLabel(SELF_ASSESSMENT_SEED[TITLE]![0]!.options[0]!, { exact: true })).toBeChecked();

  await answer(page, 2);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page).toHaveURL(/\?attempt=/);
  const result = page.getByRole("region", { name: "Not passed yet" });
  await expect(result.getByText("2 of 5 right (40%)")).toBeVisible();
  await expect(result.getByText(/The passing mark is 70%/)).toBeVisible();
  const missed = result.getByRole("listitem").filter({ has: page.getByRole("heading", { name: added.prompt }) });
  await expect(missed.getByRole("listitem").filter({ hasText: "Correct answer" })).toContainText(added.options[added.correct]!);
  await expect(missed.getByRole("listitem").filter({ hasText: "Your answer" })).toContainText(added.options[(added.correct + 1) % 3]!);
  await expect(missed.getByText(added.explanation)).toBeVisible();
  await expect(result.getByText(SELF_ASSESSMENT_SEED[TITLE]![3]!.explanation)).toBeVisible();
  await expectNoAxeViolations(page);

  // Again, without JavaScript, with four right: exactly the mark's worth.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const noJs = await plain.newPage();
  await noJs.goto(PAGE);
  await expect(noJs.getByRole("status").filter({ hasText: "You have tried once so far." })).toBeVisible();
  await answer(noJs, 4);
  await noJs.getByRole("button", { name: "Send my answers" }).click();
  const passed = noJs.getByRole("region", { name: "Passed" });
  await expect(passed.getByText("4 of 5 right (80%)")).toBeVisible();
  await expect(passed.getByText("The credit you claim for this session counts as SA-CME.")).toBeVisible();
  await passed.getByRole("link", { name: "Back to My CME" }).click();
  await expect(noJs).toHaveURL(/\/meetings\/sir-2023\/cme$/);
  await plain.close();

  // Coming back says it is passed; the page fits a phone.
  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 }, storageState: await context.storageState() });
  const phone = await phoneContext.newPage();
  await phone.goto(PAGE);
  await expect(phone.getByRole("status").filter({ hasText: /You passed this self-assessment on/ })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoAxeViolations(phone);
  await phoneContext.close();
  await context.close();

  await organizer.goto("/organize/sir-2023/cme/self-assessment");
  await expect(organizer.getByRole("row").filter({ has: organizer.getByRole("link", { name: TITLE }) })).toContainText("1 of 1 passed (100%)");
});

test("a learner with no recorded attendance at the session is refused, and a signed-out visitor is asked to sign in", async ({ pageAs, page }) => {
  const attendee = await pageAs("attendee");
  const response = await attendee.goto(PAGE);
  expect(response?.status()).toBe(403);
  await expect(attendee.getByText(/once your attendance at it is recorded/)).toBeVisible();
  await page.goto(PAGE);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
