// No request of any shape gets a 5xx. Every route of the production build is
// walked (a route added later is walked too) with real addresses of the seeded
// meetings, odd parameters and query strings, every action is sent a corpus of
// bodies no form makes, and a list of broken paths is asked for: signed out,
// as the demo attendee and as the organizer. The bodies are built so that none
// is a valid submission (every one carries an intent no form has, and no valid
// e-mail, slug or time), so the walk changes nothing the other specs rely on.
import { expect, test, type APIRequestContext } from "./fixtures";
import { withE2eDatabase } from "./database";
import { addressOf, builtRoutes, type BuiltRoute } from "./route-table";
import { signInRequest } from "./sign-in";

const port = Number(process.env.E2E_PORT ?? 3100);
const APP = `http://localhost:${port}`;
/** Requests in flight at once: enough to overlap database waits on two cores, few enough not to time out. */
const CONCURRENCY = 4;

type Role = "signed out" | "attendee" | "organizer";
type Probe = { role: Role; method: string; address: string; label: string; headers?: Record<string, string>; data?: string | Buffer };

let contexts: Record<Role, APIRequestContext>;
let routes: BuiltRoute[];
let realParams: Record<"sir-2023" | "sio-2023", Record<string, string>>;
let sent = 0;

/** Sends every probe, a few at a time, and returns those answered with a 5xx (or not at all). */
async function run(probes: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const what = `${probe.role}: ${probe.method} ${probe.address.length > 140 ? `${probe.address.slice(0, 140)}…` : probe.address} [${probe.label}]`;
      try {
        // Always this server: "//host/…" alone would be read as another host.
        const response = await contexts[probe.role].fetch(`${APP}${probe.address}`, {
          method: probe.method,
          headers: probe.headers,
          data: probe.data,
          maxRedirects: 0,
          failOnStatusCode: false,
          timeout: 30_000,
        });
        sent++;
        if (response.status() >= 500) failures.push(`${what} → ${response.status()}: ${(await response.text()).slice(0, 160)}`);
        await response.dispose();
      } catch (error) {
        failures.push(`${what} → no answer: ${(error as Error).message.split("\n")[0]}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

/** Sends each round of probes once the one before is done, logs how many requests took how long, and returns what failed. */
async function walk(what: string, rounds: Probe[][]): Promise<string[]> {
  const started = Date.now();
  const failures: string[] = [];
  for (const round of rounds) failures.push(...(await run(round)));
  console.log(`${what}: ${rounds.flat().length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failures;
}

const ROLES: Role[] = ["signed out", "attendee", "organizer"];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  routes = await builtRoutes();
  contexts = {
    "signed out": await playwright.request.newContext({ baseURL: APP }),
    attendee: await playwright.request.newContext({ baseURL: APP }),
    organizer: await playwright.request.newContext({ baseURL: APP }),
  };
  // Sign-ins of their own, not fixtures.ts's saved ones: the walk posts to /logout last.
  await signInRequest(contexts.attendee, "attendee");
  await signInRequest(contexts.organizer, "organizer");
  realParams = await withE2eDatabase(async (db) => {
    const first = async (sql: string, slug: string) => (await db.query<{ value: string }>(sql, [slug])).rows[0]?.value ?? "none-seeded";
    const forMeeting = async (slug: "sir-2023" | "sio-2023") => ({
      meeting: slug,
      session: await first(`SELECT s.slug AS value FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = $1 ORDER BY s."startsAt", s.slug LIMIT 1`, slug),
      speaker: await first(`SELECT s.slug AS value FROM "Speaker" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = $1 ORDER BY s.slug LIMIT 1`, slug),
      track: await first(`SELECT t.slug AS value FROM "Track" t JOIN "Meeting" m ON m.id = t."meetingId" WHERE m.slug = $1 ORDER BY t.position, t.slug LIMIT 1`, slug),
      registration: await first(`SELECT r.id AS value FROM "Registration" r JOIN "Meeting" m ON m.id = r."meetingId" JOIN "User" u ON u.id = r."userId" WHERE m.slug = $1 ORDER BY u.email = 'attendee@example.org' DESC, r.id LIMIT 1`, slug),
      order: await first(`SELECT o.id AS value FROM "RegistrationOrder" o JOIN "Registration" r ON r.id = o."registrationId" JOIN "Meeting" m ON m.id = r."meetingId" JOIN "User" u ON u.id = r."userId" WHERE m.slug = $1 ORDER BY u.email = 'attendee@example.org' DESC, o.id LIMIT 1`, slug),
      // The projector's short address of the session above (app/models/live-qa/ask-link.server.ts).
      code: await first(`SELECT left(encode(sha256(convert_to(s.id, 'UTF8')), 'hex'), 7) AS value FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.slug = $1 ORDER BY s."startsAt", s.slug LIMIT 1`, slug),
      // Someone with a registration for the meeting: their attendance record in the console.
      user: await first(`SELECT r."userId" AS value FROM "Registration" r JOIN "Meeting" m ON m.id = r."meetingId" JOIN "User" u ON u.id = r."userId" WHERE m.slug = $1 ORDER BY u.email = 'attendee@example.org' DESC, r.id LIMIT 1`, slug),
      document: await first(`SELECT d.id AS value FROM "VerificationDocument" d JOIN "Registration" r ON r.id = d."registrationId" JOIN "Meeting" m ON m.id = r."meetingId" WHERE m.slug = $1 LIMIT 1`, slug),
      // The attendee's own abstract when there is one, a reviewer's assignment, a published poster's number.
      abstract: await first(`SELECT a.id AS value FROM "Abstract" a JOIN "AbstractCall" c ON c.id = a."callId" JOIN "Meeting" m ON m.id = c."meetingId" JOIN "User" u ON u.id = a."submitterId" WHERE m.slug = $1 ORDER BY u.email = 'attendee@example.org' DESC, a.number LIMIT 1`, slug),
      assignment: await first(`SELECT r.id AS value FROM "ReviewAssignment" r JOIN "Abstract" a ON a.id = r."abstractId" JOIN "AbstractCall" c ON c.id = a."callId" JOIN "Meeting" m ON m.id = c."meetingId" WHERE m.slug = $1 ORDER BY r.id LIMIT 1`, slug),
      number: await first(`SELECT a.number::text AS value FROM "Poster" p JOIN "Abstract" a ON a.id = p."abstractId" JOIN "AbstractCall" c ON c.id = a."callId" JOIN "Meeting" m ON m.id = c."meetingId" WHERE m.slug = $1 ORDER BY a.number LIMIT 1`, slug),
      // Secrets are never in the database in the clear: addresses of the right shape that open nothing.
      token: "k".repeat(43),
      feed: `${"f".repeat(43)}.ics`,
    });
    return { "sir-2023": await forMeeting("sir-2023"), "sio-2023": await forMeeting("sio-2023") };
  });
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((context) => context.dispose()));
});

