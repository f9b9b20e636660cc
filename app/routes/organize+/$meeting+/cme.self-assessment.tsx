// SA-CME self-assessment in the console: the sessions flagged SA-CME with
// their question counts and pass rates; `?session=slug` edits one session's
// questions (add, edit, move, remove; the correct answer picked with a radio,
// and an explanation learners read after answering).
import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { CmePages } from "~/components/cme-pages";
import { Badge, cell, ConsolePage, DataTable, figures, LinkedRowHeading, Section, StatusBanner } from "~/components/console";
import { consoleMeta } from "~/components/console-meta";
import { replyFor, type DraftEntryReply } from "~/components/draft-entries";
import { controlClass, ErrorList, FieldFrame, FormErrors, SubmitButton, TextareaField, useIsPending, useSchemaForm } from "~/components/forms";
import { QuestionButtons } from "~/components/question-buttons";
import { QuestionExplanation } from "~/components/question-explanation";
import { draftFromForm, MAX_OPTIONS, MIN_OPTIONS, passRate, SelfAssessmentQuestionSchema, type SelfAssessmentQuestion } from "~/models/cme/self-assessment";
import { moveSelfAssessmentQuestion, removeSelfAssessmentQuestion, saveSelfAssessmentQuestion, selfAssessmentOverview, selfAssessmentSession } from "~/models/cme/self-assessment.server";
import { requireOrganizer } from "~/server/organizer.server";
import { outcomeMessage, refusalResponse, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { dayKeyOf, formatDay, formatTime } from "~/utils/time";

export const meta = consoleMeta("Self-assessment");

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const slug = new URL(request.url).searchParams.get("session");
  const [overview, editing] = await Promise.all([selfAssessmentOverview(meeting.id), slug ? selfAssessmentSession(meeting.id, slug) : null]);
  if (editing && !editing.ok) throw new Response(editing.message, { status: refusalStatus(editing) });
  const zone = meeting.timeZone;
  return {
    meeting: { slug: meeting.slug },
    passingPercent: overview.passingPercent,
    offered: overview.offered,
    sessions: overview.sessions.map((session) => ({ ...session, when: `${formatDay(dayKeyOf(session.startsAt, zone), "short")}, ${formatTime(session.startsAt, zone)}` })),
    editing: editing && { slug: editing.session.slug, title: editing.session.title, questions: editing.questions, attempts: editing.attempts },
  };
}

const NEW_QUESTION = "new-question";

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, user } = await requireOrganizer(request, params);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const session = String(formData.get("session") ?? "");
  const questionId = String(formData.get("questionId") ?? "");
  if (intent === "remove") {
    return outcomeMessage(await removeSelfAssessmentQuestion(meeting.id, session, user, questionId), "Question removed.");
  }
  if (intent === "up" || intent === "down") {
    return outcomeMessage(await moveSelfAssessmentQuestion(meeting.id, session, questionId, intent), "Question moved.");
  }
  // Each question's form answers with its own id, so only the form that was sent shows its errors.
  const formId = questionId || NEW_QUESTION;
  const submission = parseWithZod(formData, { schema: SelfAssessmentQuestionSchema });
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const question = draftFromForm(submission.value);
  const id = question.questionId;
  const result = await saveSelfAssessmentQuestion(meeting.id, session, user, question);
  if (!result.ok) return refusalResponse(result, submission, { formId });
  return { formId, result: submission.reply({ resetForm: !id }), message: id ? "Question saved." : "Question added." };
}

