// npm run bench:qa [-- --viewers 2000 --join-rate 500 --duration 10 --votes-per-second 20 --questions-per-second 1 --json]
//
// Live Q&A under load, over loopback only, bounded in time. On a fresh database:
//  1. a realtime sidecar in its own process (so the load generator does not steal
//     its CPU), and N authenticated viewers joined to one session, arriving as a
//     crowd does (the join storm): each opens its connection at its own moment,
//     --join-rate a second, whether or not those before it are in yet. Reported:
//     joins per second over the storm, the time from a viewer's connect to its
//     first state (the join's acknowledgement, with its board), p50 and p99, and
//     the sidecar's and the generator's CPU meanwhile;
//  2. for --duration seconds, a stream of questions and upvotes sent by viewers
//     through their sockets (rates fixed by the flags); every viewer records when
//     each event arrives. Reported: time from the write to its arrival, per
//     delivery and per event at the last viewer (p50, p99, max), and deliveries missed;
//  3. a short saturation run: votes as fast as the sidecar acknowledges them,
//     with the broadcast to every viewer going on (votes per second sustained);
//  4. the sidecar's heap and RSS per connected viewer (after a forced GC);
//  5. the floor: the very messages the first viewer received, replayed at the
//     same moments from a bare `ws` server to the same number of clients
//     (time from publish to arrival), and the ratio to it;
//  6. the attendance record's cost: the session is CME-accredited and every
//     viewer's page says it is visible and beats at the sidecar's heartbeat, so
//     every viewer is recorded during the stream; reported: rows per batch and
//     the batch write's time, and the same stream again with every page hidden
//     (recording off) for the latency with and without it.
// Viewers are lean clients speaking the Socket.IO wire protocol over a minimal
// WebSocket on plain TCP (the tests use socket.io-client): on two cores the load
// generator must stay cheap for the numbers to describe the sidecar, not the
// generator. BENCH_CPU_PROF=1 writes the sidecar's CPU profile to .data/cpu-prof,
// and the floor server's to .data/cpu-prof-floor.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { connect as connectTcp, type Socket } from "node:net";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pg from "pg";
import { WebSocketServer, type WebSocket } from "ws";
import { freePort } from "../app/utils/free-port.server";

const { values: args } = parseArgs({
  options: {
    viewers: { type: "string", default: "2000" },
    "join-rate": { type: "string", default: "500" },
    duration: { type: "string", default: "10" },
    "votes-per-second": { type: "string", default: "20" },
    "questions-per-second": { type: "string", default: "1" },
    "saturation-seconds": { type: "string", default: "5" },
    json: { type: "boolean", default: false },
    "floor-server": { type: "boolean", default: false },
    port: { type: "string" },
  },
});

// ---------------------------------------------------------------- the benchmark

