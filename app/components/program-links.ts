// Links inside a meeting keep the viewer's choice of time zone (the `tz`
// parameter), so switching once holds while they browse.
import { useSearchParams } from "@remix-run/react";
import { type Query, withQuery } from "~/utils/href";

/** Builds program links that carry the current `tz` along. */
export function useProgramHref() {
  const [searchParams] = useSearchParams();
  const tz = searchParams.get("tz");
  return (path: string, params: Query = {}) => withQuery(path, { ...params, tz });
}
