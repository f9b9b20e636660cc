// Runs in each worker before its test files: points DATABASE_URL at this worker's
// own clone of the template, so parallel files never see each other's writes.
import { inject } from "vitest";
import { adminQuery } from "./database-server";

const serverUrl = inject("databaseServerUrl");
const prefix = inject("databasePrefix");
const name = `${prefix}_w${process.env.VITEST_POOL_ID ?? "0"}`;
const exists = await adminQuery(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
// Two workers cloning the template at the same instant can collide; the loser retries.
for (let attempt = 0; !exists.rowCount; attempt++) {
  try {
    await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${prefix}_template"`);
    break;
  } catch (error) {
    if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}
process.env.DATABASE_URL = `${serverUrl}/${name}`;
process.env.MAIL_OUTBOX_DIR = `.data/test-outbox/${name}`;
