// A track's colour as a small dot beside its name: enough to scan a day by
// track without painting whole cards in colours that fight with the text.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type ChipTrack = { slug: string; name: string; colour: string };

// The colour is an SVG fill attribute, not a style="" attribute: the Content-Security-Policy
// allows no inline styles, and a server-rendered style attribute would be dropped.
export function TrackDot({ colour, className = "" }: { colour: string; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 10 10" className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ring-1 ring-black/10 ${className}`}>
      <circle cx="5" cy="5" r="5" fill={colour} />
    </svg>
  );
}

/** A band of the track's colour along the top of a card; the card needs `relative overflow-hidden`. */
export function TrackBand({ colour }: { colour: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 1 1" preserveAspectRatio="none" className="absolute inset-x-0 top-0 h-1.5 w-full">
      <rect width="1" height="1" fill={colour} />
    </svg>
  );
}

export function TrackChip({ track, href }: { track: Pick<ChipTrack, "name" | "colour">; href?: string }) {
  const content = (
    <>
      <TrackDot colour={track.colour} />
      <span>{track.name}</span>
    </>
  );
  const className = "inline-flex items-center gap-1.5 text-sm text-slate-700";
  return href ? (
    <Link to={href} className={`${className} underline-offset-2 hover:underline`}>
      {content}
    </Link>
  ) : (
    <span className={className}>{content}</span>
  );
}

export function LevelBadge({ level }: { level: number }) {
  return (
    <span className="inline-flex items-center rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs font-semibold text-indigo-800">
      Level {level}
    </span>
  );
}

export function CancelledBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold tracking-wide text-white uppercase">Cancelled</span>
  );
}

/** A track as a card linking to its page: the dot, the name, and what the page adds beneath. */
export function TrackCard({ to, track, children }: { to: string; track: Pick<ChipTrack, "name" | "colour">; children: ReactNode }) {
  return (
    <Link to={to} className="flex h-full items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
      <TrackDot colour={track.colour} className="mt-1.5" />
      <span>
        <span className="block font-semibold text-slate-900">{track.name}</span>
        {children}
      </span>
    </Link>
  );
}
