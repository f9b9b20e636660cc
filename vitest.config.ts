import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "realtime/**/*.test.ts", "jobs/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-database.ts"],
    env: { NODE_ENV: "test", LOG_LEVEL: "warn" },
    // Two cores: more workers only fight over the CPU and the database.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
