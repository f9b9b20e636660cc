// A reviewer's queue: the abstracts assigned to them, blind (number, title,
// topic and where their review stands), and how far along they are. The
// loader reads nothing about authors (see review.server.ts).
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, OutcomeBanner } from "~/components/console";
import { pageWidthClass } from "~/components/page-width";
import { REVIEW_STATUS_LABELS } from "~/models/abstracts/review-form";
import { myReviewQueue } from "~/models/abstracts/review.server";
import { requireReviewer } from "~/server/reviewer.server";
import { href } from "~/utils/href";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `My reviews · ${data.meeting.name}` : "My reviews" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const DONE: Record<string, string> = { draft: "Draft saved. Submit the review when every criterion is scored.", submitted: "Review submitted. Thank you.", conflict: "Conflict declared: the abstract has left your list and the chairs will reassign it." };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireReviewer(request, params);
  const queue = await myReviewQueue(user.id, meeting.id);
  const done = new URL(request.url).searchParams.get("done") ?? "";
  return { meeting: { slug: meeting.slug, name: meeting.name }, ...queue, thanks: DONE[done] ?? null };
}

const TONES = { "not-started": "amber", draft: "brand", submitted: "emerald" } as const;

export default function MyReviews() {
  const { meeting, assignments, done, total, thanks } = useLoaderData<typeof loader>();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">My reviews</h1>
      <OutcomeBanner outcome={thanks ? { ok: true, message: thanks } : null} />
      <p className="mt-2 max-w-prose text-slate-700">
        {total ? (
          <>
            <strong>
              {done} of {total}
            </strong>{" "}
            reviewed for {meeting.name}. Review is blind: you see each abstract&rsquo;s title, topic and text, never its authors.
          </>
        ) : (
          <>No abstracts are assigned to you yet for {meeting.name}. You will get an e-mail when they are.</>
        )}
      </p>
      {total ? (
        <div className="mt-3 h-2 max-w-prose overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Reviews done" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
          <div className={`h-full bg-emerald-600 ${widthClass(done, total)}`} />
        </div>
      ) : null}
      {assignments.length ? (
        <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
          {assignments.map((row) => (
            <li key={row.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 sm:px-5">
              <div className="min-w-0 flex-1">
                <h2 className="font-semibold text-slate-900">
                  <Link to={href.review(meeting.slug, row.id)} className="underline-offset-2 hover:underline">
                    {row.number !== null ? <span className="mr-2 text-slate-500">{row.number}</span> : null}
                    {row.title || "Untitled abstract"}
                  </Link>
                </h2>
                {row.topic ? <p className="text-sm text-slate-600">{row.topic}</p> : null}
              </div>
              <Badge tone={TONES[row.status]}>{REVIEW_STATUS_LABELS[row.status]}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// CSP forbids style attributes: the bar's width in twelfths, as Tailwind classes.
const WIDTHS = ["w-0", "w-1/12", "w-2/12", "w-3/12", "w-4/12", "w-5/12", "w-6/12", "w-7/12", "w-8/12", "w-9/12", "w-10/12", "w-11/12", "w-full"];
function widthClass(done: number, total: number) {
  return WIDTHS[Math.round((done / total) * 12)] ?? "w-0";
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
