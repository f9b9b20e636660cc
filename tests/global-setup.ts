// Runs once per `vitest run`: builds a migrated, seeded template database that
// every worker clones (CREATE DATABASE … TEMPLATE is a fast file copy).
import type { TestProject } from "vitest/node";
import { adminQuery, freshSeededDatabase, resolveDatabaseServer } from "./database-server";

// TEST_DATABASE_PREFIX lets two test runs share one server without dropping each other's databases.
const prefix = process.env.TEST_DATABASE_PREFIX ?? "meetings_test";

export default async function setup(project: TestProject) {
  const server = await resolveDatabaseServer(".data/test-postgres", 54330);
  const { rows } = await adminQuery(server.serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_w%`]);
  for (const { datname } of rows) await adminQuery(server.serverUrl, `DROP DATABASE "${datname}" WITH (FORCE)`);
  await freshSeededDatabase(server.serverUrl, `${prefix}_template`);
  project.provide("databaseServerUrl", server.serverUrl);
  project.provide("databasePrefix", prefix);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    databasePrefix: string;
  }
}
