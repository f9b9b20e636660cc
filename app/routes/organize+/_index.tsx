// The meetings a person organizes (all of them for admins), and those where they
// are door staff (straight to check-in): where the header's "Organize" link leads.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageError } from "~/components/forms";
import { listOrganizedMeetings } from "~/models/meetings/team.server";
import { requireUser } from "~/server/auth.server";
import { formatDateSpan } from "~/utils/time";
import { href } from "~/utils/href";

export const meta: MetaFunction = () => [{ title: "Organize · Meeting Platform" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meetings = await listOrganizedMeetings(user);
  if (!meetings.length) throw new Response("You do not organize any meeting. An organizer can invite you to a meeting's team.", { status: 403 });
  return { meetings: meetings.map((meeting) => ({ slug: meeting.slug, name: meeting.name, society: meeting.society.shortName, dates: formatDateSpan(meeting.startsOn, meeting.endsOn), doorOnly: meeting.doorOnly })) };
}

export default function OrganizeIndex() {
  const { meetings } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Organize</h1>
      <p className="mt-1 text-slate-600">The meetings whose program you build and publish.</p>
      <ul className="mt-6 space-y-3">
        {meetings.map((meeting) => (
          <li key={meeting.slug}>
            <Link to={meeting.doorOnly ? href.organize.checkIn(meeting) : href.organize.meeting(meeting)} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <span className="block text-xs font-semibold tracking-wide text-brand-700 uppercase">{meeting.society}</span>
              <span className="mt-1 block text-lg font-bold text-slate-900">{meeting.name}</span>
              <span className="block text-sm text-slate-600">
                {meeting.dates}
                {meeting.doorOnly ? " · door check-in" : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <PageError status={403} title="Nothing to organize" message="You do not organize any meeting. An organizer can invite you to a meeting's team." />;
}
