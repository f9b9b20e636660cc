// The meeting's two evaluations: made from their templates, questions edited,
// moved and removed (answered questions keep their kind and answers), and the
// results so far, without names.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CmePages } from "~/components/cme-pages";
import { ConsolePage, Section, OutcomeBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { EvaluationResults } from "~/components/evaluation-results";
import { controlClass, PlainInput, PlainSelect, SubmitButton, useIsPending } from "~/components/forms";
import { QuestionButtons } from "~/components/question-buttons";
import { CHOICE_KINDS, QUESTION_KIND_LABELS, QuestionFormSchema, SCOPE_LABELS, type EvaluationScope, type Question } from "~/models/cme/evaluations";
import { createEvaluationFromTemplate, evaluationResults, moveQuestion, removeQuestion, saveQuestion } from "~/models/cme/evaluations.server";
import { requireOrganizer } from "~/server/organizer.server";
import { outcomeMessage, refusalMessage } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { plural } from "~/utils/plural";

export const meta = consoleMeta("Evaluations");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const SCOPES: EvaluationScope[] = ["MEETING", "SESSION"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const evaluations = await Promise.all(SCOPES.map(async (scope) => ({ scope, results: await evaluationResults(meeting.id, scope) })));
  return { meeting: { slug: meeting.slug }, evaluations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const scope = formData.get("scope") === "SESSION" ? "SESSION" : "MEETING";
  const questionId = String(formData.get("questionId") ?? "");
  if (intent === "create") {
    return outcomeMessage(await createEvaluationFromTemplate(meeting.id, scope, user), `${SCOPE_LABELS[scope]} made from its template. Edit its questions below.`);
  }
  if (intent === "remove") {
    return outcomeMessage(await removeQuestion(meeting.id, scope, user, questionId), "Question removed.");
  }
  if (intent === "up" || intent === "down") {
    return outcomeMessage(await moveQuestion(meeting.id, scope, questionId, intent), "Question moved.");
  }
  const submission = parseWithZod(formData, { schema: QuestionFormSchema });
  if (submission.status !== "success") {
    const [first] = Object.values(submission.error ?? {}).flat();
    return refusalMessage({ ok: false, code: "INVALID", message: first ?? "Check the question." });
  }
  const { questionId: id, ...question } = submission.value;
  return outcomeMessage(await saveQuestion(meeting.id, scope, user, { ...question, questionId: id || undefined }), id ? "Question saved." : "Question added.");
}

export default function Evaluations() {
  const { meeting, evaluations } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <ConsolePage
      title="Evaluations"
      intro="A meeting evaluation, answered once by each learner, and a session evaluation, answered for each accredited session they attended. Results are shown without names."
    >
      <CmePages meeting={meeting.slug} />
      <OutcomeBanner outcome={outcome} />
      {evaluations.map(({ scope, results }) => (
        <Section key={scope} title={SCOPE_LABELS[scope]} id={`evaluation-${scope.toLowerCase()}`} description={results ? `${results.responses} ${plural(results.responses, "response")} so far.` : "Not made yet."}>
          {results ? (
            <>
              <ol className="space-y-3">
                {results.evaluation.questions.map((question, index) => (
                  <li key={question.id} className="rounded-lg border border-slate-200 bg-white p-3">
                    <QuestionEditor scope={scope} question={question} number={index + 1} last={index === results.evaluation.questions.length - 1} answered={results.responses > 0} />
                  </li>
                ))}
              </ol>
              <details className="mt-4 rounded-lg border border-dashed border-slate-400 bg-white p-3">
                <summary className="cursor-pointer font-semibold text-brand-700">Add a question</summary>
                <QuestionForm scope={scope} />
              </details>
              {results.responses ? (
                <div className="mt-6">
                  <h3 className="font-semibold text-slate-900">Results</h3>
                  <EvaluationResults questions={results.questions} />
                </div>
              ) : null}
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="scope" value={scope} />
              <SubmitButton name="intent" value="create" pendingLabel="Making…">
                Make the {SCOPE_LABELS[scope].toLowerCase()} from its template
              </SubmitButton>
            </Form>
          )}
        </Section>
      ))}
    </ConsolePage>
  );
}

function QuestionEditor({ scope, question, number, last, answered }: { scope: EvaluationScope; question: Question; number: number; last: boolean; answered: boolean }) {
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 font-medium text-slate-900">
          {number}. {question.prompt}
          <span className="block text-sm font-normal text-slate-600">
            {QUESTION_KIND_LABELS[question.kind]}
            {question.options.length ? `: ${question.options.join(" · ")}` : ""}
            {question.required ? "" : " · optional"}
          </span>
        </p>
        <QuestionButtons questionId={question.id} number={number} last={last} removable={!answered} fields={{ scope }} />
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit question {number}</summary>
        <QuestionForm scope={scope} question={question} locked={answered} />
      </details>
    </>
  );
}

function QuestionForm({ scope, question, locked = false }: { scope: EvaluationScope; question?: Question; locked?: boolean }) {
  const pending = useIsPending();
  const id = question ? `q-${question.id}` : `new-${scope.toLowerCase()}`;
  return (
    <Form method="post" className="mt-3 space-y-3">
      <input type="hidden" name="scope" value={scope} />
      {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
      <PlainInput id={`${id}-prompt`} label="Question" name="prompt" defaultValue={question?.prompt} maxLength={300} />
      {locked ? (
        <>
          <input type="hidden" name="kind" value={question!.kind} />
          <input type="hidden" name="options" value={question!.options.join("\n")} />
          <p className="text-sm text-slate-600">People have answered, so its kind and answers stay as they are.</p>
        </>
      ) : (
        <>
          <PlainSelect id={`${id}-kind`} name="kind" label="Kind" defaultValue={question?.kind ?? "RATING"} options={QUESTION_KIND_LABELS} />
          <div>
            <label htmlFor={`${id}-options`} className="block text-sm font-medium text-slate-800">
              Answers to choose from, one per line
            </label>
            <p id={`${id}-options-hint`} className="text-sm text-slate-600">
              Only for {CHOICE_KINDS.map((kind) => QUESTION_KIND_LABELS[kind].toLowerCase()).join(" and ")} questions.
            </p>
            <textarea id={`${id}-options`} name="options" rows={3} aria-describedby={`${id}-options-hint`} defaultValue={question?.options.join("\n")} className={controlClass(false)} />
          </div>
        </>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="required" defaultChecked={question?.required ?? true} className="h-4 w-4" />
        An answer is required
      </label>
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
        {question ? "Save question" : "Add question"}
      </SubmitButton>
    </Form>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
