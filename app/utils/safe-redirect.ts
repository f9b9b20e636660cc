/**
 * Where to send someone after signing in or up. Only same-site paths are
 * allowed, so a crafted `redirectTo` cannot bounce a fresh sign-in to another
 * site (open redirect). Anything else falls back.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  // A path must start with exactly one "/": "//host" and "/\host" are read by browsers as another host.
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  // Backslashes are turned into slashes by browsers; control characters (tab, newline)
  // are stripped by URL parsers and can hide "//" or a scheme.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  // Resolve against a throwaway origin: whatever the parser makes of it must stay on that origin.
  const base = "http://same-site.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
