// The call for abstracts as authors meet it: its dates in the meeting's zone,
// the guidelines and topics, a button to start an abstract while the call is
// open, and the signed-in person's own abstracts with their status, number
// and, once decisions are sent, the decision with what to do next.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge, buttonLinkClass, StatusBanner } from "~/components/console";
import { pageWidthClass } from "~/components/page-width";
import { ruledHeadingClass, TitledSection } from "~/components/titled-section";
import { callForAuthors, myAbstracts } from "~/models/abstracts/submission.server";
import { writingWindow } from "~/models/abstracts/window";
import { getUser, loginUrlFor } from "~/server/auth.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { href } from "~/utils/href";
import { formatMoment } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Call for abstracts · ${data.meeting.name}` : "Call for abstracts" }];

const DECISIONS = { ORAL: "Accepted for oral presentation", POSTER: "Accepted as a poster", EPOSTER: "Accepted as an e-poster", REJECT: "Not accepted" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const call = await callForAuthors(meeting.id);
  if (!call) throw new Response(`${meeting.name} has no call for abstracts.`, { status: 404 });
  const user = await getUser(request);
  const zone = meeting.timeZone;
  const window = writingWindow(call, zone, new Date());
  const mine = user ? await myAbstracts(user.id, call.id) : [];
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    call: {
      opensAt: formatMoment(call.opensAt, zone),
      closesAt: formatMoment(call.closesAt, zone),
      lateBreaking: call.lateBreakingOpensAt && call.lateBreakingClosesAt ? { opensAt: formatMoment(call.lateBreakingOpensAt, zone), closesAt: formatMoment(call.lateBreakingClosesAt, zone) } : null,
      guidelines: call.guidelines,
      topics: call.topics.map((topic) => topic.name),
      maxAuthors: call.maxAuthors,
    },
    open: window.ok,
    lateBreakingNow: window.ok && window.lateBreaking,
    closedMessage: window.ok ? null : window.message,
    signInUrl: user ? null : loginUrlFor(request),
    abstracts: mine.map((abstract) => ({
      id: abstract.id,
      number: abstract.number,
      title: abstract.title || "Untitled abstract",
      status: abstract.status,
      lateBreaking: abstract.lateBreaking,
      decision: abstract.notifiedAt && abstract.decision ? abstract.decision : null,
      poster: abstract.notifiedAt && (abstract.decision === "POSTER" || abstract.decision === "EPOSTER"),
    })),
  };
}

export default function CallForAbstracts() {
  const { meeting, call, open, lateBreakingNow, closedMessage, signInUrl, abstracts } = useLoaderData<typeof loader>();
  return (
    <div className={`${pageWidthClass} max-w-3xl px-4 py-6 sm:px-6 sm:py-8`}>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Call for abstracts</h1>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Opens</dt>
        <dd>{call.opensAt}</dd>
        <dt className="font-semibold">Deadline</dt>
        <dd>{call.closesAt}</dd>
        {call.lateBreaking ? (
          <>
            <dt className="font-semibold">Late-breaking</dt>
            <dd>
              {call.lateBreaking.opensAt} to {call.lateBreaking.closesAt}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="mt-4">
        {closedMessage ? <StatusBanner tone="info">{closedMessage}</StatusBanner> : null}
        {lateBreakingNow ? <StatusBanner tone="info">The late-breaking window is open: abstracts started or submitted now are late-breaking.</StatusBanner> : null}
      </div>
      {open ? (
        signInUrl ? (
          <p className="mt-4">
            <Link to={signInUrl} className={buttonLinkClass}>
              Sign in to submit an abstract
            </Link>
          </p>
        ) : (
          <Form method="post" action={href.newAbstract(meeting.slug)} className="mt-4">
            <button type="submit" className={buttonLinkClass}>
              Start an abstract
            </button>
          </Form>
        )
      ) : null}

      {!signInUrl ? (
        <TitledSection id="mine" title="My abstracts" className="mt-8" headingClassName={ruledHeadingClass}>
          {abstracts.length ? (
            <ul className="mt-3 divide-y divide-slate-200">
              {abstracts.map((abstract) => (
                <li key={abstract.id} className="space-y-1 py-3">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link to={href.abstract(meeting.slug, abstract.id)} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                      {abstract.number ? `${abstract.number}. ` : ""}
                      {abstract.title}
                    </Link>
                    <Badge tone={abstract.status === "SUBMITTED" ? "emerald" : abstract.status === "WITHDRAWN" ? "red" : "amber"}>{abstract.status === "SUBMITTED" ? "Submitted" : abstract.status === "WITHDRAWN" ? "Withdrawn" : "Draft"}</Badge>
                    {abstract.lateBreaking ? <Badge tone="brand">Late-breaking</Badge> : null}
                  </p>
                  {abstract.decision ? (
                    <p className="text-slate-800">
                      {DECISIONS[abstract.decision]}
                      {abstract.decision !== "REJECT" ? (
                        <>
                          {" · "}
                          <Link to={href.abstractConfirm(meeting.slug, abstract.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                            Confirm the presenter
                          </Link>
                        </>
                      ) : null}
                      {abstract.poster ? (
                        <>
                          {" · "}
                          <Link to={href.abstractPoster(meeting.slug, abstract.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                            Upload the poster
                          </Link>
                        </>
                      ) : null}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-slate-600">You have no abstracts in this call yet.</p>
          )}
        </TitledSection>
      ) : null}

      {call.guidelines ? (
        <TitledSection id="guidelines" title="Guidelines" className="mt-8" headingClassName={ruledHeadingClass}>
          <p className="mt-3 whitespace-pre-line text-slate-800">{call.guidelines}</p>
        </TitledSection>
      ) : null}
      <TitledSection id="topics" title="Topics" className="mt-8" headingClassName={ruledHeadingClass}>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-800">
          {call.topics.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-600">Each abstract lists at most {call.maxAuthors} authors.</p>
      </TitledSection>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
