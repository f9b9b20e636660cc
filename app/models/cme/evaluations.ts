// Evaluations, as pure rules: the templates organizers start from (with the
// questions ACCME expects of an accredited provider: whether the objectives
// were met, commitment to change, and the learners' view of commercial bias),
// reading a learner's answers from a form with a clear message per question,
// and results added up without names.
import { z } from "zod";

export type EvaluationScope = "MEETING" | "SESSION";
export type QuestionKind = "RATING" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "FREE_TEXT" | "COMMITMENT_TO_CHANGE" | "COMMERCIAL_BIAS";
export type Question = { id: string; kind: QuestionKind; prompt: string; options: string[]; required: boolean };
export type QuestionDraft = Omit<Question, "id">;

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  RATING: "Rating, 1 to 5",
  SINGLE_CHOICE: "Single choice",
  MULTIPLE_CHOICE: "Multiple choice",
  FREE_TEXT: "Free text",
  COMMITMENT_TO_CHANGE: "Commitment to change",
  COMMERCIAL_BIAS: "Free of commercial bias?",
};

export const SCOPE_LABELS: Record<EvaluationScope, string> = { MEETING: "Meeting evaluation", SESSION: "Session evaluation" };

/** The rating scale, 1 to 5, as learners read it. */
export const RATING_LABELS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"] as const;

export const CHOICE_KINDS: readonly QuestionKind[] = ["SINGLE_CHOICE", "MULTIPLE_CHOICE"];

const rating = (prompt: string): QuestionDraft => ({ kind: "RATING", prompt, options: [], required: true });

export const EVALUATION_TEMPLATES: Record<EvaluationScope, { title: string; questions: QuestionDraft[] }> = {
  MEETING: {
    title: "Meeting evaluation",
    questions: [
      rating("The meeting met its stated learning objectives."),
      rating("The content was relevant to my practice."),
      rating("The content was evidence-based and balanced."),
      { kind: "SINGLE_CHOICE", prompt: "What is your profession?", options: ["Physician", "Physician in training", "Nurse or nurse practitioner", "Physician assistant", "Technologist", "Other"], required: true },
      { kind: "MULTIPLE_CHOICE", prompt: "How did you take part?", options: ["In person", "Live online", "Recorded sessions"], required: false },
      { kind: "COMMITMENT_TO_CHANGE", prompt: "What will you change in your practice as a result of this meeting?", options: [], required: true },
      { kind: "COMMERCIAL_BIAS", prompt: "Was the content free of commercial bias?", options: [], required: true },
      { kind: "FREE_TEXT", prompt: "What topics would you like at next year's meeting?", options: [], required: false },
    ],
  },
  SESSION: {
    title: "Session evaluation",
    questions: [
      rating("The session met its learning objectives."),
      rating("The faculty were effective."),
      { kind: "COMMITMENT_TO_CHANGE", prompt: "What will you do differently after this session?", options: [], required: false },
      { kind: "COMMERCIAL_BIAS", prompt: "Was the content free of commercial bias?", options: [], required: true },
    ],
  },
};

/** One answer as stored: a rating, a choice, choices, text, or the bias answer with what was biased. */
export type Answer = number | string | string[] | { free: boolean; detail: string };
export type Answers = Record<string, Answer>;

/** The form field of a question (its detail box is `<name>-detail`). */
export const fieldName = (question: { id: string }) => `q-${question.id}`;

const TEXT_MAX = 2000;

/**
 * A learner's answers from the submitted form, or a message for each question
 * answered wrongly or left out when required. Anything not asked is ignored.
 */
