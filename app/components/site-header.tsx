// The bar on every page: the product, the meetings, and who is signed in. It
// stays one compact row on a 375px phone; meeting pages add their own
// navigation below it.
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useAccountPageHref } from "./account-form";
import { useIsPending } from "./forms";
import { pageWidthClass } from "./page-width";
import { href } from "~/utils/href";

export const PRODUCT_NAME = "Meeting Platform";

export type HeaderUser = { name: string; email: string } | null;

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-1.5 py-1.5 text-sm font-medium sm:px-2 hover:bg-slate-100 hover:text-slate-900 ${isActive ? "text-brand-700" : "text-slate-700"}`;

export function SiteHeader({ user, organizes = false }: { user: HeaderUser; organizes?: boolean }) {
  const location = useLocation();
  const signingOut = useIsPending({ formAction: href.logout() });
  // Come back to this page after signing in, unless this page is itself part of signing in (and
  // so may hold a secret token in its path, like a reset or sign-up link). The sign-in and
  // sign-up pages pass on where they were going to bring the person, and the session to add.
  const accountPageHref = useAccountPageHref();
  const here = `${location.pathname}${location.search}`;
  const authPages = [href.login(), href.signup(), href.logout(), href.forgotPassword()];
  const onAccountPage = authPages.includes(location.pathname) || location.pathname.startsWith("/reset-password") || location.pathname.startsWith("/signup/");
  const back = here === "/" || onAccountPage ? null : here;
  const onSignInOrUp = location.pathname === href.login() || location.pathname === href.signup();
  const accountHref = (page: "login" | "signup") => (onSignInOrUp ? accountPageHref(page) : href[page](back));

  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className={`${pageWidthClass} flex items-center gap-1 px-3 py-2 sm:gap-4 sm:px-6`}>
        <Link to={href.home()} className="flex shrink-0 items-center gap-2 rounded-md py-1 pr-1 font-bold text-slate-900">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-brand-700 text-sm text-white">
            M
          </span>
          <span className="hidden text-base sm:inline">{PRODUCT_NAME}</span>
          <span className="sr-only sm:hidden">{PRODUCT_NAME}</span>
        </Link>
        <nav aria-label="Site" className="flex items-center">
          <NavLink to={href.home()} end className={navLinkClass}>
            Meetings
          </NavLink>
          {organizes ? (
            <NavLink to={href.organize.home()} className={navLinkClass}>
              Organize
            </NavLink>
          ) : null}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
          {user ? (
            <>
              <NavLink
                to={href.account()}
                className={(state) => `${navLinkClass(state)} flex min-w-0 items-center gap-1.5`}
                title={`Your account (${user.email})`}
                aria-label={`${user.name}: your account`}
              >
                <span aria-hidden="true" className="grid h-6 w-6 shrink-0 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800">
                  {initials(user.name)}
                </span>
                {/* A phone has room for the first name only: a cut-off "D…" would say nothing. */}
                <span className="max-w-[6rem] truncate sm:hidden">{user.name.split(/\s+/)[0]}</span>
                <span className="hidden max-w-[14rem] truncate sm:inline">{user.name}</span>
              </NavLink>
              <Form method="post" action={href.logout()}>
                <button
                  type="submit"
                  disabled={signingOut}
                  className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:text-slate-500"
                >
                  {signingOut ? "Signing out…" : "Sign out"}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to={accountHref("login")} className="rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100">
                Sign in
              </Link>
              <Link
                to={accountHref("signup")}
                className="rounded-md bg-brand-700 px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap text-white hover:bg-brand-800"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function initials(name: string): string {
  // "Jane Doe, MD, FSIR" → "JD": post-nominals after the first comma are not initials.
  const letters = (name.split(",")[0] ?? name)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => Array.from(word)[0] ?? "");
  return (letters.length > 1 ? `${letters[0]}${letters[letters.length - 1]}` : (letters[0] ?? "?")).toUpperCase();
}
