// Links inside a meeting keep the viewer's choice of time zone (the `tz`
// parameter), so switching once holds while they browse.
import { useSearchParams } from "@remix-run/react";

export type LinkParams = Record<string, string | number | null | undefined>;

export function hrefWith(path: string, params: LinkParams = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Builds program links that carry the current `tz` along. */
export function useProgramHref() {
  const [searchParams] = useSearchParams();
  const tz = searchParams.get("tz");
  return (path: string, params: LinkParams = {}) => hrefWith(path, { ...params, tz });
}
