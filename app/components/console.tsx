// Building blocks of the organizer console's pages: the page heading, status
// banners, small badges, sections, lists and tables.
import { Link } from "@remix-run/react";
import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { TitledSection } from "./titled-section";

/**
 * A console page: its heading and intro, and beside them its `actions` or,
 * on a page under another, `up`: the link back to that page ("All registrations").
 */
export function ConsolePage({
  title,
  intro,
  actions,
  up,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  up?: { to: string; label: string };
  children: ReactNode;
}) {
  const beside = up ? (
    <Link to={up.to} className={linkClass}>
      {up.label}
    </Link>
  ) : (
    actions
  );
  return (
    <div className="px-4 py-6 sm:px-6 lg:py-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
          {intro ? <div className="mt-1 max-w-prose text-slate-600">{intro}</div> : null}
        </div>
        {beside ? <div className="flex flex-wrap gap-2">{beside}</div> : null}
      </div>
      <div className="mt-6">{children}</div>
    </div>
  );
}

/**
 * A message about the last action: success in green, refusal in red; announced
 * when it appears. An `outcome` (what the person just did) also takes focus as
 * it appears, so after a save or a publish the keyboard is not dropped to the
 * top of the page; give it a `key` that changes with the message.
 */
export function StatusBanner({ tone, outcome = false, children }: { tone: "success" | "error" | "warning" | "info"; outcome?: boolean; children: ReactNode }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) banner.current?.focus();
  }, [outcome]);
  const styles = {
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    error: "border-red-200 bg-red-50 text-red-900",
    warning: "border-amber-300 bg-amber-50 text-amber-950",
    info: "border-brand-100 bg-brand-50 text-brand-900",
  }[tone];
  return (
    <div ref={banner} tabIndex={outcome ? -1 : undefined} role={tone === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${styles} focus:outline-2 focus:outline-offset-2 focus:outline-brand-600`}>
      {children}
    </div>
  );
}

/**
 * The banner of an action's answer (`{ ok, message }`): green when it went
 * through, red when it was refused; nothing before the first submission. Keyed
 * by the message, so a second, different answer takes focus again.
 */
export function OutcomeBanner({ outcome }: { outcome?: { ok: boolean; message: string } | null }) {
  if (!outcome) return null;
  return (
    <StatusBanner key={outcome.message} outcome tone={outcome.ok ? "success" : "error"}>
      {outcome.message}
    </StatusBanner>
  );
}

export function Badge({ tone = "slate", children }: { tone?: "slate" | "amber" | "red" | "brand" | "emerald"; children: ReactNode }) {
  const styles = {
    slate: "bg-slate-100 text-slate-800",
    amber: "bg-amber-100 text-amber-950",
    red: "bg-red-100 text-red-900",
    brand: "bg-brand-100 text-brand-900",
    emerald: "bg-emerald-100 text-emerald-900",
  }[tone];
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${styles}`}>{children}</span>;
}

/** Headline figures as a row of cards (label above, figure below) that wrap on a narrow screen. */
export function FigureCards({ figures, className = "" }: { figures: [label: string, value: ReactNode][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-[repeat(auto-fill,minmax(min(100%,10rem),1fr))] gap-3 ${className}`}>
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-semibold tracking-wide break-words text-slate-600 uppercase">{label}</dt>
          <dd className="mt-1 text-xl font-bold text-slate-900 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";
export const buttonLinkClass = "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-base font-semibold text-white hover:bg-brand-800";
export const secondaryLinkClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-base font-semibold text-slate-800 hover:bg-slate-50";

/** A small button inside a row (move, remove): a plain submit with the row's intent. */
export function RowButton({ children, tone = "plain", ...rest }: { tone?: "plain" | "danger" } & Omit<ComponentProps<"button">, "type" | "className">) {
  return (
    <button
      type="submit"
      className={`rounded-md border px-2.5 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${
        tone === "danger" ? "border-red-300 text-red-800 hover:bg-red-50" : "border-slate-300 text-slate-800 hover:bg-slate-50"
      }`}
      {...rest}
    >
      {children}
    </button>
  );
}

export function Section({ title, id, children, description }: { title: string; id: string; children: ReactNode; description?: ReactNode }) {
  return (
    <TitledSection id={id} title={title} className="mt-8 first:mt-0">
      {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
      <div className="mt-3">{children}</div>
    </TitledSection>
  );
}

/** A bordered list of rows (`<li>`s), or one line saying there are none. */
export function ItemList({ empty, ordered = false, children }: { empty: ReactNode; ordered?: boolean; children: ReactNode[] }) {
  if (!children.length) return <p className="text-sm text-slate-600">{empty}</p>;
  const List = ordered ? "ol" : "ul";
  return <List className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">{children}</List>;
}

/** A column of a DataTable: its heading, and whether it holds figures (right-aligned, even digits). */
export type Column = string | { label: string; figures: true };

/** A column of figures. */
export const figures = (label: string): Column => ({ label, figures: true });

/** Cell classes for DataTable rows: a row's heading cell, a text cell and a figure cell. */
export const cell = {
  heading: "px-3 py-2 text-left text-sm font-medium text-slate-800",
  text: "px-3 py-2 text-sm text-slate-800",
  figure: "px-3 py-2 text-right text-sm text-slate-800 tabular-nums",
};

/** A row's heading cell naming the row by its title, linked to the row's own page (a session's), with `children` after it (a mark, badges). */
export function LinkedRowHeading({ to, title, children }: { to: string; title: string; children?: ReactNode }) {
  return (
    <th scope="row" className={cell.heading}>
      <Link to={to} className={linkClass}>
        {title}
      </Link>
      {children}
    </th>
  );
}

/** A table that scrolls sideways on a narrow screen rather than squeezing its columns. */
export function DataTable({ columns, className, children }: { columns: Column[]; className?: string; children: ReactNode }) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${className ?? ""}`}>
      <table className="min-w-full divide-y divide-slate-200">
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column) => {
              const label = typeof column === "string" ? column : column.label;
              return (
                <th key={label} scope="col" className={`px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase ${typeof column === "string" ? "text-left" : "text-right"}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
