// "Happening now / Up next": shown only while the meeting runs, so someone at
// the venue (or at home, for a virtual meeting) sees where to go at a glance.
import { Link } from "@remix-run/react";
import { formatTime, formatTimeRange } from "~/utils/time";
import { useProgramHref } from "./program-links";
import { type ListedSession } from "./session-list";
import { TrackChip } from "./track-chip";
import { href } from "~/utils/href";

export function NowAndNext({ meetingSlug, current, next, zone }: { meetingSlug: string; current: ListedSession[]; next: ListedSession[]; zone: string }) {
  if (!current.length && !next.length) return null;
  return (
    <section aria-labelledby="now-next" className="rounded-xl border border-brand-100 bg-brand-50 p-4 sm:p-5">
      <h2 id="now-next" className="sr-only">
        Happening now and up next
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <NowColumn title="Happening now" meetingSlug={meetingSlug} sessions={current} zone={zone} live />
        <NowColumn
          title={next[0] ? `Up next · ${formatTime(new Date(next[0].startsAt), zone)}` : "Up next"}
          meetingSlug={meetingSlug}
          sessions={next}
          zone={zone}
        />
      </div>
    </section>
  );
}

function NowColumn({ title, meetingSlug, sessions, zone, live = false }: { title: string; meetingSlug: string; sessions: ListedSession[]; zone: string; live?: boolean }) {
  const withTz = useProgramHref();
  return (
    <div>
      <h3 className="flex items-center gap-2 text-sm font-bold tracking-wide text-brand-800 uppercase">
        {live ? <span aria-hidden="true" className="h-2 w-2 rounded-full bg-red-600" /> : null}
        {title}
      </h3>
      {sessions.length ? (
        <ul className="mt-2 space-y-2">
          {sessions.map((session) => (
            <li key={session.id} className="rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200">
              <Link to={withTz(href.session(meetingSlug, session))} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                {session.title}
              </Link>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
                <span className="tabular-nums">{formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), zone)}</span>
                {session.track ? <TrackChip track={session.track} /> : null}
                {session.room ? <span>{session.room.name}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{live ? "Nothing is on right now." : "Nothing more is scheduled."}</p>
      )}
    </div>
  );
}
