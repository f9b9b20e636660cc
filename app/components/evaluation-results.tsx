// An evaluation's results, question by question: counts with a bar beside each
// (the bar is decoration; the figures are the content), averages for ratings,
// and free answers listed without names.
import { RATING_LABELS, type Question, type QuestionResult } from "~/models/cme/evaluations";
import { counted } from "~/utils/plural";

function Bars({ rows, total }: { rows: { label: string; count: number }[]; total: number }) {
  return (
    <table className="mt-2 w-full max-w-xl text-sm">
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" className="w-2/5 py-0.5 pr-3 text-left font-normal text-slate-800">
              {row.label}
            </th>
            <td className="py-0.5 pr-3 text-right text-slate-900 tabular-nums">{row.count}</td>
            <td className="w-1/2 py-0.5" aria-hidden="true">
              {/* An SVG bar: its width is an attribute, which the policy allows where a style="" would not be. */}
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full">
                <rect width={total ? (row.count / total) * 100 : 0} height="10" rx="1.5" className="fill-brand-600" />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
          {result.kind === "RATING" ? <Bars total={result.answered} rows={RATING_LABELS.map((label, index) => ({ label: `${index + 1} ${label}`, count: result.counts[index]! }))} /> : null}
          {result.kind === "CHOICE" ? <Bars total={result.answered} rows={result.counts.map((row) => ({ label: row.option, count: row.count }))} /> : null}
          {result.kind === "BIAS" ? (
            <>
              <Bars total={result.answered} rows={[{ label: "Free of commercial bias", count: result.free }, { label: "Not free of bias", count: result.biased }]} />
              <Texts texts={result.details} label={`What seemed biased (${result.details.length})`} />
            </>
          ) : null}
          {result.kind === "TEXT" ? <Texts texts={result.texts} label={`Read the ${counted(result.texts.length, "answer")}`} /> : null}
        </li>
      ))}
    </ol>
  );
}
