// npm run bench:agenda [-- --duration 10 --connections 50 --json]
//
// Serves a production build on a freshly seeded database (e2e/server.ts, in its
// own process so the load generator does not steal its CPU), then measures with
// autocannon over loopback: the busiest day of the sir-2023 agenda, a session page,
// the calendar feeds (the whole sir-2023 program, and a person's feed of 40
// sessions, and the busiest sir-2023 track's file, each as a full 200 and as a
// 304 revalidation), and a trivial route of the same server as the yardstick.
//
// Every page is also measured against a bare Express floor: a sibling process
// the bench starts (bench/floor.ts), an Express app with no middleware that
// answers the same address with the same bytes (status, headers, body) the
// server sent. Each page's ratio to its floor, measured in the same run, says
// what our stack costs; the trivial route's ratio says what a request costs
// that needs nothing. Bounded: each run lasts --duration seconds.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import type { FloorResponse } from "./floor";
import { startProductionServer } from "./production-server";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: "3300" },
    // The bare Express floor's port (default: --port + 2000).
    "floor-port": { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);
const origin = `http://127.0.0.1:${port}`;
const floorPort = Number(args["floor-port"] ?? port + 2000);
const floorOrigin = `http://127.0.0.1:${floorPort}`;
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
    const track = await client.query<{ slug: string; sessions: number }>(
      `SELECT t.slug, count(s.id)::int AS sessions FROM "Track" t JOIN "Meeting" m ON m.id = t."meetingId"
         JOIN "Session" s ON s."trackId" = t.id
        WHERE m.slug = 'sir-2023' GROUP BY t.id, t.slug ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    if (!day.rows[0] || !session.rows[0] || !track.rows[0]) throw new Error("sir-2023 has no sessions: is the seed data there?");
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
    return { day: day.rows[0], sessionSlug: session.rows[0].slug, track: track.rows[0], feedToken: token, feedSessions: scheduled.rowCount ?? 0 };
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

async function measure(path: string, headers: Record<string, string> = {}, target = origin): Promise<Measurement> {
  // A short warm-up fills caches and JIT so the measured run is steady state.
  await autocannon({ url: target + path, connections, duration: 2, headers });
  const result = await autocannon({ url: target + path, connections, duration, headers });
  return {
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The response exactly as sent (fetch would decode a gzipped body), for the floor to repeat. */
function rawResponse(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(origin + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const kept: Record<string, string> = {};
          // Per-transmission headers are the floor's own to write.
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && !["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(name)) kept[name] = String(value);
          }
          resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
}

/** Starts bench/floor.ts answering `responses`, and returns how to stop it. */
async function startFloor(responses: FloorResponse[]): Promise<() => void> {
  const file = ".data/bench-floor.json";
  writeFileSync(file, JSON.stringify(responses));
  const floor = spawn("npx", ["tsx", "bench/floor.ts", String(floorPort), file], { stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stop = () => {
    try {
      if (floor.pid) process.kill(-floor.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${floorOrigin}/`);
      return stop;
    } catch {
      if (tries > 100) throw new Error(`The floor on ${floorOrigin} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

type Page = { key: string; label: string; path: string; headers: Record<string, string> };
type Row = Page & { measured: Measurement; floor: Measurement };

log(`Starting a production server on ${origin} (build and seed)…`);
const server = await startProductionServer({ port, buildDir: `build-bench-${port}`, outbox: `.data/bench-outbox-${port}`, timeoutMs: 240_000 });
let stopFloor = () => {};

try {
  const { databaseUrl } = server;
  const { day, sessionSlug, track, feedToken, feedSessions } = await pickTargets(databaseUrl);

  const agendaPath = `/meetings/sir-2023/agenda?day=${day.day}`;
  const programFeedPath = "/meetings/sir-2023/agenda.ics";
  const trackFeedPath = `/meetings/sir-2023/tracks/${track.slug}.ics`;
  const personalFeedPath = `/calendar/${feedToken}.ics`;
  // Calendar apps ask for gzip; the server keeps a gzipped copy of each rendered file.
  const gzip = { "accept-encoding": "gzip" };
  const etagOf = async (path: string, headers: Record<string, string> = {}) => (await fetch(origin + path, { headers })).headers.get("etag");
  const [agendaEtag, programFeedEtag, trackFeedEtag, personalFeedEtag] = await Promise.all([
    etagOf(agendaPath),
    etagOf(programFeedPath, gzip),
    etagOf(trackFeedPath, gzip),
    etagOf(personalFeedPath, gzip),
  ]);
  const revalidation = (key: string, label: string, path: string, etag: string | null, headers: Record<string, string> = {}): Page[] =>
    etag ? [{ key, label, path, headers: { ...headers, "if-none-match": etag } }] : [];
  const pages: Page[] = [
    { key: "trivial", label: "trivial route /ping (through Remix)", path: "/ping", headers: {} },
    { key: "agenda", label: `agenda, busiest day (${day.day}, ${day.sessions} sessions)`, path: agendaPath, headers: {} },
    ...revalidation("agendaRevalidated", "agenda, If-None-Match (304)", agendaPath, agendaEtag),
    { key: "session", label: "session page", path: `/meetings/sir-2023/sessions/${sessionSlug}`, headers: {} },
    { key: "programFeed", label: "program feed, sir-2023 agenda.ics (200)", path: programFeedPath, headers: gzip },
    ...revalidation("programFeedRevalidated", "program feed, If-None-Match (304)", programFeedPath, programFeedEtag, gzip),
    { key: "trackFeed", label: `track feed, ${track.slug} (${track.sessions} sessions, 200)`, path: trackFeedPath, headers: gzip },
    ...revalidation("trackFeedRevalidated", "track feed, If-None-Match (304)", trackFeedPath, trackFeedEtag, gzip),
    { key: "personalFeed", label: `personal feed, ${feedSessions} sessions (200)`, path: personalFeedPath, headers: gzip },
    ...revalidation("personalFeedRevalidated", "personal feed, If-None-Match (304)", personalFeedPath, personalFeedEtag, gzip),
  ];

  const floorResponses: FloorResponse[] = [];
  for (const page of pages) {
    const response = await rawResponse(page.path, page.headers);
    floorResponses.push({ path: page.path, etag: page.headers["if-none-match"], status: response.status, headers: response.headers, body: response.body.toString("base64") });
  }
  stopFloor = await startFloor(floorResponses);

  log(`Measuring ${duration}s each at ${connections} connections, each page then its bare Express floor (${floorOrigin})…`);
  const rows: Row[] = [];
  for (const page of pages) {
    // Back to back, so both see the same machine.
    const measured = await measure(page.path, page.headers);
    const floor = await measure(page.path, page.headers, floorOrigin);
    rows.push({ ...page, measured, floor });
  }
  stopFloor();
  // Last: it changes the program version, which the page measurements above depend on.
  const programFeedColdMs = await coldFeedRenderMs(databaseUrl, programFeedPath);

  const row = (key: string) => rows.find((r) => r.key === key);
  const trivial = row("trivial")!.measured;
  const ratio = (m: Measurement) => Number((m.requestsPerSecond / trivial.requestsPerSecond).toFixed(2));
  const floorRatio = (r: Row) => Number((r.measured.requestsPerSecond / r.floor.requestsPerSecond).toFixed(2));
  const ofAgenda = (r: Row | undefined, base: Row | undefined) => (r && base ? Number((r.measured.requestsPerSecond / base.measured.requestsPerSecond).toFixed(2)) : null);
  for (const r of rows) {
    const m = r.measured;
    log(
      `${r.label.padEnd(52)} ${String(m.requestsPerSecond).padStart(7)} req/s  p50 ${String(m.p50Ms).padStart(4)} ms  p99 ${String(m.p99Ms).padStart(4)} ms  ratio ${ratio(m).toFixed(2)}  floor ${String(r.floor.requestsPerSecond).padStart(6)} req/s, ratio to floor ${floorRatio(r).toFixed(2)}${m.non2xx || m.errors ? `  (${m.non2xx} non-2xx, ${m.errors} errors)` : ""}`,
    );
  }
  const agenda = row("agenda")!.measured;
  const target = { agendaRatioAtLeast: 0.5, agendaP99UnderMs: 100, revalidatedOfAgenda304AtLeast: 0.8, personalFeedOfAgendaAtLeast: 0.5 };
  // Issue 17: every feed's 304 at least 80% of the agenda's 304, a personal feed's 200 at least half the agenda's 200.
  const feedTargets = {
    programFeedRevalidated: ofAgenda(row("programFeedRevalidated"), row("agendaRevalidated")),
    trackFeedRevalidated: ofAgenda(row("trackFeedRevalidated"), row("agendaRevalidated")),
    personalFeedRevalidated: ofAgenda(row("personalFeedRevalidated"), row("agendaRevalidated")),
    personalFeed: ofAgenda(row("personalFeed"), row("agenda")),
  };
  const feedsMet =
    [feedTargets.programFeedRevalidated, feedTargets.trackFeedRevalidated, feedTargets.personalFeedRevalidated].every((r) => r !== null && r >= target.revalidatedOfAgenda304AtLeast) &&
    feedTargets.personalFeed !== null &&
    feedTargets.personalFeed >= target.personalFeedOfAgendaAtLeast;
  const met = ratio(agenda) >= target.agendaRatioAtLeast && agenda.p99Ms < target.agendaP99UnderMs;
  log(`program feed, first request after a publish (renders the file): ${programFeedColdMs} ms (median of 5, no other load)`);
  log(`trivial route to the bare Express floor: ${floorRatio(row("trivial")!).toFixed(2)}`);
  log(`feeds to the agenda: 304s ${feedTargets.programFeedRevalidated} (program), ${feedTargets.trackFeedRevalidated} (track), ${feedTargets.personalFeedRevalidated} (personal) of its 304; personal 200 ${feedTargets.personalFeed} of its 200`);
  log(`Target (agenda >= 50% of trivial, p99 < 100 ms): ${met ? "met" : "NOT met"}`);
  log(`Target (feeds' 304s >= 80% of the agenda's 304, personal feed's 200 >= 50% of the agenda's 200): ${feedsMet ? "met" : "NOT met"}`);
  if (args.json) {
    const entry = (key: string, extra: Record<string, unknown> = {}) => {
      const r = row(key);
      return r && { ...r.measured, ratio: ratio(r.measured), floor: r.floor, floorRatio: floorRatio(r), ...extra };
    };
    console.log(
      JSON.stringify({
        connections,
        durationSeconds: duration,
        floor: "bench/floor.ts: a sibling process, Express with no middleware, answering each address with the bytes the server sent",
        trivial: { ...trivial, floor: row("trivial")!.floor, floorRatio: floorRatio(row("trivial")!) },
        agenda: entry("agenda", { day: day.day, sessions: day.sessions }),
        agendaRevalidated: entry("agendaRevalidated") ?? null,
        session: entry("session"),
        programFeed: entry("programFeed"),
        programFeedRevalidated: entry("programFeedRevalidated") ?? null,
        trackFeed: entry("trackFeed", { track: track.slug, sessions: track.sessions }),
        trackFeedRevalidated: entry("trackFeedRevalidated") ?? null,
        personalFeed: entry("personalFeed", { sessions: feedSessions }),
        personalFeedRevalidated: entry("personalFeedRevalidated") ?? null,
        programFeedColdMs,
        feedTargets,
        feedsMet,
        target,
        met,
      }),
    );
  }
} finally {
  stopFloor();
  server.stop();
}
