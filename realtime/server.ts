// The realtime sidecar as a value: createRealtimeServer({ port }) starts one
// (port 0 picks a free port, for tests), close() stops it gracefully. It serves
// Socket.IO for live Q&A and GET /healthz, LISTENs on PostgreSQL for Q&A events,
// ended sign-ins and other sidecars' viewer counts, and keeps no state another
// sidecar would need.
import { createServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Server } from "socket.io";
import { z } from "zod";
import { MEETING_RIGHTS_CHANGED_CHANNEL } from "~/models/accounts/access.server";
import { saveAttendanceIntervals } from "~/models/cme/attendance-intervals.server";
import { QA_COMMAND_EVENTS } from "~/models/live-qa/commands";
import { QA_EVENTS_CHANNEL } from "~/models/live-qa/event-log.server";
import { prisma } from "~/utils/db.server";
import { LOGIN_SESSIONS_ENDED_CHANNEL } from "~/utils/login-session-events.server";
import { logger } from "~/utils/logger.server";
import { ATTENDANCE_DEFAULTS, AttendanceRecorder, type AttendanceOptions } from "./attendance";
import { authenticateHandshake, HandshakeError } from "./auth";
import { NotificationBus, parseNotice } from "./bus";
import { MAX_MESSAGE_BYTES } from "./contract";
import { rooms, SessionFanout, type FanoutOptions, type QaServer, type QaSocket } from "./fanout";
import { OneBufferFrameAdapter } from "./frame-adapter";
import { createCrowdLookups } from "./lookups";
import { registerQaCommands } from "./handlers/commands";
import { recheckRights, type HandlerContext } from "./handlers/respond";
import { registerSessionHandlers, SESSION_EVENTS } from "./handlers/session";
import { PRESENCE_CHANNEL, Presence } from "./presence";

export type RealtimeServerOptions = {
  port: number;
  host?: string;
  /** The web app's origin: the only one browsers may connect from. */
  appOrigin: string;
  databaseUrl: string;
  /** How often viewer counts are compared and shared (ms). */
  presenceIntervalMs?: number;
  /** How a session's watchers are written to (./fanout.ts). */
  fanout?: FanoutOptions;
  /** The attendance record's batch window and heartbeat (ms; ATTENDANCE_DEFAULTS), and a clock for tests. */
  attendance?: Partial<AttendanceOptions>;
};

export type RealtimeServer = {
  port: number;
  io: QaServer;
  http: HttpServer;
  /** The attendance record kept here (tests flush it, or read what is open). */
  attendance: AttendanceRecorder;
  /** Stops accepting, tells clients to reconnect elsewhere, waits for queued deliveries, writes the attendance record, closes the database connections. */
  close: () => Promise<void>;
};

const rightsChangedSchema = z.object({ userId: z.string(), meetingId: z.string().optional() });

const loginSessionsEndedSchema = z.union([
  z.object({ loginSessionId: z.string() }),
  z.object({ userId: z.string(), exceptLoginSessionId: z.string().optional() }),
]);

const log = logger.child({ component: "realtime" });
const LOOP_DELAY_RESOLUTION_MS = 10;

