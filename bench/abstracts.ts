// npm run bench:abstracts [-- --duration 60 --authors 200 --json]
//
// The last ten minutes before an abstract deadline, compressed into --duration
// seconds (600 = the real ten minutes), against a production build on its own
// seeded database (e2e/server.ts, in its own process so the load generator does
// not steal its CPU), over loopback. Arranged straight in the database: a call
// closing after the run, N authors (real accounts, each with a real LoginSession
// and the server's own signed session cookie) and a draft each. Then every
// author autosaves as the page's fetcher does (POST …/abstracts/:id.data,
// intent=autosave, the revision it last saw) every 10 s, jittered, while the
// text grows, and submits once in the last fifth of the run. Reported: p50/p99
// of autosave and of submit, counts and errors, and what the database says
// afterwards: every author has exactly one submitted abstract, every number
// unique (no lost and no duplicated submission). Target: p99 < 300 ms.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createCookie } from "@remix-run/node";
import pg from "pg";
import { startProductionServer } from "./production-server";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    authors: { type: "string", default: "200" },
    port: { type: "string", default: "3310" },
    json: { type: "boolean", default: false },
  },
});
const duration = Number(args.duration);
const authorCount = Number(args.authors);
const port = Number(args.port);
if (!(duration >= 10 && duration <= 900) || !(authorCount >= 1 && authorCount <= 2000)) throw new Error("--duration (10..900 s) and --authors (1..2000) please");
const origin = `http://127.0.0.1:${port}`;
const appOrigin = `http://localhost:${port}`;
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
// e2e/server.ts's default; the cookie below is signed with it, as the server signs its own.
const SESSION_SECRET = "e2e-session-secret-that-is-long-enough-0123456789";
const sessionCookie = createCookie("__Host-meetings_session", { httpOnly: true, sameSite: "lax", path: "/", secure: true, secrets: [SESSION_SECRET] });

const SECTIONS = [
  { key: "purpose", title: "Purpose", limit: 800 },
  { key: "methods", title: "Materials and Methods", limit: 1400 },
  { key: "results", title: "Results", limit: 1200 },
  { key: "conclusion", title: "Conclusion", limit: 600 },
];
const PROSE = "Selective embolization of the target vessels was performed under cone-beam CT guidance in consecutive patients with follow-up imaging at three and six months. ";

type Author = { index: number; abstractId: string; cookie: string; revision: number; saves: number; submitted: boolean };

