// The program, one day at a time, with filters and search. A search covers the
// whole meeting: its matches from every day, under a heading per day, until a
// day is chosen to narrow it. Everything is in the URL (a GET form), so it works
// without JavaScript, can be bookmarked and shared, and is cached per URL.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { NowAndNext } from "~/components/now-next";
import { pageWidthClass } from "~/components/page-width";
import { FilterSelect, focusResultsState, IgnoredParamsNote, ProgramFilterForm } from "~/components/program-filters";
import type { SessionKind, TrackAudience } from "~/generated/prisma/enums";
import { useProgramHref } from "~/components/program-links";
import { requireMeeting } from "~/server/meeting-page.server";
import { href, withQuery } from "~/utils/href";
import { SessionsByDay } from "~/components/session-list";
import { getAgenda, getNowAndNext, getProgramFacets } from "~/models/program/agenda.server";
import { isDuringMeeting, listTracks, meetingDays, programNow } from "~/models/meetings/meeting.server";
import { AUDIENCE_LABELS, AUDIENCE_PARAMS, KIND_LABELS, KIND_PARAMS, parseAgendaQuery, SEARCH_MAX_LENGTH, type AgendaQuery } from "~/models/program/program";
import { counted, plural } from "~/utils/plural";
import { AMA_PRA_CREDIT } from "~/models/cme/designation";
import { dayKeyOf, formatDay, zoneViewFor } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const searchParams = new URL(request.url).searchParams;
  const days = meetingDays(meeting);
  const [tracks, facets] = await Promise.all([listTracks(meeting.id), getProgramFacets(meeting.id)]);
  const { query, ignored } = parseAgendaQuery(searchParams, { days, trackSlugs: tracks.map((track) => track.slug) });
  const now = programNow(searchParams);
  const today = dayKeyOf(now, meeting.timeZone);
  // A search without a day covers every day; otherwise one day: today while the meeting runs, else its first.
  const day = query.day ?? (query.q ? null : days.includes(today) ? today : days[0]!);
  const during = isDuringMeeting(meeting, now);
  const [{ sessions, matchesByDay }, nowAndNext] = await Promise.all([
    getAgenda(meeting, day, query),
    during && !query.day && !query.q ? getNowAndNext(meeting.id, now) : null,
  ]);
  // Under the meeting's days, as the day tabs count them, whatever zone the times are shown in.
  const byDay = new Map<string, typeof sessions>();
  for (const session of sessions) {
    const key = day ?? dayKeyOf(session.startsAt, meeting.timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), session]);
  }
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    day,
    days: days.map((key) => ({ day: key, matches: matchesByDay.get(key) ?? 0 })),
    query,
    filtered: Boolean(query.track || query.audience || query.kind || query.level || query.q || query.cme),
    ignored,
    tracks: tracks.map((track) => ({ slug: track.slug, name: track.name, colour: track.colour })),
    audiences: [...new Set(tracks.map((track) => track.audience))],
    facets,
    results: [...byDay.entries()].map(([key, daySessions]) => ({ day: key, sessions: daySessions })),
    total: sessions.length,
    matchesInMeeting: [...matchesByDay.values()].reduce((sum, count) => sum + count, 0),
    nowAndNext,
    zone: zoneViewFor(request, meeting),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: !data
      ? "Program not found"
      : data.day
        ? `Program, ${formatDay(data.day)} · ${data.meeting.name}`
        : `Program, search for “${data.query.q}” · ${data.meeting.name}`,
  },
];

// Every audience and kind has its parameter, so the reversed tables are total.
const AUDIENCE_PARAM_OF = Object.fromEntries(Object.entries(AUDIENCE_PARAMS).map(([param, audience]) => [audience, param])) as Record<TrackAudience, string>;
const KIND_PARAM_OF = Object.fromEntries(Object.entries(KIND_PARAMS).map(([param, kind]) => [kind, param])) as Record<SessionKind, string>;

/** The line that sums up what the page shows; it takes focus after a search, so a screen reader hears it first. */
const RESULTS_ID = "agenda-results";

