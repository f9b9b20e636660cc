// The draft as attendees will see it after the next publish: the program of a
// day by start time, with rooms, tracks and speakers. Only organizers see it.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, StatusBanner } from "~/components/console";
import { TrackChip } from "~/components/track-chip";
import { CmeBadge } from "~/components/cme-credit";
import { designatedQuarters } from "~/models/cme/credit";
import { getDraft } from "~/models/program/draft.server";
import { KIND_LABELS } from "~/models/program/program";
import { dayKeyOf, daysBetween, formatDay, formatTime, formatTimeRange } from "~/utils/time";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { consoleMeta } from "~/components/console-meta";

export const meta = consoleMeta("Preview of the draft");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const zone = meeting.timeZone;
  const days = daysBetween(meeting.startsOn, meeting.endsOn);
  const requested = new URL(request.url).searchParams.get("day") ?? "";
  const day = days.includes(requested) ? requested : days[0]!;
  const draft = await getDraft(meeting.id);
  const tracks = new Map(draft.document.tracks.map((track) => [track.slug, track]));
  const names = new Map(draft.document.speakers.map((speaker) => [speaker.slug, speaker.name]));
  const sessions = draft.document.sessions
    .filter((session) => dayKeyOf(new Date(session.startsAt), zone) === day)
    .map((session) => ({
      slug: session.slug,
      startsAt: session.startsAt,
      title: session.title,
      time: formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), zone),
      room: session.room,
      kind: KIND_LABELS[session.kind],
      level: session.learningLevel,
      cancelled: session.status === "CANCELLED",
      credit: session.cmeAccredited ? designatedQuarters(session) : null,
      track: session.track ? { name: tracks.get(session.track)?.name ?? session.track, colour: tracks.get(session.track)?.colour ?? "#64748b" } : null,
      people: session.speakers.map((entry) => names.get(entry.speaker) ?? entry.speaker),
    }));
  const grouped: { time: string; sessions: typeof sessions }[] = [];
  for (const session of sessions) {
    const time = formatTime(new Date(session.startsAt), zone);
    const last = grouped[grouped.length - 1];
    if (last && last.time === time) last.sessions.push(session);
    else grouped.push({ time, sessions: [session] });
  }
  return { slug: meeting.slug, days, day, grouped };
}

export default function Preview() {
  const { slug, days, day, grouped } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title="Preview of the draft" intro="How the program will look after the next publish. Attendees cannot see this page.">
      <StatusBanner tone="info">
        This is the draft, not the public program.{" "}
        <Link to={href.organize.publish(slug)} className="font-semibold underline">
          Compare and publish
        </Link>
      </StatusBanner>
      <nav aria-label="Days" className="mt-4 flex flex-wrap gap-2">
        {days.map((key) => (
          <Link
            key={key}
            to={`?day=${key}`}
            aria-current={key === day ? "page" : undefined}
            className={`inline-block rounded-md px-3 py-1.5 text-sm font-semibold whitespace-nowrap ${key === day ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {formatDay(key, "short")}
          </Link>
        ))}
      </nav>
      <h2 className="mt-4 text-lg font-bold text-slate-900">{formatDay(day)}</h2>
      {grouped.length ? (
        <div className="mt-3 space-y-5">
          {grouped.map((slot) => (
            <section key={slot.time} aria-label={slot.time}>
              <h3 className="mb-2 text-sm font-semibold tracking-wide text-slate-600 uppercase tabular-nums">{slot.time}</h3>
              <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
                {slot.sessions.map((session) => (
                  <li key={session.slug} className={`px-4 py-3 ${session.cancelled ? "bg-slate-50" : ""}`}>
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                      <span className="font-semibold text-slate-900 tabular-nums">{session.time}</span>
                      {session.track ? <TrackChip track={session.track} /> : null}
                      <span className="text-slate-600">{session.room ?? "Room to be announced"}</span>
                    </div>
                    <p className={`mt-1 font-semibold ${session.cancelled ? "text-slate-600" : "text-brand-800"}`}>{session.title}</p>
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      {session.cancelled ? <Badge tone="red">Cancelled</Badge> : null}
                      <span>{session.kind}</span>
                      {session.level ? <Badge tone="brand">Level {session.level}</Badge> : null}
                      {session.credit !== null && !session.cancelled ? <CmeBadge quarters={session.credit} /> : null}
                    </div>
                    {session.people.length ? <p className="mt-1 text-sm text-slate-700">{session.people.join(", ")}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <p className="mt-3 text-slate-600">No sessions on this day in the draft.</p>
      )}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