async function arrange(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const run = randomBytes(4).toString("hex");
  const meetingSlug = `bench-call-${run}`;
  try {
    await db.query("BEGIN");
    const society = await db.query<{ id: string }>(`SELECT id FROM "Society" ORDER BY slug LIMIT 1`);
    await db.query(
      `INSERT INTO "Meeting" (id, slug, name, "societyId", "startsOn", "endsOn", "timeZone", format, description)
       VALUES ($1, $2, 'Bench Abstracts Meeting', $3, '2027-03-20', '2027-03-24', 'America/Phoenix', 'HYBRID', '')`,
      [`bm-${run}`, meetingSlug, society.rows[0]!.id],
    );
    await db.query(
      `INSERT INTO "AbstractCall" (id, "meetingId", "opensAt", "closesAt", "totalCharacterLimit", "maxAuthors", "reviewsPerAbstract")
       VALUES ($1, $2, now() - interval '30 days', now() + make_interval(secs => $3), 4000, 12, 3)`,
      [`bc-${run}`, `bm-${run}`, duration + 300],
    );
    for (const [position, section] of SECTIONS.entries()) {
      await db.query(`INSERT INTO "AbstractSection" (id, "callId", key, title, "limit", position) VALUES ($1, $2, $3, $4, $5, $6)`, [`bs-${run}-${position}`, `bc-${run}`, section.key, section.title, section.limit, position]);
    }
    await db.query(`INSERT INTO "AbstractTopic" (id, "callId", slug, name, position) VALUES ($1, $2, 'oncology', 'Interventional Oncology', 0)`, [`bt-${run}`, `bc-${run}`]);
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash")
         SELECT $1 || g, 'author' || g || '-' || $2 || '@bench.test', 'Author ' || g, 'not-a-hash' FROM generate_series(1, $3::int) g`,
      [`bu-${run}-`, run, authorCount],
    );
    await db.query(`INSERT INTO "LoginSession" (id, "userId", "expiresAt") SELECT $1 || g, $2 || g, now() + interval '1 day' FROM generate_series(1, $3::int) g`, [`bl-${run}-`, `bu-${run}-`, authorCount]);
    await db.query(`INSERT INTO "Abstract" (id, "callId", "submitterId") SELECT $1 || g, $2, $3 || g FROM generate_series(1, $4::int) g`, [`ba-${run}-`, `bc-${run}`, `bu-${run}-`, authorCount]);
    await db.query(
      `INSERT INTO "AbstractAuthor" (id, "abstractId", position, name, institution, presenting) SELECT $1 || g, $2 || g, 0, 'Author ' || g, 'Mayo Clinic', true FROM generate_series(1, $3::int) g`,
      [`baa-${run}-`, `ba-${run}-`, authorCount],
    );
    await db.query("COMMIT");
  } finally {
    await db.end();
  }
  const authors: Author[] = [];
  for (let i = 1; i <= authorCount; i++) {
    const cookie = (await sessionCookie.serialize(`bl-${run}-${i}`)).split(";")[0]!;
    authors.push({ index: i, abstractId: `ba-${run}-${i}`, cookie, revision: 1, saves: 0, submitted: false });
  }
  return { run, meetingSlug, topicId: `bt-${run}`, callId: `bc-${run}`, authors };
}

function formFor(author: Author, topicId: string, intent: "autosave" | "submit") {
  const grown = 120 + author.saves * 25;
  const body = new URLSearchParams({ intent, revision: String(author.revision), title: `Embolization outcomes, cohort ${author.index}`, topic: topicId, keywords: "embolization, cone-beam CT", preference: "EITHER", traineeLevel: "NONE", presenting: "0" });
  for (const section of SECTIONS) body.set(`body.${section.key}`, PROSE.repeat(20).slice(0, Math.min(section.limit - 10, grown)));
  for (const [key, value] of Object.entries({ name: `Author ${author.index}`, institution: "Mayo Clinic", city: "Phoenix", country: "USA", email: "" })) body.set(`authors[0].${key}`, value);
  return body;
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

log(`Starting a production server on ${origin} (build and seed)…`);
const server = await startProductionServer({ port, buildDir: "build-bench-abstracts", outbox: ".data/bench-abstracts-outbox", env: { SESSION_SECRET }, timeoutMs: 300_000 });

try {
  const { databaseUrl } = server;
  const { meetingSlug, topicId, callId, authors } = await arrange(databaseUrl);
  log(`${authorCount} authors with a draft each; ${duration} s to the deadline…`);

  const autosaveMs: number[] = [];
  const submitMs: number[] = [];
  const errors: string[] = [];
  let conflicts = 0;
  const post = async (author: Author, intent: "autosave" | "submit") => {
    const started = performance.now();
    const response = await fetch(`${origin}/meetings/${meetingSlug}/abstracts/${author.abstractId}.data`, {
      method: "POST",
      headers: { Cookie: author.cookie, Origin: appOrigin, "Content-Type": "application/x-www-form-urlencoded" },
      body: formFor(author, topicId, intent),
      redirect: "manual",
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    return { response, text, elapsed };
  };
  const autosave = async (author: Author) => {
    const { response, text, elapsed } = await post(author, "autosave");
    if (response.status === 409) conflicts++;
    if (response.status !== 200) return void errors.push(`autosave ${response.status}`);
    // The reply is turbo-stream; the new revision is the number after "revision".
    const revision = /"revision",(\d+)/.exec(text)?.[1] ?? /"revision":(\d+)/.exec(text)?.[1];
    if (revision) author.revision = Number(revision);
    else author.revision += 1;
    author.saves++;
    autosaveMs.push(elapsed);
  };
  const submit = async (author: Author) => {
    const { response, elapsed } = await post(author, "submit");
    // An action's redirect reaches a fetch of .data as 202 (single fetch) or as a 3xx.
    if (response.status >= 400) return void errors.push(`submit ${response.status}`);
    author.submitted = true;
    author.revision += 1;
    submitMs.push(elapsed);
  };

  const startedAt = Date.now();
  const end = startedAt + duration * 1000;
  await Promise.all(
    authors.map(async (author) => {
      const submitAt = startedAt + duration * 1000 * (0.8 + 0.18 * Math.random());
      let next = startedAt + Math.random() * 10_000;
      while (next < submitAt) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        if (Date.now() >= submitAt) break;
        await autosave(author).catch((error: Error) => errors.push(`autosave ${error.message}`));
        next = Date.now() + 7_000 + Math.random() * 6_000;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(submitAt, end) - Date.now())));
      await submit(author).catch((error: Error) => errors.push(`submit ${error.message}`));
    }),
  );
  const wallSeconds = (Date.now() - startedAt) / 1000;

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const check = await db.query<{ authors: number; each_one: number; submitted: number; numbers: number; distinct_numbers: number; max_number: number }>(
    `WITH per AS (SELECT "submitterId", count(*) FILTER (WHERE status = 'SUBMITTED')::int AS n FROM "Abstract" WHERE "callId" = $1 GROUP BY 1)
     SELECT (SELECT count(*)::int FROM per) AS authors,
            (SELECT count(*)::int FROM per WHERE n = 1) AS each_one,
            (SELECT count(*)::int FROM "Abstract" WHERE "callId" = $1 AND status = 'SUBMITTED') AS submitted,
            (SELECT count(number)::int FROM "Abstract" WHERE "callId" = $1) AS numbers,
            (SELECT count(DISTINCT number)::int FROM "Abstract" WHERE "callId" = $1) AS distinct_numbers,
            (SELECT coalesce(max(number), 0)::int FROM "Abstract" WHERE "callId" = $1) AS max_number`,
    [callId],
  );
  const mails = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutgoingMail" m JOIN "AbstractCall" c ON c."meetingId" = m."meetingId" WHERE c.id = $1 AND m.kind = 'abstract-submitted'`, [callId]);
  await db.end();
  const verified = check.rows[0]!;
  const intact = verified.each_one === authorCount && verified.submitted === authorCount && verified.numbers === authorCount && verified.distinct_numbers === authorCount && verified.max_number === authorCount;

  const summary = {
    authors: authorCount,
    durationSeconds: duration,
    wallSeconds: Math.round(wallSeconds),
    autosave: { count: autosaveMs.length, p50Ms: percentile(autosaveMs, 50), p99Ms: percentile(autosaveMs, 99), maxMs: percentile(autosaveMs, 100) },
    submit: { count: submitMs.length, p50Ms: percentile(submitMs, 50), p99Ms: percentile(submitMs, 99), maxMs: percentile(submitMs, 100) },
    errors: errors.length,
    conflicts,
    verified: { ...verified, confirmationMails: mails.rows[0]!.n, intact },
    target: { p99UnderMs: 300 },
    met: false,
  };
  summary.met = intact && errors.length === 0 && summary.autosave.p99Ms < 300 && summary.submit.p99Ms < 300;
  log(`autosave  ${String(summary.autosave.count).padStart(5)} requests  p50 ${summary.autosave.p50Ms} ms  p99 ${summary.autosave.p99Ms} ms  max ${summary.autosave.maxMs} ms`);
  log(`submit    ${String(summary.submit.count).padStart(5)} requests  p50 ${summary.submit.p50Ms} ms  p99 ${summary.submit.p99Ms} ms  max ${summary.submit.maxMs} ms`);
  log(`errors ${errors.length} (${[...new Set(errors)].slice(0, 5).join("; ") || "none"}), stale-revision conflicts ${conflicts}`);
  log(`database: ${verified.each_one}/${authorCount} authors with exactly one submitted abstract; ${verified.distinct_numbers} distinct numbers of ${verified.numbers} given (1..${verified.max_number}); ${summary.verified.confirmationMails} confirmation mails queued: ${intact ? "no submission lost or duplicated" : "MISMATCH"}`);
  log(`Target (p99 < 300 ms, nothing lost): ${summary.met ? "met" : "NOT met"}`);
  if (args.json) console.log(JSON.stringify(summary));
} finally {
  server.stop();
}
