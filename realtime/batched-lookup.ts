// Lookups that a crowd makes at once, answered by one query for many keys. When
// a plenary opens, thousands of sockets connect and join within seconds, and
// each asks the same questions of the database (whose sign-in is this? what may
// they do in this meeting?). One round trip per socket made the database
// connection, not the work, the limit: a query's write to PostgreSQL costs the
// sidecar about as much CPU as answering it. Here the first lookup goes out at
// once, alone (a quiet sidecar waits for nothing); those asked while it is out
// wait for it and then go together, so batches grow with the load. Nothing is
// cached here: every answer comes from a query made after it was asked, so a
// sign-in revoked a moment ago is never accepted.
//
// DataLoader batches a tick's worth of keys; a crowd's requests arrive spread
// over milliseconds, so here the batch is what gathered while the last query
// was out, which takes a few lines rather than a dependency.

type Waiter<V> = { resolve: (value: V | undefined) => void; reject: (error: unknown) => void };

export class BatchedLookup<K extends string, V> {
  private waiting = new Map<K, Waiter<V>[]>();
  private running = false;

  constructor(
    /** Answers for every key it can; a key missing from the map answers `undefined`. */
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    /** Keys per query at most: a batch is one statement, and its answer is handled in one turn of the event loop. */
    private readonly maxBatch = 500,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.size) {
      const batch: [K, Waiter<V>[]][] = [];
      for (const entry of this.waiting) {
        batch.push(entry);
        this.waiting.delete(entry[0]);
        if (batch.length === this.maxBatch) break;
      }
      try {
        const found = await this.fetch(batch.map(([key]) => key));
        for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
      } catch (error) {
        for (const [, waiters] of batch) for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.running = false;
  }
}
