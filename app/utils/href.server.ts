// Absolute links, for where a path is not enough: e-mail, calendar feeds,
// Atom, frab exports and the payment provider's return addresses.
import { env } from "./env.server";

/** `path` (from `href`) on this site's public origin (APP_ORIGIN), or on the `origin` a caller was handed. */
export function absoluteUrl(path: string, origin: string = env.APP_ORIGIN): string {
  return new URL(path, origin).href;
}
