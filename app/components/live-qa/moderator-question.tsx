// One question in the moderator's lists, with the actions its state allows.
// Every action is a form (so it works without JavaScript) that goes over the
// socket when the live connection is up.
import { DISMISS_REASON_MAX_LENGTH, questionSnippet, type QuestionView } from "~/models/live-qa/questions";
import { formatTime } from "~/utils/time";
import { QuestionEditor, QuestionForm, questionButtonClass, type OnLive } from "./live-form";
import { Badge } from "./question-item";

export function ModeratorQuestion({
  question,
  pinned,
  zone,
  live,
  onLive,
  shortcuts,
}: {
  question: QuestionView;
  pinned: boolean;
  zone: string;
  live: boolean;
  onLive: OnLive;
  /** The single-key shortcuts are on: the buttons say their keys. */
  shortcuts: boolean;
}) {
  const key = (shortcut: string | undefined) => (shortcuts ? shortcut : undefined);
  const action = (intent: string, label: string, style: keyof typeof questionButtonClass, shortcut?: string) => (
    <QuestionForm question={question} live={live} onLive={onLive}>
      <button type="submit" name="intent" value={intent} className={questionButtonClass[style]} aria-keyshortcuts={key(shortcut)} data-shortcut={shortcut}>
        {label}
      </button>
    </QuestionForm>
  );
  const { status } = question;
  return (
    <li>
      <article
        tabIndex={0}
        data-question-id={question.id}
        data-queue-item=""
        aria-label={`${status === "PENDING" ? "Waiting" : status === "APPROVED" ? "On the board" : status === "DISMISSED" ? "Dismissed" : "Withdrawn"}: ${questionSnippet(question.body)}`}
        className={`rounded-lg border px-4 py-3 shadow-sm focus:outline-2 focus:outline-offset-2 focus:outline-brand-600 ${pinned ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
      >
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 text-base leading-relaxed break-words whitespace-pre-line text-slate-900">{question.body}</p>
          {status === "APPROVED" ? (
            <p className="shrink-0 rounded-md border border-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-700 tabular-nums">
              <span aria-hidden="true">▲ </span>
              {question.voteCount}
              <span className="sr-only"> {question.voteCount === 1 ? "vote" : "votes"}</span>
            </p>
          ) : null}
        </div>
        <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span>
            {question.authorName ?? "Unknown"}
            {question.anonymous ? " (anonymous to viewers)" : ""}
          </span>
          <span aria-hidden="true">·</span>
          <time dateTime={question.createdAt}>{formatTime(new Date(question.createdAt), zone)}</time>
          {pinned ? <Badge tone="brand">Now answering</Badge> : null}
          {question.answeredAt ? <Badge tone="emerald">Answered</Badge> : null}
          {question.editedAt ? <Badge tone="slate">Edited</Badge> : null}
        </p>
        {status === "DISMISSED" && question.dismissReason ? <p className="mt-1 text-sm text-red-900">Reason given: {question.dismissReason}</p> : null}

        {status !== "WITHDRAWN" ? (
          <div className="mt-3 flex flex-wrap items-start gap-2">
            {status === "PENDING" ? action("approve", "Approve", "primary", "a") : null}
            {status === "DISMISSED" ? action("approve", "Approve after all", "secondary", "a") : null}
            {status === "APPROVED" && !pinned ? action("pin", "Pin as now answering", "primary", "p") : null}
            {status === "APPROVED" && pinned ? action("unpin", "Unpin", "secondary") : null}
            {status === "APPROVED" && !question.answeredAt ? action("answer", "Mark answered", "secondary", "m") : null}
            <QuestionEditor
              question={question}
              live={live}
              onLive={onLive}
              label="Text (the author is told it was edited)"
              saveLabel="Save text"
              summaryClassName={questionButtonClass.secondary}
              shortcut={key("e")}
            />
            {status === "PENDING" || status === "APPROVED" ? (
              <details className="group" data-dismiss="">
                <summary className={`${questionButtonClass.danger} cursor-pointer list-none`} aria-keyshortcuts={key("d")}>
                  Dismiss…
                </summary>
                <QuestionForm question={question} live={live} onLive={onLive} className="mt-2 space-y-2">
                  <label htmlFor={`reason-${question.id}`} className="block text-sm font-medium text-slate-800">
                    Reason for the author (optional)
                  </label>
                  <input
                    id={`reason-${question.id}`}
                    name="reason"
                    maxLength={DISMISS_REASON_MAX_LENGTH}
                    className="block w-full min-w-64 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
                    placeholder="e.g. Already answered"
                  />
                  <button type="submit" name="intent" value="dismiss" className={questionButtonClass.danger}>
                    Dismiss question
                  </button>
                </QuestionForm>
              </details>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
