// Delivery of a session's Q&A events to this sidecar's sockets. PostgreSQL is the
// bus: a NOTIFY says "session S has new events"; the sidecar reads every event
// after the last one it read for S and sends each socket its own view of them,
// in id order.
//
// A session's watchers here are split into slices of at most `sliceSize` sockets,
// served in turn, one slice per turn of the event loop, each getting every event
// since its last turn in one message. A socket write is the sidecar's main cost
// at scale (on loopback the kernel's whole TCP path runs inside it, about 80% of
// a busy sidecar's time): a round of the room therefore takes as long as its
// writes do, and no longer. Events that arrive during a round ride in the next
// message of each slice, so a busy room gets fuller messages rather than more of
// them, and no viewer waits more than one round. Between slices the event loop
// reads sockets and the database, so votes keep being acknowledged while a
// broadcast is under way. A round takes at least ROUND_MS: a small room gets at
// most one message per viewer in that time, and a lone event goes out at once.
//
// Joins run in the same per-session queue as reads and deliveries, so a socket's
// catch-up and the live events that follow it never overlap or leave a gap (the
// client skips ids it already applied). The sockets waiting to join are let in
// together, from one read of the session (./first-state.ts): a plenary's
// audience arrives within seconds, and a read per socket, one after another,
// capped the joins at the database's round trip (under 200 a second).
import type { Server, Socket } from "socket.io";
import { getLastQaEventId, getQaEventsSince } from "~/models/live-qa/board.server";
import { viewQaEvents, type QaEventRecord, type QaViewer } from "~/models/live-qa/questions";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./contract";
import { firstStates, type FirstState } from "./first-state";

export type QaServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type QaSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  /** Everyone watching the session (viewer counts). */
  all: (sessionId: string) => `qa:${sessionId}`,
  /** Moderators get the moderator view (pending questions, authors of anonymous ones). */
  moderators: (sessionId: string) => `qa:${sessionId}:moderators`,
  /** One person's sockets in the session: their own questions and votes are told to them apart. */
  person: (sessionId: string, userId: string) => `qa:${sessionId}:person:${userId}`,
  /** A share of the session's watchers, served together. */
  slice: (sessionId: string, number: number) => `qa:${sessionId}:slice:${number}`,
  /** Every socket of one sign-in, and of one user, so ending a sign-in can disconnect them. */
  login: (loginSessionId: string) => `login:${loginSessionId}`,
  user: (userId: string) => `user:${userId}`,
};

const PAGE = 500;
/** Sockets let in together at most: their boards are made in one turn of the event loop. */
const JOIN_BATCH = 500;

type Joiner = { socket: QaSocket; lastEventId: number | null | undefined; done: (sync: FirstState) => void; failed: (error: unknown) => void };

/**
 * The shortest round of a room. An earlier design stretched the round with the
 * room (30 ms plus 1 ms per 40 watchers, to cap the writes a second); every
 * viewer then waited for a timer the CPU did not need: 10,000 viewers' p99 was
 * 2.2 to 2.7 times a bare broadcast's, where rounds as long as their writes
 * give 1.4 to 2.1 times on the same two-core machine (bench:qa).
 */
const ROUND_MS = 30;

export type FanoutOptions = {
  /** Sockets written in one go: 100 take 2-3 ms of the event loop, so a vote waiting behind them is barely delayed (tests make it small to exercise several slices). */
  sliceSize?: number;
  /** Writes a second that a room's changing viewer count may cost. */
  countWritesPerSecond?: number;
};

type Slice = {
  room: string;
  /** The last event id sent to this slice; every member has seen at least up to it. */
  lastId: number;
  /** The viewer count this slice was last shown. */
  shownCount: number | null;
};

