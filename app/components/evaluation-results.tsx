// An evaluation's results, question by question: a bar chart of the counts
// (drawn on the server, with its figures in a table), averages for ratings,
// and free answers listed without names.
import { BarChart, type BarRow } from "./bar-chart";
import { RATING_LABELS, type Question, type QuestionResult } from "~/models/cme/evaluations";
import { counted } from "~/utils/plural";

/** Bars as long as the share of answers: a bar chart whose whole width is everyone who answered. */
function Bars({ prompt, rows, total }: { prompt: string; rows: BarRow[]; total: number }) {
  return <BarChart caption={`Answers to “${prompt}”`} rows={rows} total={total} valueHeader="Answers" />;
}

function Texts({ texts, label }: { texts: string[]; label: string }) {
  if (!texts.length) return null;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{label}</summary>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
        {texts.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
    </details>
  );
}

export function EvaluationResults({ questions }: { questions: { question: Question; result: QuestionResult }[] }) {
  return (
    <ol className="mt-2 space-y-4">
      {questions.map(({ question, result }) => (
        <li key={question.id}>
          <p className="font-medium text-slate-900">{question.prompt}</p>
          <p className="text-sm text-slate-600">
            {counted(result.answered, "answer")}
            {result.kind === "RATING" && result.average !== null ? ` · average ${result.average.toFixed(1)} of 5` : ""}
          </p>
          {result.kind === "RATING" ? <Bars prompt={question.prompt} total={result.answered} rows={RATING_LABELS.map((label, index) => ({ label: `${index + 1} ${label}`, value: result.counts[index]! }))} /> : null}
          {result.kind === "CHOICE" ? <Bars prompt={question.prompt} total={result.answered} rows={result.counts.map((row) => ({ label: row.option, value: row.count }))} /> : null}
          {result.kind === "BIAS" ? (
            <>
              <Bars prompt={question.prompt} total={result.answered} rows={[{ label: "Free of commercial bias", value: result.free }, { label: "Not free of bias", value: result.biased }]} />
              <Texts texts={result.details} label={`What seemed biased (${result.details.length})`} />
            </>
          ) : null}
          {result.kind === "TEXT" ? <Texts texts={result.texts} label={`Read the ${counted(result.texts.length, "answer")}`} /> : null}
        </li>
      ))}
    </ol>
  );
}