export async function createRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const allowedOrigin = new URL(options.appOrigin).origin;
  let bus: NotificationBus | null = null;

  const http = createServer((request, response) => {
    if (request.method === "GET" && request.url?.split("?")[0] === "/healthz") {
      void health(request).then(({ status, body }) => {
        response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        response.end(JSON.stringify(body));
      });
      return;
    }
    // Socket.IO takes its own path before this handler runs; anything else is not ours.
    response.writeHead(404, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ error: "Not found" }));
  });

  const io: QaServer = new Server(http, {
    serveClient: false,
    adapter: OneBufferFrameAdapter,
    cors: { origin: allowedOrigin, credentials: true },
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // CORS only binds browsers' HTTP requests; a WebSocket upgrade from another
    // site's page carries that site's Origin, so check it here too. Clients that
    // are not browsers send no Origin.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || origin === allowedOrigin);
    },
  });

  const context: HandlerContext = { log: (error, what) => log.error({ err: error }, `realtime: ${what} failed`) };
  const fanout = new SessionFanout(io, context.log, options.fanout);
  const presence = new Presence(
    fanout,
    async (payload) => {
      await prisma.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${payload})`;
    },
    { intervalMs: options.presenceIntervalMs ?? 1000, heartbeatMs: 10_000, staleMs: 30_000 },
  );

  const attendance = new AttendanceRecorder(
    saveAttendanceIntervals,
    { ...ATTENDANCE_DEFAULTS, ...options.attendance },
    context.log,
  );

  const lookups = createCrowdLookups();
  io.use((socket, next) => {
    authenticateHandshake(socket.handshake.auth, socket.request as IncomingMessage, lookups).then(
      ({ user, loginSessionId }) => {
        socket.data.user = user;
        socket.data.loginSessionId = loginSessionId;
        socket.data.session = null;
        next();
      },
      (error: unknown) => {
        if (error instanceof HandshakeError) return next(error);
        context.log(error, "handshake");
        next(new Error("The live service could not check your sign-in. Try again in a moment."));
      },
    );
  });

  io.on("connection", (socket: QaSocket) => {
    if (socket.data.user && socket.data.loginSessionId) {
      socket.join([rooms.login(socket.data.loginSessionId), rooms.user(socket.data.user.id)]);
    }
    const handlerContext = { ...context, fanout, presence, attendance, lookups };
    registerSessionHandlers(socket, handlerContext);
    registerQaCommands(socket, handlerContext);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === "function") ack({ ok: false, error: { code: "UNKNOWN_EVENT", message: `Unknown event "${String(event).slice(0, 40)}".` } });
    });
  });

  /** Sign-outs and revocations: the sockets of those sign-ins are told, then disconnected. */
  function endSignIns(payload: string) {
    const ended = parseNotice(loginSessionsEndedSchema, payload);
    if (!ended) return;
    const target =
      "loginSessionId" in ended
        ? io.in(rooms.login(ended.loginSessionId))
        : ended.exceptLoginSessionId
          ? io.in(rooms.user(ended.userId)).except(rooms.login(ended.exceptLoginSessionId))
          : io.in(rooms.user(ended.userId));
    target.emit("auth:ended", { message: "You were signed out. Sign in again to take part." });
    target.disconnectSockets(true);
  }

  /** A person's roles changed: their sockets in that meeting's sessions (every meeting, for an admin flag) check again. */
  function recheckPerson(payload: string) {
    const changed = parseNotice(rightsChangedSchema, payload);
    if (!changed) return;
    for (const socketId of io.sockets.adapter.rooms.get(rooms.user(changed.userId)) ?? []) {
      const socket = io.sockets.sockets.get(socketId);
      const meetingId = socket?.data.session?.meetingId;
      if (!socket || !meetingId || (changed.meetingId && changed.meetingId !== meetingId)) continue;
      recheckRights(socket, fanout).catch((error: unknown) => context.log(error, "re-checking rights"));
    }
  }

  bus = new NotificationBus(
    options.databaseUrl,
    {
      [QA_EVENTS_CHANNEL]: (payload) => {
        const sessionId = payload.split(":")[0];
        if (sessionId) fanout.announce(sessionId);
      },
      [LOGIN_SESSIONS_ENDED_CHANNEL]: endSignIns,
      [MEETING_RIGHTS_CHANGED_CHANNEL]: recheckPerson,
      [PRESENCE_CHANNEL]: (payload) => presence.receive(payload),
    },
    {
      onReconnected: () => {
        log.warn("realtime: LISTEN connection restored; re-reading every session's events");
        fanout.announceAll();
      },
      onError: (error) => log.warn({ err: error }, "realtime: LISTEN connection problem"),
    },
  );
  await bus.start();

  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  const round = (n: number) => Math.round(n * 10) / 10;

  async function health(request: IncomingMessage) {
    // Benchmarks start the sidecar with --expose-gc and ask for a collection first, to measure live memory only.
    const collect = (globalThis as { gc?: () => void }).gc;
    if (collect && request.url?.includes("gc=1")) collect();
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    let database = "ok";
    try {
      await prisma.$queryRaw`SELECT 1`;
    } catch {
      database = "unreachable";
    }
    const ok = database === "ok" && bus?.connected === true;
    // The histogram holds the intervals between its 10 ms ticks: less the 10 ms, how late each tick came.
    const lateness = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - LOOP_DELAY_RESOLUTION_MS));
    const delay = { p99: lateness(loopDelay.percentile(99)), max: lateness(loopDelay.max) };
    // Benchmarks reset it before the part they measure.
    if (request.url?.includes("reset=1")) loopDelay.reset();
    return {
      status: ok ? 200 : 503,
      body: {
        status: ok ? "ok" : "error",
        database,
        listening: bus?.connected === true,
        sockets: io.engine.clientsCount,
        // The attendance record: intervals open now, and the recent batches' size and write time.
        attendance: attendance.summary(),
        memory: { heapUsed: memory.heapUsed, rss: memory.rss },
        // Microseconds of CPU since start: benchmarks read it twice to see how busy the sidecar was.
        cpuMicros: cpu.user + cpu.system,
        // How late the event loop ran timers (ms): a long broadcast or a GC pause shows here first.
        eventLoopDelayMs: delay,
      },
    };
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, options.host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= (async () => {
      presence.stop();
      fanout.stop();
      loopDelay.disable();
      await fanout.settle();
      // Closing disconnects every client; socket.io-client then reconnects, to
      // another sidecar behind the balancer or to this one once it is back.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // Every open interval ends now and is written: the viewers' new ones start where they reconnect.
      await attendance.stop();
      await bus?.close();
    })());

  return { port, io, http, attendance, close };
}

/** What a client may send: joining and leaving, and the commands of the Q&A table. */
const KNOWN_EVENTS = new Set<string>([...SESSION_EVENTS, ...QA_COMMAND_EVENTS]);
