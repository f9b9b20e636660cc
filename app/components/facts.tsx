// A short description list of label → value pairs, such as a registration's
// code, category and dates, or a meeting's dates and place.
import type { ReactNode } from "react";

export function Facts({ className = "", strong = false, children }: { className?: string; strong?: boolean; children: ReactNode }) {
  return <dl className={`grid grid-cols-[auto_1fr] gap-x-4 [&>dt]:text-slate-600 [&>dd]:text-slate-900 ${strong ? "[&>dd]:font-medium" : ""} ${className}`}>{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
