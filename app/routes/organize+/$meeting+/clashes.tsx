// Every clash in the draft, by kind: rooms double-booked, speakers in two
// places at once, sessions of one special audience at the same time, and
// sessions outside the meeting's days. Each links to the sessions to fix.
// Below them, warnings that do not block publishing: accredited sessions whose
// faculty has not disclosed, or has a relevant relationship not yet mitigated.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConsolePage, linkClass, Section, StatusBanner } from "~/components/console";
import { getDraft } from "~/models/program/draft.server";
import { describeDisclosureWarning } from "~/models/cme/disclosures";
import { disclosureWarnings } from "~/models/cme/disclosure-views.server";
import { CLASH_LABELS, type Clash, describeClash, findClashes } from "~/models/program/clashes";
import { presentationProblems } from "~/models/program/presentations";
import { dayKeyOf, formatDay, formatTimeRange } from "~/utils/time";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { consoleMeta } from "~/components/console-meta";

export const meta = consoleMeta("Clashes");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const draft = await getDraft(meeting.id);
  const warnings = await disclosureWarnings(meeting.id, draft.document);
  const zone = meeting.timeZone;
  // A session added to the draft may not have its time yet.
  const when = (session: { startsAt: string; endsAt: string }) =>
    !session.startsAt || !session.endsAt
      ? "time not set"
      : `${formatDay(dayKeyOf(new Date(session.startsAt), zone), "short")}, ${formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), zone)}`;
  const clashes = findClashes(draft.document, meeting);
  const order: Clash["type"][] = ["room", "speaker", "audience", "outside"];
  return {
    slug: meeting.slug,
    total: clashes.length,
    groups: order
      .map((type) => ({
        type,
        label: CLASH_LABELS[type],
        clashes: clashes
          .filter((clash) => clash.type === type)
          .map((clash) => ({
            text: describeClash(clash),
            sessions: clash.sessions.map((session) => ({
              slug: session.slug,
              title: session.title,
              when: when(session),
            })),
          })),
      }))
      .filter((group) => group.clashes.length > 0),
    // Unlike clashes, these stop a publish: each talk must fit its session and name a presenter in the draft.
    talks: presentationProblems(draft.document).map(({ session, problem }) => ({ text: problem, session: { slug: session.slug, title: session.title, when: when(session) } })),
    warnings: warnings.map((warning) => ({ text: describeDisclosureWarning(warning), session: { ...warning.session, when: when(warning.session) } })),
  };
}

type SessionRef = { slug: string; title: string; when: string };

/** The frame of a list of problems: red when they stop a publish, amber when they do not. */
const problemsClass = (tone: "red" | "amber") =>
  `divide-y divide-slate-200 overflow-hidden rounded-lg border bg-white shadow-sm ${tone === "red" ? "border-red-200" : "border-amber-200"}`;

/** Where a problem is: the session, linked to its editor, and when it runs. */
function SessionAt({ slug, session }: { slug: string; session: SessionRef }) {
  return (
    <>
      <Link to={href.organize.session(slug, session)} className={linkClass}>
        {session.title}
      </Link>{" "}
      · {session.when}
    </>
  );
}

/** Problems of one session each: a talk that does not fit it, a disclosure it lacks. */
function SessionProblems({ slug, problems, tone }: { slug: string; problems: { text: string; session: SessionRef }[]; tone: "red" | "amber" }) {
  return (
    <ul className={problemsClass(tone)}>
      {problems.map((problem) => (
        <li key={problem.session.slug} className="px-4 py-3 text-sm">
          <p className="font-medium text-slate-900">{problem.text}</p>
          <p className="mt-1 text-slate-700">
            <SessionAt slug={slug} session={problem.session} />
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function Clashes() {
  const { slug, total, groups, talks, warnings } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title="Clashes" intro="What a scheduler would catch before attendees do. Publishing with clashes asks for a confirmation.">
      <div className="max-w-4xl">
        {total === 0 ? <StatusBanner tone="success">No clashes: no room, speaker or audience is double-booked, and every session is within the meeting&rsquo;s days.</StatusBanner> : null}
        {groups.map((group) => (
          <Section key={group.type} title={`${group.label} (${group.clashes.length})`} id={`clash-${group.type}`}>
            <ul className={problemsClass("amber")}>
              {group.clashes.map((clash, index) => (
                <li key={index} className="px-4 py-3 text-sm">
                  <p className="font-medium text-slate-900">{clash.text}</p>
                  <ul className="mt-1 space-y-0.5">
                    {clash.sessions.map((session) => (
                      <li key={session.slug} className="text-slate-700">
                        <SessionAt slug={slug} session={session} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </Section>
        ))}
        {talks.length ? (
          <Section title={`Presentations that do not fit (${talks.length})`} id="presentation-problems" description="Publishing is refused until these are fixed on the session's page.">
            <SessionProblems slug={slug} problems={talks} tone="red" />
          </Section>
        ) : null}
        {warnings.length ? (
          <Section
            title={`Warning: CME disclosures (${warnings.length})`}
            id="warning-disclosures"
            description={
              <>
                Learners must see each faculty member&rsquo;s disclosure before an accredited session. These do not block publishing.{" "}
                <Link to={href.organize.disclosures(slug)} className={linkClass}>
                  Open the disclosure board
                </Link>
              </>
            }
          >
            <SessionProblems slug={slug} problems={warnings} tone="amber" />
          </Section>
        ) : null}
      </div>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
