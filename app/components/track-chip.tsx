// A track's colour as a small dot beside its name: enough to scan a day by
// track without painting whole cards in colours that fight with the text.
import { Link } from "@remix-run/react";

export type ChipTrack = { slug: string; name: string; colour: string };

export function TrackDot({ colour, className = "" }: { colour: string; className?: string }) {
  return <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ring-1 ring-black/10 ${className}`} style={{ backgroundColor: colour }} />;
}

export function TrackChip({ track, href }: { track: ChipTrack; href?: string }) {
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