async function main() {
  const N = Number(args.viewers);
  const duration = Number(args.duration);
  const votesPerSecond = Number(args["votes-per-second"]);
  const questionsPerSecond = Number(args["questions-per-second"]);
  const saturationSeconds = Number(args["saturation-seconds"]);
  const joinRate = Number(args["join-rate"]);
  if (![N, duration, votesPerSecond, questionsPerSecond, saturationSeconds, joinRate].every((n) => Number.isFinite(n) && n > 0) || N > 20_000 || duration > 120) {
    throw new Error("--viewers (1..20000), --duration (seconds, at most 120) and the rates must be positive numbers");
  }
  const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
  const hardStop = setTimeout(() => {
    console.error("bench:qa: did not finish in 15 minutes; stopping.");
    process.exit(2);
  }, 15 * 60_000);
  hardStop.unref();

  const secret = "bench-session-secret-that-is-long-enough-0123456789";
  const { resolveDatabaseServer, adminQuery } = await import("../tests/database-server");
  const { ensureDatabase, migrate } = await import("../scripts/migrate");
  const server = await resolveDatabaseServer(".data/test-postgres", 54330);
  const databaseName = "meetings_bench_qa";
  await adminQuery(server.serverUrl, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  const databaseUrl = `${server.serverUrl}/${databaseName}`;
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);

  log(`Creating ${N} viewers…`);
  const sessionId = "benchsession000000000000001";
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO "Society" (id, slug, name, "shortName") VALUES ('benchsociety', 'bench', 'Bench Society', 'BS')`);
  await db.query(
    `INSERT INTO "Meeting" (id, slug, name, "societyId", "startsOn", "endsOn", "timeZone", format, description)
     VALUES ('benchmeeting', 'bench-2026', 'Bench Meeting', 'benchsociety', '2026-01-01', '2026-01-02', 'UTC', 'VIRTUAL', '')`,
  );
  await db.query(
    `INSERT INTO "Session" (id, "meetingId", slug, title, kind, "startsAt", "endsAt", "cmeAccredited")
     VALUES ($1, 'benchmeeting', 'plenary', 'Bench Plenary', 'PLENARY', now(), now() + interval '1 hour', true)`,
    [sessionId],
  );
  // Questions go straight to the board: every event reaches every viewer.
  await db.query(`INSERT INTO "SessionQa" ("sessionId", open, "moderationEnabled") VALUES ($1, true, false)`, [sessionId]);
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash")
       SELECT 'benchuser' || g, 'viewer' || g || '@bench.test', 'Viewer ' || g, 'not-a-hash' FROM generate_series(1, $1::int) g`,
    [N],
  );
  await db.query(
    `INSERT INTO "MeetingRole" (id, "meetingId", "userId", role)
       SELECT 'benchrole' || g, 'benchmeeting', 'benchuser' || g, 'ATTENDEE' FROM generate_series(1, $1::int) g`,
    [N],
  );
  await db.query(
    `INSERT INTO "LoginSession" (id, "userId", "expiresAt")
       SELECT 'benchlogin' || g, 'benchuser' || g, now() + interval '1 day' FROM generate_series(1, $1::int) g`,
    [N],
  );
  // The ticket format of app/models/accounts/realtime-ticket.server.ts, made here so the
  // bench does not load the app's settings into this process.
  const ticketFor = (i: number) => {
    const body = `benchlogin${i}.${Date.now() + 60 * 60_000}`;
    return `${body}.${createHmac("sha256", secret).update(`realtime-ticket:v1:${body}`).digest("base64url")}`;
  };

  // ------------------------------------------------------------ the sidecar
  const port = await freePort();
  const sidecar = spawn(process.execPath, ["--expose-gc", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=.data/cpu-prof"] : []), "--import", "tsx", "realtime/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      REALTIME_PORT: String(port),
      APP_ORIGIN: "http://localhost:3000",
      SESSION_SECRET: secret,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const health = (gc = false, reset = false) => getJson(`http://127.0.0.1:${port}/healthz?${gc ? "gc=1&" : ""}${reset ? "reset=1" : ""}`);
  try {
    await waitFor(async () => (await health().catch(() => null))?.status === "ok", 60_000, "the sidecar to start");
    const baseline = await settledMemory(health);

    log(`Join storm: ${N} viewers arriving at ${joinRate} a second…`);
    const viewers: LeanClient[] = new Array<LeanClient>(N);
    // Each page beats at the period the sidecar asks for, from its join on, at its own phase.
    const beating: NodeJS.Timeout[] = [];
    let recordingViewers = 0;
    let heartbeatMs = 0;
    const beatFrom = (client: LeanClient, every: number) => {
      const first = setTimeout(() => {
        void client.request("presence:beat", { visibility: "visible" });
        beating.push(setInterval(() => void client.request("presence:beat", { visibility: "visible" }), every));
      }, Math.random() * every);
      beating.push(first);
    };
    /** Viewer i arrives: connects, joins, and has its first state when the join is acknowledged. */
    const firstStateMs = new Float64Array(N);
    let joinRetries = 0;
    /** A connection refused or reset before the join is tried again at once, as socket.io-client would; the wait counts in that viewer's time. */
    const connectAndJoin = async (i: number, tries = 1): Promise<[LeanClient, AckResponse]> => {
      try {
        const client = await LeanClient.connect(port, { ticket: ticketFor(i + 1) });
        const joined = await client.request("qa:join", { sessionId, visibility: "visible" });
        if (joined.error?.message === CONNECTION_LOST) throw new Error(CONNECTION_LOST);
        return [client, joined];
      } catch (error) {
        if (tries >= 5) throw error;
        joinRetries += 1;
        return connectAndJoin(i, tries + 1);
      }
    };
    const arrive = async (i: number) => {
      const at = performance.now();
      const [client, joined] = await connectAndJoin(i);
      if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
      firstStateMs[i] = performance.now() - at;
      const attendance = joined.data?.attendance;
      if (attendance?.recording) recordingViewers += 1;
      if (attendance) beatFrom(client, (heartbeatMs = attendance.heartbeatMs));
      viewers[i] = client;
    };
    const stormSidecarCpuBefore = (await health()).cpuMicros ?? 0;
    const stormGeneratorCpuBefore = process.cpuUsage();
    const connectStarted = performance.now();
    // Open loop: arrivals keep to their timeline however long the earlier joins take (a crowd does not queue politely).
    const arrived: Promise<void>[] = [];
    while (arrived.length < N) {
      const due = Math.min(N, Math.floor(((performance.now() - connectStarted) / 1000) * joinRate) + 1);
      while (arrived.length < due) arrived.push(arrive(arrived.length));
      await sleep(1);
    }
    await Promise.all(arrived);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const stormSidecarCpu = (((await health()).cpuMicros ?? 0) - stormSidecarCpuBefore) / 1e6 / connectSeconds * 100;
    const stormGeneratorCpuUsed = process.cpuUsage(stormGeneratorCpuBefore);
    const stormGeneratorCpu = ((stormGeneratorCpuUsed.user + stormGeneratorCpuUsed.system) / 1e6 / connectSeconds) * 100;
    const firstState = percentiles(Array.from(firstStateMs));
    const connected = await settledMemory(health);
    log(`  ${N} viewers joined in ${connectSeconds.toFixed(1)} s`);

    // ---------------------------------------------------------- the measured stream
    const arrivals = new Arrivals(N);
    for (const viewer of viewers) viewer.onEvents = (ids, at) => arrivals.record(ids, at);
    const sentAt = new Map<number, number>();
    const ackLatencies: number[] = [];
    const questionIds: string[] = [];
    const askedBy = new Map<string, LeanClient>();
    let voterCursor = 0;
    let askerCursor = 0;
    const refusals: string[] = [];
    const write = async (client: LeanClient, event: string, payload: object) => {
      const at = performance.now();
      const response = await client.request(event, payload);
      if (!response.ok || !response.data) {
        refusals.push(`${event}: ${response.error?.message}`);
        return null;
      }
      sentAt.set(response.data.eventId, at);
      ackLatencies.push(performance.now() - at);
      return response.data;
    };
    const ask = async () => {
      // Each person may ask 5 a minute: askers take turns among the first viewers.
      const asker = viewers[askerCursor++ % Math.min(N, 200)]!;
      const data = await write(asker, "question:ask", { body: `Question ${questionIds.length + 1}: what does the evidence say about dose escalation in this setting?` });
      if (data) {
        questionIds.push(data.question.id);
        askedBy.set(data.question.id, asker);
      }
    };
    /** Each viewer votes once per question, on the next question in turn; never on their own (the verb refuses that). */
    const nextVote = () => {
      for (let tries = 0; ; tries += 1) {
        const index = voterCursor++;
        const voter = viewers[index % N]!;
        const questionId = questionIds[Math.floor(index / N) % questionIds.length]!;
        // A room of one can only vote on its own: let the refusal be counted rather than loop.
        if (askedBy.get(questionId) !== voter || tries >= N) return { voter, questionId };
      }
    };
    const vote = async () => {
      if (!questionIds.length) return;
      const { voter, questionId } = nextVote();
      await write(voter, "question:vote", { questionId });
    };

    log(`Streaming ${questionsPerSecond} questions and ${votesPerSecond} votes a second for ${duration} s…`);
    for (let i = 0; i < 3; i++) await ask();
    await sleep(500);
    /** The paced stream of questions and votes, measured afresh. */
    const runStream = async () => {
      arrivals.clear();
      sentAt.clear();
      ackLatencies.length = 0;
      const pending: Promise<unknown>[] = [];
      await paced(duration * 1000, [
        { perSecond: questionsPerSecond, run: () => pending.push(ask()) },
        { perSecond: votesPerSecond, run: () => pending.push(vote()) },
      ]);
      await Promise.all(pending);
    };
    // The garbage of 5,000 connections, collected now rather than in a pause mid-stream that would count as latency.
    collectGarbage();
    const sidecarCpuBefore = (await health(false, true)).cpuMicros ?? 0;
    const generatorCpuBefore = process.cpuUsage();
    const streamStarted = performance.now();
    // The floor replays exactly these messages (same batching, same times) over bare ws.
    const replay: { offsetMs: number; text: string }[] = [];
    const recordFirst = viewers[0]!.onEvents;
    viewers[0]!.onEvents = (ids, at) => {
      recordFirst?.(ids, at);
      if (viewers[0]!.lastMessage) replay.push({ offsetMs: at - streamStarted, text: viewers[0]!.lastMessage.toString() });
    };
    await runStream();
    const streamSeconds = (performance.now() - streamStarted) / 1000;
    const afterStream = await health();
    const sidecarCpu = (((afterStream.cpuMicros ?? 0) - sidecarCpuBefore) / 1e6 / streamSeconds) * 100;
    const generatorCpuUsed = process.cpuUsage(generatorCpuBefore);
    const generatorCpu = ((generatorCpuUsed.user + generatorCpuUsed.system) / 1e6 / streamSeconds) * 100;
    await sleep(1500);
    const stream = summarize(arrivals, sentAt, N);
    const acknowledged = percentiles(ackLatencies);
    const attendance = (await health()).attendance;

    // ---------------------------------------------------------- recording off
    log(`Recording off: every page hidden, the same stream again for ${duration} s…`);
    for (const timer of beating) clearInterval(timer);
    viewers[0]!.onEvents = recordFirst;
    await Promise.all(viewers.map((viewer) => viewer.request("presence:beat", { visibility: "hidden" })));
    // The intervals closed by hiding are written in the next batch: not during the stream measured.
    await waitFor(async () => (await health()).attendance?.open === 0, 10_000, "every interval to close");
    await sleep(6000);
    collectGarbage();
    await runStream();
    await sleep(1500);
    const streamOff = summarize(arrivals, sentAt, N);

    // ---------------------------------------------------------- saturation
    log(`Saturating with votes for ${saturationSeconds} s…`);
    for (const viewer of viewers) viewer.onEvents = undefined;
    let acked = 0;
    const saturationEnds = performance.now() + saturationSeconds * 1000;
    const saturationStarted = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (performance.now() < saturationEnds) {
          const { voter, questionId } = nextVote();
          const response = await voter.request("question:vote", { questionId });
          if (response.ok) acked += 1;
        }
      }),
    );
    const votesSustained = acked / ((performance.now() - saturationStarted) / 1000);

    for (const viewer of viewers) viewer.close();

    // ---------------------------------------------------------- the floor
    log(`Floor: the same broadcast from a bare ws server to ${N} clients…`);
    const floorPort = await freePort();
    const floor = spawn(process.execPath, ["--expose-gc", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=.data/cpu-prof-floor"] : []), "--import", "tsx", "bench/qa.ts", "--floor-server", "--port", String(floorPort)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    let floorResult: ReturnType<typeof summarize>;
    let floorMemory: { baseline: Memory; connected: Memory };
    try {
      const floorHealth = (gc = false) => getJson(`http://127.0.0.1:${floorPort}/healthz${gc ? "?gc=1" : ""}`);
      await waitFor(async () => (await floorHealth().catch(() => null))?.status === "ok", 30_000, "the floor server to start");
      const floorBaseline = await settledMemory(floorHealth);
      const floorArrivals = new Arrivals(N);
      const floorClients: RawSocket[] = [];
      for (let start = 0; start < N; start += 500) {
        floorClients.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(500, N - start) }, () =>
              RawSocket.open(floorPort, "/viewer", (data) => floorArrivals.record(eventIds(data), performance.now())),
            ),
          )),
        );
      }
      floorMemory = { baseline: floorBaseline, connected: await settledMemory(floorHealth) };
      const writer = await RawSocket.open(floorPort, "/writer");
      const floorSent = new Map<number, number>();
      collectGarbage();
      const replayStarted = performance.now();
      for (const message of replay) {
        const due = replayStarted + message.offsetMs - performance.now();
        if (due > 0) await sleep(due);
        const at = performance.now();
        for (const id of eventIds(Buffer.from(message.text))) floorSent.set(id, at);
        writer.send(message.text);
      }
      await sleep(1500);
      floorResult = summarize(floorArrivals, floorSent, N);
      writer.close();
      for (const socket of floorClients) socket.close();
    } finally {
      floor.kill("SIGTERM");
    }

    const perViewer = (after: Memory, before: Memory, key: keyof Memory) => Math.round((after[key] - before[key]) / N);
    const result = {
      viewers: N,
      durationSeconds: Math.round(streamSeconds * 10) / 10,
      offered: { questionsPerSecond, votesPerSecond },
      connectSeconds: round(connectSeconds),
      joinStorm: {
        offeredJoinsPerSecond: joinRate,
        retries: joinRetries,
        joinsPerSecond: Math.round(N / connectSeconds),
        connectToFirstStateMs: firstState,
        cpuPercent: { sidecar: Math.round(stormSidecarCpu), loadGenerator: Math.round(stormGeneratorCpu) },
        // The sidecar's CPU time per join: what the storm costs it, whatever else the machine runs.
        sidecarCpuMsPerJoin: round((stormSidecarCpu / 100) * connectSeconds * 1000 / N),
      },
      latencyMs: stream.perDelivery,
      latencyToEveryViewerMs: stream.perEvent,
      writeAcknowledgedMs: acknowledged,
      events: stream.events,
      deliveries: stream.deliveries,
      missedDeliveries: stream.missed,
      refusals: refusals.length,
      votesPerSecondSustained: Math.round(votesSustained),
      cpuPercentDuringStream: { sidecar: Math.round(sidecarCpu), loadGenerator: Math.round(generatorCpu) },
      sidecarEventLoopDelayMs: afterStream.eventLoopDelayMs ?? null,
      loadAverage: (await import("node:os")).loadavg().map((n) => round(n)),
      sidecar: {
        heapBytesPerViewer: perViewer(connected, baseline, "heapUsed"),
        rssBytesPerViewer: perViewer(connected, baseline, "rss"),
        heapUsedMB: round(connected.heapUsed / 1048576),
        rssMB: round(connected.rss / 1048576),
      },
      floor: {
        latencyMs: floorResult.perDelivery,
        latencyToEveryViewerMs: floorResult.perEvent,
        missedDeliveries: floorResult.missed,
        heapBytesPerViewer: perViewer(floorMemory.connected, floorMemory.baseline, "heapUsed"),
      },
      ratioToFloor: {
        p50: round(stream.perDelivery.p50 / Math.max(floorResult.perDelivery.p50, 0.01)),
        p99: round(stream.perDelivery.p99 / Math.max(floorResult.perDelivery.p99, 0.01)),
      },
      openFilesLimit: await openFilesLimit(),
      attendance: {
        recordingViewers,
        heartbeatMs,
        ...attendance,
        rowsStored: Number((await db.query(`SELECT count(*) AS n FROM "AttendanceInterval"`)).rows[0].n),
        latencyMsRecordingOff: streamOff.perDelivery,
        latencyToEveryViewerMsRecordingOff: streamOff.perEvent,
        missedDeliveriesRecordingOff: streamOff.missed,
      },
    };

    log("");
    log(`Live Q&A, ${N} viewers on one sidecar (${result.offered.questionsPerSecond} questions/s + ${result.offered.votesPerSecond} votes/s for ${result.durationSeconds} s):`);
    const storm = result.joinStorm;
    log(`  join storm:                       ${storm.joinsPerSecond} joins/s (${storm.offeredJoinsPerSecond}/s offered), ${N} in ${result.connectSeconds} s, ${storm.retries} connections tried again`);
    log(`  connect → first state:            p50 ${storm.connectToFirstStateMs.p50} ms, p99 ${storm.connectToFirstStateMs.p99} ms, max ${storm.connectToFirstStateMs.max} ms`);
    log(`  CPU during the storm:             sidecar ${storm.cpuPercent.sidecar}% (${storm.sidecarCpuMsPerJoin} ms a join), load generator ${storm.cpuPercent.loadGenerator}% (of one core)`);
    log(`  write → arrival, per delivery:    p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`);
    log(`  write → arrival at every viewer:  p50 ${result.latencyToEveryViewerMs.p50} ms, p99 ${result.latencyToEveryViewerMs.p99} ms, max ${result.latencyToEveryViewerMs.max} ms`);
    log(`  write → acknowledgement:          p50 ${result.writeAcknowledgedMs.p50} ms, p99 ${result.writeAcknowledgedMs.p99} ms`);
    log(`  ${result.events} events, ${result.deliveries} deliveries, ${result.missedDeliveries} missed, ${result.refusals} writes refused`);
    log(`  votes sustained at saturation:    ${result.votesPerSecondSustained}/s`);
    log(`  sidecar memory per viewer:        ${(result.sidecar.heapBytesPerViewer / 1024).toFixed(1)} KB heap, ${(result.sidecar.rssBytesPerViewer / 1024).toFixed(1)} KB RSS`);
    log(`  floor (bare ws, same broadcast):  p50 ${result.floor.latencyMs.p50} ms, p99 ${result.floor.latencyMs.p99} ms; ratio p50 ×${result.ratioToFloor.p50}, p99 ×${result.ratioToFloor.p99}`);
    if (result.sidecarEventLoopDelayMs) log(`  sidecar event-loop delay:         p99 ${result.sidecarEventLoopDelayMs.p99} ms, max ${result.sidecarEventLoopDelayMs.max} ms`);
    log(`  CPU during the stream:            sidecar ${result.cpuPercentDuringStream.sidecar}%, load generator ${result.cpuPercentDuringStream.loadGenerator}% (of one core); load average ${result.loadAverage.join(" ")}`);
    const recorded = result.attendance;
    log(`  attendance recorded:              ${recorded.recordingViewers} viewers, heartbeat ${recorded.heartbeatMs / 1000} s; ${recorded.batches} batches, ${recorded.rowsWritten} rows written, rows per batch p50 ${recorded.rowsPerBatch?.p50} max ${recorded.rowsPerBatch?.max}`);
    log(`  attendance batch write:           p50 ${recorded.writeMs?.p50} ms, p99 ${recorded.writeMs?.p99} ms, max ${recorded.writeMs?.max} ms; ${recorded.rowsStored} intervals stored`);
    log(`  recording off (pages hidden):     write → arrival p50 ${recorded.latencyMsRecordingOff.p50} ms, p99 ${recorded.latencyMsRecordingOff.p99} ms, max ${recorded.latencyMsRecordingOff.max} ms`);
    log(`  connect + join:                   ${result.connectSeconds} s; open files limit ${result.openFilesLimit}`);
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    sidecar.kill("SIGTERM");
    await new Promise((resolve) => sidecar.once("exit", resolve));
    await db.end();
    await adminQuery(server.serverUrl, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  }
}