type Feed = {
  /** The last event id read from the database; events after a slice's lastId up to it wait in `unsent`. */
  lastId: number;
  unsent: QaEventRecord[];
  /** A NOTIFY arrived since the last read. */
  unread: boolean;
  viewerCount: number | null;
  /** When viewerCount last changed (performance.now()). */
  countChangedAt: number;
  slices: Slice[];
  slicesMade: number;
  /** The slice served last: the next one is served after it, in turn. */
  cursor: number;
  stepQueued: boolean;
  /** When the last step was due (performance.now()): steps keep to a timeline, so late timers do not stretch a small room's round. */
  lastStepDue: number;
  chain: Promise<void>;
  /** Tasks queued or running; a feed is dropped only when idle with nobody watching. */
  pending: number;
  /** Sockets waiting to join, let in together by the next queued `admit`. */
  joining: Joiner[];
  admitQueued: boolean;
};

export function viewerOf(socket: QaSocket): QaViewer {
  return { userId: socket.data.user?.id ?? null, moderator: socket.data.session?.canModerate ?? false };
}

const VOTE_KINDS = new Set(["QUESTION_VOTED", "QUESTION_UNVOTED"]);
const AUDIENCE: QaViewer = { userId: null, moderator: false };

export class SessionFanout {
  private readonly feeds = new Map<string, Feed>();
  private readonly sweeper: NodeJS.Timeout;
  private stopped = false;
  private readonly sliceSize: number;
  private readonly countWritesPerSecond: number;

