// One abstract for the chairs (who are not blind): the abstract with its
// authors and institutions, every assignment with its reviewer's name and
// review (scores, weighted total, recommendation, both comments, a declared
// conflict's note), and the manual override: add a reviewer (a conflicted one
// is refused with the reason) or take one off (never proposed again).
import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AbstractText } from "~/components/abstract-text";
import { Badge, ConsolePage, RowButton, Section, OutcomeBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { controlClass, SubmitButton } from "~/components/forms";
import { addAssignment, removeAssignment, reviewerChoices } from "~/models/abstracts/assignment.server";
import { submissionForChairs } from "~/models/abstracts/board.server";
import { printedAbstract } from "~/models/abstracts/printed-select.server";
import { RECOMMENDATION_LABELS } from "~/models/abstracts/review-form";
import { requireOrganizer } from "~/server/organizer.server";
import { outcomeMessage, refusalMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";

export const meta = consoleMeta("Abstract");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const STATE_LABELS = { ACTIVE: "Active", REMOVED: "Removed", CONFLICT: "Conflict declared" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const abstract = await submissionForChairs(meeting.id, params.abstract ?? "");
  if (!abstract) throw new Response("There is no abstract with that id in this meeting's call.", { status: 404 });
  const choices = await reviewerChoices(meeting.id, abstract.id);
  const criteria = abstract.call.criteria;
  return {
    meeting: { slug: meeting.slug },
    id: abstract.id,
    status: abstract.status,
    perAbstract: abstract.call.reviewsPerAbstract,
    printed: printedAbstract(abstract),
    assignments: abstract.assignments.map((row) => {
      const scores = (row.review?.scores ?? {}) as Record<string, unknown>;
      return {
        id: row.id,
        state: row.state,
        manual: row.manual,
        conflictNote: row.conflictNote,
        reviewer: row.reviewer,
        review: row.review && {
          submitted: row.review.submittedAt !== null,
          score: row.review.score,
          recommendation: row.review.recommendation && RECOMMENDATION_LABELS[row.review.recommendation],
          commentToCommittee: row.review.commentToCommittee,
          commentToAuthors: row.review.commentToAuthors,
          scores: criteria.map((criterion) => ({ name: criterion.name, value: typeof scores[criterion.key] === "number" ? (scores[criterion.key] as number) : null, max: criterion.maxScore })),
        },
      };
    }),
    choices: choices.filter((choice) => !choice.assigned),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const abstractId = params.abstract ?? "";
  if (intent === "add") {
    return outcomeMessage(await addAssignment(meeting, user, abstractId, String(formData.get("reviewerId") ?? "")), "Reviewer added; they get an e-mail.");
  }
  if (intent === "remove") {
    return outcomeMessage(await removeAssignment(meeting, user, String(formData.get("assignmentId") ?? "")), "Reviewer taken off this abstract. The automatic plan will not propose them for it again.");
  }
  return refusalMessage({ ok: false, code: "INVALID", message: "Say what to do: add or remove a reviewer." });
}

export default function Submission() {
  const { meeting, printed, assignments, choices, perAbstract, status } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const active = assignments.filter((row) => row.state === "ACTIVE").length;
  return (
    <ConsolePage
      title={`Abstract ${printed.number ?? "(draft)"}`}
      intro={status === "SUBMITTED" ? `${active} of ${perAbstract} reviewers assigned.` : `This abstract is ${status.toLowerCase()}.`}
      up={{ to: href.organize.reviewAssignments(meeting.slug), label: "Assignments" }}
    >
      <OutcomeBanner outcome={outcome} />
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <AbstractText abstract={printed} />
      </div>
      <Section title="Reviews" id="reviews">
        {assignments.length ? (
          <ul className="space-y-3">
            {assignments.map((row) => (
              <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold text-slate-900">
                    {row.reviewer.name} <span className="font-normal text-slate-600">· {row.reviewer.institution}</span>
                  </p>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={row.state === "ACTIVE" ? "brand" : row.state === "CONFLICT" ? "red" : "slate"}>{STATE_LABELS[row.state]}</Badge>
                    {row.manual ? <Badge>By hand</Badge> : null}
                    {row.state === "ACTIVE" ? (
                      <Form method="post">
                        <input type="hidden" name="assignmentId" value={row.id} />
                        <RowButton name="intent" value="remove" tone="danger" aria-label={`Take ${row.reviewer.name} off this abstract`}>
                          Remove
                        </RowButton>
                      </Form>
                    ) : null}
                  </div>
                </div>
                {row.conflictNote ? <p className="mt-1 text-sm text-red-800">Conflict: {row.conflictNote}</p> : null}
                {row.review ? (
                  <div className="mt-2 space-y-1 text-sm text-slate-800">
                    <p>
                      {row.review.submitted ? <strong>Score {row.review.score}</strong> : <Badge tone="amber">Draft</Badge>}
                      {row.review.recommendation ? ` · ${row.review.recommendation}` : ""}
                    </p>
                    <p className="text-slate-600">{row.review.scores.map((score) => `${score.name} ${score.value ?? "–"}/${score.max}`).join(" · ")}</p>
                    {row.review.commentToCommittee ? <p>For the committee: {row.review.commentToCommittee}</p> : null}
                    {row.review.commentToAuthors ? <p>For the authors: {row.review.commentToAuthors}</p> : null}
                  </div>
                ) : row.state === "ACTIVE" ? (
                  <p className="mt-1 text-sm text-slate-600">Not started.</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No reviewers yet.</p>
        )}
      </Section>
      {status === "SUBMITTED" && choices.length ? (
        <Section title="Add a reviewer" id="add">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1">
              <label htmlFor="reviewerId" className="block font-medium text-slate-900">
                Reviewer
              </label>
              <select id="reviewerId" name="reviewerId" className={controlClass(outcome?.ok === false && outcome.field === "reviewerId")}>
                {choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                    {choice.conflict ? ` (conflict: ${choice.conflict})` : ""}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton name="intent" value="add" pendingLabel="Adding…">
              Add
            </SubmitButton>
          </Form>
        </Section>
      ) : null}
    </ConsolePage>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
