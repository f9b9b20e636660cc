// A private copy of the seeded template for tests that read the whole seed (counts,
// "no double bookings", "seeding again changes nothing"). The worker's shared
// database cannot serve them: other test files add their own sessions to sir-2023.
import { inject } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { SerialTransactionPg } from "~/utils/prisma-adapter.server";
import { adminQuery } from "./database-server";

export async function openSeededCopy(purpose: string) {
  const serverUrl = inject("databaseServerUrl");
  const prefix = inject("databasePrefix");
  const name = `${prefix}_${purpose}_w${process.env.VITEST_POOL_ID ?? "0"}`;
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${prefix}_template"`);
  const prisma = new PrismaClient({ adapter: new SerialTransactionPg({ connectionString: `${serverUrl}/${name}` }) });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
