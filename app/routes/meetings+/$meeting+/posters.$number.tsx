// One poster: the abstract as it prints, the file (an image shown inline; a
// PDF as a link, since the CSP allows no <object> or frames), the board and
// the presenter's hours in the meeting's time zone, and the way back to the
// poster's topic in the gallery.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { type ProgramHandle } from "./_layout";
import { AbstractText } from "~/components/abstract-text";
import { pageWidthClass } from "~/components/page-width";
import { PosterFacts } from "~/components/poster-facts";
import { formatBytes } from "~/models/abstracts/published";
import { publishedPoster } from "~/models/abstracts/published.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { formatDate, formatTimeRange, zoneAbbreviation } from "~/utils/time";

export async function loader({ params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const number = /^\d{1,9}$/.test(params.number ?? "") ? Number(params.number) : NaN;
  const poster = await publishedPoster(meeting.id, number);
  if (!poster) throw new Response("There is no published poster with this number.", { status: 404 });
  const zone = meeting.timeZone;
  const hours = poster.presenterHours;
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    poster: {
      printed: { number: poster.number, title: poster.title, topic: poster.topic, authors: poster.authors, sections: poster.sections, keywords: poster.keywords },
      kind: poster.kind,
      topicSlug: poster.topicSlug,
      board: poster.board,
      hours: hours && `${formatDate(hours.startsAt, zone)}, ${formatTimeRange(hours.startsAt, hours.endsAt, zone)} ${zoneAbbreviation(zone, hours.startsAt)}`,
      file: poster.file && { image: poster.file.contentType.startsWith("image/"), size: formatBytes(poster.file.size) },
    },
  };
}

export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.poster.printed.number} ${data.poster.printed.title} · ${data.meeting.name}` : "Poster" }];

export default function PosterPage() {
  const { meeting, poster } = useLoaderData<typeof loader>();
  const fileUrl = href.posterFile(meeting.slug, poster.printed.number);
  return (
    <div className={`${pageWidthClass} space-y-6 px-4 py-6 sm:px-6 sm:py-8`}>
      <p className="text-sm">
        <Link to={href.posters(meeting.slug, poster.topicSlug ? { topic: poster.topicSlug } : undefined)} className="font-semibold text-brand-700 underline underline-offset-2">
          ← {poster.printed.topic ? `Posters in ${poster.printed.topic}` : "All posters"}
        </Link>
      </p>
      <h1 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{poster.kind === "EPOSTER" ? "E-poster" : "Poster"}</h1>
      <AbstractText abstract={poster.printed} />
      <section aria-labelledby="poster-where" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="poster-where" className="font-semibold text-slate-900">
          Meet the presenter
        </h2>
        <PosterFacts board={poster.board} hours={poster.hours} />
      </section>
      <section aria-labelledby="poster-file" className="space-y-3">
        <h2 id="poster-file" className="font-semibold text-slate-900">
          The poster
        </h2>
        {!poster.file ? (
          <p className="text-sm text-slate-700">The presenter has not uploaded the poster yet.</p>
        ) : poster.file.image ? (
          <a href={fileUrl} className="block">
            <img src={fileUrl} alt={`Poster ${poster.printed.number}: ${poster.printed.title}`} className="h-auto w-full rounded border border-slate-200" />
          </a>
        ) : (
          <a href={fileUrl} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Open the poster (PDF, {poster.file.size})
          </a>
        )}
      </section>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
