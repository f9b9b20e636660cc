// Delivery of a session's Q&A events to this sidecar's sockets. PostgreSQL is the
// bus: a NOTIFY says "session S has new events"; the sidecar reads every event
// after the last one it delivered for S and sends each socket its own view of
// them, in id order. Joins run in the same per-session queue as deliveries, so a
// socket's catch-up and the live events that follow it never overlap or leave a
// gap (the client skips ids it already applied).
import type { Server, Socket } from "socket.io";
import { getLastQaEventId, getQaBoard, getQaEventsSince } from "~/models/live-qa.server";
import { viewQaEvent, type QaEventRecord, type QaEventView, type QaViewer } from "~/models/live-qa";
import type { ClientToServerEvents, InterServerEvents, JoinResult, ServerToClientEvents, SocketData } from "./contract";

export type QaServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type QaSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  /** Everyone watching the session (viewer counts). */
  all: (sessionId: string) => `qa:${sessionId}`,
  /** Watchers who are not moderators: they get the public view. */
  audience: (sessionId: string) => `qa:${sessionId}:audience`,
  moderators: (sessionId: string) => `qa:${sessionId}:moderators`,
  /** One person's sockets in the session: their own questions and votes are told to them apart. */
  person: (sessionId: string, userId: string) => `qa:${sessionId}:person:${userId}`,
  /** Every socket of one sign-in, and of one user, so ending a sign-in can disconnect them. */
  login: (loginSessionId: string) => `login:${loginSessionId}`,
  user: (userId: string) => `user:${userId}`,
};

/** More missed events than this and a reconnecting client gets a fresh board instead. */
const CATCH_UP_LIMIT = 500;
const PAGE = 500;

type Feed = {
  /** The last event id delivered to this session's room here; every member has seen at least up to it. */
  lastId: number;
  chain: Promise<void>;
  /** Tasks queued or running; a feed is dropped only when idle with nobody watching. */
  pending: number;
  drainQueued: boolean;
  lastDrainAt: number;
};

export function viewerOf(socket: QaSocket): QaViewer {
  return { userId: socket.data.user?.id ?? null, moderator: socket.data.session?.canModerate ?? false };
}

const VOTE_KINDS = new Set(["QUESTION_VOTED", "QUESTION_UNVOTED"]);

function viewsFor(events: readonly QaEventRecord[], viewer: QaViewer): QaEventView[] {
  return events.flatMap((event) => viewQaEvent(event, viewer) ?? []);
}

export class SessionFanout {
  private readonly feeds = new Map<string, Feed>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly io: QaServer,
    private readonly onError: (error: unknown, context: string) => void,
    /**
     * At most one read-and-broadcast per session per this many ms, plus 1 ms per
     * 40 watchers here: a lone event goes out at once, a burst (votes during a
     * plenary) shares one message per viewer instead of one per vote. A
     * broadcast costs a socket write per watcher (the sidecar's main cost at
     * scale), so big rooms get fewer, fuller messages (5,000 watchers: at most
     * 6 a second, 155 ms apart).
     */
    private readonly coalesceMs = 30,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  /** Sessions with watchers on this sidecar. */
  sessionIds(): string[] {
    return [...this.feeds.keys()];
  }

  localWatchers(sessionId: string): number {
    return this.io.sockets.adapter.rooms.get(rooms.all(sessionId))?.size ?? 0;
  }

  private enqueue<T>(feed: Feed, task: () => Promise<T>): Promise<T> {
    feed.pending += 1;
    const run = feed.chain.then(task);
    feed.chain = run.then(
      () => {
        feed.pending -= 1;
      },
      () => {
        feed.pending -= 1;
      },
    );
    return run;
  }

  private feedFor(sessionId: string): Feed {
    let feed = this.feeds.get(sessionId);
    if (!feed) {
      feed = { lastId: -1, chain: Promise.resolve(), pending: 0, drainQueued: false, lastDrainAt: 0 };
      this.feeds.set(sessionId, feed);
    }
    return feed;
  }

  /** A NOTIFY said the session has new events. Notices that arrive while a read is queued share it. */
  announce(sessionId: string): void {
    const feed = this.feeds.get(sessionId);
    if (!feed || feed.drainQueued) return;
    feed.drainQueued = true;
    const queue = () =>
      this.enqueue(feed, async () => {
        feed.drainQueued = false;
        feed.lastDrainAt = Date.now();
        await this.drain(sessionId, feed);
      }).catch((error) => this.onError(error, `delivering events of session ${sessionId}`));
    const windowMs = this.coalesceMs + Math.floor(this.localWatchers(sessionId) / 40);
    const wait = feed.lastDrainAt + windowMs - Date.now();
    if (wait > 0) setTimeout(queue, wait);
    else void queue();
  }

