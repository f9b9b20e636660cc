// The author's abstract exactly as the book of abstracts will print it: the
// same component and the same author line the book uses.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AbstractText } from "~/components/abstract-text";
import { pageWidthClass } from "~/components/page-width";
import { printedSections, type PrintedAbstract } from "~/models/abstracts/printed";
import { requireMyAbstract } from "~/server/abstract-author.server";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Preview · ${data.meeting.name}` : "Preview" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, call, abstract } = await requireMyAbstract(request, params);
  const printed: PrintedAbstract = {
    number: abstract.number,
    title: abstract.title,
    topic: abstract.topic?.name ?? null,
    authors: abstract.authors,
    sections: printedSections(call.sections, abstract.body),
    keywords: abstract.keywords,
  };
  return { meeting: { slug: meeting.slug, name: meeting.name }, id: abstract.id, printed };
}

export default function AbstractPreview() {
  const { meeting, id, printed } = useLoaderData<typeof loader>();
  return (
    <div className={`${pageWidthClass} max-w-3xl px-4 py-6 sm:px-6 sm:py-8`}>
      <p>
        <Link to={href.abstract(meeting.slug, id)} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← Back to editing
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Preview as printed</h1>
      <p className="mt-1 text-slate-600">This is how the book of abstracts will print it{printed.number === null ? "; the number is given when you submit" : ""}.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <AbstractText abstract={printed} />
      </div>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
