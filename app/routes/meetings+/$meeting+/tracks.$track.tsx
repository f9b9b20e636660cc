// One track's program over every day of the meeting.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { SessionsByDay } from "~/components/session-list";
import { TrackDot } from "~/components/track-chip";
import { AddTrackButton } from "~/components/schedule-button";
import { getTrackSessions } from "~/models/program/agenda.server";
import { getTrack } from "~/models/meetings/meeting.server";
import { AUDIENCE_LABELS } from "~/models/program/program";
import { requireMeeting } from "~/server/meeting-page.server";
import { groupByDay, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { BackLink } from "~/components/back-link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const track = await getTrack(meeting.id, params.track ?? "");
  if (!track) throw new Response(`${meeting.name} has no track at this address. See the list of tracks for the ones it has.`, { status: 404 });
  const sessions = await getTrackSessions(meeting.id, track.id);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    track: { slug: track.slug, name: track.name, colour: track.colour, audience: track.audience, description: track.description },
    // Grouped by the meeting's days, whatever zone the times are shown in.
    days: groupByDay(sessions, meeting.timeZone),
    total: sessions.length,
    zone: zoneViewFor(request, meeting),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.track.name} · ${data.meeting.name}` : "Track not found" }];

export default function TrackPage() {
  const { meeting, track, days, total, zone } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <p className="text-sm">
        <BackLink to={withTz(href.tracks(meeting.slug))}>All tracks</BackLink>
      </p>
      <div className="mt-3 flex items-center gap-3">
        <TrackDot colour={track.colour} className="h-4 w-4" />
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{track.name}</h1>
      </div>
      <p className="mt-2 text-sm font-medium text-slate-600">
        {track.audience !== "EVERYONE" ? `For ${AUDIENCE_LABELS[track.audience].toLowerCase()} · ` : ""}
        {counted(total, "session")}
      </p>
      {track.description ? <p className="mt-3 max-w-prose text-slate-700">{track.description}</p> : null}
      <AddTrackButton
        meetingSlug={meeting.slug}
        track={track}
        sessionIds={days.flatMap((day) => day.sessions.filter((session) => session.status === "SCHEDULED").map((session) => session.id))}
        className="mt-4"
      />
      <p className="mt-3 text-sm">
        <Link to={withTz(href.agenda(meeting.slug), { track: track.slug })} className="font-semibold text-brand-700 underline underline-offset-2">
          See this track in the day-by-day program
        </Link>
      </p>

      <div className="mt-8 space-y-10">
        {days.length ? (
          <SessionsByDay meetingSlug={meeting.slug} days={days} zone={zone.zone} />
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-slate-700">This track has no sessions yet.</p>
        )}
      </div>
    </div>
  );
}

// Adding a session to My schedule changes the meeting frame's data, not this page's.
export { keepProgramOnScheduleChange as shouldRevalidate } from "~/components/schedule-button";

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
