// SA-CME self-assessment, as pure rules: the console's question form (a
// prompt, two to six answers, the one that is correct and why), reading a
// learner's chosen answers from a form, and scoring an attempt against the
// meeting's passing mark. The ABR counts a session's credit as SA-CME only
// when the learner also passed its self-assessment.
import { z } from "zod";
import { fieldName } from "./evaluations";

export type SelfAssessmentQuestion = { id: string; prompt: string; options: string[]; correctOption: number; explanation: string };
export type SelfAssessmentDraft = Omit<SelfAssessmentQuestion, "id">;

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
/** The mark a meeting starts with (the database's default too): 70 % is the ABR's usual passing score. */
export const DEFAULT_PASSING_PERCENT = 70;

/** The form field of a question's answer: the learner's page is the evaluation form, each question a single choice, so its field names are the evaluation's. */
export const answerField = fieldName;

/**
 * The console's question form. The answer boxes arrive in order, blanks
 * allowed (the form has six; a question may use two); `correct` is the number
 * of the box picked with the radio. `draftFromForm` turns it into the question
 * as stored. (No transform here: Conform reads the browser's constraints from
 * the plain object schema.)
 */
export const SelfAssessmentQuestionSchema = z
  .object({
    questionId: z.string().max(64).optional(),
    prompt: z.string({ error: "Write the question." }).trim().min(1, "Write the question.").max(500, "Keep the question under 500 characters."),
    options: z.array(z.string().trim().max(300, "Keep each answer under 300 characters.").optional()).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} answers.`).optional(),
    correct: z.number({ error: "Pick the correct answer." }).int("Pick the correct answer.").min(0, "Pick the correct answer.").max(MAX_OPTIONS - 1, "Pick the correct answer."),
    explanation: z.string({ error: "Explain why the correct answer is correct." }).trim().min(1, "Explain why the correct answer is correct.").max(2000, "Keep the explanation under 2,000 characters."),
  })
  .superRefine((value, context) => {
    const boxes = value.options ?? [];
    const filled = boxes.map((option) => option ?? "").filter(Boolean);
    if (filled.length < MIN_OPTIONS) context.addIssue({ code: "custom", path: ["options"], message: `Give at least ${MIN_OPTIONS} answers to choose from.` });
    else if (new Set(filled.map((option) => option.toLowerCase())).size !== filled.length) context.addIssue({ code: "custom", path: ["options"], message: "Each answer must be different." });
    if (!boxes[value.correct]) context.addIssue({ code: "custom", path: ["correct"], message: "Pick the correct answer among the answers you wrote." });
  });

/** The form's question as stored: blank boxes gone, and the correct answer's index counted without them. */
export function draftFromForm({ questionId, prompt, options = [], correct, explanation }: z.output<typeof SelfAssessmentQuestionSchema>): SelfAssessmentDraft & { questionId?: string } {
  const boxes = options.map((option) => option ?? "");
  return { questionId: questionId || undefined, prompt, options: boxes.filter(Boolean), correctOption: boxes.slice(0, correct).filter(Boolean).length, explanation };
}

/** What is wrong with a question as it would be stored, or null: the verbs check again what the form checked. */
export function questionProblem(draft: SelfAssessmentDraft): { field: string; message: string } | null {
  const options = draft.options.map((option) => option.trim());
  if (!draft.prompt.trim()) return { field: "prompt", message: "Write the question." };
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS || options.some((option) => !option)) return { field: "options", message: `Give ${MIN_OPTIONS} to ${MAX_OPTIONS} answers to choose from.` };
  if (new Set(options.map((option) => option.toLowerCase())).size !== options.length) return { field: "options", message: "Each answer must be different." };
  if (!Number.isInteger(draft.correctOption) || draft.correctOption < 0 || draft.correctOption >= options.length) return { field: "correct", message: "Pick the correct answer." };
  if (!draft.explanation.trim()) return { field: "explanation", message: "Explain why the correct answer is correct." };
  return null;
}

/** The chosen answer's index by question id, as an attempt stores it. */
export type ChosenAnswers = Record<string, number>;

/**
 * A learner's answers from the submitted form (each radio sends its answer's
 * text, as the evaluation form's single-choice questions do), as indexes; or a
 * message for each question left out or answered with something that is not
 * one of its answers. Every question must be answered: a score over a partial
 * attempt means nothing.
 */
export function readChosenAnswers(questions: SelfAssessmentQuestion[], form: { get(name: string): unknown }): { answers: ChosenAnswers } | { errors: Record<string, string> } {
  const answers: ChosenAnswers = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const raw = form.get(answerField(question));
    const text = typeof raw === "string" ? raw.trim() : "";
    const index = question.options.indexOf(text);
    if (!text) errors[question.id] = "Answer this question.";
    else if (index < 0) errors[question.id] = "Choose one of the answers listed.";
    else answers[question.id] = index;
  }
  return Object.keys(errors).length ? { errors } : { answers };
}

export type Score = { correct: number; total: number; percent: number; passed: boolean };

/**
 * How many were right, and whether that reaches the mark. Compared in whole
 * numbers (correct × 100 ≥ mark × total), so 7 of 10 passes a mark of 70
 * exactly; the percent shown is rounded down, so it never claims the mark
 * when the score is just under it.
 */
export function scoreAnswers(questions: Pick<SelfAssessmentQuestion, "id" | "correctOption">[], answers: ChosenAnswers, passingPercent: number): Score {
  const total = questions.length;
  const correct = questions.filter((question) => answers[question.id] === question.correctOption).length;
  return { correct, total, percent: total ? Math.floor((correct * 100) / total) : 0, passed: total > 0 && correct * 100 >= passingPercent * total };
}

/** How many right answers reach the mark: the smallest number that scoreAnswers passes. */
export function answersNeeded(total: number, passingPercent: number): number {
  return Math.ceil((passingPercent * total) / 100);
}

/** Each question with what the learner chose and whether it was right, for the page after an attempt. */
export function reviewAnswers(questions: SelfAssessmentQuestion[], answers: ChosenAnswers) {
  return questions.map((question) => {
    const chosen = answers[question.id] ?? null;
    return { ...question, chosen, right: chosen === question.correctOption };
  });
}

/** A pass rate as a person reads it: "3 of 4 passed (75%)". */
export function passRate(passed: number, tried: number): string {
  return tried ? `${passed} of ${tried} passed (${Math.round((passed * 100) / tried)}%)` : "Nobody has tried yet";
}
