// The attendance record of the live page, kept in memory and written in
// batches. A signed-in viewer's socket holds at most one open interval: opened
// when it joins a session with the page visible, kept alive by heartbeats,
// closed when it leaves, hides the page or disconnects, or, for a connection
// that died without a word, when no heartbeat came for `timeoutMs`.
//
// Intervals are upserted in batches (app/models/cme/attendance-intervals.server.ts),
// off the sockets' path: a heartbeat only touches a number in memory. Each open
// interval is written up to the moment of writing once every `batchMs`, so a
// sidecar killed without a goodbye loses at most one batch window; its viewers
// reconnect elsewhere and open new intervals, and minutes come from the union
// of intervals, so nothing counts twice. The open intervals are dealt into
// PARTS parts, and a tick every batchMs/PARTS writes one part (with whatever
// closed meanwhile): a plenary's 10,000 viewers are 2,000 rows a second, not
// 10,000 rows every fifth second, a burst that took the database's core for a
// quarter of a second and held up the sidecar's broadcast as long (bench:qa).
//
// Times are the sidecar's own (the client sends none). An interval ends at the
// moment it closed, but never more than one heartbeat period after the last
// sign of life (the join or a heartbeat): a heartbeat vouches for the page
// until the next one is due, and no further.
import { randomUUID } from "node:crypto";
import type { AttendanceIntervalRow } from "~/models/cme/attendance-intervals.server";

export type AttendanceOptions = {
  /** How often each open interval is written (ms); one closed goes out at the next tick, a fifth of this. */
  batchMs: number;
  /** How often the page sends a heartbeat while visible (ms). */
  heartbeatMs: number;
  /** No heartbeat for this long and the interval closes (ms); two heartbeats by default. */
  timeoutMs?: number;
  /** The clock (tests move it by minutes). */
  now?: () => number;
};

/** Five seconds of attendance at most are lost when a sidecar is killed; a visible page says so twice a minute. */
export const ATTENDANCE_DEFAULTS = { batchMs: 5_000, heartbeatMs: 30_000 } as const;

type Open = { id: string; sessionId: string; userId: string; startedAt: number; lastSignAt: number; writtenEnd: number; part: number };

/** The batch window's parts, written one a tick. */
const PARTS = 5;

/** Recent batches kept for /healthz: how many rows, and how long the write took. */
const STATS_KEPT = 200;
/** Closed intervals kept for a retry while the database is unreachable; past this the oldest are dropped (and logged). */
const MAX_PENDING = 200_000;

export class AttendanceRecorder {
  private readonly open = new Map<string, Open>();
  private pending = new Map<string, AttendanceIntervalRow>();
  private readonly timer: NodeJS.Timeout;
  /** Batches are written one after another; while one is queued, a tick's part waits for the next tick. */
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private opened = 0;
  private ticks = 0;
  private readonly partsDue = new Set<number>();
  private stopped = false;
  private readonly now: () => number;
  readonly heartbeatMs: number;
  private readonly timeoutMs: number;
  readonly stats = { batches: 0, rowsWritten: 0, failures: 0, recent: [] as { rows: number; ms: number }[] };

  constructor(
    private readonly write: (rows: AttendanceIntervalRow[]) => Promise<number>,
    options: AttendanceOptions,
    private readonly onError: (error: unknown, what: string) => void,
  ) {
    this.now = options.now ?? Date.now;
    this.heartbeatMs = options.heartbeatMs;
    this.timeoutMs = options.timeoutMs ?? 2 * options.heartbeatMs;
    this.timer = setInterval(() => {
      this.partsDue.add(this.ticks++ % PARTS);
      if (this.queued > 0) return;
      const parts = new Set(this.partsDue);
      this.partsDue.clear();
      void this.queue(parts);
    }, options.batchMs / PARTS);
    this.timer.unref();
  }

  /** The socket's page is on screen in this session: opens an interval, or keeps the open one alive. */
  visible(socketId: string, sessionId: string, userId: string): void {
    if (this.stopped) return;
    const now = this.now();
    const current = this.open.get(socketId);
    if (current && current.sessionId === sessionId && current.userId === userId) {
      current.lastSignAt = Math.max(current.lastSignAt, now);
      return;
    }
    if (current) this.close(socketId);
    this.open.set(socketId, { id: randomUUID(), sessionId, userId, startedAt: now, lastSignAt: now, writtenEnd: -Infinity, part: this.opened++ % PARTS });
  }

