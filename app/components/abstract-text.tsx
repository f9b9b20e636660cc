// An abstract as it prints: number and title, the author line with
// institution superscripts (the presenting author underlined, as programs
// mark the presenter), the institutions, the structured sections and the
// keywords. The author's preview, the poster page and the book of abstracts
// all use it. `blind` leaves out authors and institutions, for reviewers.
import { affiliations, type PrintedAbstract } from "~/models/abstracts/printed";

export function AbstractText({ abstract, blind = false, headingLevel = 2 }: { abstract: PrintedAbstract; blind?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SectionHeading = headingLevel === 2 ? "h3" : "h4";
  const { places, numbers } = affiliations(abstract.authors);
  return (
    <article className="space-y-3 break-inside-avoid-page">
      <header className="space-y-1">
        <Heading className="text-lg font-semibold leading-snug text-slate-900">
          {abstract.number !== null && <span className="mr-2 text-slate-500">{abstract.number}</span>}
          {abstract.title || "Untitled abstract"}
        </Heading>
        {abstract.topic && <p className="text-sm text-slate-600">{abstract.topic}</p>}
        {!blind && abstract.authors.length > 0 && (
          <>
            <p className="text-sm text-slate-800">
              {abstract.authors.map((author, index) => (
                <span key={index}>
                  {index > 0 && ", "}
                  <span className={author.presenting ? "underline underline-offset-2" : undefined}>{author.name}</span>
                  <sup>{numbers[index]}</sup>
                </span>
              ))}
            </p>
            <ol className="text-xs text-slate-600">
              {places.map((place, index) => (
                <li key={place}>
                  <sup>{index + 1}</sup> {place}
                </li>
              ))}
            </ol>
          </>
        )}
      </header>
      {abstract.sections.map((section) => (
        <section key={section.title} className="space-y-1">
          <SectionHeading className="text-sm font-semibold text-slate-900">{section.title}</SectionHeading>
          <p className="whitespace-pre-line break-words text-sm leading-relaxed text-slate-800">{section.text || "—"}</p>
        </section>
      ))}
      {abstract.keywords.length > 0 && (
        <p className="text-xs text-slate-600">
          <span className="font-semibold">Keywords:</span> {abstract.keywords.join(", ")}
        </p>
      )}
    </article>
  );
}
