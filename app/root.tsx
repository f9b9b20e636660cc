// First: configures zod before any schema is built (see the module).
import "~/utils/zod-config";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { OfflineSupport } from "~/components/offline";
import { useNonce } from "~/components/nonce";
import { usePageFrame } from "~/components/page-frame";
import { SiteFooter } from "~/components/site-footer";
import { SkipLink } from "~/components/skip-link";
import { SiteHeader } from "~/components/site-header";
import stylesheet from "~/tailwind.css?url";
import { organizesAnyMeeting } from "~/models/meetings/team.server";
import { getUser } from "~/server/auth.server";

// The icons and manifest in public/: the SVG for browsers that take one, the
// .ico for the others (and for feed readers and bots that ask for
// /favicon.ico unprompted), the touch icon for iOS home screens, the manifest
// (with its 192/512 px and maskable icons) for installing the site as an app.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

/** What the error page is called, by status: its heading and its title. */
function errorTitle(status: number): string {
  if (status === 404) return "Page not found";
  if (status === 403) return "Not allowed";
  return status < 500 ? "That did not work" : "Something went wrong";
}

const statusOf = (error: unknown) => (isRouteErrorResponse(error) ? error.status : 500);

// Pages set their own titles; this one names the error page shown by the root boundary.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: `${errorTitle(statusOf(error))} · Meeting Platform` }] : []);

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
        <meta name="theme-color" content="#1e40af" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {/* A page without the frame (the projector) fills the screen alone: nothing of the site sits behind it. */}
        {frame === "none" ? null : (
          <>
            <SkipLink />
            <SiteHeader user={rootData?.user ?? null} organizes={rootData?.organizes ?? false} />
          </>
        )}
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          <OfflineSupport signedIn={rootData ? rootData.user !== null : undefined} />
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
  const status = statusOf(error);
  if (status === 404) {
    return <PageError status={404} title={errorTitle(404)} message="We could not find that page. It may have moved, or the link may be mistyped." />;
  }
  if (isRouteErrorResponse(error) && status < 500) {
    // Our own 4xx responses carry a sentence meant for people; show it.
    const message = typeof error.data === "string" && error.data ? error.data : "The request could not be completed.";
    return <PageError status={status} title={errorTitle(status)} message={message} />;
  }
  return <PageError status={status} title={errorTitle(status)} message="An unexpected error happened on our side. Please try again in a moment." />;
}
