// The book of abstracts on screen and on paper: contents, one chapter per
// oral session and per poster topic (each starting a new printed page), and
// the author index. The same view the PDF is drawn from.
import { AbstractText } from "~/components/abstract-text";
import { TitledSection } from "~/components/titled-section";
import { indexLine } from "~/models/abstracts/book";
import type { BookChapter } from "~/models/abstracts/book";
import type { IndexEntry } from "~/models/abstracts/book";

export function BookContents({ chapters, hasIndex }: { chapters: BookChapter[]; hasIndex: boolean }) {
  return (
    <TitledSection as="nav" id="book-contents" title="Contents" className="rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0" headingClassName="text-lg font-semibold text-slate-900">
      <ol className="mt-2 space-y-1 text-sm">
        {chapters.map((chapter) => (
          <li key={chapter.id}>
            <a href={`#${chapter.id}`} className="text-brand-700 underline underline-offset-2">
              {chapter.title}
            </a>{" "}
            <span className="text-slate-600">— {chapter.subtitle}</span>
          </li>
        ))}
        {hasIndex && (
          <li>
            <a href="#author-index" className="text-brand-700 underline underline-offset-2">
              Author index
            </a>
          </li>
        )}
      </ol>
    </TitledSection>
  );
}

export function BookChapterSection({ chapter }: { chapter: BookChapter }) {
  return (
    <section aria-labelledby={chapter.id} className="space-y-6 print:break-before-page">
      <header className="border-b border-slate-300 pb-2">
        <h2 id={chapter.id} className="text-xl font-bold text-slate-900">
          {chapter.title}
        </h2>
        <p className="text-sm text-slate-600">{chapter.subtitle}</p>
      </header>
      {chapter.entries.map((entry) => (
        <div key={entry.abstract.number} className="space-y-1">
          {entry.when && <p className="text-sm font-semibold text-brand-800">{entry.when}</p>}
          <AbstractText abstract={entry.abstract} headingLevel={3} />
        </div>
      ))}
    </section>
  );
}

export function BookAuthorIndex({ index }: { index: IndexEntry[] }) {
  return (
    <section aria-labelledby="author-index" className="space-y-2 print:break-before-page">
      <h2 id="author-index" className="border-b border-slate-300 pb-2 text-xl font-bold text-slate-900">
        Author index
      </h2>
      <p className="text-sm text-slate-600">Numbers are abstract numbers.</p>
      <ul className="columns-1 gap-8 text-sm sm:columns-2">
        {index.map((entry) => (
          <li key={entry.name} className="break-inside-avoid">
            {indexLine(entry)}
          </li>
        ))}
      </ul>
    </section>
  );
}
