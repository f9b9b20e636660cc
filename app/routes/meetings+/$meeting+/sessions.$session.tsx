// One session: when and where (in the meeting's zone, or the viewer's with one
// click), what it is about, who speaks, by role, and its presentations in order.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AudienceQuestions } from "~/components/live-qa/audience-questions";
import { pageWidthClass } from "~/components/page-width";
import { ScheduleButton, SessionCalendarLinks } from "~/components/schedule-button";
import { useProgramHref } from "~/components/program-links";
import { useZoneSwitchHrefs } from "~/components/time-zone";
import { CancelledBadge, LevelBadge, TrackChip } from "~/components/track-chip";
import { CmeBadge, CmeCredit } from "~/components/cme-credit";
import { publishedSessionCredit } from "~/models/cme/designation.server";
import { AUDIENCE_LABELS, KIND_LABELS, ROLE_LABELS, ROLE_ORDER } from "~/models/program/program";
import { listApprovedQuestions } from "~/models/live-qa/board.server";
import { getSession, printedAbstractOf } from "~/models/program/session.server";
import { PresentationList } from "~/components/presentation-list";
import { requireMeeting } from "~/server/meeting-page.server";
import { env } from "~/utils/env.server";
import { googleCalendarUrl } from "~/server/ical.server";
import { dayKeyOf, formatDate, formatTimeRange, zoneAbbreviation, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";
import { BackLink } from "~/components/back-link";
import { DisclosureList } from "~/components/disclosure-list";
import { SessionAbout } from "~/components/session-about";
import { SpeakerCard } from "~/components/speaker-card";
import { TitledSection } from "~/components/titled-section";
import { sessionDisclosures } from "~/models/cme/disclosure-views.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const session = await getSession(meeting.id, params.session ?? "");
  if (!session) {
    throw new Response(`${meeting.name} has no session at this address. It may have been renamed; the program lists every session.`, { status: 404 });
  }
  const zone = zoneViewFor(request, meeting);
  const [questions, credit, disclosures] = await Promise.all([listApprovedQuestions(session.id), publishedSessionCredit(meeting.id, session.id), sessionDisclosures(session.id)]);
  const { presentations, ...rest } = session;
  return {
    meeting: { slug: meeting.slug, name: meeting.name, format: meeting.format },
    // In the zone the page shows, like the session's own time.
    presentations: presentations.map((talk) => ({
      slug: talk.slug,
      title: talk.title,
      time: formatTimeRange(talk.startsAt, talk.endsAt, zone.zone),
      speaker: talk.speaker,
      abstract: printedAbstractOf(talk),
    })),
    session: {
      ...rest,
      streamUrl: webUrl(session.streamUrl),
      recordingUrl: webUrl(session.recordingUrl),
      jointSociety: session.jointSociety && { ...session.jointSociety, websiteUrl: webUrl(session.jointSociety.websiteUrl) },
    },
    when: {
      date: formatDate(session.startsAt, zone.zone),
      time: formatTimeRange(session.startsAt, session.endsAt, zone.zone),
      abbreviation: zoneAbbreviation(zone.zone, session.startsAt),
      meetingDay: dayKeyOf(session.startsAt, meeting.timeZone),
      // Shown beside the viewer's time so nobody has to convert back.
      meetingTime: zone.zone === meeting.timeZone ? null : `${formatTimeRange(session.startsAt, session.endsAt, meeting.timeZone)} ${zoneAbbreviation(meeting.timeZone, session.startsAt)}`,
    },
    zone,
    questions,
    credit,
    // Accredited sessions only (null otherwise): learners see the disclosures before the session.
    disclosures,
    // The session's .ics (rewritten to meetings.$meeting.sessions.$session_.calendar[.ics].ts) and Google Calendar's "add event" link.
    calendar: { ics: href.sessionCalendar(meeting, session), google: googleCalendarUrl(env.APP_ORIGIN, meeting, session) },
  };
}

