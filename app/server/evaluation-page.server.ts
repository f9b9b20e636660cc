// The two evaluation pages a learner answers (the meeting's, and a session's)
// share their loader and action: who may answer (the model decides), the form
// filled with their earlier answers, and refused answers sent back beside
// their messages.
import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { evaluationFor, myAnswers, submitEvaluation } from "~/models/cme/evaluations.server";
import { fieldName, type Answers, type EvaluationScope, type Question } from "~/models/cme/evaluations";
import { refusalReply, refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { requireMeetingAndUser } from "./meeting-page.server";

type Args = Pick<LoaderFunctionArgs, "request" | "params">;

/** Stored answers as the form's values (what the browser would send). */
function asValues(questions: Question[], answers: Answers | null): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const question of questions) {
    const answer = answers?.[question.id];
    if (answer === undefined) continue;
    const name = fieldName(question);
    if (typeof answer === "object" && !Array.isArray(answer)) {
      values[name] = [answer.free ? "yes" : "no"];
      values[`${name}-detail`] = [answer.detail];
    } else values[name] = [answer].flat().map(String);
  }
  return values;
}

/** What a refused form sent, by field, to fill it in again (the self-assessment page refills its form the same way). */
export function submittedValues(form: FormData): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = [...(values[name] ?? []), value];
  return values;
}

async function evaluationContext({ request, params }: Args, scope: EvaluationScope) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const allowed = await evaluationFor(user.id, meeting.id, scope, params.session ?? null);
  if (!allowed.ok) throw new Response(allowed.message, { status: refusalStatus(allowed) });
  return { meeting, user, ...allowed };
}

export async function evaluationLoader(args: Args, scope: EvaluationScope) {
  const { meeting, user, evaluation, session } = await evaluationContext(args, scope);
  const previous = await myAnswers(user.id, evaluation.id, session?.id ?? "");
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    title: evaluation.title,
    session: session && { slug: session.slug, title: session.title },
    questions: evaluation.questions,
    values: asValues(evaluation.questions, previous),
    answeredBefore: previous !== null,
  };
}

export async function evaluationAction(args: Args, scope: EvaluationScope) {
  const { meeting, user, session } = await evaluationContext(args, scope);
  const form = await readFormData(args.request);
  const result = await submitEvaluation(user.id, meeting.id, scope, session?.slug ?? null, form);
  if (!result.ok) {
    return data({ result: refusalReply(result), values: submittedValues(form) }, { status: refusalStatus(result) });
  }
  return redirect(href.myCme(meeting.slug, { done: scope === "SESSION" ? "session-evaluation" : "evaluation" }));
}
