// A speaker as the public pages list them, in a card: the name linking to
// their speaker page, their credentials, and the page's own lines below
// (where they work, how many sessions).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function SpeakerCard({ to, name, credentials, children }: { to: string; name: string; credentials: string | null; children: ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <Link to={to} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
        {name}
      </Link>
      {credentials ? <span className="text-slate-700">, {credentials}</span> : null}
      {children}
    </li>
  );
}
