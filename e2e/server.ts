// The server the end-to-end tests drive: a production build on its own freshly
// seeded database, with mail going to a known outbox the tests read.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { freshSeededDatabase, resolveDatabaseServer } from "../tests/database-server";

export const E2E_OUTBOX = ".data/e2e-outbox";

const server = await resolveDatabaseServer(".data/test-postgres", 54330);
process.env.DATABASE_URL = await freshSeededDatabase(server.serverUrl, "meetings_e2e");
process.env.NODE_ENV = "production";
process.env.PORT = "3100";
process.env.APP_ORIGIN = "http://localhost:3100";
process.env.SESSION_SECRET ??= "e2e-session-secret-that-is-long-enough-0123456789";
process.env.MAIL_OUTBOX_DIR = E2E_OUTBOX;
process.env.LOG_LEVEL ??= "warn";
delete process.env.SMTP_URL;
await rm(E2E_OUTBOX, { recursive: true, force: true });

execFileSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
const { startWebServer } = await import("../scripts/server");
await startWebServer({ port: 3100, dev: false });
console.log("e2e server ready on http://localhost:3100");
process.on("SIGTERM", () => void server.stop().finally(() => process.exit(0)));
