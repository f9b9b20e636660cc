// Another site's forms are refused, in one place, for every route that has an
// action (read from the production build, so a new one is covered at once),
// whichever of the three signals the browser sends; and nothing is written.
// The same requests from the app's own pages go through.
import { expect, test, type APIRequestContext, type APIResponse } from "./fixtures";
import { makeAccount, withE2eDatabase } from "./database";
import { addressOf, builtRoutes, type BuiltRoute } from "./route-table";
import { signInRequest } from "./sign-in";

const port = Number(process.env.E2E_PORT ?? 3100);
const APP = `http://localhost:${port}`;
const EVIL = "https://evil.example";
const REFUSAL = "This form was sent from another site";
// Webhooks come from other servers and prove themselves by signature (CROSS_SITE_EXEMPT_PATHS).
const EXEMPT = new Set(["/webhooks/stripe"]);

/** What a browser on another site (or a sandboxed frame) sends with a form: each alone is enough to refuse it. */
const FOREIGN: Record<string, Record<string, string>> = {
  "a foreign Origin": { Origin: EVIL },
  "Origin: null": { Origin: "null" },
  "only a foreign Referer": { Referer: `${EVIL}/innocent-page` },
  "Sec-Fetch-Site: cross-site": { "Sec-Fetch-Site": "cross-site", Origin: APP },
  "Sec-Fetch-Site: same-site": { "Sec-Fetch-Site": "same-site" },
};
/** What the app's own pages send. */
const OWN: Record<string, Record<string, string>> = {
  "the app's Origin": { Origin: APP },
  "Sec-Fetch-Site: same-origin": { "Sec-Fetch-Site": "same-origin", Origin: APP },
  "the app's Referer": { Referer: `${APP}/meetings/sir-2023` },
};

const LIVE_SESSION = "pediatric-vascular-anomalies";
const QUESTION = "Cross-site check: does this reach the board?";

type Writes = { schedule: number; feeds: number; questions: number; signIns: number };

function writesOf(email: string, sessionId: string): Promise<Writes> {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ schedule: string; feeds: string; questions: string; sign_ins: string }>(
      `SELECT (SELECT count(*) FROM "ScheduleItem" WHERE "userId" = u.id AND "sessionId" = $2) AS schedule,
              (SELECT count(*) FROM "CalendarFeed" f JOIN "Meeting" m ON m.id = f."meetingId" WHERE f."userId" = u.id AND m.slug = 'sir-2023') AS feeds,
              (SELECT count(*) FROM "AudienceQuestion" WHERE "authorId" = u.id AND body = $3) AS questions,
              (SELECT count(*) FROM "LoginSession" WHERE "userId" = u.id AND "expiresAt" > now()) AS sign_ins
         FROM "User" u WHERE u.email = $1`,
      [email, sessionId, QUESTION],
    );
    const row = rows[0]!;
    return { schedule: Number(row.schedule), feeds: Number(row.feeds), questions: Number(row.questions), signIns: Number(row.sign_ins) };
  });
}

async function expectRefused(response: APIResponse, what: string) {
  expect(response.status(), what).toBe(403);
  const page = await response.text();
  expect(page, what).toContain(REFUSAL);
  expect(page, what).not.toMatch(/<script/i);
  expect(response.headers()["set-cookie"], what).toBeUndefined();
}

let routes: BuiltRoute[];
let sessionId: string;

test.beforeAll(async () => {
  routes = (await builtRoutes()).filter((route) => route.hasAction);
  sessionId = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(`SELECT s.id FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = 'sir-2023' AND s.slug = $1`, [LIVE_SESSION]);
    return rows[0]!.id;
  });
});

test.afterAll(async () => {
  // Leave the live session's board as the other specs expect to find it.
  await withE2eDatabase(async (db) => {
    await db.query(`DELETE FROM "QaEvent" WHERE "questionId" IN (SELECT id FROM "AudienceQuestion" WHERE body = $1)`, [QUESTION]);
    await db.query(`DELETE FROM "AudienceQuestion" WHERE body = $1`, [QUESTION]);
  });
});