  /** The page was hidden, left the session, or the socket went away: its interval ends now. */
  close(socketId: string): void {
    const current = this.open.get(socketId);
    if (!current) return;
    this.open.delete(socketId);
    this.keep(this.rowOf(current, this.endOf(current, this.now())));
  }

  recording(socketId: string): boolean {
    return this.open.has(socketId);
  }

  get openCount(): number {
    return this.open.size;
  }

  private endOf(interval: Open, at: number): number {
    return Math.max(interval.startedAt, Math.min(at, interval.lastSignAt + this.heartbeatMs));
  }

  private rowOf(interval: Open, end: number): AttendanceIntervalRow {
    return { id: interval.id, sessionId: interval.sessionId, userId: interval.userId, startedAt: new Date(interval.startedAt), endedAt: new Date(end) };
  }

  private keep(row: AttendanceIntervalRow): void {
    this.pending.set(row.id, row);
    if (this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next().value!;
      this.pending.delete(oldest);
      this.onError(new Error("attendance batch backlog full"), "keeping an attendance interval (the database has been unreachable too long; oldest dropped)");
    }
  }

  /**
   * Closes the intervals whose heartbeat is overdue, and writes every interval
   * that moved since the last write in one statement. Resolves once everything
   * known when it was called is written (after a batch already under way). A
   * failed write is retried with the next one.
   */
  flush(): Promise<void> {
    return this.queue(null);
  }

  /** Queues a batch: the closed intervals, and the open ones of these parts (all of them: null). */
  private queue(parts: ReadonlySet<number> | null): Promise<void> {
    this.queued += 1;
    const run = this.chain.then(() => this.writeBatch(parts)).finally(() => {
      this.queued -= 1;
    });
    this.chain = run;
    return run;
  }

  private async writeBatch(parts: ReadonlySet<number> | null): Promise<void> {
    const now = this.now();
    const rows = this.pending;
    this.pending = new Map();
    const moved: [Open, number][] = [];
    for (const [socketId, interval] of this.open) {
      if (now - interval.lastSignAt > this.timeoutMs) {
        // A dead connection: it ends one heartbeat after its last sign of life.
        this.open.delete(socketId);
        rows.set(interval.id, this.rowOf(interval, this.endOf(interval, now)));
        continue;
      }
      if (parts && !parts.has(interval.part)) continue;
      const end = this.endOf(interval, now);
      if (end > interval.writtenEnd) {
        moved.push([interval, end]);
        rows.set(interval.id, this.rowOf(interval, end));
      }
    }
    if (rows.size === 0) return;
    const started = performance.now();
    try {
      await this.write([...rows.values()]);
      for (const [interval, end] of moved) interval.writtenEnd = Math.max(interval.writtenEnd, end);
      this.stats.batches += 1;
      this.stats.rowsWritten += rows.size;
      this.stats.recent.push({ rows: rows.size, ms: performance.now() - started });
      if (this.stats.recent.length > STATS_KEPT) this.stats.recent.shift();
    } catch (error) {
      this.stats.failures += 1;
      this.onError(error, `writing ${rows.size} attendance intervals`);
      // Closed intervals wait for the next batch; open ones are written again anyway, as they have not been.
      const open = new Set(moved.map(([interval]) => interval.id));
      for (const [id, row] of rows) if (!open.has(id) && !this.pending.has(id)) this.pending.set(id, row);
    }
  }

  /** Shutdown: every open interval ends now and everything is written. Later calls record nothing. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const socketId of [...this.open.keys()]) this.close(socketId);
    this.stopped = true;
    await this.flush();
  }

  /** What /healthz reports: open intervals and the recent batches' size and write time. */
  summary() {
    const times = this.stats.recent.map((batch) => batch.ms).sort((a, b) => a - b);
    const rows = this.stats.recent.map((batch) => batch.rows).sort((a, b) => a - b);
    const at = (values: number[], q: number) => (values.length ? Math.round(values[Math.min(values.length - 1, Math.floor(q * values.length))]! * 10) / 10 : 0);
    return {
      open: this.open.size,
      batches: this.stats.batches,
      rowsWritten: this.stats.rowsWritten,
      failures: this.stats.failures,
      rowsPerBatch: { p50: at(rows, 0.5), max: rows.at(-1) ?? 0 },
      writeMs: { p50: at(times, 0.5), p99: at(times, 0.99), max: Math.round((times.at(-1) ?? 0) * 10) / 10 },
    };
  }
}
