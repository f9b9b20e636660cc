// The provider's CME report: what an accredited provider tells ACCME about the
// meeting. Learners and their current claims, credit by type and by session,
// the evaluations' results as charts drawn on the server (each with its
// figures in a table), every commitment to change without names, and the
// downloads: claims, evaluation responses, and the PARS learner-completion file.
import { type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { CmePages } from "~/components/cme-pages";
import { cell, ConsolePage, DataTable, FigureCards, figures, linkClass, LinkedRowHeading, secondaryLinkClass, Section, StatusBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { EvaluationResults } from "~/components/evaluation-results";
import { formatCredits } from "~/models/cme/credit";
import { PARS_COLUMNS } from "~/models/cme/pars";
import { percent } from "~/models/cme/report";
import { cmeReport } from "~/models/cme/report.server";
import { requireOrganizer } from "~/server/organizer.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("CME report");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** The chart shows the sessions with the most credit claimed; the table under it lists every session claimed. */
const CHART_SESSIONS = 10;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const report = await cmeReport(meeting.id);
  const claimed = report.sessions.filter((row) => row.claimants > 0);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    learners: report.learnersWithEvidence,
    evaluated: report.learnersEvaluated,
    claims: report.claims,
    sessions: claimed.map((row) => ({ slug: row.session.slug, title: row.session.title, designated: row.session.designatedQuarters, quarters: row.quarters, claimants: row.claimants, selfReported: row.selfReported })),
    accreditedSessions: report.sessions.length,
    evaluations: report.evaluations,
    commitments: report.commitments,
    pars: report.pars,
  };
}

