import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "./db.server";
import { SerialTransactionPg } from "./prisma-adapter.server";

// Watches every pg Client: how many queries each one had under way at once, and all of them together.
let mostAtOnce = 0;
let mostOverall = 0;
let queries = 0;
beforeEach(() => {
  mostAtOnce = 0;
  mostOverall = 0;
  queries = 0;
  let overall = 0;
  const underWay = new WeakMap<object, number>();
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const now = (underWay.get(this) ?? 0) + 1;
    underWay.set(this, now);
    mostAtOnce = Math.max(mostAtOnce, now);
    mostOverall = Math.max(mostOverall, ++overall);
    queries++;
    const settle = () => {
      underWay.set(this, (underWay.get(this) ?? 1) - 1);
      overall--;
    };
    const callback = args.findIndex((arg) => typeof arg === "function");
    if (callback !== -1) {
      const done = args[callback] as (...result: unknown[]) => void;
      args[callback] = (...result: unknown[]) => {
        settle();
        done(...result);
      };
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    }
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(settle, settle);
    else settle();
    return result;
  } as typeof query);
});
afterEach(() => vi.restoreAllMocks());

const sir = { slug: "sir-2023" };

describe("transactions send one statement at a time to their connection", () => {
  it("when Prisma loads sibling relations (which it fetches concurrently)", async () => {
    const select = { id: true, tracks: { select: { id: true } }, rooms: { select: { id: true } }, sessions: { select: { id: true } }, society: { select: { id: true } } };
    const outside = await prisma.meeting.findUniqueOrThrow({ where: sir, select });
    mostAtOnce = 0;
    const inside = await prisma.$transaction((tx) => tx.meeting.findUniqueOrThrow({ where: sir, select }));
    expect(inside).toEqual(outside);
    expect(queries).toBeGreaterThan(4);
    expect(mostAtOnce).toBe(1);
  });

  it("when statements reach the adapter together, and a failed one holds up neither the rest nor the next transaction", async () => {
    const adapter = await new SerialTransactionPg({ connectionString: process.env.DATABASE_URL!, max: 2 }).connect();
    const statement = (sql: string) => ({ sql, args: [], argTypes: [] });
    try {
      const tx = await adapter.startTransaction();
      const outcomes = await Promise.allSettled([
        tx.queryRaw(statement("SELECT 1 AS one")),
        tx.queryRaw(statement("SELECT 1 / 0")),
        tx.queryRaw(statement("SELECT 2 AS two")),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "rejected"]);
      await tx.executeRaw(statement("ROLLBACK"));
      await tx.rollback();

      const next = await adapter.startTransaction();
      const [one, two] = await Promise.all([next.queryRaw(statement("SELECT 1 AS one")), next.queryRaw(statement("SELECT 2 AS two"))]);
      expect([one.rows, two.rows]).toEqual([[[1]], [[2]]]);
      await next.executeRaw(statement("COMMIT"));
      await next.commit();
      expect(mostAtOnce).toBe(1);
    } finally {
      await adapter.dispose();
    }
  });
});

it("queries outside a transaction still run in parallel, each on its own pool connection", async () => {
  await Promise.all([1, 2, 3].map(() => prisma.$queryRaw`SELECT 1 AS done FROM pg_sleep(0.2)`));
  expect(mostOverall).toBe(3);
  expect(mostAtOnce).toBe(1);
});
