// Reading a learner's answers and adding up results, on a small evaluation.
import { describe, expect, it } from "vitest";
import { EVALUATION_TEMPLATES, readAnswers, summarize, type Question } from "./evaluations";

const questions: Question[] = [
  { id: "r", kind: "RATING", prompt: "Objectives met", options: [], required: true },
  { id: "s", kind: "SINGLE_CHOICE", prompt: "Profession", options: ["Physician", "Nurse"], required: true },
  { id: "m", kind: "MULTIPLE_CHOICE", prompt: "How", options: ["In person", "Online"], required: false },
  { id: "c", kind: "COMMITMENT_TO_CHANGE", prompt: "Change", options: [], required: false },
  { id: "b", kind: "COMMERCIAL_BIAS", prompt: "Free of bias?", options: [], required: true },
];

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("reading answers", () => {
  it("keeps valid answers, in the options' order for multiple choice", () => {
    const result = readAnswers(questions, form([["q-r", "4"], ["q-s", "Nurse"], ["q-m", "Online"], ["q-m", "In person"], ["q-c", "  Use radial access first  "], ["q-b", "yes"], ["q-x", "ignored"]]));
    expect(result).toEqual({ answers: { r: 4, s: "Nurse", m: ["In person", "Online"], c: "Use radial access first", b: { free: true, detail: "" } } });
  });

  it("says what is wrong with each question, and what is missing", () => {
    const result = readAnswers(questions, form([["q-r", "6"], ["q-s", "Surgeon"], ["q-m", "By fax"], ["q-b", "no"]]));
    expect(result).toEqual({
      errors: {
        r: "Choose a rating from 1 to 5.",
        s: "Choose one of the answers listed.",
        m: "Choose from the answers listed.",
        b: "Say what seemed biased, so the planners can act on it.",
      },
    });
    expect(readAnswers(questions, form([]))).toEqual({ errors: { r: "Answer this question.", s: "Answer this question.", b: "Answer this question." } });
  });

  it("takes a 'not free of bias' answer with what was biased", () => {
    const result = readAnswers(questions, form([["q-r", "1"], ["q-s", "Physician"], ["q-b", "no"], ["q-b-detail", "Product names on every slide"]]));
    expect(result).toMatchObject({ answers: { b: { free: false, detail: "Product names on every slide" } } });
  });
});

describe("results", () => {
  it("counts ratings, choices and bias answers, and lists texts sorted rather than in the order given", () => {
    const results = summarize(questions, [
      { r: 5, s: "Physician", m: ["Online"], c: "Zeta plan", b: { free: true, detail: "" } },
      { r: 3, s: "Physician", m: ["In person", "Online"], c: "Alpha plan", b: { free: false, detail: "Device talk" } },
      { s: "Nurse" },
    ]);
    expect(results.map((row) => row.result)).toEqual([
      { kind: "RATING", answered: 2, counts: [0, 0, 1, 0, 1], average: 4 },
      { kind: "CHOICE", answered: 3, counts: [{ option: "Physician", count: 2 }, { option: "Nurse", count: 1 }] },
      { kind: "CHOICE", answered: 2, counts: [{ option: "In person", count: 1 }, { option: "Online", count: 2 }] },
      { kind: "TEXT", answered: 2, texts: ["Alpha plan", "Zeta plan"] },
      { kind: "BIAS", answered: 2, free: 1, biased: 1, details: ["Device talk"] },
    ]);
  });

  it("has templates that ask about commitment to change and commercial bias", () => {
    for (const template of Object.values(EVALUATION_TEMPLATES)) {
      expect(template.questions.map((question) => question.kind)).toEqual(expect.arrayContaining(["RATING", "COMMITMENT_TO_CHANGE", "COMMERCIAL_BIAS"]));
    }
  });
});
