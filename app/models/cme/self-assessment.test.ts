// The self-assessment's pure rules: the console's question form, reading a
// learner's answers, and scoring against the passing mark.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { getZodConstraint } from "@conform-to/zod/v4";
import { answersNeeded, draftFromForm, passRate, questionProblem, readChosenAnswers, reviewAnswers, scoreAnswers, SelfAssessmentQuestionSchema, type SelfAssessmentQuestion } from "./self-assessment";

const questionForm = (fields: Record<string, string>) => {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return parseWithZod(formData, { schema: SelfAssessmentQuestionSchema });
};

const complete = { prompt: "Which embolic agent?", "options[0]": "Coils", "options[1]": "Gelfoam", correct: "1", explanation: "Gelfoam is temporary." };

describe("the question form", () => {
  it("drops blank answer boxes and counts the correct answer without them", () => {
    const submission = questionForm({ ...complete, "options[0]": "", "options[1]": "Coils", "options[2]": "", "options[3]": "Gelfoam", "options[4]": "Onyx", correct: "3" });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(draftFromForm(submission.value)).toEqual({ questionId: undefined, prompt: "Which embolic agent?", options: ["Coils", "Gelfoam", "Onyx"], correctOption: 1, explanation: "Gelfoam is temporary." });
  });

  it("gives the browser its constraints, so it checks what the server checks", () => {
    expect(getZodConstraint(SelfAssessmentQuestionSchema)).toMatchObject({ prompt: { required: true }, explanation: { required: true }, correct: { required: true } });
  });

  it("puts each mistake under its field", () => {
    const errors = (fields: Record<string, string>) => questionForm({ ...complete, ...fields }).reply().error ?? {};
    expect(errors({ prompt: "" }).prompt?.[0]).toBe("Write the question.");
    expect(errors({ "options[1]": "" }).options?.[0]).toMatch(/at least 2 answers/);
    expect(errors({ "options[1]": "coils" }).options?.[0]).toBe("Each answer must be different.");
    expect(errors({ correct: "" }).correct?.[0]).toBe("Pick the correct answer.");
    expect(errors({ correct: "4" }).correct?.[0]).toMatch(/among the answers you wrote/);
    expect(errors({ correct: "9" }).correct?.[0]).toBe("Pick the correct answer.");
    expect(errors({ explanation: " " }).explanation?.[0]).toMatch(/Explain why/);
    expect(errors({ "options[6]": "Seventh" }).options?.[0]).toMatch(/At most 6/);
  });

  it("is checked again as stored", () => {
    const draft = { prompt: "Q", options: ["A", "B"], correctOption: 0, explanation: "Because." };
    expect(questionProblem(draft)).toBeNull();
    expect(questionProblem({ ...draft, options: ["A"] })).toMatchObject({ field: "options" });
    expect(questionProblem({ ...draft, options: ["A", "B", "C", "D", "E", "F", "G"] })).toMatchObject({ field: "options" });
    expect(questionProblem({ ...draft, correctOption: 2 })).toMatchObject({ field: "correct" });
    expect(questionProblem({ ...draft, explanation: "" })).toMatchObject({ field: "explanation" });
  });
});

const questions: SelfAssessmentQuestion[] = [
  { id: "a", prompt: "First", options: ["x", "y", "z"], correctOption: 2, explanation: "z." },
  { id: "b", prompt: "Second", options: ["x", "y"], correctOption: 0, explanation: "x." },
];

describe("reading a learner's answers", () => {
  const form = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("needs every question answered with one of its answers", () => {
    expect(readChosenAnswers(questions, form({ "q-a": "z", "q-b": " y ", "q-other": "x" }))).toEqual({ answers: { a: 2, b: 1 } });
    expect(readChosenAnswers(questions, form({ "q-a": "z", "q-b": "" }))).toEqual({ errors: { b: "Answer this question." } });
    expect(readChosenAnswers(questions, form({ "q-a": "2", "q-b": "w" }))).toEqual({ errors: { a: "Choose one of the answers listed.", b: "Choose one of the answers listed." } });
  });
});

describe("scoring", () => {
  const ten = Array.from({ length: 10 }, (_, index) => ({ id: `q${index}`, correctOption: 0 }));
  const answersWith = (right: number) => Object.fromEntries(ten.map((question, index) => [question.id, index < right ? 0 : 1]));

  it("passes at exactly the mark, and not one answer below it", () => {
    expect(scoreAnswers(ten, answersWith(7), 70)).toEqual({ correct: 7, total: 10, percent: 70, passed: true });
    expect(scoreAnswers(ten, answersWith(6), 70)).toEqual({ correct: 6, total: 10, percent: 60, passed: false });
    expect(scoreAnswers(ten, answersWith(10), 100)).toMatchObject({ passed: true });
    // What the page tells the learner they need agrees with the scoring.
    for (const [total, mark] of [[10, 70], [3, 67], [4, 75], [7, 70], [1, 1]] as const) {
      const needed = answersNeeded(total, mark);
      const some = ten.slice(0, total);
      expect(scoreAnswers(some, answersWith(needed), mark).passed).toBe(true);
      expect(scoreAnswers(some, answersWith(needed - 1), mark).passed).toBe(false);
    }
  });

  it("rounds the percent down, so a score just under the mark never shows it", () => {
    const three = ten.slice(0, 3);
    expect(scoreAnswers(three, answersWith(2), 67)).toEqual({ correct: 2, total: 3, percent: 66, passed: false });
    expect(scoreAnswers(three, answersWith(2), 66)).toMatchObject({ passed: true });
  });

  it("says which answers were right", () => {
    expect(reviewAnswers(questions, { a: 2, b: 1 }).map(({ id, chosen, right }) => ({ id, chosen, right }))).toEqual([
      { id: "a", chosen: 2, right: true },
      { id: "b", chosen: 1, right: false },
    ]);
    expect(passRate(3, 4)).toBe("3 of 4 passed (75%)");
    expect(passRate(0, 0)).toBe("Nobody has tried yet");
  });
});