// ---------------------------------------------------------------- helpers

type Memory = { heapUsed: number; rss: number };
type AttendanceSummary = {
  open: number;
  batches: number;
  rowsWritten: number;
  failures: number;
  rowsPerBatch: { p50: number; max: number };
  writeMs: { p50: number; p99: number; max: number };
};
type Health = { status?: string; memory: Memory; cpuMicros?: number; eventLoopDelayMs?: { p99: number; max: number }; attendance?: AttendanceSummary };
type AckResponse = {
  ok: boolean;
  data?: { eventId: number; question: { id: string }; attendance?: { recording: boolean; heartbeatMs: number } };
  error?: { message: string };
};

/**
 * The load generator's WebSocket: RFC 6455 over a plain TCP socket, just what
 * the bench needs (text frames, ping/pong, close). Receiving 100,000 messages a
 * second on a shared core leaves no room for a general client's per-message
 * work; this one hands each message's bytes to `onMessage` as a view of the chunk.
 */
class RawSocket {
  private pending: Buffer | null = null;
  upgraded = false;
  onClose?: () => void;
  /** Connections that failed after their upgrade, over the whole run. */
  static errorsAfterOpen = 0;

  private constructor(
    private readonly socket: Socket,
    /** Given from the start: the server may speak first, in the same packet as its handshake. */
    private readonly onMessage: (payload: Buffer, socket: RawSocket) => void,
  ) {}

