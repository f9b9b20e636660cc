// The organizer console's frame: which meeting, the console's navigation (with
// the number of clashes and of unpublished changes), and the page. Only the
// meeting's organizers and platform admins get in; each page checks again.
// Door staff (CHECK_IN) get the frame without navigation, for the check-in page.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, isRouteErrorResponse } from "@remix-run/react";
import { PageError } from "~/components/forms";
import { pageWidthClass } from "~/components/page-width";
import { NavCount, SectionNav, type SectionNavItem } from "~/components/section-nav";
import { compareDraftWithPublished } from "~/models/program/draft.server";
import { countMeetingMail } from "~/models/meetings/outgoing-mail.server";
import { findClashes } from "~/models/program/clashes";
import { formatDateSpan } from "~/utils/time";
import { requireConsoleFrame } from "~/server/organizer.server";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Organize · ${data.meeting.name}` : "Organizer console" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, organizer } = await requireConsoleFrame(request, params);
  const frame = { slug: meeting.slug, name: meeting.name, society: meeting.society.shortName, dates: formatDateSpan(meeting.startsOn, meeting.endsOn), timeZone: meeting.timeZone };
  if (!organizer) return { meeting: frame, counts: null };
  const [{ draft, changes }, mail] = await Promise.all([compareDraftWithPublished(meeting.id), countMeetingMail(meeting.id)]);
  return { meeting: frame, counts: { clashes: findClashes(draft.document, meeting).length, unpublished: changes.length, failedMail: mail.FAILED } };
}

export default function OrganizerConsole() {
  const { meeting, counts } = useLoaderData<typeof loader>();
  const page = href.organize;
  const items: SectionNavItem[] = !counts ? [] : [
    { to: page.meeting(meeting), label: "Overview", end: true },
    { to: page.sessions(meeting), label: "Sessions" },
    { to: page.tracks(meeting), label: "Tracks" },
    { to: page.rooms(meeting), label: "Rooms" },
    { to: page.speakers(meeting), label: "Speakers" },
    { to: page.clashes(meeting), label: "Clashes", badge: <NavCount value={counts.clashes} tone="amber" label="clashes" /> },
    { to: page.preview(meeting), label: "Preview" },
    { to: page.import(meeting), label: "Import / export" },
    { to: page.publish(meeting), label: "Publish", badge: <NavCount value={counts.unpublished} tone="brand" label="unpublished changes" /> },
    { to: page.team(meeting), label: "Team" },
    { to: page.audit(meeting), label: "Audit log" },
    { to: page.registrations(meeting), label: "Registrations" },
    { to: page.mail(meeting), label: "Mail", badge: <NavCount value={counts.failedMail} tone="amber" label="failed messages" /> },
    { to: page.cme(meeting), label: "CME" },
    { to: page.checkIn(meeting), label: "Check-in" },
    { to: page.abstracts(meeting), label: "Abstracts" },
  ];
  return (
    <>
      <div className="border-b border-slate-200 bg-white">
        <div className={`${pageWidthClass} flex flex-wrap items-end justify-between gap-2 px-4 pt-4 pb-3 sm:px-6`}>
          <div className="min-w-0">
            <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{counts ? "Organizer console" : "Door check-in"} · {meeting.society}</p>
            <p className="mt-1 text-lg leading-tight font-bold text-slate-900 sm:text-xl">{meeting.name}</p>
            <p className="mt-0.5 text-sm text-slate-600">
              {meeting.dates} · times in {meeting.timeZone}
            </p>
          </div>
          <Link to={href.meeting(meeting)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
            Public site<span aria-hidden="true"> →</span>
          </Link>
        </div>
      </div>
      <div className={`${pageWidthClass} lg:flex lg:gap-2`}>
        {items.length ? (
          <SectionNav
            label="Organizer console"
            items={items}
            shape="sidebar"
            prefetch="intent"
            className="border-b border-slate-200 bg-white px-4 py-3 sm:px-6 lg:w-56 lg:shrink-0 lg:border-r lg:border-b-0 lg:bg-transparent lg:py-6 lg:pr-2 lg:pl-3"
          />
        ) : null}
        <div className="min-w-0 flex-1">
          <Outlet />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 403) {
    return <PageError status={403} title="Not allowed" message="Only this meeting's organizers can open its console. Ask an organizer to invite you to the team." />;
  }
  const message = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : "Something went wrong on our side. Please try again in a moment.";
  return <PageError status={status} title={status === 404 ? "Not found" : status < 500 ? "That did not work" : "Something went wrong"} message={message} />;
}