/** "14 sessions match “lammer”, on 2 days." and its day-by-day kin. */
function resultsSummary({ day, total, query, filtered, matchesInMeeting, daysWithMatches }: {
  day: string | null;
  total: number;
  query: AgendaQuery;
  filtered: boolean;
  matchesInMeeting: number;
  daysWithMatches: number;
}): string {
  if (!day) {
    if (!total) return `No session matches “${query.q}” on any day.`;
    return `${counted(total, "session")} ${plural(total, "matches", "match")} “${query.q}”, on ${counted(daysWithMatches, "day")}.`;
  }
  if (query.q) return `${counted(total, "session")} on ${formatDay(day)} ${plural(total, "matches", "match")} “${query.q}” (${matchesInMeeting} in the whole meeting).`;
  if (filtered) return `${counted(total, "session")} ${plural(total, "matches", "match")} on ${formatDay(day)}.`;
  return `${counted(total, "session")} on ${formatDay(day)}.`;
}

export default function AgendaPage() {
  const { meeting, day, days, query, filtered, ignored, tracks, audiences, facets, results, total, matchesInMeeting, nowAndNext, zone } =
    useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  const base = href.agenda(meeting.slug);
  const filters: AgendaQuery = { track: query.track, audience: query.audience, kind: query.kind, level: query.level, q: query.q, cme: query.cme };
  const otherDays = days.filter((d) => d.day !== day && d.matches > 0);
  const clearHref = withTz(base, { day: day ?? undefined });
  const focusResults = focusResultsState(RESULTS_ID);
  const summary = resultsSummary({ day, total, query, filtered, matchesInMeeting, daysWithMatches: days.filter((d) => d.matches > 0).length });

  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Program</h1>

      <IgnoredParamsNote ignored={ignored} />

      {nowAndNext ? (
        <div className="mt-5">
          <NowAndNext meetingSlug={meeting.slug} current={nowAndNext.current} next={nowAndNext.next} zone={zone.zone} />
        </div>
      ) : null}

      {/* Wrapped rather than a sideways strip: on a phone every day stays in sight. */}
      <nav aria-label="Days" className="mt-5">
        <ul className="flex flex-wrap gap-2">
          {/* A search starts on every day; this tab comes back to it from a day. */}
          {query.q ? (
            <DayTab to={withTz(base, filters)} current={day === null} label="All days" count={counted(matchesInMeeting, "match", "matches")} />
          ) : null}
          {days.map(({ day: key, matches }) => (
            <DayTab
              key={key}
              to={withTz(base, { ...filters, day: key })}
              current={key === day}
              label={formatDay(key, "short")}
              count={filtered ? counted(matches, "match", "matches") : counted(matches, "session")}
            />
          ))}
        </ul>
      </nav>

      <AgendaFilters
        day={day}
        query={query}
        tz={zone.kind === "meeting" ? null : zone.kind === "local" ? "local" : zone.zone}
        tracks={tracks}
        audiences={audiences}
        kinds={facets.kinds}
        levels={facets.levels}
        clearHref={clearHref}
        filtered={filtered}
      />

      <p id={RESULTS_ID} tabIndex={-1} className="mt-6 text-sm font-medium text-slate-700 focus:outline-none">
        {summary}
      </p>

      <div className="mt-3 space-y-10">
        <SessionsByDay meetingSlug={meeting.slug} days={results} zone={zone.zone} />
        {total === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center">
            <p className="text-lg font-semibold text-slate-900">
              {!day ? `No session on any day matches “${query.q}”.` : filtered ? `No sessions on ${formatDay(day)} match.` : `No sessions on ${formatDay(day)}.`}
            </p>
            {day && otherDays.length ? (
              <p className="mt-2 text-slate-700">
                Matches on other days:{" "}
                {otherDays.map((d, index) => (
                  <span key={d.day}>
                    {index ? ", " : ""}
                    <Link to={withTz(base, { ...filters, day: d.day })} className="font-semibold text-brand-700 underline underline-offset-2">
                      {formatDay(d.day, "short")} ({d.matches})
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
            {filtered ? (
              <Link to={clearHref} state={focusResults} className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                Clear filters
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function DayTab({ to, current, label, count }: { to: string; current: boolean; label: string; count: string }) {
  return (
    <li>
      <Link
        to={to}
        aria-current={current ? "page" : undefined}
        className={`block rounded-lg border px-3 py-2 text-center text-sm leading-tight ${
          current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"
        }`}
      >
        <span className="block font-semibold">{label}</span>
        <span className={`block text-xs ${current ? "text-brand-50" : "text-slate-600"}`}>{count}</span>
      </Link>
    </li>
  );
}

type FiltersProps = {
  /** The day shown, or null for a search over every day. */
  day: string | null;
  query: AgendaQuery;
  tz: string | null;
  tracks: { slug: string; name: string }[];
  audiences: (keyof typeof AUDIENCE_LABELS)[];
  kinds: (keyof typeof KIND_LABELS)[];
  levels: number[];
  clearHref: string;
  filtered: boolean;
};

/**
 * The search box and the filters. Which day a submission keeps depends on the
 * button: "Search" (also Enter in the box, the form's first button) sends no
 * day, so a new search covers the whole meeting; "Apply filters" keeps the day
 * shown (none while every day is). The button's name and value do it, so it
 * works without JavaScript too.
 */
function AgendaFilters({ day, query, tz, tracks, audiences, kinds, levels, clearHref, filtered }: FiltersProps) {
  const navigation = useNavigation();
  const pending = navigation.state === "loading" && navigation.location.pathname.endsWith("/agenda") ? navigation.formData : undefined;
  const searching = pending !== undefined && !pending.has("day");
  // The key resets the uncontrolled fields when the URL changes (a day tab, "Clear filters").
  const formKey = withQuery("", { ...query, day });
  return (
    <ProgramFilterForm key={formKey} label="Filter the program" resultsId={RESULTS_ID} className="mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      {tz ? <input type="hidden" name="tz" value={tz} /> : null}
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
        <div className="flex-1">
          <label htmlFor="agenda-q" className="block text-sm font-medium text-slate-800">
            Search sessions and speakers
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="agenda-q"
              type="search"
              name="q"
              defaultValue={query.q ?? ""}
              maxLength={SEARCH_MAX_LENGTH}
              placeholder="e.g. embolization, Dotter, Lammer"
              aria-describedby="agenda-q-hint"
              className="block w-full min-w-0 rounded-md border border-slate-500 bg-white px-3 py-2 text-base placeholder:text-slate-500"
            />
            <button type="submit" className="shrink-0 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {searching ? "Searching…" : "Search"}
            </button>
          </div>
          <p id="agenda-q-hint" className="mt-1 text-xs text-slate-600">
            Searches every day of the meeting; choose a day above to narrow the results.
          </p>
        </div>
      </div>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <FilterSelect id="agenda-track" name="track" label="Track" value={query.track} all="All tracks" options={tracks.map((track) => ({ value: track.slug, label: track.name }))} />
        {/* Only meetings with programs for a particular audience get the audience filter. */}
        {audiences.some((audience) => audience !== "EVERYONE") ? (
          <FilterSelect
            id="agenda-audience"
            name="audience"
            label="Audience"
            value={query.audience}
            all="Everyone"
            options={audiences.filter((audience) => audience !== "EVERYONE").map((audience) => ({ value: AUDIENCE_PARAM_OF[audience], label: AUDIENCE_LABELS[audience] }))}
          />
        ) : null}
        <FilterSelect id="agenda-kind" name="kind" label="Kind" value={query.kind} all="All kinds" options={kinds.map((kind) => ({ value: KIND_PARAM_OF[kind], label: KIND_LABELS[kind] }))} />
        {levels.length ? (
          <FilterSelect
            id="agenda-level"
            name="level"
            label="Learning level"
            value={query.level ? String(query.level) : undefined}
            all="All levels"
            options={levels.map((level) => ({ value: String(level), label: `Level ${level}` }))}
          />
        ) : null}
      </div>
      <div className="mt-3 flex items-center gap-2">
        <input id="agenda-cme" type="checkbox" name="cme" value="1" defaultChecked={query.cme === "1"} className="h-4 w-4 accent-brand-700" />
        <label htmlFor="agenda-cme" className="text-sm font-medium text-slate-800">
          CME credit: only sessions accredited for {AMA_PRA_CREDIT}
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <button
          type="submit"
          name="day"
          value={day ?? ""}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold text-slate-800 hover:bg-slate-50"
        >
          {pending && !searching ? "Applying…" : "Apply filters"}
        </button>
        {filtered ? (
          <Link to={clearHref} state={focusResultsState(RESULTS_ID)} className="font-semibold text-brand-700 underline underline-offset-2">
            Clear filters
          </Link>
        ) : null}
      </div>
    </ProgramFilterForm>
  );
}

// Adding a session to My schedule changes the meeting frame's data, not this page's.
export { keepProgramOnScheduleChange as shouldRevalidate } from "~/components/schedule-button";

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