export default function CmeReport() {
  const { meeting, learners, evaluated, claims, sessions, accreditedSessions, evaluations, commitments, pars } = useLoaderData<typeof loader>();
  const chartSessions = [...sessions].sort((a, b) => b.quarters - a.quarters || a.title.localeCompare(b.title)).slice(0, CHART_SESSIONS);
  const missingIds = [pars.activity.providerId ? null : "the provider's ACCME ID", pars.activity.activityId ? null : "the activity's PARS ID"].filter(Boolean);
  return (
    <ConsolePage
      title="CME report"
      intro="What the meeting's accredited education came to: the learners, the credit they claimed (each person's current claim; amended versions are kept but not counted), the evaluations without names, and the files for the provider's records and for ACCME's PARS."
    >
      <CmePages meeting={meeting.slug} />

      <Section title="Learners and claims" id="claims">
        <FigureCards
          figures={[
            ["Learners with evidence", learners],
            ["Learners who claimed", claims.learners],
            ["Physicians, AMA PRA", claims.physicians],
            ["Others, participation", claims.others],
            ["Credits claimed", formatCredits(claims.totalQuarters)],
            ["Self-reported", percent(claims.selfReportedQuarters, claims.sessionQuarters)],
            ["SA-CME credits", formatCredits(claims.saCmeQuarters)],
            ["Evaluated the meeting", `${evaluated} (${percent(evaluated, learners)})`],
          ]}
        />
        <p className="mt-3 text-sm text-slate-700">
          Learners with evidence attended an accredited session online or in the room. Of the {formatCredits(claims.totalQuarters)} credits claimed, {formatCredits(claims.amaPraQuarters)} are AMA PRA Category 1 Credits™ and{" "}
          {formatCredits(claims.participationQuarters)} hours of participation. The self-reported share is of the credit claimed session by session, for sessions without recorded evidence.
        </p>
      </Section>

      <Section title="Credit claimed by session" id="sessions" description={`${counted(sessions.length, "session")} of ${accreditedSessions} accredited ${sessions.length === 1 ? "has" : "have"} claims.`}>
        {sessions.length ? (
          <>
            <h3 className="font-medium text-slate-900">{sessions.length > CHART_SESSIONS ? `The ${CHART_SESSIONS} sessions with the most credit claimed` : "Credit claimed per session"}</h3>
            <BarChart
              caption="Credit claimed per session"
              labelHeader="Session"
              valueHeader="Credits claimed"
              rows={chartSessions.map((row) => ({ label: row.title, value: row.quarters, shown: formatCredits(row.quarters) }))}
            />
            <DataTable className="mt-4" columns={["Session", figures("Designated"), figures("Claimed"), figures("Claimants"), figures("Self-reported")]}>
              {sessions.map((row) => (
                <tr key={row.slug}>
                  <LinkedRowHeading to={href.session(meeting.slug, row.slug)} title={row.title} />
                  <td className={cell.figure}>{formatCredits(row.designated)}</td>
                  <td className={cell.figure}>{formatCredits(row.quarters)}</td>
                  <td className={cell.figure}>{row.claimants}</td>
                  <td className={cell.figure}>{row.selfReported}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p className="text-slate-700">Nobody has claimed credit yet. Claims appear here as learners make them on My CME.</p>
        )}
      </Section>

      {(
        [
          ["meeting", "Meeting evaluation", evaluations.meeting],
          ["session", "Session evaluations", evaluations.session],
        ] as const
      ).map(([scope, title, results]) => (
        <Section key={scope} title={title} id={`evaluation-${scope}`} description={results ? counted(results.responses, "response") : "Not made yet."}>
          {results?.responses ? (
            <EvaluationResults questions={results.questions} />
          ) : (
            <p className="text-slate-700">
              No answers yet. The questions are on the{" "}
              <Link to={href.organize.evaluations(meeting.slug)} className={linkClass}>
                evaluations page
              </Link>
              .
            </p>
          )}
        </Section>
      ))}

      <Section title="Commitments to change" id="commitments" description="What learners said they will change in their practice, as they wrote it, without names.">
        {commitments.length ? (
          commitments.map((group) => (
            <div key={group.prompt} className="mt-3 first:mt-0">
              <h3 className="font-medium text-slate-900">
                {group.prompt} <span className="font-normal text-slate-600">({counted(group.texts.length, "answer")})</span>
              </h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
                {group.texts.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <p className="text-slate-700">No commitments to change yet.</p>
        )}
      </Section>

      <Section title="Downloads" id="downloads" description="Spreadsheets for the provider's records: names only in the claims, never in the evaluations.">
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href={href.organize.claimsCsv(meeting.slug)} className={secondaryLinkClass} download>
              Claims (CSV)
            </a>
          </li>
          {/* An evaluation not made yet has no file (its address answers 404). */}
          {evaluations.meeting ? (
            <li>
              <a href={href.organize.evaluationCsv(meeting.slug, "meeting")} className={secondaryLinkClass} download>
                Meeting evaluation (CSV)
              </a>
            </li>
          ) : null}
          {evaluations.session ? (
            <li>
              <a href={href.organize.evaluationCsv(meeting.slug, "session")} className={secondaryLinkClass} download>
                Session evaluations (CSV)
              </a>
            </li>
          ) : null}
        </ul>
        <h3 className="mt-6 font-medium text-slate-900">Learner completion for ACCME&apos;s PARS</h3>
        <p className="mt-1 text-slate-700">
          One line per physician who claimed AMA PRA Category 1 Credit™ and agreed to be reported: {counted(pars.reported, "learner")}. Left out: {counted(pars.withoutConsent, "physician")} who did not agree, and{" "}
          {counted(pars.notPhysicians, "learner")} claiming participation, whom PARS does not take.
        </p>
        {missingIds.length ? (
          <div className="mt-3">
            <StatusBanner tone="warning">
              The designation has no {missingIds.join(" and no ")} yet, so those cells are empty and PARS would refuse the file. Add them on the{" "}
              <Link to={href.organize.cme(meeting.slug)} className={linkClass}>
                credit designation
              </Link>
              .
            </StatusBanner>
          </div>
        ) : null}
        <p className="mt-3">
          <a href={href.organize.parsFile(meeting.slug)} className={secondaryLinkClass} download>
            PARS learner file (tab-delimited text)
          </a>
        </p>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-semibold text-brand-700">The file&apos;s columns</summary>
          <p className="mt-1 text-slate-700">Tab-delimited, no header line, in this order:</p>
          <ol className="mt-1 list-decimal pl-6 text-slate-800">
            {PARS_COLUMNS.map((column) => (
              <li key={column.name}>{column.name}</li>
            ))}
          </ol>
        </details>
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
