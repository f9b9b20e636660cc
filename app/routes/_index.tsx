// The front page: every meeting on the platform, newest first.
import { type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMeetings } from "~/models/meetings/meeting.server";
import { formatDateSpan } from "~/utils/time";
import { href } from "~/utils/href";

export async function loader() {
  const meetings = await listMeetings();
  return {
    meetings: meetings.map((meeting) => ({
      slug: meeting.slug,
      name: meeting.name,
      society: meeting.society.name,
      dates: formatDateSpan(meeting.startsOn, meeting.endsOn),
      format: meeting.format,
      place: [meeting.venue, meeting.city].filter(Boolean).join(", "),
      description: meeting.description,
      sessions: meeting._count.sessions,
    })),
  };
}

export const meta: MetaFunction = () => [
  { title: "Annual scientific meetings" },
  { name: "description", content: "Programs, speakers and sessions of medical societies' annual scientific meetings." },
];

const FORMAT_LABELS = { VIRTUAL: "Virtual", IN_PERSON: "In person", HYBRID: "Hybrid" } as const;

export default function MeetingsPage() {
  const { meetings } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Annual scientific meetings</h1>
      <p className="mt-3 max-w-prose text-lg text-slate-700">Browse the program, find sessions and speakers, and see every time in your own time zone.</p>
      {meetings.length ? (
        <ul className="mt-8 grid gap-5 md:grid-cols-2">
          {meetings.map((meeting) => (
            <li key={meeting.slug} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{meeting.society}</p>
              <h2 className="mt-1 text-xl leading-snug font-bold text-slate-900">
                <Link to={href.meeting(meeting)} className="underline-offset-2 hover:underline">
                  {meeting.name}
                </Link>
              </h2>
              <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
                <span className="font-medium text-slate-900">{meeting.dates}</span>
                <span aria-hidden="true">·</span>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">{FORMAT_LABELS[meeting.format]}</span>
                {meeting.place ? (
                  <>
                    <span aria-hidden="true">·</span>
                    <span>{meeting.place}</span>
                  </>
                ) : null}
              </p>
              <p className="mt-3 line-clamp-3 text-sm leading-relaxed text-slate-700">{meeting.description}</p>
              <p className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-4 text-sm font-semibold">
                <Link to={href.agenda(meeting)} className="text-brand-700 underline underline-offset-2">
                  Program<span className="sr-only"> of {meeting.name}</span> ({meeting.sessions} sessions)
                </Link>
                <Link to={href.speakers(meeting)} className="text-brand-700 underline underline-offset-2">
                  Speakers<span className="sr-only"> of {meeting.name}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-8 rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-700">No meetings yet.</p>
      )}
    </div>
  );
}
