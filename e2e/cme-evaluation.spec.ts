// Evaluations end to end: the organizer makes the meeting and session
// evaluations from their templates and adds a question; the demo attendee
// answers the meeting's evaluation (a refused first try keeps his answers and
// names each problem), then a session he attended without JavaScript; the
// organizer reads the results, without names.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { withE2eDatabase } from "./database";

const SESSION = "radiation-segmentectomy-for-early-stage-hcc";

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    // The demo attendee attended this session (seeded evidence); it is accredited here.
    await client.query(`UPDATE "Session" SET "cmeAccredited" = true WHERE "slug" = $1`, [SESSION]);
    // The seed has him done already (evaluated and claimed): he answers afresh here.
    await client.query(`DELETE FROM "EvaluationResponse" WHERE "userId" = (SELECT id FROM "User" WHERE email = 'attendee@example.org')`);
  });
});

test("the organizer builds the evaluations, the attendee answers them, and the results have no names", async ({ pageAs, browser }) => {
  test.slow(); // three people's pages, axe on each
  const organizer = await pageAs("organizer");
  await organizer.goto("/organize/sir-2023/cme/evaluations");
  await expect(organizer.getByRole("heading", { level: 1, name: "Evaluations" })).toBeVisible();
  for (const name of ["Make the meeting evaluation from its template", "Make the session evaluation from its template"]) {
    const make = organizer.getByRole("button", { name });
    if (await make.isVisible()) {
      await make.click();
      await expect(organizer.getByRole("status").or(organizer.getByRole("alert")).first()).toContainText("made from its template");
    }
  }
  const meetingSection = organizer.getByRole("region", { name: "Meeting evaluation" });
  await meetingSection.getByText("Add a question").click();
  await meetingSection.getByLabel("Question").last().fill("Would you attend SIR 2024?");
  await meetingSection.getByLabel("Kind").last().selectOption("SINGLE_CHOICE");
  await meetingSection.getByLabel("Answers to choose from, one per line").last().fill("Yes\nNo\nNot sure");
  await meetingSection.getByRole("button", { name: "Add question" }).click();
  await expect(organizer.getByText("Question added.")).toBeVisible();
  // First in the question list; the seeded answers' results below name it too.
  await expect(meetingSection.getByText("Would you attend SIR 2024?").first()).toBeVisible();
  await expectNoAxeViolations(organizer);

  // The attendee: My CME leads to the meeting's evaluation.
  const attendee = await pageAs("attendee");
  await attendee.goto("/meetings/sir-2023/cme");
  await attendee.getByRole("link", { name: "Evaluate the meeting" }).click();
  await expect(attendee.getByRole("heading", { level: 1, name: "Meeting evaluation" })).toBeVisible();
  await expectNoAxeViolations(attendee);
  // A first try with one answer given: it stays chosen, and every missing answer is named.
  const objectives = attendee.getByRole("group", { name: /met its stated learning objectives/ });
  await objectives.getByLabel(/^5 Strongly agree$/).check();
  await attendee.getByRole("button", { name: "Send my evaluation" }).click();
  const summary = attendee.getByRole("alert").filter({ hasText: "answers need a look" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "What will you change in your practice as a result of this meeting?" })).toBeVisible();
  await expect(objectives.getByLabel(/^5 Strongly agree$/)).toBeChecked();
  await expectNoAxeViolations(attendee);

  for (const group of await attendee.getByRole("group").filter({ hasText: "Strongly agree" }).all()) await group.getByLabel(/^4 Agree$/).check();
  await attendee.getByRole("group", { name: /What is your profession/ }).getByLabel("Physician", { exact: true }).check();
  await attendee.getByRole("group", { name: /What will you change/ }).getByRole("textbox").fill("Offer radiation segmentectomy to more early-stage patients");
  await attendee.getByRole("group", { name: /free of commercial bias/ }).getByLabel("Yes, it was free of commercial bias").check();
  await attendee.getByRole("group", { name: /Would you attend SIR 2024/ }).getByLabel("Yes").check();
  await attendee.getByRole("button", { name: "Send my evaluation" }).click();
  await expect(attendee).toHaveURL(/\/meetings\/sir-2023\/cme\?done=evaluation$/);
  await expect(attendee.getByText("Thank you: your meeting evaluation is recorded.")).toBeVisible();
  await expect(attendee.getByText("Answered.")).toBeVisible();

  // A session he attended, without JavaScript.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await attendee.context().storageState() });
  const noJs = await plain.newPage();
  await noJs.goto("/meetings/sir-2023/cme");
  const evaluate = noJs.getByRole("link", { name: /Evaluate this session: Radiation Segmentectomy/ });
  await expect(evaluate).toHaveAttribute("href", `/meetings/sir-2023/cme/evaluation/${SESSION}`);
  await evaluate.click();
  await expect(noJs.getByRole("heading", { level: 1, name: /Evaluate “Radiation Segmentectomy for Early-Stage HCC”/ })).toBeVisible();
  for (const group of await noJs.getByRole("group").filter({ hasText: "Strongly agree" }).all()) await group.getByLabel(/^5 Strongly agree$/).check();
  await noJs.getByRole("group", { name: /free of commercial bias/ }).getByLabel("No, some of it was biased").check();
  await noJs.getByLabel("If not, what seemed biased?").fill("One device shown by brand name throughout");
  await noJs.getByRole("button", { name: "Send my evaluation" }).click();
  await expect(noJs.getByText("Thank you: your session evaluation is recorded.")).toBeVisible();
  await expect(noJs.getByText("Evaluated")).toBeVisible();
  await plain.close();

  // Results, without names.
  await organizer.reload();
  // The seed has other people's answers too: the counts are theirs and Sam's.
  await expect(meetingSection.getByText(/^\d+ responses? so far\.$/)).toBeVisible();
  await meetingSection.getByText(/^Read the \d+ answers?$/).first().click();
  await expect(meetingSection.getByText("Offer radiation segmentectomy to more early-stage patients")).toBeVisible();
  const sessionSection = organizer.getByRole("region", { name: "Session evaluation" });
  await sessionSection.getByText(/^What seemed biased \(\d+\)$/).click();
  await expect(sessionSection.getByText("One device shown by brand name throughout")).toBeVisible();
  await expect(organizer.getByText("Sam Patel", { exact: false }).filter({ hasNot: organizer.getByRole("banner") })).toHaveCount(0);
  await expectNoAxeViolations(organizer);
});

test("a session the attendee did not attend cannot be evaluated, and a signed-out visitor is asked to sign in", async ({ pageAs, page }) => {
  const attendee = await pageAs("attendee");
  const response = await attendee.goto("/meetings/sir-2023/cme/evaluation/dr-charles-t-dotter-lecture");
  expect(response?.status()).toBe(403);
  await expect(attendee.getByText(/once your attendance at it is recorded/)).toBeVisible();
  await page.goto("/meetings/sir-2023/cme/evaluation");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
