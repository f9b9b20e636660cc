// npm run bench:agenda [-- --duration 10 --connections 50 --json]
//
// Serves a production build on a freshly seeded database (e2e/server.ts, in its
// own process so the load generator does not steal its CPU), then measures with
// autocannon over loopback: the busiest day of the sir-2023 agenda, a session page,
// the calendar feeds (the whole sir-2023 program, and a person's feed of 40
// sessions, each as a full 200 and as a 304 revalidation), and a trivial route of
// the same server as the yardstick. Bounded: each run lasts --duration seconds.
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { startProductionServer } from "./production-server";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: "3300" },
    json: { type: "boolean", default: false },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);
const origin = `http://127.0.0.1:${port}`;
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);

/** The busiest day of sir-2023 in its own zone, and its session with the most speakers. */
async function pickTargets(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const day = await client.query<{ day: string; sessions: number }>(
      `SELECT to_char(s."startsAt" AT TIME ZONE m."timeZone", 'YYYY-MM-DD') AS day, count(*)::int AS sessions
         FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId"
        WHERE m.slug = 'sir-2023' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const session = await client.query<{ slug: string }>(
      `SELECT s.slug FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId"
         LEFT JOIN "SessionSpeaker" ss ON ss."sessionId" = s.id
        WHERE m.slug = 'sir-2023' GROUP BY s.id, s.slug ORDER BY count(ss.id) DESC, s.slug LIMIT 1`,
    );
    if (!day.rows[0] || !session.rows[0]) throw new Error("sir-2023 has no sessions: is the seed data there?");
    // A personal feed of 40 sessions: the demo student's schedule, written as "Add to my schedule" would.
    const token = randomBytes(32).toString("base64url");
    const scheduled = await client.query(
      `INSERT INTO "ScheduleItem" ("id", "userId", "sessionId")
       SELECT $1 || s."id", u."id", s."id" FROM "User" u, "Session" s JOIN "Meeting" m ON m."id" = s."meetingId"
        WHERE u."email" = 'student@example.org' AND m."slug" = 'sir-2023'
        ORDER BY s."startsAt", s."slug" LIMIT 40
       ON CONFLICT DO NOTHING`,
      [`bench-${randomUUID().slice(0, 8)}-`],
    );
    await client.query(
      `INSERT INTO "CalendarFeed" ("id", "userId", "meetingId", "token")
       SELECT $1, u."id", m."id", $2 FROM "User" u, "Meeting" m WHERE u."email" = 'student@example.org' AND m."slug" = 'sir-2023'
       ON CONFLICT ("userId", "meetingId") DO UPDATE SET "token" = EXCLUDED."token"`,
      [`bench-${randomUUID()}`, token],
    );
    return { day: day.rows[0], sessionSlug: session.rows[0].slug, feedToken: token, feedSessions: scheduled.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

/**
 * What a publish costs the first caller of the program feed: bump sir-2023's
 * programVersion (as publishing does), wait out the one second the server
 * trusts a version, and time one request that renders the whole file. Median of 5.
 */
async function coldFeedRenderMs(databaseUrl: string, path: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      await client.query(`UPDATE "Meeting" SET "programVersion" = "programVersion" + 1 WHERE "slug" = 'sir-2023'`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const started = performance.now();
      await (await fetch(origin + path, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
      times.push(performance.now() - started);
    }
  } finally {
    await client.end();
  }
  return Math.round(times.sort((a, b) => a - b)[2]!);
}

type Measurement = { path: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

async function measure(path: string, headers: Record<string, string> = {}): Promise<Measurement> {
  // A short warm-up fills caches and JIT so the measured run is steady state.
  await autocannon({ url: origin + path, connections, duration: 2, headers });
  const result = await autocannon({ url: origin + path, connections, duration, headers });
  return {
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

log(`Starting a production server on ${origin} (build and seed)…`);
const server = await startProductionServer({ port, buildDir: "build-bench", outbox: ".data/bench-outbox", timeoutMs: 240_000 });

try {
  const { databaseUrl } = server;
  const { day, sessionSlug, feedToken, feedSessions } = await pickTargets(databaseUrl);

  const agendaPath = `/meetings/sir-2023/agenda?day=${day.day}`;
  const etag = (await fetch(origin + agendaPath)).headers.get("etag");

  log(`Measuring ${duration}s each at ${connections} connections…`);
  const trivial = await measure("/ping");
  const agenda = await measure(agendaPath);
  const agendaRevalidated = etag ? await measure(agendaPath, { "if-none-match": etag }) : null;
  const session = await measure(`/meetings/sir-2023/sessions/${sessionSlug}`);
  const programFeedPath = "/meetings/sir-2023/agenda.ics";
  const personalFeedPath = `/calendar/${feedToken}.ics`;
  const [programFeedEtag, personalFeedEtag] = await Promise.all([programFeedPath, personalFeedPath].map(async (path) => (await fetch(origin + path)).headers.get("etag")));
  // Calendar apps ask for gzip; the server keeps a gzipped copy of each rendered file.
  const gzip = { "accept-encoding": "gzip" };
  const programFeed = await measure(programFeedPath, gzip);
  const programFeedRevalidated = programFeedEtag ? await measure(programFeedPath, { ...gzip, "if-none-match": programFeedEtag }) : null;
  const personalFeed = await measure(personalFeedPath, gzip);
  const personalFeedRevalidated = personalFeedEtag ? await measure(personalFeedPath, { ...gzip, "if-none-match": personalFeedEtag }) : null;
  // Last: it changes the program version, which the page measurements above depend on.
  const programFeedColdMs = await coldFeedRenderMs(databaseUrl, programFeedPath);

  const ratio = (m: Measurement) => Number((m.requestsPerSecond / trivial.requestsPerSecond).toFixed(2));
  const rows = [
    ["trivial route", trivial],
    [`agenda, busiest day (${day.day}, ${day.sessions} sessions)`, agenda],
    ...(agendaRevalidated ? [["agenda, If-None-Match (304)", agendaRevalidated] as const] : []),
    ["session page", session],
    ["program feed, sir-2023 agenda.ics (200)", programFeed],
    ...(programFeedRevalidated ? [["program feed, If-None-Match (304)", programFeedRevalidated] as const] : []),
    [`personal feed, ${feedSessions} sessions (200)`, personalFeed],
    ...(personalFeedRevalidated ? [["personal feed, If-None-Match (304)", personalFeedRevalidated] as const] : []),
  ] as const;
  for (const [label, m] of rows) {
    log(
      `${label.padEnd(48)} ${String(m.requestsPerSecond).padStart(7)} req/s  p50 ${String(m.p50Ms).padStart(4)} ms  p99 ${String(m.p99Ms).padStart(4)} ms  ratio ${ratio(m).toFixed(2)}${m.non2xx || m.errors ? `  (${m.non2xx} non-2xx, ${m.errors} errors)` : ""}`,
    );
  }
  const target = { agendaRatioAtLeast: 0.5, agendaP99UnderMs: 100 };
  const met = ratio(agenda) >= target.agendaRatioAtLeast && agenda.p99Ms < target.agendaP99UnderMs;
  log(`program feed, first request after a publish (renders the file): ${programFeedColdMs} ms (median of 5, no other load)`);
  log(`Target (agenda >= 50% of trivial, p99 < 100 ms): ${met ? "met" : "NOT met"}`);
  if (args.json) {
    console.log(
      JSON.stringify({
        connections,
        durationSeconds: duration,
        trivial,
        agenda: { ...agenda, ratio: ratio(agenda), day: day.day, sessions: day.sessions },
        agendaRevalidated: agendaRevalidated && { ...agendaRevalidated, ratio: ratio(agendaRevalidated) },
        session: { ...session, ratio: ratio(session) },
        programFeed: { ...programFeed, ratio: ratio(programFeed) },
        programFeedRevalidated: programFeedRevalidated && { ...programFeedRevalidated, ratio: ratio(programFeedRevalidated) },
        personalFeed: { ...personalFeed, ratio: ratio(personalFeed), sessions: feedSessions },
        personalFeedRevalidated: personalFeedRevalidated && { ...personalFeedRevalidated, ratio: ratio(personalFeedRevalidated) },
        programFeedColdMs,
        target,
        met,
      }),
    );
  }
} finally {
  server.stop();
}