  static open(port: number, path: string, onMessage: (payload: Buffer, socket: RawSocket) => void = () => {}): Promise<RawSocket> {
    return new Promise((resolve, reject) => {
      const socket = connectTcp(port, "127.0.0.1");
      socket.setNoDelay(true);
      const raw = new RawSocket(socket, onMessage);
      let head = Buffer.alloc(0);
      const onHandshake = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf("\r\n\r\n");
        if (end === -1) return;
        socket.off("data", onHandshake);
        if (!/^HTTP\/1\.1 101/.test(head.subarray(0, end).toString())) {
          socket.destroy();
          reject(new Error(`WebSocket upgrade refused: ${head.subarray(0, Math.min(end, 200)).toString()}`));
          return;
        }
        socket.on("data", (data: Buffer) => raw.receive(data));
        socket.once("close", () => raw.onClose?.());
        raw.upgraded = true;
        resolve(raw);
        if (head.length > end + 4) raw.receive(head.subarray(end + 4));
      };
      socket.on("data", onHandshake);
      // Before the upgrade an error fails the open; after it, the connection is gone (counted, and its viewer's deliveries show as missed).
      socket.on("error", (error) => {
        if (raw.upgraded) RawSocket.errorsAfterOpen += 1;
        reject(error);
      });
      socket.once("connect", () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
    });
  }

