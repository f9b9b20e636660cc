// `npm start` on a machine with no database, stopped with Ctrl-C as a terminal
// sends it (SIGINT to the whole process group): once the app is up, and while
// it is still starting. Each time it ends by itself, prints no stack trace and
// leaves no embedded PostgreSQL running. Vite's dev server (`--dev`) stands in
// for the build, which the e2e run makes and checks.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { Socket } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../app/utils/free-port.server";
import { folderPostgresCannotEnter } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");
// Inside the project: as root, the embedded PostgreSQL runs as "postgres", which cannot enter a private temp folder.
const dataDir = path.join(root, ".data", `start-test-w${process.env.VITEST_POOL_ID ?? "0"}`);

/** Whether something listens on the port (the embedded PostgreSQL, here). */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => (socket.destroy(), resolve(true))).once("error", () => resolve(false));
    socket.connect(port, "127.0.0.1");
  });

type Run = { output: () => string; ended: Promise<void>; interrupt: () => void; databasePort: number };

async function npmStart(): Promise<Run> {
  const [port, realtimePort, databasePort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    REALTIME_PORT: String(realtimePort),
    APP_ORIGIN: `http://localhost:${port}`,
    EMBEDDED_DATABASE_DIR: dataDir,
    EMBEDDED_DATABASE_PORT: String(databasePort),
    SESSION_SECRET: "start-test-session-secret-that-is-long-enough-0123456789",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  // detached: a process group of its own, as a shell gives a job, so the test can signal the whole group.
  const child = spawn("npm", ["start", "--", "--dev"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  // "close": npm has exited and every process that holds its output has ended, the database's own included.
  // (npm itself ends by re-raising the SIGINT, as a shell expects of a job stopped with Ctrl-C.)
  const ended = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return { output: () => output, ended, interrupt: () => process.kill(-child.pid!, "SIGINT"), databasePort };
}

async function until(run: Run, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`No "${text}" in ${timeoutMs / 1000} s. Output:\n${run.output()}`);
    const done = await Promise.race([run.ended.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 100))]);
    if (done && !run.output().includes(text)) throw new Error(`npm start ended before "${text}". Output:\n${run.output()}`);
  }
}

/** A stack frame ("    at fn (file:1:2)"), as printed or inside a JSON log line. */
const STACK_FRAME = /(^|\\n)\s+at .+:\d+:\d+\)?/m;

afterAll(() => rm(dataDir, { recursive: true, force: true }));

// As root, in a clone under a folder the "postgres" user cannot enter, there is
// no embedded database to start (npm start says so and what to do); nor to stop.
const unreachable = folderPostgresCannotEnter(root);

describe.skipIf(unreachable !== null)(`npm start and Ctrl-C${unreachable ? ` (skipped: the postgres user cannot enter ${unreachable})` : ""}`, () => {
  it("stops a running app cleanly: connections closed first, then the embedded database, no stack trace", async () => {
    const run = await npmStart();
    await until(run, "Ready in", 150_000);
    expect(run.output()).toContain("creating the embedded PostgreSQL");
    expect(run.output()).toMatch(/seeding SIR 2023 and SIO 2023[^\n]*\n\s+done in \d+ s/);
    expect(await accepts(run.databasePort)).toBe(true);

    run.interrupt();
    await run.ended;
    expect(run.output()).not.toMatch(STACK_FRAME);
    // Neither PostgreSQL cutting connections nor an error logged by the app (pino's level 50).
    expect(run.output()).not.toMatch(/terminating connection|Error:|"level":[56]0/);
    expect(run.output()).toMatch(/SIGINT: stopping…\s+Stopped\./);
    expect(await accepts(run.databasePort)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  }, 180_000);

  it("stops while still starting, and the embedded database stops with it", async () => {
    const run = await npmStart();
    await until(run, "Applying the database migrations", 60_000);
    run.interrupt();
    // Ended includes the database's own process, which sees npm start go and stops PostgreSQL.
    await run.ended;
    expect(run.output()).not.toMatch(STACK_FRAME);
    expect(await accepts(run.databasePort)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  }, 90_000);
});
