import { defineConfig } from "prisma/config";

// Only the CLI reads this. The app connects through @prisma/adapter-pg (app/utils/db.server.ts)
// and migrations are applied by scripts/migrate.ts, so no URL is needed to generate the client.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/meetings" },
});