  private receive(chunk: Buffer) {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let offset = 0;
    while (data.length - offset >= 2) {
      const opcode = data[offset]! & 0x0f;
      let length = data[offset + 1]! & 0x7f;
      let start = offset + 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        start = offset + 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        start = offset + 10;
      }
      if (data.length < start + length) break;
      const payload = data.subarray(start, start + length);
      offset = start + length;
      if (opcode === 0x1 || opcode === 0x2) this.onMessage(payload, this);
      else if (opcode === 0x9) this.frame(0xa, payload);
      else if (opcode === 0x8) this.socket.end();
    }
    if (offset < data.length) this.pending = Buffer.from(data.subarray(offset));
    data = Buffer.alloc(0);
  }

  /** Client frames must be masked; an all-zero mask leaves the payload as it is. */
  private frame(opcode: number, payload: Buffer) {
    const length = payload.length;
    const header = length < 126 ? Buffer.from([0x80 | opcode, 0x80 | length, 0, 0, 0, 0]) : Buffer.alloc(8);
    if (length >= 126) {
      header[0] = 0x80 | opcode;
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    }
    this.socket.write(Buffer.concat([header, payload]));
  }

  send(text: string) {
    this.frame(0x1, Buffer.from(text));
  }

  close() {
    this.socket.destroy();
  }
}

