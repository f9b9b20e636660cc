// "N watching now", across every sidecar. Each sidecar counts its own sockets
// per session and NOTIFYs its counts when they change (and every few seconds,
// as a heartbeat); each adds up the latest counts of every sidecar it heard
// from recently. A sidecar that dies stops counting once its heartbeat is stale.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseNotice } from "./bus";
import type { SessionFanout } from "./fanout";

export const PRESENCE_CHANNEL = "qa_presence";
/** NOTIFY payloads must stay under 8000 bytes: this many sessions per message is far below it. */
const SESSIONS_PER_MESSAGE = 80;

const messageSchema = z.object({ node: z.string().max(64), counts: z.record(z.string().max(64), z.number().int().nonnegative()) });

type Node = { counts: Map<string, number>; seenAt: number };

export class Presence {
  readonly nodeId = randomUUID();
  private readonly nodes = new Map<string, Node>();
  private readonly published = new Map<string, number>();
  private lastHeartbeat = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly fanout: SessionFanout,
    private readonly publish: (payload: string) => Promise<void>,
    private readonly options: { intervalMs: number; heartbeatMs: number; staleMs: number },
  ) {
    this.timer = setInterval(() => void this.tick().catch(() => {}), options.intervalMs);
    this.timer.unref();
  }

  /** Everyone watching a session now: here, plus what the other sidecars last said. */
  total(sessionId: string): number {
    const now = Date.now();
    let total = this.fanout.localWatchers(sessionId);
    for (const [node, entry] of this.nodes) {
      if (now - entry.seenAt > this.options.staleMs) {
        this.nodes.delete(node);
        continue;
      }
      total += entry.counts.get(sessionId) ?? 0;
    }
    return total;
  }

  /** Another sidecar's counts arrived. */
  receive(payload: string): void {
    const message = parseNotice(messageSchema, payload);
    if (!message || message.node === this.nodeId) return;
    const entry = this.nodes.get(message.node) ?? { counts: new Map<string, number>(), seenAt: 0 };
    for (const [sessionId, count] of Object.entries(message.counts)) {
      if (count === 0) entry.counts.delete(sessionId);
      else entry.counts.set(sessionId, count);
    }
    entry.seenAt = Date.now();
    this.nodes.set(message.node, entry);
    this.showChanges();
  }

  /** Publishes changed counts (all of them on a heartbeat), then updates the screens here. */
  async tick(): Promise<void> {
    const now = Date.now();
    const heartbeat = now - this.lastHeartbeat >= this.options.heartbeatMs;
    const changed: [string, number][] = [];
    const sessions = new Set([...this.fanout.sessionIds(), ...this.published.keys()]);
    for (const sessionId of sessions) {
      const count = this.fanout.localWatchers(sessionId);
      if (heartbeat || this.published.get(sessionId) !== count) changed.push([sessionId, count]);
      if (count === 0) this.published.delete(sessionId);
      else this.published.set(sessionId, count);
    }
    if (heartbeat) this.lastHeartbeat = now;
    if (changed.length || heartbeat) {
      for (let i = 0; i < Math.max(changed.length, 1); i += SESSIONS_PER_MESSAGE) {
        const counts = Object.fromEntries(changed.slice(i, i + SESSIONS_PER_MESSAGE));
        await this.publish(JSON.stringify({ node: this.nodeId, counts }));
      }
    }
    this.showChanges();
  }

  private showChanges(): void {
    for (const sessionId of this.fanout.sessionIds()) this.fanout.showViewerCount(sessionId, this.total(sessionId));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
