// A speaker: who they are and where they speak at the meeting, including the
// talks they present inside sessions.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { SessionRows } from "~/components/session-list";
import { ROLE_LABELS } from "~/models/program/program";
import { getSpeaker } from "~/models/program/speaker.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { formatTime, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";
import { BackLink } from "~/components/back-link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const speaker = await getSpeaker(meeting.id, params.speaker ?? "");
  if (!speaker) throw new Response(`${meeting.name} has no speaker at this address. The speaker directory lists everyone on the program.`, { status: 404 });
  // One row per session, with every role the speaker has in it.
  const sessions = new Map<string, { session: (typeof speaker.sessions)[number]["session"]; roles: string[]; talks: string[] }>();
  for (const { role, session } of speaker.sessions) {
    const entry = sessions.get(session.id) ?? { session, roles: [], talks: [] };
    entry.roles.push(ROLE_LABELS[role].one);
    sessions.set(session.id, entry);
  }
  const zone = zoneViewFor(request, meeting);
  for (const talk of speaker.presentations) {
    const entry = sessions.get(talk.session.id) ?? { session: talk.session, roles: [], talks: [] };
    entry.talks.push(`Presents “${talk.title}” at ${formatTime(talk.startsAt, zone.zone)}${talk.abstract?.number ? ` (Abstract ${talk.abstract.number})` : ""}`);
    sessions.set(talk.session.id, entry);
  }
  const ordered = [...sessions.values()].sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    speaker: { name: speaker.name, credentials: speaker.credentials, affiliation: speaker.affiliation, city: speaker.city, country: speaker.country, bio: speaker.bio },
    sessions: ordered.map(({ session, roles, talks }) => ({ ...session, roles: [roles.join(" and "), ...talks].filter(Boolean).join("; ") })),
    zone,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.speaker.name} · ${data.meeting.name}` : "Speaker not found" }];

export default function SpeakerPage() {
  const { meeting, speaker, sessions, zone } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  const rolesById = new Map(sessions.map((session) => [session.id, session.roles]));
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <div className="max-w-4xl">
        <p className="text-sm">
          <BackLink to={withTz(href.speakers(meeting.slug))}>All speakers</BackLink>
        </p>
        <header className="mt-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
            {speaker.name}
            {speaker.credentials ? <span className="text-xl font-semibold text-slate-600 sm:text-2xl">, {speaker.credentials}</span> : null}
          </h1>
          {speaker.affiliation ? <p className="mt-2 text-lg text-slate-800">{speaker.affiliation}</p> : null}
          <p className="mt-1 text-slate-600">{[speaker.city, speaker.country].filter(Boolean).join(", ")}</p>
        </header>
        {speaker.bio ? <p className="mt-5 max-w-prose leading-relaxed whitespace-pre-line text-slate-800">{speaker.bio}</p> : null}

        <section aria-labelledby="speaker-sessions" className="mt-8">
          <h2 id="speaker-sessions" className="text-lg font-bold text-slate-900">
            {sessions.length === 1 ? "Session" : `Sessions (${sessions.length})`}
          </h2>
          {sessions.length ? (
            <div className="mt-3">
              <SessionRows meetingSlug={meeting.slug} sessions={sessions} zone={zone.zone} showDay note={(session) => rolesById.get(session.id)} />
            </div>
          ) : (
            <p className="mt-2 text-slate-700">Not on the program yet.</p>
          )}
        </section>
      </div>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
