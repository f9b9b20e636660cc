// Pieces shared by the live pages: a form that posts to the route's action
// without JavaScript (or while the live connection is down) and goes over the
// socket when it is up, the forms about one question (its actions, editing its
// text), the connection badge, the notice of the last action, and small
// status texts.
import { Form } from "@remix-run/react";
import { type ComponentProps, type FormEvent, type ReactNode } from "react";
import { QUESTION_MAX_LENGTH, type QuestionView } from "~/models/live-qa/questions";
import type { LiveStatus } from "./use-live-qa";

type LiveFormProps = Omit<ComponentProps<typeof Form>, "onSubmit" | "method"> & {
  /** The socket is connected: submit through `onLiveSubmit` instead of posting. */
  live: boolean;
  onLiveSubmit: (formData: FormData) => void;
};

export function LiveForm({ live, onLiveSubmit, children, ...rest }: LiveFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!live) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    onLiveSubmit(new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null));
  };
  return (
    <Form method="post" preventScrollReset onSubmit={submit} {...rest}>
      {children}
    </Form>
  );
}

/** The buttons of the question forms. */
export const questionButtonClass = {
  primary: "rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800",
  secondary: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50",
  danger: "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50",
} as const;

type QuestionFormProps = { question: QuestionView; live: boolean; onLive: (formData: FormData) => void };

/** A form about one question: its id goes along with whichever button's intent. */
export function QuestionForm({ question, live, onLive, className, children }: QuestionFormProps & { className?: string; children: ReactNode }) {
  return (
    <LiveForm live={live} onLiveSubmit={onLive} className={className}>
      <input type="hidden" name="questionId" value={question.id} />
      {children}
    </LiveForm>
  );
}

/**
 * The question's text to edit (intent "edit"), folded behind an Edit button:
 * its author's while it waits, a moderator's at any time (with `shortcut`, the
 * key that opens it).
 */
export function QuestionEditor({
  question,
  live,
  onLive,
  label,
  labelHidden = false,
  saveLabel,
  summaryClassName,
  shortcut,
}: QuestionFormProps & { label: string; labelHidden?: boolean; saveLabel: string; summaryClassName: string; shortcut?: string }) {
  return (
    <details className="group" data-edit="">
      <summary className={`${summaryClassName} cursor-pointer list-none`} aria-keyshortcuts={shortcut}>
        Edit
      </summary>
      <QuestionForm question={question} live={live} onLive={onLive} className="mt-2 w-full space-y-2">
        <label htmlFor={`edit-${question.id}`} className={labelHidden ? "sr-only" : "block text-sm font-medium text-slate-800"}>
          {label}
        </label>
        <textarea
          id={`edit-${question.id}`}
          name="body"
          required
          maxLength={QUESTION_MAX_LENGTH}
          defaultValue={question.body}
          rows={3}
          className="block w-full min-w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
        />
        <button type="submit" name="intent" value="edit" className={questionButtonClass.primary}>
          {saveLabel}
        </button>
      </QuestionForm>
    </details>
  );
}

export type LiveNoticeText = { text: string; error: boolean };

/** What the last action did, politely announced, or why it failed, announced at once. */
export function LiveNotice({ notice }: { notice: LiveNoticeText | null }) {
  return (
    <>
      <div role="status" aria-live="polite" className="mt-3 empty:hidden">
        {notice && !notice.error ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{notice.text}</p> : null}
      </div>
      <div role="alert" className="mt-3 empty:hidden">
        {notice?.error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{notice.text}</p> : null}
      </div>
    </>
  );
}

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  "signed-out": "Signed out",
};

/** "● Live · 1,204 watching": the state of the live connection, announced politely when it changes. */
export function ConnectionBadge({ status, viewers, className = "" }: { status: LiveStatus; viewers: number | null; className?: string }) {
  const dot = status === "live" ? "bg-emerald-500" : status === "signed-out" ? "bg-slate-400" : "bg-amber-500";
  return (
    <p role="status" className={`inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-700 ${className}`}>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${dot} ${status === "live" ? "animate-pulse" : ""}`} />
        {STATUS_TEXT[status]}
      </span>
      {status === "live" && viewers !== null ? (
        <span className="text-slate-600">
          · {viewers.toLocaleString("en-US")} watching
        </span>
      ) : null}
    </p>
  );
}

/** The label of a vote count: "12 votes". */
export function votesText(count: number): string {
  return `${count} ${count === 1 ? "vote" : "votes"}`;
}
