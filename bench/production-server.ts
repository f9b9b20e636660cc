// The production build the benches measure: e2e/server.ts (build, migrate,
// seed) on a loopback port in a process group of its own, stopped with the
// bench however it ends. Returns once /healthz answers, with the address of
// the database it seeded, for the bench to arrange and check rows.
import { spawn } from "node:child_process";

export async function startProductionServer(options: { port: number; buildDir: string; outbox: string; env?: Record<string, string>; timeoutMs: number }) {
  const origin = `http://127.0.0.1:${options.port}`;
  const server = spawn("npx", ["tsx", "e2e/server.ts"], {
    env: { ...process.env, E2E_PORT: String(options.port), E2E_BUILD_DIR: options.buildDir, E2E_OUTBOX: options.outbox, LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`The server on ${origin} did not become healthy in ${options.timeoutMs / 1000}s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { resolveDatabaseServer } = await import("../tests/database-server");
  const database = await resolveDatabaseServer(".data/test-postgres", 54330);
  return { origin, databaseUrl: `${database.serverUrl}/meetings_e2e_${options.port}`, stop };
}