const CONNECTION_LOST = "The connection was lost.";

/** A viewer speaking Socket.IO v5 / Engine.IO v4 over a bare WebSocket: connect with auth, acks, events, pings. */
class LeanClient {
  private readonly acks = new Map<number, (response: AckResponse) => void>();
  private nextAck = 1;
  lastMessage: Buffer | null = null;
  onEvents?: (ids: number[], at: number) => void;

  /** The last event id that reached this viewer. */
  private seenUpTo = 0;

  private constructor(private readonly socket: RawSocket) {}

  /**
   * The events a message with events up to `last` brought: all since the
   * previous one. The sidecar leaves out a vote that a later event in the same
   * message says again (viewQaEvents), and ids rise in commit order, so every
   * event up to the message's last has reached the viewer with it.
   */
  reached(last: number): number[] {
    const ids: number[] = [];
    for (let id = this.seenUpTo + 1; id <= last; id++) ids.push(id);
    this.seenUpTo = Math.max(this.seenUpTo, last);
    return ids;
  }

  /** Requests still waiting when the connection goes are answered, so nobody waits forever. */
  private lost() {
    for (const done of this.acks.values()) done({ ok: false, error: { message: CONNECTION_LOST } });
    this.acks.clear();
  }

  static connect(port: number, auth: object): Promise<LeanClient> {
    let client: LeanClient | undefined;
    return new Promise((resolve, reject) => {
      RawSocket.open(port, "/socket.io/?EIO=4&transport=websocket", (data, socket) => {
        client ??= new LeanClient(socket);
        // The common case, a batch of events ("42[..."), is scanned as bytes without making a string.
        if (data[0] === 0x34 && data[1] === 0x32) {
          const at = performance.now();
          client.lastMessage = data;
          const ids = eventIds(data);
          if (ids.length) client.onEvents?.(client.reached(ids[ids.length - 1]!), at);
          return;
        }
        const text = data.toString();
        if (text[0] === "0") socket.send(`40${JSON.stringify(auth)}`);
        else if (text === "2") socket.send("3");
        else if (text.startsWith("40")) resolve(client);
        else if (text.startsWith("44")) reject(new Error(`connection refused: ${text}`));
        else if (text.startsWith("43")) client.settle(text);
      }).then((raw) => {
        raw.onClose = () => {
          reject(new Error(CONNECTION_LOST));
          client?.lost();
        };
      }, reject);
    });
  }