/** Remix's single-fetch address of a page: what a browser with JavaScript asks for. */
const dataAddress = (address: string) => (address === "/" ? "/_root.data" : `${address.replace(/\/$/, "")}.data`);

/** Values no slug, id or token has: markup, a climb out of the folder, an emoji with a bidi override, a prototype key, the longest segment let in, a double-encoded NUL. */
const ODD_SEGMENTS = ["%27%22%3Cb%3E", "..%2F..%2Fetc", "%F0%9F%99%82%E2%80%AE", "__proto__", "x".repeat(255), "%2500"];
const ODD_QUERY = `?${new URLSearchParams({ day: "2023-02-30", track: "__proto__", audience: "%", kind: "'", level: "-1", q: "q".repeat(2000), sort: "🙂", done: "x", status: "[]", redirectTo: "//evil.example", session_id: "cs_x", order: "-1", index: "" })}&day=%E0%A4%A&q=%`;

test("every page and resource, with real and odd parameters and odd query strings: no 5xx", async () => {
  test.setTimeout(150_000);
  const pages = routes.filter((route) => route.hasLoader);
  expect(pages.length, "the build has routes").toBeGreaterThan(40);
  const probes: Probe[] = [];
  for (const route of pages) {
    const sir = addressOf(route, realParams["sir-2023"]);
    const sio = addressOf(route, realParams["sio-2023"]);
    // Only this route's loader, as a browser's single fetch asks: no parent's 404 stands in front of it.
    const alone = (address: string) => `${dataAddress(address)}?_routes=${encodeURIComponent(route.id)}`;
    for (const role of ROLES) probes.push({ role, method: "GET", address: sir, label: "sir-2023" }, { role, method: "GET", address: alone(sir), label: "single fetch" });
    probes.push({ role: "signed out", method: "GET", address: sio, label: "sio-2023" }, { role: "organizer", method: "GET", address: sio, label: "sio-2023" });
    probes.push({ role: "organizer", method: "GET", address: `${sir}${ODD_QUERY}`, label: "odd query" });
    const names = route.pattern.match(/(?<=:)\w+/g) ?? [];
    for (const name of names) {
      // The meeting is every page's first parameter: two odd values are enough there; a page's own parameter gets them all.
      for (const odd of name === "meeting" && names.length > 1 ? ODD_SEGMENTS.slice(0, 2) : ODD_SEGMENTS) {
        const address = addressOf(route, { ...realParams["sir-2023"], [name]: odd });
        probes.push({ role: "organizer", method: "GET", address: alone(address), label: `odd :${name}` }, { role: "signed out", method: "GET", address, label: `odd :${name}` });
      }
    }
  }
  expect(await walk("pages", [probes])).toEqual([]);
});

