// A session's SA-CME self-assessment, for a learner who attended it: the
// questions (radio choices, phone first, a plain POST that works without
// JavaScript); then, on the attempt's own address, the score against the
// meeting's passing mark and every question's correct answer with its
// explanation. Every attempt is kept; one pass is enough.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Badge, buttonLinkClass, secondaryLinkClass, StatusBanner } from "~/components/console";
import { EvaluationForm } from "~/components/evaluation-form";
import { pageWidthClass } from "~/components/page-width";
import { QuestionExplanation } from "~/components/question-explanation";
import { answersNeeded } from "~/models/cme/self-assessment";
import { attemptReview, myAttempts, selfAssessmentFor, submitAttempt } from "~/models/cme/self-assessment.server";
import { submittedValues } from "~/server/evaluation-page.server";
import { requireMeetingAndUser } from "~/server/meeting-page.server";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href, withQuery } from "~/utils/href";
import { plural } from "~/utils/plural";
import { formatDate, zoneViewFor } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Self-assessment: ${data.session.title} · ${data.meeting.name}` : "Self-assessment" }];

async function learnerContext({ request, params }: Pick<LoaderFunctionArgs, "request" | "params">) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const allowed = await selfAssessmentFor(user.id, meeting.id, params.session ?? "");
  if (!allowed.ok) throw new Response(allowed.message, { status: refusalStatus(allowed) });
  return { meeting, user, ...allowed };
}

export async function loader(args: LoaderFunctionArgs) {
  const { meeting, user, session, questions, passingPercent, selfReported } = await learnerContext(args);
  const attemptId = new URL(args.request.url).searchParams.get("attempt");
  const [review, attempts] = await Promise.all([attemptId ? attemptReview(user.id, session.id, attemptId, questions) : null, myAttempts(user.id, session.id)]);
  const zone = zoneViewFor(args.request, meeting).zone;
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    session: { slug: session.slug, title: session.title },
    // The form's questions carry no correct answers: those are shown only after an attempt.
    questions: questions.map(({ id, prompt, options }) => ({ id, kind: "SINGLE_CHOICE" as const, prompt, options, required: true })),
    passingPercent,
    needed: answersNeeded(questions.length, passingPercent),
    selfReported,
    review,
    tries: attempts.count,
    passedOn: attempts.passedAt ? formatDate(attempts.passedAt, zone) : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { meeting, user, session } = await learnerContext(args);
  const form = await readFormData(args.request);
  const result = await submitAttempt(user.id, meeting.id, session.slug, form);
  if (!result.ok) return data({ result: refusalReply(result), values: submittedValues(form) }, { status: refusalStatus(result) });
  // The attempt's own address shows its result, so reloading it does not send the answers again.
  return redirect(withQuery(href.selfAssessment(meeting.slug, session.slug), { attempt: result.attemptId }));
}

export default function SelfAssessment() {
  const { meeting, session, questions, passingPercent, needed, selfReported, review, tries, passedOn } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <BackLink to={href.myCme(meeting.slug)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        My CME
      </BackLink>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Self-assessment: {session.title}</h1>
      {review ? (
        <AttemptResult meetingSlug={meeting.slug} sessionSlug={session.slug} passingPercent={passingPercent} review={review} />
      ) : (
        <>
          <p className="mt-2 max-w-prose text-slate-700">
            Answer all {questions.length} {plural(questions.length, "question")}. You pass with {passingPercent}% or more ({needed} of {questions.length} right); the credit you claim for this
            session then also counts as ABR self-assessment CME (SA-CME). You may try as often as you need.
          </p>
          <div className="mt-4 max-w-prose space-y-3">
            {passedOn ? (
              <StatusBanner tone="success">You passed this self-assessment on {passedOn}. Its credit counts as SA-CME when you claim it; trying again changes nothing.</StatusBanner>
            ) : tries ? (
              <StatusBanner tone="info">You have tried {plural(tries, "once", `${tries} times`)} so far.</StatusBanner>
            ) : null}
            {selfReported ? (
              <StatusBanner tone="info">Your attendance at this session is not recorded. The meeting accepts self-reported attendance, so a claim for it will be marked self-reported.</StatusBanner>
            ) : null}
          </div>
          <EvaluationForm questions={questions} values={refused?.values ?? {}} errors={refused?.result.error ?? {}} submitLabel="Send my answers" />
        </>
      )}
    </div>
  );
}

type Review = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["review"]>;

function AttemptResult({ meetingSlug, sessionSlug, passingPercent, review }: { meetingSlug: string; sessionSlug: string; passingPercent: number; review: Review }) {
  return (
    <section aria-labelledby="attempt-result" className="mt-6 max-w-3xl">
      <div role="status" className={`rounded-xl border p-4 sm:p-6 ${review.passed ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-amber-300 bg-amber-50 text-amber-950"}`}>
        <h2 id="attempt-result" className="text-lg font-bold">
          {review.passed ? "Passed" : "Not passed yet"}
        </h2>
        <p className="mt-1 text-2xl font-bold tabular-nums">
          {review.correct} of {review.total} right ({review.percent}%)
        </p>
        <p className="mt-1">
          The passing mark is {passingPercent}%.{" "}
          {review.passed ? "The credit you claim for this session counts as SA-CME." : "Read the explanations below, then try again."}
        </p>
      </div>
      <ol className="mt-6 space-y-4">
        {review.questions.map((question, number) => (
          <li key={question.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h3 className="font-semibold text-slate-900">
              {number + 1}. {question.prompt} <Badge tone={question.right ? "emerald" : "red"}>{question.right ? "Right" : "Wrong"}</Badge>
            </h3>
            <ul className="mt-3 space-y-2">
              {question.options.map((option, index) => {
                const correct = index === question.correctOption;
                const chosen = index === question.chosen;
                return (
                  <li
                    key={option}
                    className={`flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 ${correct ? "border-emerald-400 bg-emerald-50" : chosen ? "border-red-300 bg-red-50" : "border-slate-200"}`}
                  >
                    <span className="min-w-0 grow basis-48 text-slate-900">{option}</span>
                    {correct ? <Badge tone="emerald">Correct answer</Badge> : null}
                    {chosen ? <Badge tone={correct ? "emerald" : "red"}>Your answer</Badge> : null}
                  </li>
                );
              })}
            </ul>
            <QuestionExplanation explanation={question.explanation} className="mt-3 text-slate-800" />
          </li>
        ))}
      </ol>
      <div className="mt-6 flex flex-wrap gap-3">
        {review.passed ? null : (
          <Link to={href.selfAssessment(meetingSlug, sessionSlug)} className={buttonLinkClass}>
            Try again
          </Link>
        )}
        <Link to={href.myCme(meetingSlug)} className={review.passed ? buttonLinkClass : secondaryLinkClass}>
          Back to My CME
        </Link>
      </div>
    </section>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
