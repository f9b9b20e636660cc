// Absolute links, for where a path is not enough: e-mail, calendar feeds,
// Atom, frab exports and the payment provider's return addresses.
import { env } from "./env.server";

/** `path` (from `href`) on this site's public origin (APP_ORIGIN). */
export function absoluteUrl(path: string): string {
  return new URL(path, env.APP_ORIGIN).href;
}
