// The frame of every page of a meeting: its name, dates, place and zone, the
// meeting's navigation (with the number of sessions in the viewer's schedule
// that changed since they last looked), and the time-zone bar.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { usePageFrame } from "~/components/page-frame";
import { pageWidthClass } from "~/components/page-width";
import { ProgramErrorBoundary } from "~/components/program-error";
import { useProgramHref } from "~/components/program-links";
import { NavCount, SectionNav } from "~/components/section-nav";
import { type SkipLinkHandle } from "~/components/skip-link";
import { TimeZoneHint, ZoneBar } from "~/components/time-zone";
import { hasMeetingRole } from "~/models/accounts/access.server";
import { getMeeting } from "~/models/meetings/meeting.server";
import { type ScheduleState } from "~/models/schedule/forms";
import { hasLiveRegistration } from "~/models/registration/registration.server";
import { listScheduledSessionIds } from "~/models/schedule/schedule.server";
import { listUnseenChanges } from "~/models/program/notices.server";
import { getUser } from "~/server/auth.server";
import { formatDateSpan, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";
import { plural } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.meeting.name : "Meeting not found" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address. It may have moved, or the link may be mistyped.", { status: 404 });
  const user = await getUser(request);
  const [sessionIds, unseen, registered, reviewer] = user
    ? await Promise.all([
        listScheduledSessionIds(user.id, meeting.id),
        listUnseenChanges(user.id, meeting.id),
        hasLiveRegistration(user.id, meeting.id),
        meeting.abstractCall ? hasMeetingRole(user.id, meeting.id, ["REVIEWER"]) : false,
      ])
    : [[], null, false, false];
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
    schedule: { signedIn: user !== null, sessionIds } satisfies ScheduleState,
    changedSessions: unseen?.sessions.length ?? 0,
    // Once registered, the navigation leads to the registration rather than the form.
    registered,
    // My CME, for someone signed in, when the meeting offers credit.
    myCme: user !== null && meeting.creditDesignation !== null,
    // The call and its poster gallery, where the meeting has a call; a reviewer's queue for reviewers.
    abstracts: meeting.abstractCall !== null,
    reviewer,
  };
}

/** What a child route can tell the meeting frame. */
export type ProgramHandle = { showsTimes?: boolean };

/** Where "Skip to content" lands: the page itself, past the meeting's name and navigation. */
const CONTENT_ID = "meeting-content";
export const handle: SkipLinkHandle = { skipTo: CONTENT_ID };

export default function MeetingLayout() {
  const { meeting, zone, changedSessions, registered, myCme, abstracts, reviewer } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  // Pages without times (the speaker directory, the track list) say so in their handle.
  const showsTimes = !useMatches().some((match) => (match.handle as ProgramHandle | undefined)?.showsTimes === false);
  const frame = usePageFrame();
  // A compact frame leaves a phone's first screen to the page (the way back is its own back link).
  const phoneHidden = frame === "compact" ? "hidden sm:block" : "";
  const navItems = [
    { to: withTz(href.meeting(meeting.slug)), label: "Home", end: true },
    { to: withTz(href.agenda(meeting.slug)), label: "Program" },
    { to: withTz(href.tracks(meeting.slug)), label: "Tracks" },
    { to: withTz(href.speakers(meeting.slug)), label: "Speakers" },
    { to: withTz(href.changelog(meeting.slug)), label: "Changelog" },
    { to: withTz(href.schedule(meeting.slug)), label: "My schedule", badge: <NavCount value={changedSessions} label={plural(changedSessions, "changed session")} /> },
    registered ? { to: href.registration(meeting.slug), label: "My registration" } : { to: href.register(meeting.slug), label: "Register" },
    ...(myCme ? [{ to: href.myCme(meeting.slug), label: "My CME" }] : []),
    ...(abstracts ? [{ to: href.posters(meeting.slug), label: "Posters" }, { to: href.abstracts(meeting.slug), label: "Abstracts" }] : []),
    ...(reviewer ? [{ to: href.reviews(meeting.slug), label: "Reviews" }] : []),
  ];
  if (frame === "none") return <Outlet />;
  return (
    <>
      <TimeZoneHint />
      <div className={`border-b border-slate-200 bg-white ${phoneHidden}`}>
        <div className={`${pageWidthClass} px-4 pt-4 sm:px-6 sm:pt-5`}>
          <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
            {meeting.society} · {meeting.format === "VIRTUAL" ? "Virtual" : meeting.format === "HYBRID" ? "Hybrid" : "In person"}
          </p>
          <p className="mt-1 text-lg leading-tight font-bold text-slate-900 sm:text-xl">
            <Link to={withTz(href.meeting(meeting.slug))} className="hover:underline">
              {meeting.name}
            </Link>
          </p>
          <p className="mt-0.5 text-sm text-slate-600">
            {meeting.dates}
            {meeting.place ? ` · ${meeting.place}` : ""}
          </p>
          <SectionNav label="Meeting" items={navItems} shape="tabs" className="no-print mt-3 pb-3 md:mt-2 md:-mb-px md:pb-0" />
        </div>
      </div>
      {showsTimes ? (
        <div className={phoneHidden}>
          <ZoneBar view={zone} />
        </div>
      ) : null}
      <div id={CONTENT_ID} tabIndex={-1} className="focus:outline-none">
        <Outlet />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  // The handle above still names the skip link's target: the error page has it too.
  return (
    <div id={CONTENT_ID} tabIndex={-1} className="focus:outline-none">
      <ProgramErrorBoundary backTo="meetings" />
    </div>
  );
}
