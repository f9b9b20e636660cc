// The embedded PostgreSQL in a process of its own, started by `npm start`
// through startEmbeddedDatabaseApart (embedded-db-apart.ts), which says why. It
// answers once with the server's URL (or why it has none), and stops the
// database when asked to, or when the process that started it is gone.
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";
import type { EmbeddedDatabaseAnswer } from "./embedded-db-apart";

const [dataDir, port] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!send || !dataDir || !port) {
  console.error("This process is started by npm start (scripts/start.ts), not by hand.");
  process.exit(2);
}

let database: EmbeddedDatabase | undefined;
let stopRequested = false;
const stop = async (running: EmbeddedDatabase) => {
  await running.stop();
  process.exit(0);
};
// Asked while the database is still being created or started: that step ends
// first, so no half-made data folder is left behind.
const requestStop = () => {
  if (stopRequested) return;
  stopRequested = true;
  if (database) void stop(database);
};
process.on("message", (message) => message === "stop" && requestStop());
// The app ended without a word (killed, crashed, or Ctrl-C before it was up).
process.on("disconnect", requestStop);

const answer = (message: EmbeddedDatabaseAnswer) => process.connected && send(message);
try {
  database = await startEmbeddedDatabase(dataDir, Number(port));
} catch (error) {
  answer({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
if (stopRequested) await stop(database);
answer({ serverUrl: database.serverUrl });
