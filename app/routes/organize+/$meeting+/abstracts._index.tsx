// The chairs' progress board: headline figures of the call and its review, per
// topic and per reviewer, the abstracts short of reviews, and the way to the
// call's other pages (settings, reviewers, assignments, decisions).
import { type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cell, ConsolePage, DataTable, FigureCards, figures, linkClass, Section } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { reviewBoard } from "~/models/abstracts/board.server";
import { requireOrganizer } from "~/server/organizer.server";
import { ReviewerRowHeading } from "~/components/reviewer-heading";
import { href } from "~/utils/href";

export const meta = consoleMeta("Abstracts");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const board = await reviewBoard(meeting.id);
  return { meeting: { slug: meeting.slug }, board };
}

/** The call's pages besides this board. */
const callPages = [
  [href.organize.abstractSettings, "Settings"],
  [href.organize.reviewers, "Reviewers"],
  [href.organize.reviewAssignments, "Assignments"],
  [href.organize.abstractDecisions, "Decisions"],
] as const;

export default function AbstractsBoard() {
  const { meeting, board } = useLoaderData<typeof loader>();
  const m = meeting.slug;
  const links = (
    <nav aria-label="Call for abstracts" className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {callPages.map(([page, label]) => (
        <Link key={label} to={page(m)} className={linkClass}>
          {label}
        </Link>
      ))}
    </nav>
  );
  if (!board) {
    return (
      <ConsolePage title="Abstracts" intro="This meeting has no call for abstracts yet. Open one on the settings page.">
        {links}
      </ConsolePage>
    );
  }
  const { figures: f } = board;
  return (
    <ConsolePage title="Abstracts" intro="How the call and its review stand." actions={links}>
      <FigureCards
        figures={[
          ["Submitted", f.submitted],
          ["Withdrawn", f.withdrawn],
          ["Drafts", f.drafts],
          ["Assigned", f.assigned],
          ["Reviews done", `${f.reviewsDone} of ${f.reviewsTotal}`],
          ["Complete", `${f.percent}%`],
        ]}
      />
      <Section title="By topic" id="topics">
        <DataTable columns={["Topic", figures("Abstracts"), figures("Reviews"), figures("Done")]}>
          {board.topics.map((topic) => (
            <tr key={topic.name}>
              <th scope="row" className={cell.heading}>
                {topic.name}
              </th>
              <td className={cell.figure}>{topic.abstracts}</td>
              <td className={cell.figure}>{topic.reviews}</td>
              <td className={cell.figure}>{topic.done}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section title="By reviewer" id="reviewers">
        <DataTable columns={["Reviewer", figures("Load"), figures("Done"), figures("To do")]}>
          {board.reviewers.map((reviewer) => (
            <tr key={reviewer.id}>
              <ReviewerRowHeading name={reviewer.name} pending={!reviewer.accepted} />
              <td className={cell.figure}>{reviewer.load}</td>
              <td className={cell.figure}>{reviewer.done}</td>
              <td className={cell.figure}>{reviewer.load - reviewer.done}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section title="Short of reviewers" id="short" description={`Abstracts with fewer than ${board.perAbstract} active reviewers.`}>
        {board.short.length ? (
          <ul className="space-y-1 text-sm">
            {board.short.map((row) => (
              <li key={row.id}>
                <Link to={href.organize.submission(m, row.id)} className={linkClass}>
                  {row.number} {row.title || "Untitled abstract"}
                </Link>{" "}
                · {row.reviewers} of {board.perAbstract}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">None.</p>
        )}
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
