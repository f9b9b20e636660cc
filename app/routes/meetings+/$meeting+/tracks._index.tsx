// All tracks of a meeting, with their colours and sizes.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { type ProgramHandle } from "./_layout";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { TrackCard } from "~/components/track-chip";
import { listTracks } from "~/models/meetings/meeting.server";
import { AUDIENCE_LABELS } from "~/models/program/program";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

export async function loader({ params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const tracks = await listTracks(meeting.id);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    tracks: tracks.map((track) => ({ slug: track.slug, name: track.name, colour: track.colour, audience: track.audience, description: track.description, sessions: track._count.sessions })),
  };
}

export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Tracks · ${data.meeting.name}` : "Tracks" }];

export default function TracksPage() {
  const { meeting, tracks } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Tracks</h1>
      <p className="mt-2 max-w-prose text-slate-700">Each track gathers the sessions of one field or one audience across the days of the meeting.</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tracks.map((track) => (
          <li key={track.slug}>
            <TrackCard to={withTz(href.track(meeting.slug, track))} track={track}>
              {track.audience !== "EVERYONE" ? (
                <span className="mt-0.5 block text-xs font-semibold tracking-wide text-slate-600 uppercase">For {AUDIENCE_LABELS[track.audience].toLowerCase()}</span>
              ) : null}
              {track.description ? <span className="mt-1 block text-sm text-slate-700">{track.description}</span> : null}
              <span className="mt-1 block text-sm text-slate-600">{counted(track.sessions, "session")}</span>
            </TrackCard>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
