// Placeholder replaced by the seed data work.
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../app/generated/prisma/client";

export type SeedOptions = { demo: boolean };

export async function seedDatabase(_prisma: PrismaClient, _options: SeedOptions): Promise<void> {}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { prisma } = await import("../app/utils/db.server");
  await seedDatabase(prisma, { demo: process.argv.includes("--demo") });
  await prisma.$disconnect();
}
