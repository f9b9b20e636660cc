// The sidecar's own PostgreSQL connection for LISTEN. If it drops (database
// restart, network), it reconnects with backoff and says so, because
// notifications sent meanwhile are lost: the caller then re-reads every
// session it serves from the event table, which loses nothing.
import pg from "pg";
import type { z } from "zod";

export type BusHandlers = Record<string, (payload: string) => void>;

/** A notice's JSON payload checked against `schema`, or null: anyone with database access can NOTIFY, so a bad one is ignored. */
export function parseNotice<S extends z.ZodType>(schema: S, payload: string): z.output<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class NotificationBus {
  private client: pg.Client | null = null;
  private closing = false;
  private retryMs = 250;
  private reconnectTimer: NodeJS.Timeout | null = null;
  connected = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly handlers: BusHandlers,
    private readonly events: { onReconnected: () => void; onError: (error: unknown) => void; onLost?: () => void },
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "meetings-realtime" });
    client.on("notification", (message) => {
      const handler = this.handlers[message.channel];
      if (handler) handler(message.payload ?? "");
    });
    client.on("error", (error) => {
      this.events.onError(error);
      this.lost(client);
    });
    client.on("end", () => this.lost(client));
    await client.connect();
    for (const channel of Object.keys(this.handlers)) await client.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    this.client = client;
    this.connected = true;
    this.retryMs = 250;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    client.removeAllListeners("notification");
    void client.end().catch(() => {});
    this.events.onLost?.();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().then(
        () => this.events.onReconnected(),
        (error: unknown) => {
          this.events.onError(error);
          this.retryMs = Math.min(this.retryMs * 2, 5000);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    if (client) await client.end().catch(() => {});
  }
}
