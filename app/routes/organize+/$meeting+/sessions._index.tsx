// The draft's sessions, one day at a time, with what attendees do not see yet
// (new or changed since the last publish), each session's CME credit and its clashes.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge, ConsolePage, buttonLinkClass } from "~/components/console";
import { TrackChip } from "~/components/track-chip";
import { compareDraftWithPublished } from "~/models/program/draft.server";
import { KIND_LABELS } from "~/models/program/program";
import { clashesBySession, describeClash, findClashes } from "~/models/program/clashes";
import { isSessionChange } from "~/models/program/changes";
import { dayKeyOf, daysBetween, formatDay, formatTimeRange } from "~/utils/time";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { consoleMeta } from "~/components/console-meta";
import { counted } from "~/utils/plural";
import { designatedQuarters, formatCredits } from "~/models/cme/credit";

export const meta = consoleMeta("Sessions");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const url = new URL(request.url);
  const zone = meeting.timeZone;
  const days = daysBetween(meeting.startsOn, meeting.endsOn);
  const { draft, changes } = await compareDraftWithPublished(meeting.id);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 200);
  const requestedDay = url.searchParams.get("day") ?? "";
  const day = q ? "" : days.includes(requestedDay) ? requestedDay : requestedDay === "all" ? "" : (days[0] ?? "");
  const changed = new Map<string, string>();
  for (const change of changes) if (isSessionChange(change) && change.type !== "removed") changed.set(change.session, change.type === "added" ? "New" : "Changed");
  const clashes = clashesBySession(findClashes(draft.document, meeting));
  const tracks = new Map(draft.document.tracks.map((track) => [track.slug, track]));
  const needle = q.toLowerCase();
  const sessions = draft.document.sessions
    .filter((session) => (day ? dayKeyOf(new Date(session.startsAt), zone) === day : true))
    .filter((session) => (needle ? `${session.title} ${session.slug}`.toLowerCase().includes(needle) : true))
    .map((session) => ({
      slug: session.slug,
      title: session.title,
      day: dayKeyOf(new Date(session.startsAt), zone),
      time: formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), zone),
      room: session.room,
      track: session.track ? { name: tracks.get(session.track)?.name ?? session.track, colour: tracks.get(session.track)?.colour ?? "#64748b" } : null,
      kind: KIND_LABELS[session.kind],
      cancelled: session.status === "CANCELLED",
      speakers: session.speakers.length,
      // The credit it will be designated for, as attendees will see it once published.
      cme: session.cmeAccredited ? `CME ${formatCredits(designatedQuarters(session))}${session.saCme ? ", SA-CME" : ""}` : null,
      unpublished: changed.get(session.slug) ?? null,
      clashes: (clashes.get(session.slug) ?? []).map((clash) => describeClash(clash, session.slug)),
    }));
  const removed = changes.filter((change) => change.type === "removed").length;
  return { slug: meeting.slug, days, day, q, sessions, total: draft.document.sessions.length, removed };
}

export default function ConsoleSessions() {
  const { slug, days, day, q, sessions, total, removed } = useLoaderData<typeof loader>();
  const tab = (active: boolean) =>
    `inline-block rounded-md px-3 py-1.5 text-sm font-semibold whitespace-nowrap ${active ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`;
  return (
    <ConsolePage
      title="Sessions"
      intro={`${counted(total, "session")} in the draft.${removed ? ` ${removed} removed since the last publish.` : ""}`}
      actions={
        <Link to={href.organize.newSession(slug)} className={buttonLinkClass}>
          Add a session
        </Link>
      }
    >
      {/* The days wrap rather than scroll sideways on a phone; the search goes under them when both do not fit on one line. */}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Days" className="flex max-w-full flex-wrap gap-2">
          {days.map((key) => (
            <Link key={key} to={href.organize.sessions(slug, { day: key })} className={tab(key === day)} aria-current={key === day ? "page" : undefined}>
              {formatDay(key, "short")}
            </Link>
          ))}
          <Link to={href.organize.sessions(slug, { day: "all" })} className={tab(day === "" && !q)} aria-current={day === "" && !q ? "page" : undefined}>
            All days
          </Link>
        </nav>
        <Form method="get" role="search" className="flex w-full gap-2 sm:w-auto">
          <label htmlFor="session-search" className="sr-only">
            Find a session
          </label>
          <input
            id="session-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Find by title or address"
            className="w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 py-2 text-base shadow-sm sm:w-72"
          />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-semibold text-slate-800 hover:bg-slate-50">
            Find
          </button>
        </Form>
      </div>

      {sessions.length ? (
        <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
          {sessions.map((session) => (
            <li key={session.slug} className={`px-4 py-3 ${session.cancelled ? "bg-slate-50" : ""}`}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className="font-semibold text-slate-900 tabular-nums">
                  {day ? "" : `${formatDay(session.day, "short")}, `}
                  {session.time}
                </span>
                <span className="text-slate-600">{session.room ?? "Room to be announced"}</span>
                {session.track ? <TrackChip track={session.track} /> : null}
              </div>
              <h2 className="mt-1 text-base font-semibold">
                <Link to={href.organize.session(slug, session)} className={`underline-offset-2 hover:underline ${session.cancelled ? "text-slate-600" : "text-brand-800"}`}>
                  {session.title}
                </Link>
              </h2>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                {session.cancelled ? <Badge tone="red">Cancelled</Badge> : null}
                {session.unpublished ? <Badge tone="brand">{session.unpublished}, not published</Badge> : null}
                <span>{session.kind}</span>
                <span>
                  · {counted(session.speakers, "person", "people")}
                </span>
                {session.cme ? <span>· {session.cme}</span> : null}
              </div>
              {session.clashes.length ? (
                <ul className="mt-2 space-y-1 text-sm text-amber-950">
                  {session.clashes.map((clash) => (
                    <li key={clash} className="flex gap-1.5">
                      <span aria-hidden="true">⚠</span>
                      <span>
                        <span className="sr-only">Clash: </span>
                        {clash}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-slate-600">
          {q ? `No session matches “${q}”.` : "No sessions on this day yet."}
        </p>
      )}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
