import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { SerialTransactionPg } from "./prisma-adapter.server";

// One client (and one connection pool) per process. It lives on globalThis because this
// module can load twice in one process: once in the Remix server build and once from
// scripts/ (the Express server's page cache, the start script), and in development again
// on every Vite reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = (globalForPrisma.prisma ??= new PrismaClient({
  adapter: new SerialTransactionPg({ connectionString: env.DATABASE_URL, max: 10 }),
}));
