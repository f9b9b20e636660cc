// The live page's attendance record, end to end: a real sidecar, real
// socket.io clients, rows in the real database. The sidecar's clock is moved by
// minutes (the batch timer runs in real time, short), so minutes can be asserted
// exactly; the killed sidecar runs as its own process on the real clock.
import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onlineMinutes } from "~/models/cme/attendance-intervals.server";
import { myAttendance } from "~/models/cme/attendance.server";
import { prisma } from "~/utils/db.server";
import { freePort } from "~/utils/free-port.server";
import type { AttendanceState, JoinResult } from "./contract";
import type { RealtimeServer } from "./server";
import { connect, makePerson, makeSession, ok, quietFor, request, spawnSidecar, startSidecar, type QaClient } from "./test-support";

const MINUTE = 60_000;
/** The session's own time in makeSession: 16:00 to 17:00. */
const STARTS = Date.parse("2023-03-05T16:00:00Z");
let clock = STARTS;
const at = (minutes: number) => new Date(STARTS + minutes * MINUTE);

let sidecar: RealtimeServer;
const open: QaClient[] = [];

beforeAll(async () => {
  sidecar = await startSidecar(0, { attendance: { batchMs: 100, heartbeatMs: MINUTE, now: () => clock } });
});
afterAll(async () => {
  await sidecar.close();
});
beforeEach(() => {
  clock = STARTS;
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

async function client(server: { port: number } = sidecar, options: Parameters<typeof connect>[1] = {}) {
  const socket = await connect(server, options);
  open.push(socket);
  return socket;
}

async function accreditedSession() {
  const session = await makeSession();
  await prisma.session.update({ where: { id: session.id }, data: { cmeAccredited: true } });
  return session;
}

/** A signed-in viewer's socket joined to the session; `null` joins without saying whether the page is visible. */
async function viewer(sessionId: string, ticket: string, visibility: "visible" | "hidden" | null = "visible") {
  const socket = await client(sidecar, { ticket });
  const joined = await ok<JoinResult>(socket, "qa:join", { sessionId, ...(visibility ? { visibility } : {}) });
  return { socket, joined };
}

/** A new attendee watching the session on a visible page. */
async function attendeeWatching(sessionId: string) {
  const person = await makePerson("ATTENDEE");
  const { socket } = await viewer(sessionId, person.ticket);
  return { person, socket };
}

const beat = (socket: QaClient, visibility: "visible" | "hidden" = "visible") => ok<AttendanceState>(socket, "presence:beat", { visibility });

/** The clock moves on minute by minute, each visible page beating once a minute. */
async function pass(minutes: number, ...beating: QaClient[]) {
  for (let i = 0; i < minutes; i++) {
    clock += MINUTE;
    await Promise.all(beating.map((socket) => beat(socket)));
  }
}

async function rows(sessionId: string) {
  await sidecar.attendance.flush();
  return prisma.attendanceInterval.findMany({ where: { sessionId }, select: { userId: true, startedAt: true, endedAt: true }, orderBy: [{ startedAt: "asc" }, { endedAt: "asc" }] });
}

/** Waits for the sidecar to see a socket's disconnect (it hears of it a moment after the client closes). */
async function untilClosed(socketId: string | undefined) {
  for (let i = 0; i < 100 && socketId && sidecar.attendance.recording(socketId); i++) await quietFor(20);
}

describe("attendance on the live page", () => {
  it("join then leave is one interval with the right minutes; anonymous viewers and pages that do not report are not recorded", async () => {
    const session = await accreditedSession();
    const person = await makePerson("ATTENDEE");
    const quiet = await makePerson("ATTENDEE");
    const { socket, joined } = await viewer(session.id, person.ticket);
    expect(joined.attendance).toEqual({ recording: true, heartbeatMs: MINUTE });
    const anonymous = await client();
    expect((await ok<JoinResult>(anonymous, "qa:join", { sessionId: session.id, visibility: "visible" })).attendance.recording).toBe(false);
    // The projector's or moderator's screen never says whether it is visible.
    expect((await viewer(session.id, quiet.ticket, null)).joined.attendance.recording).toBe(false);

    await pass(12, socket);
    // A partial minute at the end counts only as far as it went.
    clock += 30_000;
    await ok(socket, "qa:leave");
    expect(await rows(session.id)).toEqual([{ userId: person.id, startedAt: at(0), endedAt: at(12.5) }]);
    expect(await onlineMinutes(person.id, session.id)).toBe(12);
    expect(await onlineMinutes(quiet.id, session.id)).toBe(0);
    expect(await myAttendance(person.id, session.meetingId)).toEqual([expect.objectContaining({ minutes: 12, onlineMinutes: 12, source: "online" })]);
  });

  it("an open interval is written every batch while it lasts, not only when it closes", async () => {
    const session = await accreditedSession();
    const { person, socket } = await attendeeWatching(session.id);
    await pass(3, socket);
    // The batch timer (100 ms here) writes it without being asked.
    await expect.poll(() => prisma.attendanceInterval.findMany({ where: { sessionId: session.id }, select: { endedAt: true } }), { timeout: 3000 }).toEqual([{ endedAt: at(3) }]);
    await pass(2, socket);
    expect(await rows(session.id)).toEqual([{ userId: person.id, startedAt: at(0), endedAt: at(5) }]);
  });

  it("a reconnect closes the old interval at the drop and opens a new one on the next join", async () => {
    const session = await accreditedSession();
    const person = await makePerson("ATTENDEE");
    const socket = await client(sidecar, { ticket: person.ticket, reconnection: true });
    const joinVisible = () => ok<JoinResult>(socket, "qa:join", { sessionId: session.id, visibility: "visible" });
    await joinVisible();
    await pass(5, socket);
    const rejoined = new Promise<void>((resolve) => socket.io.once("reconnect", () => void joinVisible().then(() => resolve())));
    const firstId = socket.id;
    // The transport drops (Wi-Fi gone): no leave, the socket.io client reconnects by itself.
    socket.io.engine.close();
    await untilClosed(firstId);
    clock += 2 * MINUTE;
    await rejoined;
    await pass(8, socket);
    await ok(socket, "qa:leave");
    expect(await rows(session.id)).toEqual([
      { userId: person.id, startedAt: at(0), endedAt: at(5) },
      { userId: person.id, startedAt: at(7), endedAt: at(15) },
    ]);
    expect(await onlineMinutes(person.id, session.id)).toBe(13);
  });

  it("two tabs open at once count once", async () => {
    const session = await accreditedSession();
    const person = await makePerson("ATTENDEE");
    const first = await viewer(session.id, person.ticket);
    await pass(10, first.socket);
    const second = await viewer(session.id, person.ticket);
    await pass(10, first.socket, second.socket);
    const firstId = first.socket.id;
    first.socket.close();
    await untilClosed(firstId);
    await pass(10, second.socket);
    await ok(second.socket, "qa:leave");
    const stored = await rows(session.id);
    expect(stored).toHaveLength(2);
    expect(stored.map((row) => [row.startedAt, row.endedAt])).toEqual([
      [at(0), at(20)],
      [at(10), at(30)],
    ]);
    expect(await onlineMinutes(person.id, session.id)).toBe(30);
  });

  it("a hidden page stops the clock until it is visible again", async () => {
    const session = await accreditedSession();
    const { person, socket } = await attendeeWatching(session.id);
    await pass(5, socket);
    expect(await beat(socket, "hidden")).toEqual({ recording: false, heartbeatMs: MINUTE });
    // Ten minutes in another tab: the page sends no heartbeat, and nothing is counted.
    clock += 10 * MINUTE;
    expect(await rows(session.id)).toEqual([{ userId: person.id, startedAt: at(0), endedAt: at(5) }]);
    expect((await beat(socket, "visible")).recording).toBe(true);
    await pass(5, socket);
    await ok(socket, "qa:leave");
    expect((await rows(session.id)).map((row) => [row.startedAt, row.endedAt])).toEqual([
      [at(0), at(5)],
      [at(15), at(20)],
    ]);
    expect(await onlineMinutes(person.id, session.id)).toBe(10);
  });

  it("a connection that goes silent closes after the timeout, one heartbeat after its last one; one cut mid-way closes at once", async () => {
    const session = await accreditedSession();
    const [silent, cut] = await Promise.all([makePerson("ATTENDEE"), makePerson("ATTENDEE")]);
    const a = await viewer(session.id, silent.ticket);
    const b = await viewer(session.id, cut.ticket);
    await pass(5, a.socket, b.socket);
    // The page froze (no heartbeat, no goodbye) while its connection stays up.
    clock += 1.5 * MINUTE;
    await sidecar.attendance.flush();
    expect(sidecar.attendance.recording(a.socket.id!)).toBe(true);
    // The cut connection: its TCP socket closed under it, without a leave.
    const cutId = b.socket.id;
    (b.socket.io.engine as unknown as { transport: { ws: { _socket: { destroy(): void } } } }).transport.ws._socket.destroy();
    await untilClosed(cutId);
    clock += MINUTE;
    // Past two heartbeats without one: the next batch closes it.
    expect(await rows(session.id)).toEqual(
      expect.arrayContaining([
        { userId: silent.id, startedAt: at(0), endedAt: at(6) },
        { userId: cut.id, startedAt: at(0), endedAt: at(6) },
      ]),
    );
    expect(sidecar.attendance.recording(a.socket.id!)).toBe(false);
    expect(await onlineMinutes(silent.id, session.id)).toBe(6);
    expect(await onlineMinutes(cut.id, session.id)).toBe(6);
  });

  it("a session that is not accredited keeps no record; the heartbeat needs a joined session and a known visibility", async () => {
    const session = await makeSession();
    const { socket } = await attendeeWatching(session.id);
    await pass(5, socket);
    await ok(socket, "qa:leave");
    expect(await rows(session.id)).toEqual([]);
    expect(await request(socket, "presence:beat", { visibility: "visible" })).toMatchObject({ ok: false, error: { code: "NOT_JOINED" } });
    await ok(socket, "qa:join", { sessionId: session.id });
    expect(await request(socket, "presence:beat", { visibility: "maybe" })).toMatchObject({ ok: false, error: { code: "INVALID" } });
  });

  it("stopping the sidecar ends every open interval and writes it", async () => {
    const session = await accreditedSession();
    const person = await makePerson("ATTENDEE");
    const other = await startSidecar(0, { attendance: { batchMs: 60_000, heartbeatMs: MINUTE, now: () => clock } });
    const socket = await client(other, { ticket: person.ticket });
    await ok(socket, "qa:join", { sessionId: session.id, visibility: "visible" });
    clock += 2 * MINUTE;
    await beat(socket);
    clock += 30_000;
    await other.close();
    expect(await prisma.attendanceInterval.findMany({ where: { sessionId: session.id }, select: { startedAt: true, endedAt: true } })).toEqual([{ startedAt: at(0), endedAt: at(2.5) }]);
  });
});

describe("a sidecar killed mid-session", () => {
  let doomed: ChildProcess | undefined;
  afterAll(() => {
    doomed?.kill("SIGKILL");
  });

  it("loses at most one batch window, and the viewer's new interval on the next sidecar never doubles the time", async () => {
    const BATCH_MS = 400;
    const HEARTBEAT_MS = 300;
    const session = await accreditedSession();
    // On the real clock: the session is on now. Whole minutes, as sessions are
    // scheduled: a start with milliseconds would not survive the calendar feeds
    // that later test files of this worker read the seeded meeting through.
    const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
    await prisma.session.update({ where: { id: session.id }, data: { startsAt: new Date(minute - 10 * MINUTE), endsAt: new Date(minute + 50 * MINUTE) } });
    const person = await makePerson("ATTENDEE");
    const port = await freePort();
    const settings = { REALTIME_ATTENDANCE_BATCH_MS: String(BATCH_MS), REALTIME_ATTENDANCE_HEARTBEAT_MS: String(HEARTBEAT_MS) };
    doomed = await spawnSidecar(port, settings);

    const socket = await client({ port }, { ticket: person.ticket, reconnection: true });
    let joins = 0;
    const joinVisible = () => ok<JoinResult>(socket, "qa:join", { sessionId: session.id, visibility: "visible" }).then(() => (joins += 1));
    socket.io.on("reconnect", () => void joinVisible());
    const joinedAt = Date.now();
    await joinVisible();
    // The page beats as the browser does; a beat sent while disconnected is simply dropped.
    const beating = setInterval(() => {
      if (socket.connected) socket.emit("presence:beat", { visibility: "visible" }, () => {});
    }, HEARTBEAT_MS);
    try {
      await quietFor(2000);
      doomed.kill("SIGKILL");
      const killedAt = Date.now();
      await quietFor(500);
      const [lost] = await prisma.attendanceInterval.findMany({ where: { sessionId: session.id }, select: { id: true, startedAt: true, endedAt: true } });
      expect(lost).toBeDefined();
      expect(lost!.startedAt.getTime()).toBeGreaterThanOrEqual(joinedAt - 50);
      // What was written up to the kill, less at most one batch window (and a little timer slack).
      expect(lost!.endedAt.getTime()).toBeLessThanOrEqual(killedAt);
      expect(killedAt - lost!.endedAt.getTime()).toBeLessThan(BATCH_MS + 200);

      doomed = await spawnSidecar(port, settings);
      await expect.poll(() => joins, { timeout: 10_000 }).toBe(2);
      await quietFor(1500);
      await ok(socket, "qa:leave");
      const leftAt = Date.now();
      doomed.kill("SIGTERM");
      await new Promise((resolve) => doomed!.once("exit", resolve));

      const stored = await prisma.attendanceInterval.findMany({ where: { sessionId: session.id }, select: { id: true, startedAt: true, endedAt: true }, orderBy: { startedAt: "asc" } });
      expect(stored).toHaveLength(2);
      // The first row is as the killed sidecar left it: the new one never touched it.
      expect(stored[0]).toEqual(lost);
      const [, second] = stored;
      expect(second!.startedAt.getTime()).toBeGreaterThan(lost!.endedAt.getTime());
      expect(second!.endedAt.getTime()).toBeLessThanOrEqual(leftAt);
      const covered = stored.reduce((sum, row) => sum + row.endedAt.getTime() - row.startedAt.getTime(), 0);
      expect(covered).toBeLessThanOrEqual(leftAt - joinedAt);
    } finally {
      clearInterval(beating);
    }
  }, 60_000);
});
