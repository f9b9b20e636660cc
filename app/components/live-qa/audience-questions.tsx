// After the session (and during it), its approved audience questions on the
// session page, answered or not, most votes first.
import type { QuestionView } from "~/models/live-qa/questions";
import { Badge } from "./question-item";

export function AudienceQuestions({ questions }: { questions: QuestionView[] }) {
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="audience-questions" className="mt-8">
      <h2 id="audience-questions" className="text-lg font-bold text-slate-900">
        Questions from the audience <span className="font-semibold text-slate-600">({questions.length})</span>
      </h2>
      <ol className="mt-3 space-y-3">
        {questions.map((question) => (
          <li key={question.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <p className="flex min-w-12 shrink-0 flex-col items-center self-start rounded-md border border-slate-200 px-2 py-1 text-sm font-semibold text-slate-700 tabular-nums">
              <span aria-hidden="true">▲</span>
              <span>{question.voteCount}</span>
              <span className="sr-only">{question.voteCount === 1 ? "vote" : "votes"}</span>
            </p>
            <div className="min-w-0">
              <p className="leading-relaxed break-words whitespace-pre-line text-slate-900">{question.body}</p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <span>{question.authorName ?? "Anonymous"}</span>
                {question.answeredAt ? <Badge tone="emerald">Answered</Badge> : null}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
