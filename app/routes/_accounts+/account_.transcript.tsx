// /account/transcript: every meeting's CME certificate of the signed-in
// person, the latest meeting first: the current certificate (credits, date
// issued, code, its PDF and its public verification page), and below it any
// certificate an amended claim superseded, marked as such.
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Badge, buttonLinkClass, linkClass, secondaryLinkClass } from "~/components/console";
import { PageError } from "~/components/forms";
import { certificateFacts, creditLine, issuedOnLabel } from "~/models/cme/certificates";
import { transcriptOf } from "~/models/cme/certificates.server";
import { requireUser } from "~/server/auth.server";
import { href } from "~/utils/href";

export const meta: MetaFunction = () => [{ title: "CME transcript · Meeting Platform" }];

// Personal page: no shared cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const transcript = await transcriptOf(user.id);
  return {
    meetings: transcript.map(({ meeting, current, superseded }) => ({
      meeting,
      current: { code: current.code, facts: certificateFacts(current.snapshot), pdf: href.certificatePdf(meeting.slug, current.code), verify: href.verifyCertificate(current.code) },
      superseded: superseded.map((record) => ({ code: record.code, issuedOn: issuedOnLabel(record.snapshot), credits: record.snapshot.credits.map(creditLine), verify: href.verifyCertificate(record.code) })),
    })),
  };
}

export default function Transcript() {
  const { meetings } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-12">
      <p className="text-sm">
        <Link to={href.account()} className={linkClass}>
          Your account
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">CME transcript</h1>
      <p className="mt-2 max-w-prose text-slate-700">
        Your certificates of continuing medical education, one per meeting. Anyone you show one to can confirm it with its verification code, without an account.
      </p>
      {meetings.length ? (
        <ul className="mt-6 space-y-5">
          {meetings.map(({ meeting, current, superseded }) => (
            <li key={meeting.slug}>
              <article aria-labelledby={`meeting-${meeting.slug}`} className="rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-sm sm:px-6">
                <h2 id={`meeting-${meeting.slug}`} className="text-lg font-semibold text-slate-900">
                  <Link to={href.myCme(meeting.slug)} className="underline-offset-2 hover:underline">
                    {meeting.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">
                  {meeting.dates} · {current.facts.place}
                </p>
                <div className="mt-3 flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{current.facts.title}</span>
                  {current.facts.amended ? <Badge tone="brand">{current.facts.amended}</Badge> : null}
                </div>
                <p className="mt-1 text-xl font-bold text-slate-900">{current.facts.credits[0]}</p>
                {current.facts.credits.slice(1).map((line) => (
                  <p key={line} className="text-sm text-slate-700">
                    {line}
                  </p>
                ))}
                <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  <div>
                    <dt className="inline text-slate-600">Issued: </dt>
                    <dd className="inline text-slate-900">{current.facts.issuedOn}</dd>
                  </div>
                  <div>
                    <dt className="inline text-slate-600">Verification code: </dt>
                    <dd className="inline font-mono font-semibold text-slate-900">{current.code}</dd>
                  </div>
                </dl>
                <div className="mt-4 flex flex-wrap gap-3">
                  {/* A file download: the browser fetches it itself, not the router. */}
                  <a href={current.pdf} className={buttonLinkClass} aria-label={`Download PDF: ${meeting.name}`}>
                    Download PDF
                  </a>
                  <Link to={current.verify} className={secondaryLinkClass} aria-label={`Verification page: ${meeting.name}`}>
                    Verification page
                  </Link>
                </div>
                {superseded.length ? (
                  <div className="mt-5 border-t border-slate-200 pt-3">
                    <h3 className="text-sm font-semibold text-slate-700">Superseded by your amended claim</h3>
                    <ul className="mt-1 space-y-1 text-sm text-slate-600">
                      {superseded.map((record) => (
                        <li key={record.code}>
                          <Badge>Superseded</Badge> Issued {record.issuedOn} · {record.credits.join(", ")} ·{" "}
                          <Link to={record.verify} className={linkClass}>
                            <span className="font-mono">{record.code}</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 max-w-prose rounded-lg border border-slate-200 bg-white px-4 py-3 text-slate-700">
          You have no CME certificates yet. After a meeting, claim your credit on the meeting&rsquo;s My CME page; its certificate is listed here.
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <PageError status={status} title="We could not show your transcript" message="Something went wrong on our side. Please try again in a moment." />;
}
