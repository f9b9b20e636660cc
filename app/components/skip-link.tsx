// "Skip to content", the first thing a keyboard reaches on every page. It
// lands on <main> unless a route's handle names a later target: a meeting's
// pages put their own navigation at the top of <main>, and skipping to main
// would land before it (WCAG 2.4.1, Bypass Blocks). The deepest route that
// names one wins.
import { useMatches } from "@remix-run/react";

export type SkipLinkHandle = { skipTo?: string };

export function SkipLink() {
  const matches = useMatches();
  const target = matches.map((match) => (match.handle as SkipLinkHandle | undefined)?.skipTo).findLast(Boolean) ?? "main";
  return (
    <a
      href={`#${target}`}
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-brand-700 focus:shadow-lg"
    >
      Skip to content
    </a>
  );
}
