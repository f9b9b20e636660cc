// The e-poster gallery: every published poster and e-poster, searchable by
// words (title, authors, institutions, keywords, text), a topic and a kind.
// A GET form, so it works without JavaScript and a search can be linked.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { type ProgramHandle } from "./_layout";
import { pageWidthClass } from "~/components/page-width";
import { PosterCard } from "~/components/poster-card";
import { FilterSelect, FindOrClear } from "~/components/program-filters";
import { callTopics, galleryPosters } from "~/models/abstracts/published.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

const KINDS = { poster: "POSTER", eposter: "EPOSTER" } as const;
const KIND_OPTIONS = [
  { value: "poster", label: "Posters" },
  { value: "eposter", label: "E-posters" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const search = new URL(request.url).searchParams;
  const topics = await callTopics(meeting.id);
  const q = (search.get("q") ?? "").trim().slice(0, 100);
  // An unknown topic or kind is ignored rather than refused: it is a filter, not a form.
  const topic = topics.some((row) => row.slug === search.get("topic")) ? (search.get("topic") ?? "") : "";
  const kindParam = search.get("kind") ?? "";
  const kind = kindParam in KINDS ? KINDS[kindParam as keyof typeof KINDS] : undefined;
  const { total, posters } = await galleryPosters(meeting.id, { q, topic: topic || undefined, kind });
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    query: { q, topic, kind: kind ? kindParam : "" },
    topics,
    total,
    posters: posters.map((poster) => ({ number: poster.number, title: poster.title, topic: poster.topic, kind: poster.kind, presenter: poster.presenter, file: poster.file && { contentType: poster.file.contentType }, board: poster.board })),
  };
}

export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Posters · ${data.meeting.name}` : "Posters" }];


export default function PosterGallery() {
  const { meeting, query, topics, total, posters } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.q || query.topic || query.kind);
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Posters</h1>
        <p className="text-sm text-slate-600" aria-live="polite">
          {filtered ? `${posters.length} of ${counted(total, "poster")}` : counted(total, "poster")}
        </p>
      </div>
      <p className="mt-1 text-sm">
        <Link to={href.bookOfAbstracts(meeting.slug)} className="font-semibold text-brand-700 underline underline-offset-2">
          The book of abstracts
        </Link>
      </p>

      <Form method="get" role="search" aria-label="Find posters" className="mt-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_14rem_10rem_auto] sm:items-end">
        <div>
          <label htmlFor="poster-q" className="block text-sm font-medium text-slate-800">
            Title, author, keyword or text
          </label>
          <input id="poster-q" type="search" name="q" defaultValue={query.q} maxLength={100} placeholder="e.g. radioembolization" className="mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base placeholder:text-slate-500" />
        </div>
        <FilterSelect id="poster-topic" name="topic" label="Topic" value={query.topic} all="All topics" options={topics.map((topic) => ({ value: topic.slug, label: topic.name }))} />
        <FilterSelect id="poster-kind" name="kind" label="Kind" value={query.kind} all="Both" options={KIND_OPTIONS} />
        <FindOrClear filtered={filtered} clearTo={href.posters(meeting.slug)} />
      </Form>

      {posters.length > 0 ? (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {posters.map((poster) => (
            <PosterCard key={poster.number} meeting={meeting.slug} poster={poster} />
          ))}
        </ul>
      ) : (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {total === 0 ? "No posters have been published for this meeting yet." : "No poster matches this search. Try fewer words, or another topic."}
        </p>
      )}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
