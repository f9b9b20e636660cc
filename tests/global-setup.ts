// Runs once per `vitest run`: builds a migrated, seeded template database that
// every worker clones (CREATE DATABASE … TEMPLATE is a fast file copy).
import type { TestProject } from "vitest/node";
import { adminQuery, freshSeededDatabase, resolveDatabaseServer } from "./database-server";

export const TEMPLATE_DATABASE = "meetings_test_template";

export default async function setup(project: TestProject) {
  const server = await resolveDatabaseServer(".data/test-postgres", 54330);
  const { rows } = await adminQuery(server.serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'meetings_test_w%'");
  for (const { datname } of rows) await adminQuery(server.serverUrl, `DROP DATABASE "${datname}" WITH (FORCE)`);
  await freshSeededDatabase(server.serverUrl, TEMPLATE_DATABASE);
  project.provide("databaseServerUrl", server.serverUrl);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}