  private settle(text: string) {
    const match = /^43(\d+)/.exec(text);
    if (!match) return;
    const id = Number(match[1]);
    const done = this.acks.get(id);
    this.acks.delete(id);
    done?.((JSON.parse(text.slice(2 + match[1]!.length)) as [never])[0]);
  }

  request(event: string, payload: object): Promise<AckResponse> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.socket.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close() {
    this.socket.close();
  }
}

const EVENT_START = Buffer.from('{"id":');
/** The ids of the events in a message: every `{"id":<digits>` (questions' ids are quoted strings, so they never match). */
function eventIds(data: Buffer): number[] {
  const ids: number[] = [];
  let at = data.indexOf(EVENT_START);
  while (at !== -1) {
    let i = at + EVENT_START.length;
    let id = 0;
    let digits = 0;
    for (let c = data[i]; c !== undefined && c >= 0x30 && c <= 0x39; c = data[++i]) {
      id = id * 10 + (c - 0x30);
      digits += 1;
    }
    if (digits) ids.push(id);
    at = data.indexOf(EVENT_START, i);
  }
  return ids;
}

/**
 * When each event reached each viewer, in one preallocated array per event:
 * a million timestamps pushed onto growing lists made the generator's garbage
 * collector pause for tens of milliseconds, and every arrival timestamped
 * after such a pause counted the pause as the sidecar's latency.
 */
