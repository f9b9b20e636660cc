// The navigation of a part of the site: a meeting's pages, or the organizer
// console's. Phones get every item at once, wrapped into rows of buttons, rather
// than a row that scrolls sideways and hides the last items past the edge.
// Wider screens get the part's own shape: a row of tabs from md up (a meeting),
// or a sidebar from lg up (the console).
import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

export type SectionNavItem = { to: string; label: string; end?: boolean; badge?: ReactNode };

const shapes = {
  tabs: {
    list: "flex flex-wrap gap-1.5 md:gap-x-4 md:gap-y-0 lg:gap-x-5",
    link: "md:rounded-none md:border-0 md:border-b-2 md:bg-transparent md:px-1 md:pt-2 md:pb-2.5 lg:px-2",
    active: "md:border-brand-700 md:text-brand-800",
    inactive: "md:border-transparent md:hover:border-slate-300 md:hover:bg-transparent",
  },
  sidebar: {
    list: "flex flex-wrap gap-1.5 lg:flex-col lg:flex-nowrap lg:gap-1",
    link: "lg:justify-between lg:gap-2 lg:border-0 lg:px-3 lg:py-2 lg:font-medium",
    active: "lg:bg-brand-50 lg:text-brand-800",
    inactive: "lg:bg-transparent lg:hover:bg-slate-100",
  },
};

export function SectionNav({
  label,
  items,
  shape,
  className = "",
  prefetch,
}: {
  /** The navigation landmark's name, e.g. "Meeting". */
  label: string;
  items: SectionNavItem[];
  shape: keyof typeof shapes;
  /** Where the navigation sits in its frame: margins, borders, its width as a sidebar. */
  className?: string;
  prefetch?: "intent";
}) {
  const { list, link, active, inactive } = shapes[shape];
  return (
    <nav aria-label={label} className={className}>
      <ul className={list}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              prefetch={prefetch}
              // relative: a badge's screen-reader text is absolutely placed; it must stay inside its
              // link, or, past the screen's edge, it widens a phone's page (the console's counts did).
              className={({ isActive }) =>
                `relative flex items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap ${link} ${
                  isActive ? `border-brand-700 bg-brand-700 text-white ${active}` : `border-slate-300 bg-white text-slate-700 hover:bg-slate-50 hover:text-slate-900 ${inactive}`
                }`
              }
            >
              <span>{item.label}</span>
              {item.badge}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A count beside a navigation item, said in words to screen readers ("3 changed sessions"); nothing when zero. */
export function NavCount({ value, label, tone = "brand" }: { value: number; label: string; tone?: "amber" | "brand" }) {
  if (!value) return null;
  return (
    <span className={`rounded-full px-1.5 text-xs font-semibold ${tone === "amber" ? "bg-amber-100 text-amber-950" : "bg-brand-100 text-brand-900"}`}>
      {value}
      <span className="sr-only"> {label}</span>
    </span>
  );
}