test("every route with an action refuses another site's POST with a 403 page, and its own site's POST gets through", async ({ playwright }) => {
  test.setTimeout(120_000);
  expect(routes.length, "the build has action routes").toBeGreaterThan(20);
  const attendee = await playwright.request.newContext({ baseURL: APP });
  const organizer = await playwright.request.newContext({ baseURL: APP });
  // Sign-ins of their own, not fixtures.ts's saved ones: the walk posts to /logout last.
  await signInRequest(attendee, "attendee");
  await signInRequest(organizer, "organizer");
  const params = { meeting: "sir-2023", session: LIVE_SESSION, speaker: "no-such-speaker", registration: "no-such-registration", order: "no-such-order", token: "no-such-token", user: "no-such-user", abstract: "no-such-abstract", assignment: "no-such-assignment", number: "0" };
  // Signing out would end the sign-in the rest of the walk uses: it goes last.
  const ordered = [...routes].sort((a, b) => Number(a.id === "routes/_accounts+/logout") - Number(b.id === "routes/_accounts+/logout"));

  for (const route of ordered) {
    const address = addressOf(route, params, true);
    const form = { intent: "cross-site-probe" };
    if (EXEMPT.has(address)) {
      const response = await attendee.post(address, { headers: FOREIGN["a foreign Origin"], form, maxRedirects: 0 });
      expect(await response.text(), `${address} is exempt`).not.toContain(REFUSAL);
      continue;
    }
    for (const [name, headers] of Object.entries(FOREIGN)) {
      await expectRefused(await attendee.post(address, { headers, form, maxRedirects: 0 }), `POST ${address} with ${name}`);
    }
    // Their own site's form reaches the route: whatever it answers (a 403 of the route's
    // own, such as evaluating a session one did not attend, included), it is not the refusal.
    const own = address.startsWith("/organize/") || address.endsWith("/moderate") ? organizer : attendee;
    const response = await own.post(address, { headers: OWN["the app's Origin"], form, maxRedirects: 0 });
    expect(await response.text(), `POST ${address} from the app`).not.toContain(REFUSAL);
    expect(response.status(), `POST ${address} from the app`).toBeLessThan(500);
  }
  await attendee.dispose();
  await organizer.dispose();
});

test("forged writes change nothing: a schedule add, a calendar feed, a question, signing out other devices, a sign-in, a realtime ticket", async ({ playwright }) => {
  // An attendee of their own: the app's own request at the end signs out their other devices,
  // which would end the demo attendee's sign-in that fixtures.ts saved for the specs after this one.
  const person = await makeAccount("Cross-Site Target", "a good password", [{ meeting: "sir-2023", role: "ATTENDEE" }]);
  const attendee = await playwright.request.newContext({ baseURL: APP });
  const otherDevice = await playwright.request.newContext({ baseURL: APP });
  await signInRequest(attendee, person);
  await signInRequest(otherDevice, person);
  const visitor = await playwright.request.newContext({ baseURL: APP });

  const writes: [string, (context: APIRequestContext, headers: Record<string, string>) => Promise<APIResponse>][] = [
    ["a schedule add", (c, headers) => c.post("/meetings/sir-2023/schedule", { headers, form: { intent: "add", sessionId, stay: "1" }, maxRedirects: 0 })],
    ["a calendar feed", (c, headers) => c.post("/meetings/sir-2023/schedule", { headers, form: { intent: "create-feed" }, maxRedirects: 0 })],
    ["a question", (c, headers) => c.post(`/meetings/sir-2023/sessions/${LIVE_SESSION}/live`, { headers, form: { intent: "ask", body: QUESTION }, maxRedirects: 0 })],
    ["signing out other devices", (c, headers) => c.post("/account", { headers, form: { intent: "sign-out-other-devices" }, maxRedirects: 0 })],
  ];
  const before = await writesOf(person.email, sessionId);
  expect(before.signIns).toBeGreaterThanOrEqual(2);
  for (const [name, headers] of Object.entries(FOREIGN)) {
    for (const [what, send] of writes) await expectRefused(await send(attendee, headers), `${what} with ${name}`);
    const ticket = await attendee.post("/realtime/ticket", { headers, maxRedirects: 0 });
    await expectRefused(ticket, `a realtime ticket with ${name}`);
    // A forged sign-in would put the victim in the attacker's account.
    await expectRefused(await visitor.post("/login", { headers, form: person, maxRedirects: 0 }), `a sign-in with ${name}`);
  }
  expect(await writesOf(person.email, sessionId)).toEqual(before);
  expect((await otherDevice.get("/account", { maxRedirects: 0 })).status(), "the other device is still signed in").toBe(200);

  // The same requests from the app's own pages, with each of its signals, do what they say.
  const [add, feed, question, signOutOthers] = writes.map(([, send]) => send);
  expect((await add!(attendee, OWN["the app's Origin"]!)).status()).toBe(200);
  expect((await feed!(attendee, OWN["Sec-Fetch-Site: same-origin"]!)).status()).toBe(303);
  expect((await question!(attendee, OWN["the app's Referer"]!)).status()).toBe(302);
  const ticket = await attendee.post("/realtime/ticket", { headers: OWN["the app's Origin"], maxRedirects: 0 });
  expect(ticket.status()).toBe(200);
  expect((await ticket.json()) as { ticket: string | null }).toMatchObject({ ticket: expect.any(String) });
  expect((await signOutOthers!(attendee, OWN["the app's Origin"]!)).status()).toBe(200);
  expect(await writesOf(person.email, sessionId)).toMatchObject({ schedule: before.schedule + 1, feeds: 1, questions: before.questions + 1, signIns: 1 });
  expect((await otherDevice.get("/account", { maxRedirects: 0 })).status(), "the other device was signed out").toBe(302);
  // A request from no browser at all (curl, a script) carries none of the signals, and no victim's cookie.
  expect((await visitor.post("/login", { form: person, maxRedirects: 0 })).status()).toBe(302);

  await Promise.all([attendee.dispose(), otherDevice.dispose(), visitor.dispose()]);
});
