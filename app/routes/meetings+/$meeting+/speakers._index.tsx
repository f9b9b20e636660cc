// The speaker directory: everyone on the program, by surname, filterable by
// country and searchable by name (a GET form, so it works without JavaScript).
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { type ProgramHandle } from "./_layout";
import { pageWidthClass } from "~/components/page-width";
import { FilterSelect, FindOrClear, IgnoredParamsNote, ProgramFilterForm } from "~/components/program-filters";
import { useProgramHref } from "~/components/program-links";
import { SpeakerCard } from "~/components/speaker-card";
import { requireMeeting } from "~/server/meeting-page.server";
import { href, withQuery } from "~/utils/href";
import { counted } from "~/utils/plural";
import { parseSpeakerQuery } from "~/models/program/program";
import { listSpeakerCountries, listSpeakers } from "~/models/program/speaker.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const searchParams = new URL(request.url).searchParams;
  const countries = await listSpeakerCountries(meeting.id);
  const { query, ignored } = parseSpeakerQuery(
    searchParams,
    countries.map((row) => row.country),
  );
  const speakers = await listSpeakers(meeting.id, query);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    query,
    ignored,
    countries,
    total: countries.reduce((sum, row) => sum + row.speakers, 0),
    speakers: speakers.map((speaker) => ({
      slug: speaker.slug,
      name: speaker.name,
      credentials: speaker.credentials,
      affiliation: speaker.affiliation,
      place: [speaker.city, speaker.country].filter(Boolean).join(", "),
      sessions: speaker._count.sessions,
    })),
    tz: searchParams.get("tz"),
  };
}

export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Speakers · ${data.meeting.name}` : "Speakers" }];

export default function SpeakersPage() {
  const { meeting, query, ignored, countries, total, speakers, tz } = useLoaderData<typeof loader>();
  const withTz = useProgramHref();
  const filtered = Boolean(query.country || query.q);
  const base = href.speakers(meeting.slug);

  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Speakers</h1>
        {/* Focus lands here after a search (ProgramFilterForm), so a screen reader hears how many were found. */}
        <p id="speaker-results" tabIndex={-1} className="text-sm text-slate-600 focus:outline-none">
          {filtered ? `${speakers.length} of ${counted(total, "speaker")}` : `${counted(total, "speaker")} from ${counted(countries.length, "country", "countries")}`}
        </p>
      </div>

      <IgnoredParamsNote ignored={ignored} />

      <ProgramFilterForm
        key={withQuery("", query)}
        label="Find speakers"
        resultsId="speaker-results"
        className="mt-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_16rem_auto] sm:items-end"
      >
        {tz ? <input type="hidden" name="tz" value={tz} /> : null}
        <div>
          <label htmlFor="speaker-q" className="block text-sm font-medium text-slate-800">
            Name
          </label>
          <input
            id="speaker-q"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={100}
            placeholder="e.g. Lammer"
            className="mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base placeholder:text-slate-500"
          />
        </div>
        <FilterSelect
          id="speaker-country"
          name="country"
          label="Country"
          value={query.country}
          all="All countries"
          options={countries.map((row) => ({ value: row.country, label: `${row.country} (${row.speakers})` }))}
        />
        <FindOrClear filtered={filtered} clearTo={withTz(base)} resultsId="speaker-results" />
      </ProgramFilterForm>

      {speakers.length ? (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {speakers.map((speaker) => (
            <SpeakerCard key={speaker.slug} to={withTz(href.speaker(meeting.slug, speaker))} name={speaker.name} credentials={speaker.credentials}>
              {speaker.affiliation ? <p className="mt-0.5 text-sm text-slate-700">{speaker.affiliation}</p> : null}
              <p className="mt-0.5 text-sm text-slate-600">
                {speaker.place}
                {speaker.place ? " · " : ""}
                {counted(speaker.sessions, "session")}
              </p>
            </SpeakerCard>
          ))}
        </ul>
      ) : (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center">
          <p className="text-lg font-semibold text-slate-900">No speakers match.</p>
          <Link to={withTz(base)} className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Show all speakers
          </Link>
        </div>
      )}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
