// The frame of every page of a meeting: its name, dates, place and zone, the
// meeting's navigation, and the time-zone bar.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { ProgramErrorBoundary } from "~/components/program-error";
import { useProgramHref } from "~/components/program-links";
import { TimeZoneHint, ZoneBar } from "~/components/time-zone";
import { getMeeting } from "~/models/meeting.server";
import { listScheduledSessionIds } from "~/models/schedule.server";
import { getUser } from "~/utils/auth.server";
import { formatDateSpan, zoneViewFor } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.meeting.name : "Meeting not found" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address. It may have moved, or the link may be mistyped.", { status: 404 });
  const user = await getUser(request);
  return {
    meeting: {
      slug: meeting.slug,
      name: meeting.name,
      society: meeting.society.shortName,
      dates: formatDateSpan(meeting.startsOn, meeting.endsOn),
      format: meeting.format,
      place: meeting.format === "VIRTUAL" ? "Virtual meeting" : [meeting.venue, meeting.city].filter(Boolean).join(", "),
    },
    zone: zoneViewFor(request, meeting),
    // Which sessions the viewer has in My schedule: every program page's add/remove buttons read it here.
    schedule: { signedIn: user !== null, sessionIds: user ? await listScheduledSessionIds(user.id, meeting.id) : [] },
  };
}

/** What a child route can tell the meeting frame. */
export type ProgramHandle = { showsTimes?: boolean };

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `inline-block border-b-2 px-1 pt-2 pb-2.5 text-sm font-semibold whitespace-nowrap sm:px-2 ${
    isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
  }`;

export default function MeetingLayout() {
  const { meeting, zone } = useLoaderData<typeof loader>();
  const href = useProgramHref();
  const base = `/meetings/${meeting.slug}`;
  // Pages without times (the speaker directory, the track list) say so in their handle.
  const showsTimes = !useMatches().some((match) => (match.handle as ProgramHandle | undefined)?.showsTimes === false);
  return (
    <>
      <TimeZoneHint />
      <div className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-4 sm:px-6 sm:pt-5">
          <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
            {meeting.society} · {meeting.format === "VIRTUAL" ? "Virtual" : meeting.format === "HYBRID" ? "Hybrid" : "In person"}
          </p>
          <p className="mt-1 text-lg leading-tight font-bold text-slate-900 sm:text-xl">
            <Link to={href(base)} className="hover:underline">
              {meeting.name}
            </Link>
          </p>
          <p className="mt-0.5 text-sm text-slate-600">
            {meeting.dates}
            {meeting.place ? ` · ${meeting.place}` : ""}
          </p>
          <nav aria-label="Meeting" className="no-print -mb-px mt-2 flex gap-3 overflow-x-auto sm:gap-5">
            <NavLink to={href(base)} end className={tabClass}>
              Home
            </NavLink>
            <NavLink to={href(`${base}/agenda`)} className={tabClass}>
              Program
            </NavLink>
            <NavLink to={href(`${base}/tracks`)} className={tabClass}>
              Tracks
            </NavLink>
            <NavLink to={href(`${base}/speakers`)} className={tabClass}>
              Speakers
            </NavLink>
            <NavLink to={href(`${base}/changelog`)} className={tabClass}>
              Changelog
            </NavLink>
            <NavLink to={href(`${base}/schedule`)} className={tabClass}>
              My schedule
            </NavLink>
            <NavLink to={`${base}/register`} className={tabClass}>
              Register
            </NavLink>
          </nav>
        </div>
      </div>
      {showsTimes ? <ZoneBar view={zone} /> : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ProgramErrorBoundary backTo="meetings" />;
}
