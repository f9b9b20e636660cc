// Pieces shared by the live pages: a form that posts to the route's action
// without JavaScript (or while the live connection is down) and goes over the
// socket when it is up, the forms about one question (its actions, editing its
// text), the notice of the last action, the polite region that announces
// changes to the board, and small status texts.
import { Form } from "@remix-run/react";
import { forwardRef, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { QUESTION_MAX_LENGTH, type QuestionView } from "~/models/live-qa/questions";
import type { Announcement } from "./use-live-qa";

type LiveFormProps = Omit<ComponentProps<typeof Form>, "onSubmit" | "method"> & {
  /** The socket is connected: submit through `onLiveSubmit` instead of posting. */
  live: boolean;
  /** Gets the form too: a page may move the focus from where the form was once the command is done. */
  onLiveSubmit: (formData: FormData, form: HTMLFormElement) => void;
};

export function LiveForm({ live, onLiveSubmit, children, ...rest }: LiveFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!live) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    onLiveSubmit(new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null), event.currentTarget);
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

export type OnLive = (formData: FormData, form: HTMLFormElement) => void;

type QuestionFormProps = { question: QuestionView; live: boolean; onLive: OnLive };

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
          className="block w-full min-w-64 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
        />
        <button type="submit" name="intent" value="edit" className={questionButtonClass.primary}>
          {saveLabel}
        </button>
      </QuestionForm>
    </details>
  );
}

export type LiveNoticeText = { text: string; error: boolean };

/**
 * What the last action did, politely announced, or why it failed, announced at
 * once. The polite region takes the focus when an action took away the control
 * it came from and nothing else stands in its place (ref, tabIndex -1).
 */
export const LiveNotice = forwardRef<HTMLDivElement, { notice: LiveNoticeText | null }>(function LiveNotice({ notice }, ref) {
  return (
    <>
      <div ref={ref} tabIndex={-1} role="status" aria-live="polite" className="mt-3 empty:hidden focus:outline-none">
        {notice && !notice.error ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{notice.text}</p> : null}
      </div>
      <div role="alert" className="mt-3 empty:hidden">
        {notice?.error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{notice.text}</p> : null}
      </div>
    </>
  );
});

/**
 * Changes to the board worth hearing (announcements.ts), for screen readers
 * only: the board itself shows them. Rendered from the start, so the first
 * sentence is announced too; an equal sentence after another gets a different
 * trailing space, so it is announced again.
 */
export function LiveAnnouncer({ announcement }: { announcement: Announcement | null }) {
  return (
    <div role="status" className="sr-only" data-live-announcer="">
      {announcement ? `${announcement.text}${announcement.seq % 2 ? "" : "\u00a0"}` : null}
    </div>
  );
}

/** The label of a vote count: "12 votes". */
export function votesText(count: number): string {
  return `${count} ${count === 1 ? "vote" : "votes"}`;
}
