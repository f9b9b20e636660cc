// The reviewer's form: the rubric as radio buttons (1..maxScore, weight shown),
// a recommendation, a comment for the committee and one for the authors, and
// Save draft / Submit review as two values of one `intent`. Plain POST: it
// works without JavaScript, and errors come back under their fields.
import { Form, useNavigation } from "@remix-run/react";
import { ErrorList, FormErrors, SubmitButton, controlClass, useIsPending } from "./forms";

type Criterion = { key: string; name: string; description: string; weight: number; maxScore: number };
type Review = { scores: Record<string, number>; recommendation: string | null; commentToCommittee: string; commentToAuthors: string } | null;
export type FormErrorsMap = Record<string, string[] | null | undefined> | undefined;

const RECOMMENDATIONS = [
  ["ORAL", "Oral presentation"],
  ["POSTER", "Poster"],
  ["EPOSTER", "E-poster"],
  ["REJECT", "Reject"],
] as const;

export function ReviewForm({ criteria, review, submitted, editable, errors }: { criteria: Criterion[]; review: Review; submitted: boolean; editable: boolean; errors: FormErrorsMap }) {
  const pending = useIsPending();
  // Only the button that was pressed shows it is working.
  const navigation = useNavigation();
  const pressed = pending ? navigation.formData?.get("intent") : null;
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return (
    <Form method="post" className="space-y-6" aria-labelledby="review-heading">
      <FormErrors errors={errors?.[""]} />
      <fieldset disabled={!editable} className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Scores</legend>
        {criteria.map((criterion) => {
          const name = `scores.${criterion.key}`;
          const problem = errors?.[name];
          return (
            <fieldset key={criterion.key} className="rounded-lg border border-slate-200 bg-white p-3" aria-describedby={problem?.length ? `${name}-error` : `${name}-hint`}>
              <legend className="px-1 font-medium text-slate-900">
                {criterion.name} <span className="text-sm font-normal text-slate-600">· weight {Math.round((criterion.weight / (totalWeight || 1)) * 100)}%</span>
              </legend>
              <p id={`${name}-hint`} className="text-sm text-slate-600">
                {criterion.description} 1 is lowest, {criterion.maxScore} highest.
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {Array.from({ length: criterion.maxScore }, (_, index) => index + 1).map((value) => (
                  <label key={value} className="flex min-w-11 cursor-pointer items-center justify-center gap-1.5 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                    <input type="radio" name={name} value={value} defaultChecked={review?.scores[criterion.key] === value} className="accent-brand-700" />
                    {value}
                  </label>
                ))}
              </div>
              <ErrorList id={`${name}-error`} errors={problem} />
            </fieldset>
          );
        })}
        <fieldset className="rounded-lg border border-slate-200 bg-white p-3">
          <legend className="px-1 font-medium text-slate-900">Recommendation</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {RECOMMENDATIONS.map(([value, label]) => (
              <label key={value} className="flex cursor-pointer items-center gap-2">
                <input type="radio" name="recommendation" value={value} defaultChecked={review?.recommendation === value} className="accent-brand-700" />
                {label}
              </label>
            ))}
          </div>
          <ErrorList errors={errors?.recommendation} />
        </fieldset>
        <Comment name="commentToCommittee" label="Comment for the committee" hint="Only the program chairs read this." value={review?.commentToCommittee} errors={errors?.commentToCommittee} />
        <Comment name="commentToAuthors" label="Comment for the authors" hint="Sent to the authors with the decision, without your name." value={review?.commentToAuthors} errors={errors?.commentToAuthors} />
      </fieldset>
      {editable ? (
        <div className="flex flex-wrap gap-3">
          <SubmitButton name="intent" value="submit" pendingLabel="Submitting…" pending={pressed === "submit"} disabled={pending}>
            {submitted ? "Update review" : "Submit review"}
          </SubmitButton>
          {!submitted ? (
            <SubmitButton name="intent" value="save" variant="secondary" pendingLabel="Saving…" pending={pressed === "save"} disabled={pending}>
              Save draft
            </SubmitButton>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">The authors have been told the decision: this review can no longer change.</p>
      )}
    </Form>
  );
}

function Comment({ name, label, hint, value, errors }: { name: string; label: string; hint: string; value: string | undefined; errors: string[] | null | undefined }) {
  return (
    <div>
      <label htmlFor={name} className="block font-medium text-slate-900">
        {label}
      </label>
      <p id={`${name}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <textarea id={name} name={name} rows={4} defaultValue={value ?? ""} aria-describedby={`${name}-hint`} aria-invalid={errors?.length ? true : undefined} className={controlClass(Boolean(errors?.length))} />
      <ErrorList errors={errors} />
    </div>
  );
}

/** Declaring a conflict: the note goes to the chairs, and the abstract leaves the reviewer's list. */
export function ConflictForm({ errors }: { errors: FormErrorsMap }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3" open={Boolean(errors?.note?.length)}>
      <summary className="cursor-pointer font-semibold text-slate-900">Declare a conflict</summary>
      <Form method="post" className="mt-3 space-y-3">
        <p className="text-sm text-slate-700">If you know whose work this is, or have any other reason you cannot judge it fairly, say so. The abstract leaves your list and the chairs reassign it.</p>
        <div>
          <label htmlFor="note" className="block font-medium text-slate-900">
            What is the conflict?
          </label>
          <textarea id="note" name="note" rows={3} required className={controlClass(Boolean(errors?.note?.length))} />
          <ErrorList errors={errors?.note} />
        </div>
        <SubmitButton name="intent" value="conflict" variant="danger" pendingLabel="Declaring…">
          Declare a conflict
        </SubmitButton>
      </Form>
    </details>
  );
}