const boundary = "----fuzz-boundary";
const part = (name: string, value: string | Buffer, filename?: string) =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: application/octet-stream` : ""}\r\n\r\n`),
    Buffer.from(value),
    Buffer.from("\r\n"),
  ]);
const multipart = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
const MULTIPART = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
const URLENCODED = { "Content-Type": "application/x-www-form-urlencoded" };
/** Field names the app's forms use; each body gives them values no form would send. */
const FIELDS = ["intent", "sessionId", "questionId", "body", "email", "password", "name", "redirectTo", "category", "attendance", "promoCode", "slug", "day", "start", "csv", "draftVersion", "role", "proofMethod", "key", "speaker", "anonymous", "order", "token"];
const JUNK_INTENT = "no-such-intent";
const form = (values: Record<string, string>) => new URLSearchParams({ intent: JUNK_INTENT, ...values }).toString();

/** Bodies no form of ours sends. */
const BODIES: { label: string; headers?: Record<string, string>; data?: string | Buffer }[] = [
  { label: "no body" },
  { label: "JSON", headers: { "Content-Type": "application/json" }, data: JSON.stringify({ intent: "add", sessionId: 1, body: { nested: true } }) },
  { label: "broken multipart", headers: MULTIPART, data: `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nadd` },
  { label: "multipart without a boundary", headers: { "Content-Type": "multipart/form-data" }, data: "intent=add" },
  { label: "text/plain", headers: { "Content-Type": "text/plain" }, data: "intent=add&sessionId=1" },
  { label: "1 MB", headers: URLENCODED, data: form({ body: "a".repeat(1024 * 1024) }) },
  { label: "NUL bytes", headers: URLENCODED, data: `intent=%00&${FIELDS.slice(1).map((field) => `${field}=a%00b`).join("&")}` },
  { label: "NUL bytes in multipart", headers: MULTIPART, data: multipart(part("intent", JUNK_INTENT), part("body", "a\u0000b"), part("email", "\u0000@example.org")) },
  { label: "duplicated fields", headers: URLENCODED, data: FIELDS.flatMap((field) => [`${field}=${JUNK_INTENT}`, `${field}=-1`]).join("&") },
  { label: "wrong types", headers: URLENCODED, data: form({ sessionId: "[object Object]", questionId: "1e999", draftVersion: "NaN", anonymous: "maybe", day: "2023-13-45", start: "25:61", attendance: "-1", category: "__proto__", order: "null", "addOns[]": "x", "constructor[prototype]": "x" }) },
  { label: "files for fields", headers: MULTIPART, data: multipart(...FIELDS.map((field) => part(field, Buffer.from([0, 255, 0xc3, 0x28, 10]), `${field}.bin`))) },
  { label: "huge field values", headers: URLENCODED, data: form(Object.fromEntries(FIELDS.slice(1).map((field) => [field, "x".repeat(20_000)]))) },
  { label: "broken escapes", headers: URLENCODED, data: "intent=%E0%A4%A&body=%&email=%ZZ&sessionId=%C0%AF" },
  { label: "big binary file", headers: MULTIPART, data: multipart(part("intent", JUNK_INTENT), part("proofDocument", Buffer.alloc(300 * 1024, 0x9a), "scan.pdf"), part("file", Buffer.alloc(64 * 1024, 0), "program.csv")) },
];