export default function SelfAssessmentConsole() {
  const { meeting, passingPercent, offered, sessions, editing } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as DraftEntryReply;
  const refused = reply !== undefined && "ok" in reply && !reply.ok;
  return (
    <ConsolePage
      title="Self-assessment"
      intro={`ABR self-assessment CME: learners who attended an SA-CME session answer its questions; with ${passingPercent}% or more right (the passing mark, set with the credit designation), the credit they claim for it also counts as SA-CME.`}
    >
      <CmePages meeting={meeting.slug} />
      {offered ? null : (
        <div className="mb-6 max-w-3xl">
          <StatusBanner tone="warning">
            The credit designation does not offer SA-CME, so learners cannot take these self-assessments yet.{" "}
            <Link to={href.organize.cme(meeting.slug)} className="font-semibold underline underline-offset-2">
              Offer it on the Credit designation tab
            </Link>
            .
          </StatusBanner>
        </div>
      )}
      {reply?.message ? (
        <div className="mb-6 max-w-3xl">
          <StatusBanner key={reply.message} outcome tone={refused ? "error" : "success"}>
            {reply.message}
          </StatusBanner>
        </div>
      ) : null}
      {editing ? <SessionQuestions meetingSlug={meeting.slug} session={editing} reply={reply} /> : <SessionList meetingSlug={meeting.slug} sessions={sessions} />}
    </ConsolePage>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SessionList({ meetingSlug, sessions }: { meetingSlug: string; sessions: LoaderData["sessions"] }) {
  return (
    <Section title="SA-CME sessions" id="sa-cme-sessions" description="Sessions flagged SA-CME in the published program. Flag a session on its page, then publish.">
      {sessions.length ? (
        <DataTable columns={["Session", "When", figures("Questions"), "Pass rate"]}>
          {sessions.map((session) => (
            <tr key={session.slug}>
              <LinkedRowHeading to={href.organize.selfAssessment(meetingSlug, { session: session.slug })} title={session.title}>
                <span className="mt-1 flex flex-wrap gap-1">
                  {session.cancelled ? <Badge tone="red">Cancelled</Badge> : null}
                  {session.accredited ? null : <Badge tone="amber">Not accredited</Badge>}
                  {session.questions ? null : <Badge tone="amber">No questions yet</Badge>}
                </span>
              </LinkedRowHeading>
              <td className={cell.text}>{session.when}</td>
              <td className={cell.figure}>{session.questions}</td>
              <td className={cell.text}>{passRate(session.passed, session.tried)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-700">
          No session is flagged SA-CME. Open an accredited session, tick “ABR self-assessment CME (SA-CME)”, and publish.
        </p>
      )}
    </Section>
  );
}

function SessionQuestions({ meetingSlug, session, reply }: { meetingSlug: string; session: NonNullable<LoaderData["editing"]>; reply: DraftEntryReply }) {
  const tried = session.attempts > 0;
  return (
    <div className="max-w-3xl">
      <BackLink to={href.organize.selfAssessment(meetingSlug)}>All SA-CME sessions</BackLink>
      <Section
        title={session.title}
        id="session-questions"
        description={`${counted(session.questions.length, "question")}; ${counted(session.attempts, "attempt")} so far. Learners see the correct answers and explanations after they answer.`}
      >
        {tried ? (
          <div className="mb-3">
            <StatusBanner tone="info">Learners have tried this self-assessment, so each question keeps its answers and its correct one. You can still fix the wording and the explanations.</StatusBanner>
          </div>
        ) : null}
        {session.questions.length ? (
          <ol className="space-y-3">
            {session.questions.map((question, index) => (
              <li key={question.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <QuestionCard session={session.slug} question={question} number={index + 1} last={index === session.questions.length - 1} locked={tried} reply={reply} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-700">No questions yet: learners cannot take this self-assessment until it has some. Three or four make a good one.</p>
        )}
      </Section>
      <Section title="Add a question" id="add-question">
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <QuestionForm session={session.slug} lastResult={replyFor(reply, NEW_QUESTION)} />
        </div>
      </Section>
    </div>
  );
}

function QuestionCard({ session, question, number, last, locked, reply }: { session: string; question: SelfAssessmentQuestion; number: number; last: boolean; locked: boolean; reply: DraftEntryReply }) {
  const lastResult = replyFor(reply, question.id);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 grow basis-64 font-semibold text-slate-900">
          {number}. {question.prompt}
        </h3>
        <QuestionButtons questionId={question.id} number={number} last={last} fields={{ session }} />
      </div>
      <ul className="mt-2 space-y-1 text-sm text-slate-800">
        {question.options.map((option, index) => (
          <li key={option} className="flex flex-wrap items-center gap-2">
            <span>{option}</span>
            {index === question.correctOption ? <Badge tone="emerald">Correct</Badge> : null}
          </li>
        ))}
      </ul>
      <QuestionExplanation explanation={question.explanation} className="mt-2 text-sm text-slate-600" />
      <details className="mt-3" open={Boolean(lastResult)}>
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit question {number}</summary>
        <QuestionForm session={session} question={question} locked={locked} lastResult={lastResult} />
      </details>
    </>
  );
}

/** Six answer boxes (blank ones are dropped), a radio beside each for the correct one, and the explanation. */
function QuestionForm({ session, question, locked = false, lastResult }: { session: string; question?: SelfAssessmentQuestion; locked?: boolean; lastResult?: SubmissionResult<string[]> }) {
  const pending = useIsPending();
  const [form, fields] = useSchemaForm(SelfAssessmentQuestionSchema, {
    id: question ? `question-${question.id}` : NEW_QUESTION,
    lastResult,
    // Once refused, each fix clears its message as it is made: on blur, the message would go as the
    // Add button is pressed, moving the button from under the pointer.
    shouldRevalidate: "onInput",
    defaultValue: {
      prompt: question?.prompt ?? "",
      options: Array.from({ length: MAX_OPTIONS }, (_, index) => question?.options[index] ?? ""),
      correct: question ? String(question.correctOption) : "",
      explanation: question?.explanation ?? "",
    },
  });
  const boxes = fields.options.getFieldList();
  const answerErrors = [...(fields.options.errors ?? []), ...(fields.correct.errors ?? [])];
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="session" value={session} />
      {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
      <FieldFrame meta={fields.prompt} label="Question">
        <textarea {...getTextareaProps(fields.prompt)} key={fields.prompt.key} rows={2} className={controlClass(Boolean(fields.prompt.errors?.length))} />
      </FieldFrame>
      <fieldset aria-describedby={`${form.id}-answers-hint${answerErrors.length ? ` ${fields.options.errorId}` : ""}`}>
        <legend className="text-sm font-medium text-slate-800">Answers</legend>
        <p id={`${form.id}-answers-hint`} className="mt-0.5 text-sm text-slate-600">
          {locked ? "Learners have answered, so the answers and the correct one stay as they are." : `${MIN_OPTIONS} to ${MAX_OPTIONS} answers; leave the boxes you do not need empty. Pick the correct one.`}
        </p>
        <ol className="mt-2 space-y-2">
          {boxes.map((box, index) => (
            <li key={box.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:flex-nowrap">
              <label htmlFor={box.id} className="basis-full text-sm text-slate-700 sm:w-20 sm:shrink-0 sm:basis-auto">
                Answer {index + 1}
              </label>
              <input
                {...getInputProps(box, { type: "text" })}
                key={box.key}
                readOnly={locked}
                autoComplete="off"
                className={`${controlClass(Boolean(fields.options.errors?.length))} mt-0 min-w-0 flex-1 read-only:bg-slate-100`}
              />
              <label className="flex min-h-11 shrink-0 cursor-pointer items-center gap-2 text-sm text-slate-800">
                <input
                  {...getInputProps(fields.correct, { type: "radio", value: String(index) })}
                  key={`${fields.correct.key}-${index}`}
                  id={`${fields.correct.id}-${index}`}
                  disabled={locked && question?.correctOption !== index}
                  className="h-5 w-5 accent-brand-700"
                />
                <span>
                  <span className="sr-only">Answer {index + 1} is </span>correct
                </span>
              </label>
            </li>
          ))}
        </ol>
        <ErrorList id={fields.options.errorId} errors={answerErrors} />
      </fieldset>
      <TextareaField meta={fields.explanation} label="Explanation" rows={3} hint="Shown to learners after they answer: why the correct answer is correct." />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={question ? "secondary" : "primary"}>
        {question ? "Save question" : "Add question"}
      </SubmitButton>
    </Form>
  );
}

export { ConsoleErrorBoundary as ErrorBoundary } from "~/components/console-error";
