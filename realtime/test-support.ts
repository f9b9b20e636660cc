// What the realtime tests share: real sidecars on port 0, real socket.io-client
// connections, and people with the roles each test needs, made fresh in the
// worker's database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import { applyQaEvents, type QaBoard, type QaEventView } from "~/models/live-qa/questions";
import { issueRealtimeTicket } from "~/models/accounts/realtime-ticket.server";
import type { MeetingRoleKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { loginSessionCookie } from "~/utils/session.server";
import type { AckResponse, ClientToServerEvents, JoinResult, ServerToClientEvents } from "./contract";
import { createRealtimeServer, type RealtimeServer, type RealtimeServerOptions } from "./server";

export type QaClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export const APP_ORIGIN = "http://localhost:3000";

export function startSidecar(port = 0, options: Pick<RealtimeServerOptions, "fanout" | "attendance"> = {}): Promise<RealtimeServer> {
  return createRealtimeServer({ port, host: "127.0.0.1", appOrigin: APP_ORIGIN, databaseUrl: process.env.DATABASE_URL!, presenceIntervalMs: 100, ...options });
}

/**
 * One sidecar for a whole test file: started before its first test, closed after
 * its last together with every client its `connect` opened.
 */
export function sidecarForFile(options: Pick<RealtimeServerOptions, "fanout" | "attendance"> = {}) {
  let started: RealtimeServer | undefined;
  const open: QaClient[] = [];
  beforeAll(async () => {
    started = await startSidecar(0, options);
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await started?.close();
  });
  const server = (): RealtimeServer => {
    if (!started) throw new Error("The file's sidecar starts before the first test: use it inside one.");
    return started;
  };
  return {
    get server() {
      return server();
    },
    /** A client of this sidecar, closed with it. */
    async connect(connectOptions: ConnectOptions = {}): Promise<QaClient> {
      const socket = await connect(server(), connectOptions);
      open.push(socket);
      return socket;
    },
  };
}

async function meetingId(slug: string): Promise<string> {
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return meeting.id;
}

/** A fresh session of a seeded meeting, so each test has a Q&A of its own. */
export async function makeSession(meetingSlug = "sir-2023"): Promise<{ id: string; meetingId: string; slug: string }> {
  const id = await meetingId(meetingSlug);
  const slug = `qa-test-${randomUUID()}`;
  const session = await prisma.session.create({
    data: {
      meetingId: id,
      slug,
      title: `Live Q&A test ${slug}`,
      kind: "SCIENTIFIC_SESSION",
      startsAt: new Date("2023-03-05T16:00:00Z"),
      endsAt: new Date("2023-03-05T17:00:00Z"),
    },
    select: { id: true, meetingId: true, slug: true },
  });
  return session;
}

export type TestPerson = { id: string; name: string; loginSessionId: string; ticket: string; cookie: string };

/** Someone signed in, holding `role` in `meetingSlug` (or no role at all). */
export async function makePerson(role: MeetingRoleKind | null, meetingSlug = "sir-2023", name = "Test Person"): Promise<TestPerson> {
  const user = await prisma.user.create({
    data: {
      email: `qa-${randomUUID()}@example.test`,
      name,
      passwordHash: "not-a-real-hash",
      ...(role ? { meetingRoles: { create: { meetingId: await meetingId(meetingSlug), role } } } : {}),
    },
    select: { id: true, name: true },
  });
  const loginSession = await prisma.loginSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 24 * 3600_000) },
    select: { id: true },
  });
  const cookie = (await loginSessionCookie.serialize(loginSession.id)).split(";")[0]!;
  return { ...user, loginSessionId: loginSession.id, ticket: issueRealtimeTicket(loginSession.id).ticket, cookie };
}

export type ConnectOptions = {
  ticket?: string;
  cookie?: string;
  auth?: Record<string, unknown>;
  reconnection?: boolean;
  /** The page's origin, as a browser sends it; none, as other clients do, by default. */
  origin?: string;
  transport?: "websocket" | "polling";
};