test("every action, sent bodies no form makes, signed out and signed in: no 5xx", async () => {
  test.setTimeout(150_000);
  const actions = routes.filter((route) => route.hasAction);
  expect(actions.length, "the build has action routes").toBeGreaterThan(20);
  const probes: Probe[] = [];
  // Signing out would end the sign-in the rest of the walk uses: it goes in a last round.
  const last: Probe[] = [];
  for (const route of actions) {
    const address = addressOf(route, realParams["sir-2023"], true);
    for (const role of ROLES) {
      for (const body of BODIES) (route.id === "routes/_accounts+/logout" ? last : probes).push({ role, method: "POST", address, label: body.label, headers: body.headers, data: body.data });
      probes.push({ role, method: "POST", address: `${dataAddress(address.replace(/\?index$/, ""))}${route.index ? "?index" : ""}`, label: "single fetch, broken escapes", headers: URLENCODED, data: "intent=%E0%A4%A&body=%" });
    }
  }
  expect(await walk("actions", [probes, last])).toEqual([]);
});

test("broken addresses, methods and headers get a 4xx with a plain message: no 5xx", async () => {
  const paths = [
    "/meetings/%00",
    "/meetings/%E0%A4%A",
    "/meetings/%",
    "/meetings/%C0%AF",
    "/meetings/sir-2023/sessions/%00",
    "/meetings/sir-2023/sessions/a%0Ab",
    "/meetings/sir-2023/tracks/%00.ics",
    "/meetings/sir-2023/sessions/%ED%A0%80.ics",
    `/meetings/${"y".repeat(4000)}`,
    `/meetings/sir-2023/agenda?q=${"q".repeat(12_000)}`,
    "/calendar/%00.ics",
    "/calendar/.ics",
    "/%2e%2e/%2e%2e/etc/passwd",
    "//evil.example/%2F..",
    "/meetings/sir-2023/schedule.data?_routes=%00",
    "/meetings/sir-2023/agenda.data?_routes=nothing,root,,",
    "/_root.data?_routes=routes%2Forganize.%24meeting",
    "/assets/%00.js",
    "/assets/..%2F..%2Fpackage.json",
    "/meetings/sir-2023/agenda?day=%00",
  ];
  const probes: Probe[] = [];
  for (const role of ROLES) for (const address of paths) probes.push({ role, method: "GET", address, label: "broken address" });
  for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]) {
    probes.push({ role: "attendee", method, address: "/meetings/sir-2023/schedule", label: "method", headers: URLENCODED, data: "intent=create-feed" });
  }
  for (const headers of [{ "X-Forwarded-Host": "a b" } as Record<string, string>, { "X-Forwarded-Proto": "gopher" }, { "X-Forwarded-Host": "localhost:99999" }, { Origin: "not a url" }, { Referer: "::" }, { "Sec-Fetch-Site": "" }]) {
    probes.push({ role: "attendee", method: "POST", address: "/meetings/sir-2023/schedule", label: `headers ${JSON.stringify(headers)}`, headers: { ...URLENCODED, ...headers }, data: form({}) });
  }
  expect(await run(probes)).toEqual([]);

  // The refusals are the plain pages, not Remix's error boundary or a stack trace.
  const nul = await contexts["signed out"].get("/meetings/%00");
  expect(nul.status()).toBe(400);
  expect(await nul.text()).toContain("This address is not valid");
  const put = await contexts.attendee.fetch("/meetings/sir-2023/schedule", { method: "PUT", maxRedirects: 0 });
  expect(put.status()).toBe(405);
  expect(put.headers()["allow"]).toBe("GET, HEAD, POST");
  // And the server, and its database, are still well after all of it.
  const health = await contexts["signed out"].get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  console.log(`fuzz: ${sent} requests in all`);
});
