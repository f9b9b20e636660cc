// The book of abstracts as one printable page: every published abstract, orals
// by their session in time order, posters by topic, and the author index.
// Printing starts each chapter on a new page and leaves the site's frame out.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { type ProgramHandle } from "./_layout";
import { BookAuthorIndex, BookChapterSection, BookContents } from "~/components/book-chapters";
import { pageWidthClass } from "~/components/page-width";
import { meetingBook } from "~/models/abstracts/book.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

export async function loader({ params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  return { slug: meeting.slug, book: await meetingBook(meeting) };
}

export const handle: ProgramHandle = { showsTimes: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Book of abstracts · ${data.book.meeting.name}` : "Book of abstracts" }];

export default function BookOfAbstracts() {
  const { slug, book } = useLoaderData<typeof loader>();
  return (
    <div className={`${pageWidthClass} space-y-8 px-4 py-6 sm:px-6 sm:py-8`}>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Book of abstracts</h1>
        <p className="text-slate-700">
          {book.meeting.name} · {book.meeting.dates}
        </p>
        <p className="no-print text-sm text-slate-600">
          {counted(book.count, "abstract")}.{" "}
          <a href={href.bookOfAbstractsPdf(slug)} className="font-semibold text-brand-700 underline underline-offset-2">
            Download the PDF
          </a>{" "}
          or print this page.
        </p>
      </header>
      {book.count === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">No abstracts have been published for this meeting yet.</p>
      ) : (
        <>
          <BookContents chapters={book.chapters} hasIndex={book.index.length > 0} />
          {book.chapters.map((chapter) => (
            <BookChapterSection key={chapter.id} chapter={chapter} />
          ))}
          <BookAuthorIndex index={book.index} />
        </>
      )}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
