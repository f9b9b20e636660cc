import { Link } from "@remix-run/react";
import { PRODUCT_NAME } from "./site-header";
import { pageWidthClass } from "./page-width";
import { href } from "~/utils/href";

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-slate-200 bg-white">
      <div className={`${pageWidthClass} flex flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6`}>
        <p>
          {PRODUCT_NAME}: open-source software for medical societies&rsquo; annual scientific meetings.
        </p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link to={href.home()} className="underline-offset-2 hover:underline">
                Meetings
              </Link>
            </li>
            <li>
              <Link to={href.account()} className="underline-offset-2 hover:underline">
                Your account
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
