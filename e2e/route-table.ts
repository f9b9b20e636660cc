// Every route of the production build the e2e server serves, read from the
// build's own route modules, so that a route added later is walked and checked
// by the hardening specs without anyone listing it.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { e2eDatabaseUrl } from "./database";

export type BuiltRoute = {
  id: string;
  /** The whole URL pattern, e.g. "/meetings/:meeting/sessions/:session/live". */
  pattern: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
};

type ServerBuildRoutes = Record<string, { parentId?: string; path?: string; index?: boolean; module: { loader?: unknown; action?: unknown } }>;

export async function builtRoutes(): Promise<BuiltRoute[]> {
  // Loading the route modules validates the environment once (env.server.ts);
  // nothing here connects to the database.
  process.env.DATABASE_URL ??= e2eDatabaseUrl;
  const buildDir = process.env.E2E_BUILD_DIR ?? "build";
  const build = (await import(pathToFileURL(path.resolve(buildDir, "server/index.js")).href)) as { routes: ServerBuildRoutes };
  const patternOf = (id: string | undefined): string => {
    const route = id ? build.routes[id] : undefined;
    if (!route) return "";
    const own = route.path ?? "";
    const parent = patternOf(route.parentId);
    return own ? `${parent.replace(/\/$/, "")}/${own}` : parent;
  };
  return Object.entries(build.routes)
    .filter(([id]) => id !== "root")
    .map(([id, route]) => ({
      id,
      pattern: patternOf(id) || "/",
      index: route.index === true,
      hasLoader: typeof route.module.loader === "function",
      hasAction: typeof route.module.action === "function",
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The address of `route` with `params` filled in (already URL-encoded values
 * are left as they are). An index route's action is only reached with ?index.
 */
export function addressOf(route: BuiltRoute, params: Record<string, string>, forAction = false): string {
  const address = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${route.pattern}`);
    return value;
  });
  return forAction && route.index ? `${address}?index` : address;
}
