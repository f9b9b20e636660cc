// "← All speakers": the way back up from a detail page, the same on every page.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function BackLink({ to, children, className = "font-medium text-brand-700 underline-offset-2 hover:underline" }: { to: string; children: ReactNode; className?: string }) {
  return (
    <Link to={to} className={className}>
      <span aria-hidden="true">← </span>
      {children}
    </Link>
  );
}
