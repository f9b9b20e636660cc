// The whole call for abstracts, as its people do it: an author writes and
// submits two abstracts; the chair assigns reviewers with the automatic plan;
// the reviewer scores both blind; the chair accepts one as an oral, placed in
// an abstract session, and one as an e-poster, sends the decisions and
// publishes; the talk is in the published program, its calendar and the frab
// export, and the e-poster in the gallery. On a meeting of the spec's own, so
// the seeded call and program stay as they are for the other specs.
import { randomUUID } from "node:crypto";
import { DEFAULT_CRITERIA, STRUCTURED_SECTIONS } from "../app/models/abstracts/call-defaults";
import { href } from "../app/utils/href";
import { grantRole, insertMeeting, makeAccount, withE2eDatabase } from "./database";
import { expect, test, type Browser, type Page } from "./fixtures";
import { signInWithForm, type Account } from "./sign-in";

const tag = randomUUID().slice(0, 8);
const slug = `e2e-call-${tag}`;
const SESSION = "io-orals";
const ORAL = `Microwave ablation of small hepatocellular carcinoma ${tag}`;
const POSTER = `Genicular artery embolization for knee pain ${tag}`;
const AUTHOR = `Ana Quintero ${tag}`;
const INSTITUTION = `Hospital Clínic de Barcelona ${tag}`;

// One journey in steps: each needs the one before.
test.describe.configure({ mode: "serial" });

let author: Account;
let reviewer: Account;

test.beforeAll(async () => {
  author = await makeAccount(AUTHOR, "author-journey-password");
  reviewer = await makeAccount(`Rene Reviewer ${tag}`, "reviewer-journey-password", []);
  const id = () => randomUUID();
  await withE2eDatabase(async (client) => {
    const meetingId = await insertMeeting(client, { slug, name: `Journey Meeting ${tag}`, description: "A meeting of the abstracts journey." });
    const trackId = id();
    const roomId = id();
    await client.query(`INSERT INTO "Track" (id, "meetingId", slug, name, colour) VALUES ($1, $2, 'oncology', 'Interventional Oncology', '#b91c1c')`, [trackId, meetingId]);
    await client.query(`INSERT INTO "Room" (id, "meetingId", name, kind, position) VALUES ($1, $2, 'Hall A', 'ROOM', 0)`, [roomId, meetingId]);
    await client.query(
      `INSERT INTO "Session" (id, "meetingId", slug, title, kind, "startsAt", "endsAt", "roomId", "trackId") VALUES ($1, $2, $3, 'Oncology Orals', 'ABSTRACT_SESSION', '2027-03-21T16:00:00Z', '2027-03-21T17:00:00Z', $4, $5)`,
      [id(), meetingId, SESSION, roomId, trackId],
    );
    await grantRole(client, meetingId, "organizer@example.org", "ORGANIZER");
    await grantRole(client, meetingId, reviewer.email, "REVIEWER");
    const callId = id();
    await client.query(
      `INSERT INTO "AbstractCall" (id, "meetingId", "opensAt", "closesAt", "confirmBy", "reviewsPerAbstract", "totalCharacterLimit") VALUES ($1, $2, now() - interval '10 days', now() + interval '30 days', now() + interval '60 days', 1, 4000)`,
      [callId, meetingId],
    );
    for (const [position, section] of STRUCTURED_SECTIONS.entries()) {
      await client.query(`INSERT INTO "AbstractSection" (id, "callId", key, title, "limit", position) VALUES ($1, $2, $3, $4, $5, $6)`, [id(), callId, section.key, section.title, section.limit, position]);
    }
    for (const [position, criterion] of DEFAULT_CRITERIA.entries()) {
      await client.query(`INSERT INTO "ReviewCriterion" (id, "callId", key, name, weight, position) VALUES ($1, $2, $3, $4, $5, $6)`, [id(), callId, criterion.key, criterion.name, criterion.weight, position]);
    }
    const topicId = id();
    await client.query(`INSERT INTO "AbstractTopic" (id, "callId", slug, name, "trackId") VALUES ($1, $2, 'oncology', 'Interventional Oncology', $3)`, [topicId, callId, trackId]);
    const reviewerId = id();
    await client.query(
      `INSERT INTO "AbstractReviewer" (id, "callId", "userId", email, name, institution, "acceptedAt") SELECT $1, $2, id, email, name, 'Stanford Health Care', now() FROM "User" WHERE email = $3`,
      [reviewerId, callId, reviewer.email],
    );
    await client.query(`INSERT INTO "AbstractReviewerTopic" ("reviewerId", "topicId") VALUES ($1, $2)`, [reviewerId, topicId]);
  });
});

async function signedIn(browser: Browser, account: Account): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(href.login());
  await signInWithForm(page, account);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

