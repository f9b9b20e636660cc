// What changed in a session since the person last looked, as My schedule marks
// it: a "Changed" label in words (not a colour alone) and each change old → new,
// with the old and new values named for screen readers too.
import type { OldNew } from "~/models/program/changes";

export function ChangedBadge() {
  return <span className="inline-flex items-center rounded-full bg-brand-700 px-2 py-0.5 text-xs font-bold tracking-wide text-white uppercase">Changed</span>;
}

export function OldNewList({ changes, className = "" }: { changes: OldNew[]; className?: string }) {
  return (
    <ul className={`space-y-0.5 ${className}`}>
      {changes.map((change) => (
        <li key={`${change.what}:${change.after}`}>
          <span className="font-semibold">{change.what}:</span>{" "}
          {change.before === null ? null : (
            <>
              <span className="sr-only">was </span>
              <span className="text-slate-700">{change.before}</span> <span aria-hidden="true">→</span>
              <span className="sr-only">, now</span>{" "}
            </>
          )}
          <span className="font-semibold text-slate-950">{change.after}</span>
        </li>
      ))}
    </ul>
  );
}

/** The mark on one session of My schedule. */
export function ChangeMark({ changes }: { changes: OldNew[] }) {
  return (
    <div className="mt-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-900">
      <p className="flex flex-wrap items-center gap-2 font-medium text-brand-900">
        <ChangedBadge />
        since you last looked
      </p>
      <OldNewList changes={changes} className="mt-1" />
    </div>
  );
}
