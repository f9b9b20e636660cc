// The meeting's home: what it is, its days, the trainee programs one click
// away, and its tracks.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NowAndNext } from "~/components/now-next";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { TrackBand, TrackCard } from "~/components/track-chip";
import { getNowAndNext } from "~/models/program/agenda.server";
import { countSessionsByDay, isDuringMeeting, listTracks, meetingDays, programNow } from "~/models/meetings/meeting.server";
import { AUDIENCE_LABELS } from "~/models/program/program";
import { requireMeeting } from "~/server/meeting-page.server";
import { formatDateSpan, formatDay, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { Fact, Facts } from "~/components/facts";
import { TitledSection } from "~/components/titled-section";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const now = programNow(new URL(request.url).searchParams);
  const [tracks, sessionsByDay, nowAndNext] = await Promise.all([
    listTracks(meeting.id),
    countSessionsByDay(meeting),
    isDuringMeeting(meeting, now) ? getNowAndNext(meeting.id, now) : null,
  ]);
  return {
    meeting: {
      slug: meeting.slug,
      name: meeting.name,
      description: meeting.description,
      society: meeting.society,
      dates: formatDateSpan(meeting.startsOn, meeting.endsOn),
      format: meeting.format,
      venue: meeting.venue,
      city: meeting.city,
    },
    days: meetingDays(meeting).map((day) => ({ day, sessions: sessionsByDay.get(day) ?? 0 })),
    tracks: tracks.map((track) => ({ slug: track.slug, name: track.name, colour: track.colour, audience: track.audience, description: track.description, sessions: track._count.sessions })),
    nowAndNext,
    zone: zoneViewFor(request, meeting),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? data.meeting.name : "Meeting not found" },
  { name: "description", content: data?.meeting.description.slice(0, 200) ?? "" },
];

const FORMAT_LABELS = { VIRTUAL: "Virtual", IN_PERSON: "In person", HYBRID: "Hybrid: in person and online" } as const;

/** The home page's parts are headed a size up from other pages'. */
const homeHeadingClass = "text-xl font-bold text-slate-900";

export default function MeetingHome() {
  const { meeting, days, tracks, nowAndNext, zone } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  const trainee = tracks.filter((track) => track.audience !== "EVERYONE");
  const totalSessions = days.reduce((sum, day) => sum + day.sessions, 0);

  return (
    <div className={`${pageWidthClass} space-y-10 px-4 py-6 sm:px-6 sm:py-8`}>
      <section aria-labelledby="meeting-title" className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div>
          <h1 id="meeting-title" className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
            {meeting.name}
          </h1>
          <p className="mt-3 max-w-prose text-base leading-relaxed whitespace-pre-line text-slate-700">{meeting.description}</p>
          <div className="mt-5 flex flex-wrap gap-3">
            <Link to={href.register(meeting.slug)} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Register
            </Link>
            <Link to={withTz(href.agenda(meeting.slug))} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
              Browse the program
            </Link>
            <Link to={withTz(href.speakers(meeting.slug))} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
              Speakers
            </Link>
          </div>
          {trainee.length ? (
            <TitledSection id="trainees" title="For students and trainees" className="mt-8" headingClassName={homeHeadingClass}>
              <ul className="mt-3 grid gap-4 sm:grid-cols-2">
                {trainee.map((track) => (
                  <li key={track.slug}>
                    <Link
                      to={withTz(href.track(meeting.slug, track))}
                      className="group relative block h-full overflow-hidden rounded-xl border border-slate-200 bg-white p-5 pt-6.5 shadow-sm transition hover:border-brand-600 hover:shadow"
                    >
                      <TrackBand colour={track.colour} />
                      <span className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{AUDIENCE_LABELS[track.audience]}</span>
                      <span className="mt-1 block text-lg font-bold text-slate-900 group-hover:underline">{track.name}</span>
                      {track.description ? <span className="mt-1 block text-sm text-slate-700">{track.description}</span> : null}
                      <span className="mt-3 block text-sm font-semibold text-brand-700">
                        {counted(track.sessions, "session")} <span aria-hidden="true">→</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </TitledSection>
          ) : null}
        </div>
        <Facts strong className="gap-y-2 self-start rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <Fact label="Dates">{meeting.dates}</Fact>
          <Fact label="Format">{FORMAT_LABELS[meeting.format]}</Fact>
          {meeting.venue || meeting.city ? <Fact label="Where">{[meeting.venue, meeting.city].filter(Boolean).join(", ")}</Fact> : null}
          <Fact label="Time zone">{zone.meetingLabel}</Fact>
          <Fact label="Host">{meeting.society.name}</Fact>
          <Fact label="Program">
            {counted(totalSessions, "session")}, {counted(tracks.length, "track")}
          </Fact>
        </Facts>
      </section>

      {nowAndNext ? <NowAndNext meetingSlug={meeting.slug} current={nowAndNext.current} next={nowAndNext.next} zone={zone.zone} /> : null}

      <TitledSection id="days" title="Days" headingClassName={homeHeadingClass}>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {days.map(({ day, sessions }) => (
            <li key={day}>
              <Link
                to={withTz(href.agenda(meeting.slug), { day })}
                className="flex items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-600"
              >
                <span className="font-semibold text-slate-900">{formatDay(day)}</span>
                <span className="text-sm text-slate-600">{counted(sessions, "session")}</span>
              </Link>
            </li>
          ))}
        </ul>
      </TitledSection>

      <TitledSection id="tracks" title="Tracks" headingClassName={homeHeadingClass}>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {tracks.map((track) => (
            <li key={track.slug}>
              <TrackCard to={withTz(href.track(meeting.slug, track))} track={track}>
                <span className="block text-sm text-slate-600">
                  {counted(track.sessions, "session")}{track.audience !== "EVERYONE" ? ` · for ${AUDIENCE_LABELS[track.audience].toLowerCase()}` : ""}
                </span>
              </TrackCard>
            </li>
          ))}
        </ul>
      </TitledSection>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
