// Prisma's PostgreSQL driver adapter, with a transaction's statements sent to
// its connection one at a time.
//
// Prisma loads the sibling relations of one query (`select: { orders: …,
// documents: … }`) with concurrent queries, and app code may await several
// `tx.*` calls at once. Outside a transaction each query takes its own pool
// connection. Inside one they all go to the transaction's single pg Client,
// which then queues them internally: pg deprecates that ("Calling client.query()
// when the client is already executing a query") and pg 9 refuses it. Queueing
// here instead sends the same statements in the same order, no slower (one
// connection runs one statement at a time anyway). Pool queries stay parallel.
// Prisma's own fix is pending upstream: https://github.com/prisma/orm/issues/29407
import { PrismaPg } from "@prisma/adapter-pg";

type PgDriverAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgDriverAdapter["startTransaction"]>>;

export class SerialTransactionPg extends PrismaPg {
  override async connect(): Promise<PgDriverAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneStatementAtATime(await startTransaction(isolationLevel));
    return adapter;
  }
}

/** Makes `transaction` start each statement only after the previous one settled. */
function oneStatementAtATime(transaction: PgTransaction): PgTransaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(statement: () => Promise<T>): Promise<T> => {
    const result = previous.then(statement);
    // A failed statement must not hold up the rest (PostgreSQL refuses them itself after an error).
    previous = result.catch(() => {});
    return result;
  };
  // Savepoints and COMMIT go through executeRaw, so they wait their turn too.
  const { queryRaw, executeRaw } = transaction;
  transaction.queryRaw = (query) => inTurn(() => queryRaw.call(transaction, query));
  transaction.executeRaw = (query) => inTurn(() => executeRaw.call(transaction, query));
  return transaction;
}
