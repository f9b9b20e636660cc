// The title of a console page: "Audit log · Organize · SIR 2023 Annual
// Scientific Meeting", so tabs, history and screen readers tell the console's
// pages apart. The meeting's name comes from the console layout's data.
import type { MetaFunction } from "@remix-run/node";

const CONSOLE_LAYOUT = "routes/organize+/$meeting+/_layout";

export function consoleTitle(page: string, matches: readonly { id: string; data: unknown }[]): string {
  const layout = matches.find((match) => match.id === CONSOLE_LAYOUT)?.data as { meeting?: { name?: string } } | undefined;
  const meeting = layout?.meeting?.name;
  return meeting ? `${page} · Organize · ${meeting}` : `${page} · Organize`;
}

/** The meta of a console page whose title does not depend on its own data. */
export const consoleMeta =
  (page: string): MetaFunction =>
  ({ matches }) => [{ title: consoleTitle(page, matches) }];
