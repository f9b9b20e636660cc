// Links inside a meeting keep the viewer's choice of time zone (the `tz`
// parameter), so switching once holds while they browse.
import { useSearchParams, useSubmit } from "@remix-run/react";

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

/**
 * Submits a GET filter form without its empty fields, so the URL (and the
 * page cache's key) stays `?day=2023-03-06&track=residents` rather than
 * `?day=…&q=&track=residents&audience=&kind=`. Without JavaScript the browser
 * submits the form itself, empty fields and all, which works the same.
 */
export function useFilterSubmit() {
  const submit = useSubmit();
  return (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    }
    submit(params, { method: "get", action: form.getAttribute("action") ?? undefined, preventScrollReset: true });
  };
}
