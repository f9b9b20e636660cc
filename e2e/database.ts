// The e2e server's own database (e2e/server.ts seeds meetings_e2e_<port> on the
// test PostgreSQL), for specs that arrange or inspect rows the way the app would.
import pg from "pg";

const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDatabaseUrl = `${process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432"}/meetings_e2e_${port}`;

/** Runs `work` with a connection to the e2e database, closed afterwards. */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