async function writeAbstract(page: Page, title: string) {
  await page.goto(href.abstracts(slug));
  await page.getByRole("button", { name: "Start an abstract" }).click();
  await expect(page.getByRole("heading", { name: "Draft abstract", level: 1 })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Topic").selectOption({ label: "Interventional Oncology" });
  for (const section of STRUCTURED_SECTIONS) await page.getByLabel(section.title, { exact: true }).fill(`${section.title} of “${title}”: forty patients, one year.`);
  await page.getByLabel("Keywords").fill("ablation, outcomes");
  await page.getByLabel("Name", { exact: true }).first().fill(AUTHOR);
  await page.getByLabel("Institution").first().fill(INSTITUTION);
  await page.getByLabel("Country").first().fill("Spain");
  await page.getByLabel("Presents the abstract").first().check();
  await page.getByRole("button", { name: "Submit abstract" }).click();
  await expect(page.getByText("Your abstract is submitted.")).toBeVisible();
  return Number((await page.getByRole("heading", { level: 1 }).textContent())!.replace(/\D/g, ""));
}

let numbers: { oral: number; poster: number };

test("an author writes and submits two abstracts, each numbered", async ({ browser }) => {
  const page = await signedIn(browser, author);
  numbers = { oral: await writeAbstract(page, ORAL), poster: await writeAbstract(page, POSTER) };
  expect(numbers.poster).toBe(numbers.oral + 1);
  await page.goto(href.abstracts(slug));
  await expect(page.getByText(ORAL)).toBeVisible();
  await expect(page.getByText(POSTER)).toBeVisible();
});

test("the chair assigns the reviewer with the automatic plan, and the reviewer scores both abstracts without seeing who wrote them", async ({ browser, pageAs }) => {
  const chair = await pageAs("organizer");
  await chair.goto(href.organize.reviewAssignments(slug));
  await chair.getByRole("button", { name: "Plan assignments" }).click();
  await chair.getByRole("button", { name: "Apply 2 assignments" }).click();
  await expect(chair.getByText(/Every abstract has its reviewers|2 assignments/).first()).toBeVisible();

  const page = await signedIn(browser, reviewer);
  await page.goto(href.reviews(slug));
  await expect(page.getByRole("heading", { name: "My reviews", level: 1 })).toBeVisible();
  for (const [title, score] of [
    [ORAL, "5"],
    [POSTER, "3"],
  ] as const) {
    await page.getByRole("link", { name: new RegExp(title) }).click();
    await expect(page.getByText(`Purpose of “${title}”`)).toBeVisible();
    // Blind: neither the author nor the institution is anywhere on the page.
    await expect(page.locator("body")).not.toContainText(AUTHOR);
    await expect(page.locator("body")).not.toContainText(INSTITUTION);
    for (const criterion of DEFAULT_CRITERIA) await page.getByRole("group", { name: new RegExp(`^${criterion.name}`) }).getByLabel(score, { exact: true }).check();
    await page.getByLabel(score === "5" ? "Oral presentation" : "E-poster", { exact: true }).check();
    await page.getByLabel("Comment for the authors").fill(`Clear work on ${title}.`);
    await page.getByRole("button", { name: "Submit review" }).click();
    await expect(page.getByText("Review submitted. Thank you.")).toBeVisible();
  }
});

async function abstractId(title: string): Promise<string> {
  return withE2eDatabase(async (client) => (await client.query<{ id: string }>(`SELECT id FROM "Abstract" WHERE title = $1`, [title])).rows[0]!.id);
}

test("the chair accepts one as an oral placed in an abstract session and one as an e-poster, tells the authors and publishes", async ({ pageAs }) => {
  const chair = await pageAs("organizer");
  const oralId = await abstractId(ORAL);
  const posterId = await abstractId(POSTER);
  await chair.goto(href.organize.abstractDecisions(slug));
  await chair.locator(`#decision-${oralId}`).selectOption("ORAL");
  await chair.getByRole("button", { name: `Propose a decision for abstract ${numbers.oral}` }).click();
  await expect(chair.getByText(`Abstract ${numbers.oral} proposed as oral.`)).toBeVisible();
  await chair.getByLabel("Abstract session").selectOption(SESSION);
  await chair.getByRole("button", { name: `Place abstract ${numbers.oral} in the session` }).click();
  await expect(chair.getByText("Placed in the draft: publish from Publish.", { exact: true })).toBeVisible();
  await chair.locator(`#decision-${posterId}`).selectOption("EPOSTER");
  await chair.getByRole("button", { name: `Propose a decision for abstract ${numbers.poster}` }).click();
  await expect(chair.getByText(`Abstract ${numbers.poster} proposed as e-poster.`)).toBeVisible();

  await chair.goto(href.organize.abstractNotifications(slug));
  await chair.getByRole("button", { name: "Send 2 notifications" }).click();
  await expect(chair.getByText(/Queued \d+ e-mails? telling the authors of 2 abstracts/)).toBeVisible();

  await chair.goto(href.organize.publish(slug));
  const confirm = chair.getByLabel("I have looked at the clashes and want to publish anyway");
  if (await confirm.isVisible()) await confirm.check();
  await chair.getByRole("button", { name: /^Publish release/ }).click();
  await expect(chair.getByRole("status").filter({ hasText: /Release \d+ is published/ })).toBeVisible();
});

test("the talk is in the published program, its calendar and the frab export, and the e-poster in the gallery", async ({ page, request }) => {
  await page.goto(href.session(slug, SESSION));
  await expect(page.getByText(ORAL).first()).toBeVisible();
  await expect(page.getByRole("link", { name: AUTHOR }).first()).toBeVisible();
  await expect(page.getByText(`Abstract ${numbers.oral}`).first()).toBeVisible();

  const frab = await (await request.get(href.frabJson(slug))).json();
  type Day = { rooms: Record<string, { title: string; start: string }[]> };
  const events = (frab.schedule.conference.days as Day[]).flatMap((day) => Object.values(day.rooms).flat());
  expect(events.find((event) => event.title === ORAL)?.start).toBe("09:00");
  const calendar = await (await request.get(href.agendaCalendar(slug))).text();
  expect(calendar.replace(/\r\n /g, "")).toContain(ORAL);

  await page.goto(href.posters(slug));
  await expect(page.getByText(POSTER).first()).toBeVisible();
  await expect(page.getByText(ORAL)).toHaveCount(0);
  await page.getByRole("link", { name: new RegExp(POSTER) }).first().click();
  await expect(page.getByRole("heading", { name: new RegExp(POSTER) })).toBeVisible();
  await expect(page.getByText(AUTHOR).first()).toBeVisible();
});