  constructor(
    private readonly io: QaServer,
    private readonly onError: (error: unknown, context: string) => void,
    { sliceSize = 100, countWritesPerSecond = 2000 }: FanoutOptions = {},
  ) {
    this.sliceSize = sliceSize;
    this.countWritesPerSecond = countWritesPerSecond;
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  /** Sessions with watchers on this sidecar. */
  sessionIds(): string[] {
    return [...this.feeds.keys()];
  }

  localWatchers(sessionId: string): number {
    return this.members(rooms.all(sessionId))?.size ?? 0;
  }

  private members(room: string): Set<string> | undefined {
    return this.io.sockets.adapter.rooms.get(room);
  }

  private enqueue<T>(feed: Feed, task: () => Promise<T>): Promise<T> {
    feed.pending += 1;
    const run = feed.chain.then(task);
    const done = () => {
      feed.pending -= 1;
    };
    feed.chain = run.then(done, done);
    return run;
  }

  private feedFor(sessionId: string): Feed {
    let feed = this.feeds.get(sessionId);
    if (!feed) {
      feed = {
        lastId: -1,
        unsent: [],
        unread: false,
        viewerCount: null,
        countChangedAt: -Infinity,
        slices: [],
        slicesMade: 0,
        cursor: -1,
        stepQueued: false,
        lastStepDue: -Infinity,
        chain: Promise.resolve(),
        pending: 0,
        joining: [],
        admitQueued: false,
      };
      this.feeds.set(sessionId, feed);
    }
    return feed;
  }

  /** A NOTIFY said the session has new events. Notices that arrive before the next read share it. */
  announce(sessionId: string): void {
    const feed = this.feeds.get(sessionId);
    if (!feed) return;
    feed.unread = true;
    this.schedule(sessionId, feed);
  }

  /** After the LISTEN connection was lost and restored: any session may have missed a notice. */
  announceAll(): void {
    for (const sessionId of this.feeds.keys()) this.announce(sessionId);
  }

  /**
   * The number of people watching the session, across sidecars: shown to each
   * slice on its next turn. A new count is a write to every watcher, and during
   * a join storm it changes at every presence tick (each second): a room takes
   * a new one at most every watchers/countWritesPerSecond seconds (10,000
   * watchers: every 5 s). Presence calls again each tick, so the last count is
   * shown once its time comes.
   */
  showViewerCount(sessionId: string, count: number): void {
    const feed = this.feeds.get(sessionId);
    if (!feed || feed.viewerCount === count) return;
    const now = performance.now();
    if (now - feed.countChangedAt < (this.localWatchers(sessionId) / this.countWritesPerSecond) * 1000) return;
    feed.countChangedAt = now;
    feed.viewerCount = count;
    this.schedule(sessionId, feed);
  }

  private behind(feed: Feed, slice: Slice): boolean {
    return slice.lastId < feed.lastId || slice.shownCount !== feed.viewerCount;
  }

  /** Queues the next step: one slice's share of ROUND_MS after the last one, or at the event loop's next turn if that is past. */
  private schedule(sessionId: string, feed: Feed): void {
    if (feed.stepQueued || this.stopped) return;
    if (!feed.unread && !feed.slices.some((slice) => this.behind(feed, slice))) return;
    feed.stepQueued = true;
    const spacing = ROUND_MS / Math.max(1, feed.slices.length);
    // Each step is due one spacing after the last one was due, not after it ran:
    // timers fire a little late (up to a millisecond each), which would stretch
    // a round of a few slices. In a big room the spacing is shorter than a
    // slice's writes, so steps are always due and run back to back; after a
    // pause (more than a spacing behind), the timeline starts again from now.
    const now = performance.now();
    let due = feed.lastStepDue + spacing;
    if (due < now - spacing) due = now;
    const wait = due - now;
    const step = () =>
      this.enqueue(feed, async () => {
        feed.stepQueued = false;
        feed.lastStepDue = due;
        if (feed.unread) {
          feed.unread = false;
          await this.read(sessionId, feed);
        }
        this.serveNextSlice(sessionId, feed);
      }).then(
        () => this.schedule(sessionId, feed),
        (error) => {
          // Nothing was lost: the events stay in the database and are read again.
          this.onError(error, `delivering events of session ${sessionId}`);
          feed.unread = true;
          setTimeout(() => this.schedule(sessionId, feed), 1000).unref();
        },
      );
    // Even a step that is already due waits for the event loop's next turn: run
    // straight from the last one's promise, late steps would chain as microtasks
    // and serve the whole room without letting a single vote in between.
    if (wait > 0) setTimeout(step, wait);
    else setImmediate(step);
  }

  private async read(sessionId: string, feed: Feed): Promise<void> {
    if (feed.lastId < 0) return;
    for (;;) {
      const events = await getQaEventsSince(sessionId, feed.lastId, PAGE);
      if (events.length === 0) return;
      feed.unsent.push(...events);
      feed.lastId = events[events.length - 1]!.id;
      if (events.length < PAGE) return;
    }
  }

  /** Serves the next slice (in turn) that has something new; empty slices are brought up to date as they are passed. */
  private serveNextSlice(sessionId: string, feed: Feed): void {
    const count = feed.slices.length;
    for (let k = 1; k <= count; k++) {
      const index = (feed.cursor + k) % count;
      const slice = feed.slices[index]!;
      if (!this.behind(feed, slice)) continue;
      const members = this.members(slice.room);
      const events = feed.unsent.filter((event) => event.id > slice.lastId);
      slice.lastId = feed.lastId;
      const showCount = slice.shownCount !== feed.viewerCount ? feed.viewerCount : null;
      slice.shownCount = feed.viewerCount;
      if (!members?.size) continue;
      if (events.length) this.deliver(sessionId, slice.room, members, events);
      if (showCount !== null) this.io.to(slice.room).emit("viewers:count", { sessionId, count: showCount });
      feed.cursor = index;
      break;
    }
    const oldest = Math.min(...feed.slices.map((slice) => slice.lastId));
    if (feed.unsent.length && feed.unsent[0]!.id <= oldest) feed.unsent = feed.unsent.filter((event) => event.id > oldest);
  }

  /**
   * Sends each socket of a slice its view: one encoded message for the
   * audience, and their own view to moderators and to the people an event is
   * about (the author sees their own pending question, the voter their own vote).
   */
  private deliver(sessionId: string, room: string, members: Set<string>, events: QaEventRecord[]): void {
    const concerned = new Set<string>();
    for (const event of events) {
      if (event.payload.question) concerned.add(event.payload.question.authorId);
      if (event.actorId && VOTE_KINDS.has(event.kind)) concerned.add(event.actorId);
    }
    const apart = new Set<string>();
    for (const specialRoom of [rooms.moderators(sessionId), ...[...concerned].map((userId) => rooms.person(sessionId, userId))]) {
      for (const socketId of this.members(specialRoom) ?? []) if (members.has(socketId)) apart.add(socketId);
    }
    const audience = viewQaEvents(events, AUDIENCE);
    // A socket's id is also a room of its own.
    if (audience.length) this.io.to(room).except([...apart]).emit("qa:events", audience);
    for (const socketId of apart) {
      const socket = this.io.sockets.sockets.get(socketId);
      if (!socket) continue;
      const own = viewQaEvents(events, viewerOf(socket));
      if (own.length) socket.emit("qa:events", own);
    }
  }

  /**
   * Brings a socket up to date and puts it in the session's rooms, in the
   * session's queue: the events after `lastEventId` when the client has a recent
   * one, else a whole board.
   */
  join(socket: QaSocket, sessionId: string, lastEventId: number | null | undefined): Promise<FirstState> {
    const feed = this.feedFor(sessionId);
    return new Promise((done, failed) => {
      feed.joining.push({ socket, lastEventId, done, failed });
      this.queueAdmit(sessionId, feed);
    });
  }

  private queueAdmit(sessionId: string, feed: Feed): void {
    if (feed.admitQueued || !feed.joining.length) return;
    feed.admitQueued = true;
    void this.enqueue(feed, () => this.admit(sessionId, feed));
  }

  /** Lets in the sockets waiting to join (up to JOIN_BATCH): those that ask meanwhile wait for the next turn. */
  private async admit(sessionId: string, feed: Feed): Promise<void> {
    feed.admitQueued = false;
    const joiners = feed.joining.splice(0, JOIN_BATCH);
    this.queueAdmit(sessionId, feed);
    let syncs: FirstState[];
    let head: number;
    try {
      head = await getLastQaEventId(sessionId);
      syncs = await firstStates(sessionId, joiners.map(({ socket, lastEventId }) => ({ viewer: viewerOf(socket), lastEventId })), head);
    } catch (error) {
      for (const joiner of joiners) joiner.failed(error);
      return;
    }
    // Deliveries so far reached at most `lastId`; these sockets have seen at least
    // `head`, so they will skip the overlap. A new feed starts from here.
    if (feed.lastId < 0) feed.lastId = head;
    joiners.forEach((joiner, i) => {
      const { socket } = joiner;
      if (socket.connected) {
        const viewer = viewerOf(socket);
        const joined = [rooms.all(sessionId), this.sliceWithRoom(sessionId, feed).room];
        if (viewer.moderator) joined.push(rooms.moderators(sessionId));
        if (viewer.userId) joined.push(rooms.person(sessionId, viewer.userId));
        socket.join(joined);
      }
      joiner.done(syncs[i]!);
    });
  }

  private sliceWithRoom(sessionId: string, feed: Feed): Slice {
    const open = feed.slices.find((slice) => (this.members(slice.room)?.size ?? 0) < this.sliceSize);
    if (open) return open;
    const slice: Slice = { room: rooms.slice(sessionId, feed.slicesMade++), lastId: feed.lastId, shownCount: feed.viewerCount };
    feed.slices.push(slice);
    return slice;
  }

  /** Someone became (or stopped being) a moderator while connected: from now on they get the other view. */
  moveAudience(socket: QaSocket, sessionId: string, moderator: boolean): void {
    if (moderator) socket.join(rooms.moderators(sessionId));
    else socket.leave(rooms.moderators(sessionId));
  }

  /** Takes a socket out of a session's rooms. */
  leave(socket: QaSocket, sessionId: string): void {
    for (const room of [rooms.all(sessionId), rooms.moderators(sessionId), ...(this.feeds.get(sessionId)?.slices.map((slice) => slice.room) ?? [])]) {
      socket.leave(room);
    }
    if (socket.data.user) socket.leave(rooms.person(sessionId, socket.data.user.id));
  }

  /** Forgets empty slices, and sessions nobody here watches any more. */
  private sweep(): void {
    for (const [sessionId, feed] of this.feeds) {
      if (feed.pending > 0 || feed.stepQueued) continue;
      if (this.localWatchers(sessionId) === 0) this.feeds.delete(sessionId);
      else feed.slices = feed.slices.filter((slice) => this.members(slice.room)?.size);
    }
  }

  /** Waits for queued deliveries (shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((feed) => feed.chain));
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.sweeper);
  }
}
