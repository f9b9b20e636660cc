// Which zone the program's times are in, and the one-click switch between the
// meeting's zone and the viewer's own.
//
// The server cannot know the viewer's zone, so a tiny inline script reports
// it in a cookie (a "client hint", after the Epic Stack's
// @epic-web/client-hints). `tz=local` in the URL then means "the zone in that
// cookie". Without JavaScript there is no cookie: a <select> of zones in a GET
// form does the same job.
import { Form, Link, useLocation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { COMMON_TIME_ZONES, TIME_ZONE_HINT_COOKIE, zoneCity, type ZoneView } from "~/utils/time";
import { useNonce } from "./nonce";
import { withQuery } from "~/utils/href";
import { pageWidthClass } from "./page-width";

// Sets the cookie before the page is used; when the page asked for the local
// zone and the cookie was missing or stale, one reload shows the right times.
// The re-read guards against a reload loop when cookies are blocked.
const hintScript = `(function(){try{var n=${JSON.stringify(TIME_ZONE_HINT_COOKIE)};var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(!z)return;var read=function(){var m=document.cookie.match(new RegExp("(?:^|; )"+n+"=([^;]*)"));return m?decodeURIComponent(m[1]):null};if(read()===z)return;document.cookie=n+"="+encodeURIComponent(z)+"; Path=/; Max-Age=31536000; SameSite=Lax";if(read()===z&&/[?&]tz=local(&|$)/.test(location.search))location.reload()}catch(e){}})();`;

function readHint(): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|; )${TIME_ZONE_HINT_COOKIE}=([^;]*)`));
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Renders the client-hint script; also sets the hint after client-side navigation, where inline scripts do not run. */
export function TimeZoneHint() {
  const { revalidate } = useRevalidator();
  const { search } = useLocation();
  const nonce = useNonce();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || readHint() === zone) return;
    document.cookie = `${TIME_ZONE_HINT_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    if (readHint() === zone && new URLSearchParams(search).get("tz") === "local") revalidate();
  }, [search, revalidate]);
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: hintScript }} suppressHydrationWarning />;
}

/** The links that switch zones, keeping the rest of the current URL. */
export function useZoneSwitchHrefs() {
  const { pathname, search } = useLocation();
  const params = Object.fromEntries(new URLSearchParams(search));
  return {
    local: withQuery(pathname, { ...params, tz: "local" }),
    meeting: withQuery(pathname, { ...params, tz: undefined }),
  };
}

/** One line above the program: the zone in use and the switch. */
export function ZoneBar({ view }: { view: ZoneView }) {
  const hrefs = useZoneSwitchHrefs();
  const { pathname, search } = useLocation();
  const keep = [...new URLSearchParams(search)].filter(([name]) => name !== "tz");
  const switchClass = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800";

  return (
    <div className="no-print border-b border-slate-200 bg-slate-100/80">
      <div className={`${pageWidthClass} flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm text-slate-700 sm:px-6`}>
        <p>
          <span className="text-slate-600">Times shown in </span>
          <strong className="font-semibold text-slate-900">{view.kind === "meeting" ? `meeting time, ${view.label}` : view.label}</strong>
        </p>
        {view.kind === "meeting" ? (
          <Link to={hrefs.local} className={switchClass}>
            Show in my time zone
          </Link>
        ) : (
          <Link to={hrefs.meeting} className={switchClass}>
            Show in meeting time ({view.meetingLabel})
          </Link>
        )}
        <details className="group">
          <summary className="cursor-pointer rounded text-slate-600 underline-offset-2 hover:underline">Other time zone…</summary>
          <Form method="get" action={pathname} className="mt-2 flex flex-wrap items-center gap-2">
            {keep.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <label htmlFor="tz-picker" className="text-slate-700">
              Time zone
            </label>
            <select
              id="tz-picker"
              name="tz"
              defaultValue={view.kind === "picked" ? view.zone : ""}
              className="rounded-md border border-slate-500 bg-white px-2 py-1 text-sm"
            >
              <option value="">Meeting time ({view.meetingZone})</option>
              <option value="local">My device&rsquo;s time zone</option>
              {view.kind === "picked" && !COMMON_TIME_ZONES.includes(view.zone as (typeof COMMON_TIME_ZONES)[number]) ? (
                <option value={view.zone}>{view.zone}</option>
              ) : null}
              {COMMON_TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneCity(zone)} ({zone})
                </option>
              ))}
            </select>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-50">
              Show
            </button>
          </Form>
        </details>
        {view.kind === "local" && !view.detected ? (
          <p role="status" className="basis-full text-slate-700">
            We could not detect your time zone (it needs JavaScript), so times are in meeting time. Choose yours under &ldquo;Other time zone&rdquo;.
          </p>
        ) : null}
      </div>
    </div>
  );
}