  /** After the LISTEN connection was lost and restored: any session may have missed a notice. */
  announceAll(): void {
    for (const sessionId of this.feeds.keys()) this.announce(sessionId);
  }

  private async drain(sessionId: string, feed: Feed): Promise<void> {
    if (feed.lastId < 0) return;
    for (;;) {
      const events = await getQaEventsSince(sessionId, feed.lastId, PAGE);
      if (events.length === 0) return;
      this.deliver(sessionId, events);
      feed.lastId = events[events.length - 1]!.id;
      if (events.length < PAGE) return;
    }
  }

  /**
   * Sends each socket its view: one encoded message for the audience, one for the
   * moderators, and a personal one for the people an event is about (the author
   * sees their own pending question, the voter their own vote).
   */
  private deliver(sessionId: string, events: QaEventRecord[]): void {
    const concerned = new Set<string>();
    for (const event of events) {
      if (event.payload.question) concerned.add(event.payload.question.authorId);
      if (event.actorId && VOTE_KINDS.has(event.kind)) concerned.add(event.actorId);
    }
    const apart = [...concerned].map((userId) => rooms.person(sessionId, userId));
    const audience = viewsFor(events, { userId: null, moderator: false });
    if (audience.length) this.io.to(rooms.audience(sessionId)).except(apart).emit("qa:events", audience);
    const moderators = viewsFor(events, { userId: null, moderator: true });
    if (moderators.length) this.io.to(rooms.moderators(sessionId)).except(apart).emit("qa:events", moderators);
    for (const room of apart) {
      for (const socketId of this.io.sockets.adapter.rooms.get(room) ?? []) {
        const socket = this.io.sockets.sockets.get(socketId);
        if (!socket) continue;
        const own = viewsFor(events, viewerOf(socket));
        if (own.length) socket.emit("qa:events", own);
      }
    }
  }

  /**
   * Brings a socket up to date and puts it in the session's rooms, in the
   * session's queue: the events after `lastEventId` when the client has a recent
   * one, else a whole board.
   */
  join(socket: QaSocket, sessionId: string, lastEventId: number | null | undefined): Promise<JoinResult["sync"]> {
    const feed = this.feedFor(sessionId);
    return this.enqueue(feed, async () => {
      const viewer = viewerOf(socket);
      const head = await getLastQaEventId(sessionId);
      let sync: JoinResult["sync"] | null = null;
      if (lastEventId !== null && lastEventId !== undefined && lastEventId <= head) {
        const missed = await getQaEventsSince(sessionId, lastEventId, CATCH_UP_LIMIT + 1);
        if (missed.length <= CATCH_UP_LIMIT) sync = { kind: "events", events: viewsFor(missed, viewer) };
      }
      sync ??= { kind: "snapshot", board: await getQaBoard(sessionId, viewer) };
      if (!socket.connected) return sync;
      // Deliveries so far reached `lastId`; this socket has seen at least `head`,
      // so it will skip the overlap. A new feed starts from here.
      if (feed.lastId < 0) feed.lastId = head;
      socket.join([rooms.all(sessionId), viewer.moderator ? rooms.moderators(sessionId) : rooms.audience(sessionId)]);
      if (viewer.userId) socket.join(rooms.person(sessionId, viewer.userId));
      return sync;
    });
  }

  /** Someone became (or stopped being) a moderator while connected: from now on they get the other view. */
  moveAudience(socket: QaSocket, sessionId: string, moderator: boolean): void {
    socket.join(moderator ? rooms.moderators(sessionId) : rooms.audience(sessionId));
    socket.leave(moderator ? rooms.audience(sessionId) : rooms.moderators(sessionId));
  }

  /** Takes a socket out of a session's rooms. */
  leave(socket: QaSocket, sessionId: string): void {
    for (const room of [rooms.all(sessionId), rooms.audience(sessionId), rooms.moderators(sessionId)]) socket.leave(room);
    if (socket.data.user) socket.leave(rooms.person(sessionId, socket.data.user.id));
  }

  /** Forgets sessions nobody here watches any more. */
  private sweep(): void {
    for (const [sessionId, feed] of this.feeds) {
      if (feed.pending === 0 && this.localWatchers(sessionId) === 0) this.feeds.delete(sessionId);
    }
  }

  /** Waits for queued deliveries (shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.feeds.values()].map((feed) => feed.chain));
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
