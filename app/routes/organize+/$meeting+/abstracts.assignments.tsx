// Reviewer assignment for the chairs: the current loads, "Plan assignments"
// (the automatic, balanced plan over submitted abstracts and every reviewer,
// conflicts excluded, kept assignments counted), the proposal (added per
// reviewer, loads, abstracts left short and why), and "Apply", which writes
// the proposed pairs in one transaction and mails each reviewer, blind.
// Adding or removing one reviewer by hand is on the abstract's own page.
import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { cell, ConsolePage, DataTable, figures, linkClass, OutcomeBanner, Section } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { SubmitButton, useIsPending } from "~/components/forms";
import { applyAssignments, proposeAssignments } from "~/models/abstracts/assignment.server";
import { reviewBoard } from "~/models/abstracts/board.server";
import { requireAbstractCall, requireOrganizer } from "~/server/organizer.server";
import { refusalMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { ReviewerRowHeading } from "~/components/reviewer-heading";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

export const meta = consoleMeta("Reviewer assignments");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const board = requireAbstractCall(await reviewBoard(meeting.id));
  const planning = new URL(request.url).searchParams.has("plan");
  const proposal = planning ? await proposeAssignments(meeting.id) : null;
  return {
    meeting: { slug: meeting.slug },
    perAbstract: board.perAbstract,
    submitted: board.figures.submitted,
    reviewers: board.reviewers,
    short: board.short,
    proposal: proposal && {
      ...proposal,
      // The pairs travel back with "Apply"; the server checks each again before writing.
      pairs: proposal.added.map((pair) => `${pair.abstractId}:${pair.reviewerId}`),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "apply") return refusalMessage({ ok: false, code: "INVALID", message: "Say what to do: apply the plan." });
  const pairs = formData.getAll("pair").map((value) => {
    const [abstractId = "", reviewerId = ""] = String(value).split(":");
    return { abstractId, reviewerId };
  });
  const result = await applyAssignments(meeting, user, pairs);
  if (!result.ok) return refusalMessage(result);
  return { ok: true as const, message: `${result.added} assignments made. Each reviewer with new abstracts gets an e-mail.`, field: null };
}

export default function Assignments() {
  const { meeting, perAbstract, submitted, reviewers, short, proposal } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const applying = useIsPending();
  return (
    <ConsolePage
      title="Reviewer assignments"
      intro={`Each submitted abstract goes to ${perAbstract} reviewers who cover its topic, with the load spread evenly. Nobody reviews an abstract from their own institution, by themselves or a co-author, or one they declared a conflict on.`}
      up={{ to: href.organize.abstracts(meeting.slug), label: "Back to the board" }}
    >
      <OutcomeBanner outcome={outcome} />
      <Section title="Plan" id="plan" description={`${counted(submitted, "submitted abstract")}, ${counted(reviewers.length, "reviewer")}.`}>
        <Form method="get">
          <SubmitButton name="plan" value="1" pendingLabel="Planning…">
            Plan assignments
          </SubmitButton>
        </Form>
        {proposal ? (
          <div className="mt-4 space-y-4">
            <p className="text-slate-800">
              The plan adds <strong>{proposal.added.length}</strong> assignments to the {proposal.kept} already made.
              {proposal.short.length ? ` ${counted(proposal.short.length, "abstract")} would still be short of reviewers.` : " Every abstract would have its reviewers."}
            </p>
            <DataTable columns={["Reviewer", figures("Added"), figures("Load")]}>
              {proposal.reviewers.map((reviewer) => (
                <tr key={reviewer.id}>
                  <ReviewerRowHeading name={reviewer.name} pending={reviewer.pending} />
                  <td className={cell.figure}>{reviewer.added}</td>
                  <td className={cell.figure}>{reviewer.load}</td>
                </tr>
              ))}
            </DataTable>
            {proposal.short.length ? (
              <ul className="space-y-1 text-sm text-slate-800">
                {proposal.short.map((row) => (
                  <li key={row.abstractId}>
                    <Link to={href.organize.submission(meeting.slug, row.abstractId)} className={linkClass}>
                      {row.number} {row.title}
                    </Link>{" "}
                    lacks {row.missing}: {row.why}.
                  </li>
                ))}
              </ul>
            ) : null}
            {proposal.pairs.length ? (
              <Form method="post">
                {proposal.pairs.map((pair) => (
                  <input key={pair} type="hidden" name="pair" value={pair} />
                ))}
                <SubmitButton name="intent" value="apply" pendingLabel="Applying…" pending={applying}>
                  Apply {proposal.pairs.length} assignments
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        ) : null}
      </Section>
      <Section title="Loads now" id="loads">
        <DataTable columns={["Reviewer", figures("Assigned"), figures("Reviewed")]}>
          {reviewers.map((reviewer) => (
            <tr key={reviewer.id}>
              <ReviewerRowHeading name={reviewer.name} pending={!reviewer.accepted} />
              <td className={cell.figure}>{reviewer.load}</td>
              <td className={cell.figure}>{reviewer.done}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section title="Short of reviewers" id="short" description="Open an abstract to add a reviewer by hand.">
        {short.length ? (
          <ul className="space-y-1 text-sm">
            {short.map((row) => (
              <li key={row.id}>
                <Link to={href.organize.submission(meeting.slug, row.id)} className={linkClass}>
                  {row.number} {row.title || "Untitled abstract"}
                </Link>{" "}
                · {row.reviewers} of {perAbstract}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Every submitted abstract has its reviewers.</p>
        )}
      </Section>
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