/** Only http(s) links become hrefs: a stored "javascript:" URL must never be clickable. */
function webUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.session.title} · ${data.meeting.name}` : "Session not found" },
  { name: "description", content: data?.session.description.slice(0, 200) ?? "" },
];

export default function SessionPage() {
  const { meeting, session, presentations, when, zone, questions, calendar, credit, disclosures } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  const zoneHrefs = useZoneSwitchHrefs();
  const cancelled = session.status === "CANCELLED";
  const roles = ROLE_ORDER.map((role) => ({ role, people: session.speakers.filter((s) => s.role === role).map((s) => s.speaker) })).filter(
    (group) => group.people.length > 0,
  );

  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <div className="max-w-4xl">
        <p className="text-sm">
          <BackLink to={withTz(href.agenda(meeting.slug), { day: when.meetingDay })}>Program for this day</BackLink>
        </p>

        <article className="mt-3">
          <header>
            <div className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-600">
              {cancelled ? <CancelledBadge /> : null}
              <span>{KIND_LABELS[session.kind]}</span>
              {session.learningLevel ? <LevelBadge level={session.learningLevel} /> : null}
              {credit ? <CmeBadge quarters={credit.quarters} /> : null}
              {session.track && session.track.audience !== "EVERYONE" ? <span>· For {AUDIENCE_LABELS[session.track.audience].toLowerCase()}</span> : null}
            </div>
            <h1 className={`mt-2 text-2xl leading-tight font-bold tracking-tight sm:text-3xl ${cancelled ? "text-slate-600" : "text-slate-900"}`}>{session.title}</h1>
            {cancelled ? (
              <p role="status" className="mt-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 font-medium text-red-900">
                This session is cancelled and will not take place.
              </p>
            ) : null}
          </header>

          <dl className="mt-6 grid gap-x-6 gap-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 sm:p-5">
            <div>
              <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">When</dt>
              <dd className="mt-1 text-slate-900">
                <span className="block font-semibold">{when.date}</span>
                <time dateTime={new Date(session.startsAt).toISOString()} className="block text-lg font-semibold tabular-nums">
                  {when.time} <span className="text-base font-medium text-slate-600">{when.abbreviation}</span>
                </time>
                <span className="block text-sm text-slate-600">{zone.kind === "meeting" ? `Meeting time, ${zone.zone}` : zone.zone}</span>
                {when.meetingTime ? <span className="block text-sm text-slate-600">Meeting time: {when.meetingTime}</span> : null}
                <Link to={zone.kind === "meeting" ? zoneHrefs.local : zoneHrefs.meeting} className="mt-1 inline-block text-sm font-semibold text-brand-700 underline underline-offset-2">
                  {zone.kind === "meeting" ? "Show in my time zone" : "Show in meeting time"}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{session.room?.kind === "VIRTUAL_CHANNEL" ? "Channel" : "Room"}</dt>
              <dd className="mt-1 font-semibold text-slate-900">{session.room?.name ?? "To be announced"}</dd>
            </div>
            {session.track ? (
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Track</dt>
                <dd className="mt-1">
                  <TrackChip track={session.track} href={withTz(href.track(meeting.slug, session.track))} />
                </dd>
              </div>
            ) : null}
            {session.jointSociety ? (
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Joint session with</dt>
                <dd className="mt-1 text-slate-900">
                  {session.jointSociety.websiteUrl ? (
                    <a href={session.jointSociety.websiteUrl} className="font-semibold text-brand-700 underline underline-offset-2" rel="noreferrer">
                      {session.jointSociety.name} ({session.jointSociety.shortName})
                    </a>
                  ) : (
                    `${session.jointSociety.name} (${session.jointSociety.shortName})`
                  )}
                </dd>
              </div>
            ) : null}
            {session.capacity ? (
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Seats</dt>
                <dd className="mt-1 text-slate-900">{session.capacity}, ticketed</dd>
              </div>
            ) : null}
          </dl>

          {credit ? <CmeCredit credit={credit} /> : null}

          <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6">
            <ScheduleButton meetingSlug={meeting.slug} session={session} size="large" />
            {!cancelled ? <SessionCalendarLinks icsHref={calendar.ics} googleHref={calendar.google} /> : null}
          </div>

          {!cancelled ? (
            <div className="mt-4 flex flex-wrap gap-3">
              <Link to={href.live(meeting.slug, session)} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {session.streamUrl ? "Watch and ask" : "Ask questions live"}
              </Link>
              {session.streamUrl ? (
                <a href={session.streamUrl} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50" rel="noreferrer">
                  Watch the stream
                </a>
              ) : null}
              {session.recordingUrl ? (
                <a href={session.recordingUrl} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50" rel="noreferrer">
                  Watch the recording
                </a>
              ) : null}
            </div>
          ) : null}

          {session.description ? (
            <SessionAbout description={session.description} />
          ) : null}

          {roles.map(({ role, people }) => (
            <TitledSection key={role} id={`role-${role}`} title={people.length > 1 ? ROLE_LABELS[role].many : ROLE_LABELS[role].one} className="mt-8">
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {people.map((person) => (
                  <SpeakerCard key={person.slug} to={withTz(href.speaker(meeting.slug, person))} name={person.name} credentials={person.credentials}>
                    <p className="mt-0.5 text-sm text-slate-600">{[person.affiliation, person.country].filter(Boolean).join(" · ")}</p>
                  </SpeakerCard>
                ))}
              </ul>
            </TitledSection>
          ))}

          <PresentationList
            presentations={presentations.map((talk) => ({ ...talk, speaker: talk.speaker && { ...talk.speaker, href: withTz(href.speaker(meeting.slug, talk.speaker)) } }))}
          />

          {disclosures ? <DisclosureList people={disclosures} /> : null}

          <AudienceQuestions questions={questions} />
        </article>
      </div>
    </div>
  );
}

// Adding a session to My schedule changes the meeting frame's data, not this page's.
export { keepProgramOnScheduleChange as shouldRevalidate } from "~/components/schedule-button";

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