export function readAnswers(questions: Question[], form: { get(name: string): unknown; getAll(name: string): unknown[] }): { answers: Answers } | { errors: Record<string, string> } {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  for (const question of questions) {
    const name = fieldName(question);
    const raw = text(form.get(name));
    switch (question.kind) {
      case "RATING": {
        if (!raw) break;
        const value = Number(raw);
        if (Number.isInteger(value) && value >= 1 && value <= 5) answers[question.id] = value;
        else errors[question.id] = "Choose a rating from 1 to 5.";
        break;
      }
      case "SINGLE_CHOICE":
        if (!raw) break;
        if (question.options.includes(raw)) answers[question.id] = raw;
        else errors[question.id] = "Choose one of the answers listed.";
        break;
      case "MULTIPLE_CHOICE": {
        const chosen = [...new Set(form.getAll(name).map(text).filter(Boolean))];
        if (chosen.some((choice) => !question.options.includes(choice))) errors[question.id] = "Choose from the answers listed.";
        else if (chosen.length) answers[question.id] = question.options.filter((option) => chosen.includes(option));
        break;
      }
      case "FREE_TEXT":
      case "COMMITMENT_TO_CHANGE":
        if (raw.length > TEXT_MAX) errors[question.id] = `Keep it under ${TEXT_MAX} characters.`;
        else if (raw) answers[question.id] = raw;
        break;
      case "COMMERCIAL_BIAS": {
        if (!raw) break;
        if (raw !== "yes" && raw !== "no") {
          errors[question.id] = "Answer yes or no.";
          break;
        }
        const detail = text(form.get(`${name}-detail`)).slice(0, TEXT_MAX);
        if (raw === "no" && !detail) errors[question.id] = "Say what seemed biased, so the planners can act on it.";
        else answers[question.id] = { free: raw === "yes", detail: raw === "no" ? detail : "" };
        break;
      }
    }
    if (question.required && !(question.id in answers) && !(question.id in errors)) errors[question.id] = "Answer this question.";
  }
  return Object.keys(errors).length ? { errors } : { answers };
}

export type QuestionResult =
  | { kind: "RATING"; answered: number; counts: number[]; average: number | null }
  | { kind: "CHOICE"; answered: number; counts: { option: string; count: number }[] }
  | { kind: "TEXT"; answered: number; texts: string[] }
  | { kind: "BIAS"; answered: number; free: number; biased: number; details: string[] };

/** Each question's results over all responses, with no trace of who answered what: texts are sorted, not in the order given. */
export function summarize(questions: Question[], responses: Answers[]): { question: Question; result: QuestionResult }[] {
  return questions.map((question) => {
    const given = responses.map((answers) => answers[question.id]).filter((answer): answer is Answer => answer !== undefined);
    const sorted = (texts: string[]) => [...texts].sort((a, b) => a.localeCompare(b));
    switch (question.kind) {
      case "RATING": {
        const values = given.filter((answer): answer is number => typeof answer === "number");
        const counts = [1, 2, 3, 4, 5].map((point) => values.filter((value) => value === point).length);
        return { question, result: { kind: "RATING", answered: values.length, counts, average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null } };
      }
      case "SINGLE_CHOICE":
      case "MULTIPLE_CHOICE": {
        const chosen = given.flatMap((answer) => (Array.isArray(answer) ? answer : typeof answer === "string" ? [answer] : []));
        return { question, result: { kind: "CHOICE", answered: given.length, counts: question.options.map((option) => ({ option, count: chosen.filter((choice) => choice === option).length })) } };
      }
      case "FREE_TEXT":
      case "COMMITMENT_TO_CHANGE": {
        const texts = given.filter((answer): answer is string => typeof answer === "string");
        return { question, result: { kind: "TEXT", answered: texts.length, texts: sorted(texts) } };
      }
      case "COMMERCIAL_BIAS": {
        const bias = given.filter((answer): answer is { free: boolean; detail: string } => typeof answer === "object" && answer !== null && "free" in answer);
        return {
          question,
          result: { kind: "BIAS", answered: bias.length, free: bias.filter((a) => a.free).length, biased: bias.filter((a) => !a.free).length, details: sorted(bias.filter((a) => !a.free && a.detail).map((a) => a.detail)) },
        };
      }
    }
  });
}

/** The console's question form: the kind, the wording, choices one per line, and whether an answer is required. */
export const QuestionFormSchema = z.object({
  scope: z.enum(["MEETING", "SESSION"]),
  questionId: z.string().max(64).optional(),
  kind: z.enum(["RATING", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "FREE_TEXT", "COMMITMENT_TO_CHANGE", "COMMERCIAL_BIAS"], { error: "Choose the kind of question." }),
  prompt: z.string({ error: "Write the question." }).trim().min(1, "Write the question.").max(300, "Keep the question under 300 characters."),
  options: z
    .string()
    .max(3000, "Keep the answers shorter.")
    .optional()
    .transform((text) => (text ?? "").split("\n").map((line) => line.trim()).filter(Boolean)),
  required: z.literal("on").optional().transform((value) => value === "on"),
});
