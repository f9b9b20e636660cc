// A learner's evaluation form: one fieldset per question, large touch targets
// for a phone, and a plain POST that works without JavaScript. After a refused
// submission the answers come back filled in, each problem beside its question
// and listed at the top with a link to it.
import { Form, Link } from "@remix-run/react";
import { controlClass, SubmitButton, useIsPending } from "./forms";
import { pageWidthClass } from "./page-width";
import { href } from "~/utils/href";
import { fieldName, RATING_LABELS, type Question } from "~/models/cme/evaluations";

export type EvaluationValues = Record<string, string[]>;

const choiceClass = "flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50";

export function EvaluationForm({ questions, values, errors, submitLabel }: { questions: Question[]; values: EvaluationValues; errors: Record<string, string[] | null>; submitLabel: string }) {
  const pending = useIsPending();
  const problems = questions.filter((question) => errors[fieldName(question)]?.length);
  const first = (name: string) => values[name]?.[0] ?? "";
  return (
    <Form method="post" noValidate className="mt-6 space-y-6">
      {problems.length ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-semibold">{problems.length === 1 ? "One answer needs a look:" : `${problems.length} answers need a look:`}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((question) => (
              <li key={question.id}>
                <a href={`#${fieldName(question)}`} className="underline underline-offset-2">
                  {question.prompt}
                </a>
                : {errors[fieldName(question)]![0]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {questions.map((question, index) => {
        const name = fieldName(question);
        const error = errors[name]?.[0];
        const errorId = `${name}-error`;
        return (
          <fieldset key={question.id} id={name} tabIndex={-1} aria-describedby={error ? errorId : undefined} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            {/* A legend at the top of the card, not on its border: it floats into the box. */}
            <legend className="float-left w-full font-semibold text-slate-900">
              {index + 1}. {question.prompt}
              {question.required ? null : <span className="ml-1 font-normal text-slate-600">(optional)</span>}
            </legend>
            {error ? (
              <p id={errorId} className="clear-both pt-1 text-sm font-medium text-red-700">
                {error}
              </p>
            ) : null}
            <div className="clear-both pt-3">
              {question.kind === "RATING" ? (
                <div className="grid gap-2 sm:grid-cols-5">
                  {RATING_LABELS.map((label, point) => (
                    <label key={label} className={choiceClass}>
                      <input type="radio" name={name} value={point + 1} defaultChecked={first(name) === String(point + 1)} className="h-5 w-5 shrink-0" />
                      <span>
                        <span className="font-semibold">{point + 1}</span> <span className="text-sm">{label}</span>
                      </span>
                    </label>
                  ))}
                </div>
              ) : question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE" ? (
                <div className="grid gap-2 sm:grid-cols-2">
                  {question.options.map((option) => (
                    <label key={option} className={choiceClass}>
                      <input
                        type={question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox"}
                        name={name}
                        value={option}
                        defaultChecked={values[name]?.includes(option)}
                        className="h-5 w-5 shrink-0"
                      />
                      {option}
                    </label>
                  ))}
                </div>
              ) : question.kind === "COMMERCIAL_BIAS" ? (
                <>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {[
                      ["yes", "Yes, it was free of commercial bias"],
                      ["no", "No, some of it was biased"],
                    ].map(([value, label]) => (
                      <label key={value} className={choiceClass}>
                        <input type="radio" name={name} value={value} defaultChecked={first(name) === value} className="h-5 w-5 shrink-0" />
                        {label}
                      </label>
                    ))}
                  </div>
                  <label htmlFor={`${name}-detail`} className="mt-3 block text-sm font-medium text-slate-800">
                    If not, what seemed biased?
                  </label>
                  <textarea id={`${name}-detail`} name={`${name}-detail`} rows={2} defaultValue={first(`${name}-detail`)} className={controlClass(false)} />
                </>
              ) : (
                <>
                  <label htmlFor={`${name}-text`} className="sr-only">
                    {question.prompt}
                  </label>
                  <textarea id={`${name}-text`} name={name} rows={3} maxLength={2000} defaultValue={first(name)} className={controlClass(Boolean(error))} />
                </>
              )}
            </div>
          </fieldset>
        );
      })}
      <SubmitButton pending={pending} pendingLabel="Sending…" className="w-full sm:w-auto">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}

/**
 * An evaluation page (the meeting's or a session's): the way back to My CME,
 * its heading, what happens to the answers, and the form, refilled after a
 * refusal from what was sent.
 */
export function EvaluationPage({
  meetingSlug,
  heading,
  intro,
  answeredBefore,
  questions,
  values,
  refused,
}: {
  meetingSlug: string;
  heading: string;
  intro: string;
  answeredBefore: boolean;
  questions: Question[];
  values: EvaluationValues;
  refused: { values: EvaluationValues; result: { error?: Record<string, string[] | null> } } | undefined;
}) {
  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <Link to={href.myCme(meetingSlug)} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        <span aria-hidden="true">← </span>My CME
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{heading}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{answeredBefore ? "You answered this already; your answers are below. Sending again replaces them." : intro}</p>
      <EvaluationForm questions={questions} values={refused?.values ?? values} errors={refused?.result.error ?? {}} submitLabel={answeredBefore ? "Update my answers" : "Send my evaluation"} />
    </div>
  );
}