class Arrivals {
  private readonly byEvent = new Map<number, { times: Float64Array; count: number }>();

  constructor(private readonly viewers: number) {}

  record(ids: readonly number[], at: number) {
    for (const id of ids) {
      let event = this.byEvent.get(id);
      if (!event) this.byEvent.set(id, (event = { times: new Float64Array(this.viewers), count: 0 }));
      // More arrivals than viewers means duplicates: counted, though their times are not kept.
      if (event.count < this.viewers) event.times[event.count] = at;
      event.count += 1;
    }
  }

  get(id: number): { times: Float64Array; count: number } {
    const event = this.byEvent.get(id);
    return event ? { times: event.times.subarray(0, event.count), count: event.count } : { times: new Float64Array(0), count: 0 };
  }

  clear() {
    this.byEvent.clear();
  }
}

function summarize(arrivals: Arrivals, sentAt: Map<number, number>, viewers: number) {
  const perDelivery: number[] = [];
  const perEvent: number[] = [];
  let missed = 0;
  for (const [id, at] of sentAt) {
    const { times, count } = arrivals.get(id);
    missed += viewers - count;
    let last = 0;
    for (const time of times) {
      const latency = time - at;
      perDelivery.push(latency);
      if (latency > last) last = latency;
    }
    if (times.length) perEvent.push(last);
  }
  return { perDelivery: percentiles(perDelivery), perEvent: percentiles(perEvent), events: sentAt.size, deliveries: perDelivery.length, missed };
}

function percentiles(values: number[]) {
  if (!values.length) return { p50: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { p50: at(0.5), p99: at(0.99), max: round(sorted[sorted.length - 1]!) };
}

/** A full collection in this process, without starting it with --expose-gc (npm run passes no node flags). */
function collectGarbage() {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs each task at its rate for `ms`, evenly spaced. */
async function paced(ms: number, tasks: { perSecond: number; run: () => void }[]) {
  const started = performance.now();
  const done = tasks.map(() => 0);
  while (performance.now() - started < ms) {
    const elapsed = (performance.now() - started) / 1000;
    tasks.forEach((task, i) => {
      while (done[i]! < Math.floor(elapsed * task.perSecond)) {
        done[i]! += 1;
        task.run();
      }
    });
    await sleep(2);
  }
}

async function getJson(url: string): Promise<Health> {
  const response = await fetch(url);
  return (await response.json()) as Health;
}

async function settledMemory(health: (gc?: boolean) => Promise<{ memory: Memory }>): Promise<Memory> {
  await health(true);
  await sleep(200);
  return (await health(true)).memory;
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`Timed out waiting for ${what}`);
}


async function openFilesLimit(): Promise<string> {
  const child: ChildProcess = spawn("sh", ["-c", "ulimit -n"], { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout?.on("data", (chunk) => (out += String(chunk)));
  await new Promise((resolve) => child.once("exit", resolve));
  return out.trim();
}

// ---------------------------------------------------------------- floor server mode
// `tsx bench/qa.ts --floor-server --port P`: a bare ws server that relays every
// message from /writer to every client of /viewer. The floor of any broadcast.
function serveFloor() {
  const http = createServer((request, response) => {
    if (request.url?.includes("gc=1")) (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ status: "ok", sockets: viewers.size, memory: { heapUsed: memory.heapUsed, rss: memory.rss } }));
  });
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  const viewers = new Set<WebSocket>();
  wss.on("connection", (socket, request) => {
    if (request.url?.startsWith("/writer")) {
      socket.on("message", (data) => {
        const text = data.toString();
        for (const viewer of viewers) viewer.send(text);
      });
      return;
    }
    viewers.add(socket);
    socket.on("close", () => viewers.delete(socket));
  });
  http.listen(Number(args.port), "127.0.0.1");
  // Stopped by the bench: exit normally, so that a CPU profile asked for is written.
  process.once("SIGTERM", () => process.exit(0));
}

// Last, once every helper above is defined.
if (args["floor-server"]) serveFloor();
else await main();
