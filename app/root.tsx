// First: configures zod before any schema is built (see the module).
import "~/utils/zod-config";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { PageError } from "~/components/forms";
import { useNonce } from "~/components/nonce";
import { usePageFrame } from "~/components/page-frame";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import stylesheet from "~/tailwind.css?url";
import { organizesAnyMeeting } from "~/models/meetings/team.server";
import { getUser } from "~/server/auth.server";

// An inline icon: browsers stop asking for /favicon.ico, which would only be a 404.
const icon = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1e40af"/><text x="16" y="22.5" font-family="Arial,sans-serif" font-size="18" font-weight="700" fill="#fff" text-anchor="middle">M</text></svg>',
)}`;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", type: "image/svg+xml", href: icon },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return { user, organizes: user ? await organizesAnyMeeting(user) : false };
}

/**
 * The shell of every page, error pages included: skip link, header, the one
 * <main id="main"> landmark and footer. Routes render their content inside
 * <main>, so they should not add a <main> of their own.
 */
export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed: the error page still gets a header.
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const frame = usePageFrame();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {/* A page without the frame (the projector) fills the screen alone: nothing of the site sits behind it. */}
        {frame === "none" ? null : (
          <>
            <a
              href="#main"
              className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-brand-700 focus:shadow-lg"
            >
              Skip to content
            </a>
            <SiteHeader user={rootData?.user ?? null} organizes={rootData?.organizes ?? false} />
          </>
        )}
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        {frame === "none" ? null : <SiteFooter />}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) {
    return <PageError status={404} title="Page not found" message="We could not find that page. It may have moved, or the link may be mistyped." />;
  }
  if (isRouteErrorResponse(error) && status < 500) {
    // Our own 4xx responses carry a sentence meant for people; show it.
    const message = typeof error.data === "string" && error.data ? error.data : "The request could not be completed.";
    return <PageError status={status} title={status === 403 ? "Not allowed" : "That did not work"} message={message} />;
  }
  return (
    <PageError status={status} title="Something went wrong" message="An unexpected error happened on our side. Please try again in a moment." />
  );
}
