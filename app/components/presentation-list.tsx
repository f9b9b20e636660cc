// A session's presentations on its public page: in running order, each with its
// time, title, presenter (linked to their speaker page) and, for an abstract
// talk, "Abstract 123" with the abstract's text folded away in a <details>.
import { Link } from "@remix-run/react";
import { AbstractText } from "~/components/abstract-text";
import { TitledSection } from "~/components/titled-section";
import { type PrintedAbstract } from "~/models/abstracts/printed";

export type PresentationItem = {
  slug: string;
  title: string;
  /** "9:00–9:12 AM" in the zone the page shows. */
  time: string;
  speaker: { slug: string; name: string; href: string } | null;
  abstract: PrintedAbstract | null;
};

export function PresentationList({ presentations }: { presentations: PresentationItem[] }) {
  if (!presentations.length) return null;
  return (
    <TitledSection id="presentations" title="Presentations" className="mt-8">
      <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
        {presentations.map((talk) => (
          <li key={talk.slug} className="px-4 py-3">
            <p className="text-sm font-semibold text-slate-600 tabular-nums">{talk.time}</p>
            <p className="mt-0.5 font-semibold text-slate-900">{talk.title}</p>
            <p className="mt-0.5 text-sm text-slate-700">
              {talk.speaker ? (
                <Link to={talk.speaker.href} className="text-brand-800 underline-offset-2 hover:underline">
                  {talk.speaker.name}
                </Link>
              ) : (
                "Presenter to be announced"
              )}
              {talk.abstract?.number ? <span className="text-slate-600"> · Abstract {talk.abstract.number}</span> : null}
            </p>
            {talk.abstract ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-semibold text-brand-800">Read abstract {talk.abstract.number ?? ""}</summary>
                <div className="mt-2">
                  <AbstractText abstract={talk.abstract} headingLevel={3} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </TitledSection>
  );
}