/** A connected client (rejects with the server's reason when the handshake is refused). */
export function connect(server: { port: number }, options: ConnectOptions = {}): Promise<QaClient> {
  const socket: QaClient = connectClient(`http://127.0.0.1:${server.port}`, {
    transports: [options.transport ?? "websocket"],
    auth: options.auth ?? (options.ticket ? { ticket: options.ticket } : {}),
    extraHeaders: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...(options.origin ? { Origin: options.origin } : {}) },
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      socket.off("connect", connected);
      socket.close();
      reject(error);
    };
    const connected = () => {
      // Later failures are reconnection attempts, not this connect's.
      socket.off("connect_error", failed);
      resolve(socket);
    };
    socket.once("connect", connected);
    socket.once("connect_error", failed);
  });
}

/** Sends an event and waits for its acknowledgement. */
export function request<T = unknown>(socket: QaClient, event: string, ...args: unknown[]): Promise<AckResponse<T>> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<AckResponse<T>> } })
    .timeout(10_000)
    .emitWithAck(event, ...args);
}

/** Like request, but the acknowledgement must be ok: returns its data. */
export async function ok<T = unknown>(socket: QaClient, event: string, payload?: unknown): Promise<T> {
  const response = await request<T>(socket, event, payload ?? {});
  if (!response.ok) throw new Error(`${event} refused: ${response.error.code} ${response.error.message}`);
  return response.data;
}

/**
 * A screen's view of a session, kept the way the browser keeps it: join, apply
 * every qa:events batch once, and after a reconnect send the last id to catch up.
 */
export class Watcher {
  board: QaBoard = { qa: { open: true, moderationEnabled: true, pinnedQuestionId: null }, questions: [], lastEventId: 0 };
  /** Every event id received, duplicates included (to prove there are none). */
  readonly received: number[] = [];
  private joining = false;
  private held: QaEventView[] = [];
  viewers = 0;
  joins = 0;
  private waiters: (() => void)[] = [];

  constructor(
    readonly socket: QaClient,
    readonly sessionId: string,
  ) {
    socket.on("qa:events", (events) => {
      this.received.push(...events.map((e) => e.id));
      // A batch right behind the join's acknowledgement is handled before the
      // awaited acknowledgement resumes: hold it until the sync is applied.
      if (this.joining) this.held.push(...events);
      else this.apply(events);
    });
    socket.on("viewers:count", ({ count }) => {
      this.viewers = count;
      this.wake();
    });
    // socket.io-client fires "connect" again after every reconnection.
    socket.io.on("reconnect", () => void this.join());
  }

  static async join(socket: QaClient, sessionId: string): Promise<Watcher> {
    const watcher = new Watcher(socket, sessionId);
    await watcher.join();
    return watcher;
  }

  async join(): Promise<JoinResult> {
    this.joining = true;
    try {
      const result = await ok<JoinResult>(this.socket, "qa:join", { sessionId: this.sessionId, lastEventId: this.joins > 0 ? this.board.lastEventId : null });
      this.joins += 1;
      if (result.sync.kind === "snapshot") this.board = result.sync.board;
      else this.apply(result.sync.events);
      this.viewers = result.viewers;
      return result;
    } finally {
      this.joining = false;
      this.apply(this.held.splice(0));
    }
  }

  private apply(events: QaEventView[]) {
    this.board = applyQaEvents(this.board, events);
    this.wake();
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  question(id: string) {
    return this.board.questions.find((q) => q.id === id);
  }

  /** Resolves once `check` holds (re-checked after every change), or fails after `ms`. */
  async until(check: (watcher: Watcher) => boolean, what = "the expected state", ms = 8000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Resolves when nothing arrives on `socket` for `ms`: to prove something was not sent. */
export function quietFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The sidecar as its own process (npm run start:realtime), so it can be killed for real; `settings` adds to its environment. */
export async function spawnSidecar(port: number, settings: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "realtime/index.ts"], {
    // The same secret as this process, which signs the tickets.
    env: { ...process.env, REALTIME_PORT: String(port), APP_ORIGIN, NODE_ENV: "test", LOG_LEVEL: "warn", SESSION_SECRET: env.SESSION_SECRET, ...settings },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`The sidecar exited with ${child.exitCode}`);
    await quietFor(200);
  }
  child.kill("SIGKILL");
  throw new Error("The sidecar did not become healthy");
}
