// One question in the audience list: its text (always as text), who asked (or
// "Anonymous"), its state, the upvote toggle (named after its question, and
// not on one's own: the vote verb refuses that too), and for the author's own
// waiting question, edit and withdraw.
import { questionSnippet, type QuestionView } from "~/models/live-qa/questions";
import { formatTime } from "~/utils/time";
import { QuestionEditor, QuestionForm, votesText, type OnLive } from "./live-form";

export type QuestionActions = {
  live: boolean;
  canVote: boolean;
  zone: string;
  onLive: OnLive;
};

export function Badge({ tone, children }: { tone: "amber" | "emerald" | "brand" | "slate" | "red"; children: React.ReactNode }) {
  const tones = {
    amber: "border-amber-300 bg-amber-50 text-amber-900",
    emerald: "border-emerald-300 bg-emerald-50 text-emerald-900",
    brand: "border-brand-600 bg-brand-700 text-white",
    slate: "border-slate-300 bg-slate-100 text-slate-800",
    red: "border-red-200 bg-red-50 text-red-900",
  } as const;
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>;
}

export function QuestionItem({ question, pinned, actions }: { question: QuestionView; pinned: boolean; actions: QuestionActions }) {
  const { live, canVote, zone, onLive } = actions;
  const voted = question.votedByMe === true;
  const waiting = question.status === "PENDING";
  const dismissed = question.status === "DISMISSED";
  return (
    <li
      // The author's own question takes the focus once it is sent (the page moves it there).
      tabIndex={question.mine ? -1 : undefined}
      className={`rounded-lg border px-3 py-2.5 shadow-sm sm:px-4 sm:py-3 ${pinned ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : waiting || dismissed ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"}`}
      data-question-id={question.id}
    >
      <div className="flex gap-3">
        <div className="min-w-0 flex-1">
          {pinned || question.answeredAt || waiting || dismissed || question.editedAt ? (
            <p className="mb-1.5 flex flex-wrap gap-1.5">
              {pinned ? <Badge tone="brand">Now answering</Badge> : null}
              {question.answeredAt ? <Badge tone="emerald">Answered</Badge> : null}
              {waiting ? <Badge tone="amber">Waiting for moderation</Badge> : null}
              {dismissed ? <Badge tone="red">Not accepted</Badge> : null}
              {question.editedAt ? <Badge tone="slate">Edited by a moderator</Badge> : null}
            </p>
          ) : null}
          <p className="text-base leading-snug break-words whitespace-pre-line text-slate-900 sm:leading-relaxed">{question.body}</p>
          <p className="mt-1 text-sm text-slate-600 sm:mt-1.5">
            {question.mine ? "You" : (question.authorName ?? "Anonymous")}
            {question.mine && question.anonymous ? " (anonymous to others)" : ""} ·{" "}
            <time dateTime={question.createdAt}>{formatTime(new Date(question.createdAt), zone)}</time>
          </p>
          {dismissed && question.dismissReason ? (
            <p className="mt-1.5 text-sm text-red-900">
              <span className="font-semibold">Moderator’s note:</span> {question.dismissReason}
            </p>
          ) : null}
          {question.mine && waiting ? <OwnQuestionActions question={question} live={live} onLive={onLive} /> : null}
        </div>
        {question.status === "APPROVED" ? (
          <div className="shrink-0">
            {canVote && !question.mine ? (
              <QuestionForm question={question} live={live} onLive={onLive}>
                <button
                  type="submit"
                  name="intent"
                  value={voted ? "unvote" : "vote"}
                  aria-pressed={voted}
                  aria-label={`Upvote “${questionSnippet(question.body)}”, ${votesText(question.voteCount)}`}
                  className={`flex min-w-14 flex-col items-center rounded-md border px-2.5 py-1.5 text-sm font-semibold tabular-nums transition-colors ${
                    voted ? "border-brand-700 bg-brand-700 text-white hover:bg-brand-800" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600 hover:text-brand-800"
                  }`}
                >
                  <span aria-hidden="true">▲</span>
                  <span>{question.voteCount}</span>
                </button>
              </QuestionForm>
            ) : (
              <p className="flex min-w-14 flex-col items-center rounded-md border border-slate-200 px-2.5 py-1.5 text-sm font-semibold text-slate-700 tabular-nums">
                <span aria-hidden="true">▲</span>
                <span>{question.voteCount}</span>
                <span className="sr-only">{question.voteCount === 1 ? "vote" : "votes"}</span>
                {question.mine && canVote ? <span className="sr-only"> (you cannot upvote your own question)</span> : null}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </li>
  );
}

function OwnQuestionActions({ question, live, onLive }: { question: QuestionView; live: boolean; onLive: OnLive }) {
  return (
    <div className="mt-2 flex flex-wrap items-start gap-2">
      <QuestionEditor
        question={question}
        live={live}
        onLive={onLive}
        label="Edit your question"
        labelHidden
        saveLabel="Save changes"
        summaryClassName="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-50"
      />
      <QuestionForm question={question} live={live} onLive={onLive}>
        <button type="submit" name="intent" value="withdraw" className="rounded-md border border-red-300 bg-white px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50">
          Withdraw
        </button>
      </QuestionForm>
    </div>
  );
}
