// The moderator's view of a session's live Q&A: the queue waiting for
// approval, the board, "now answering", and the session's Q&A switches (open or
// closed, moderation on or off). Only the meeting's moderators and organizers
// get in. Keyboard, while the focus is in the queue (WCAG 2.1.4: single keys
// must not fire from elsewhere, and can be turned off; the choice is kept in
// this browser): j/k move through the questions, a approves, d dismisses, e
// edits, p pins, m marks answered, ? shows the keys. After approving,
// dismissing or pinning, the focus goes to the next question or to the result.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState, type KeyboardEvent } from "react";
import { LiveAnnouncer, LiveForm, LiveNotice, questionButtonClass } from "~/components/live-qa/live-form";
import { LiveHeader } from "~/components/live-qa/live-header";
import { ModeratorQuestion } from "~/components/live-qa/moderator-question";
import { useLiveCommands } from "~/components/live-qa/use-live-commands";
import { useLiveQa } from "~/components/live-qa/use-live-qa";
import { pageWidthClass } from "~/components/page-width";
import { getQaBoard } from "~/models/live-qa/board.server";
import { formFields } from "~/models/live-qa/commands";
import { sortQuestions, type QuestionView } from "~/models/live-qa/questions";
import { loginUrlFor } from "~/server/auth.server";
import { loadLivePage, runQaCommand, sessionTimingOf } from "~/server/live-qa-page.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { zoneViewFor } from "~/utils/time";

async function requireModeratorPage(request: Request, params: { meeting?: string; session?: string }) {
  const page = await loadLivePage(request, params);
  if (!page.user) throw redirect(loginUrlFor(request));
  if (!page.canModerate) throw new Response("Only the meeting's moderators and organizers can moderate its questions.", { status: 403 });
  return { ...page, user: page.user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await requireModeratorPage(request, params);
  const { session, user } = page;
  const board = await getQaBoard(session.id, { userId: user.id, moderator: true });
  const url = new URL(request.url);
  const zone = zoneViewFor(request, session.meeting).zone;
  return {
    meeting: { slug: session.meeting.slug, name: session.meeting.name },
    session: { id: session.id, slug: session.slug, title: session.title },
    timing: sessionTimingOf(session, zone),
    zone,
    board,
    done: url.searchParams.get("done"),
    realtimeUrl: page.realtimeUrl,
  };
}

/** Every Q&A command posts here without JavaScript, from the meeting's moderators only. */
export async function action({ request, params }: ActionFunctionArgs) {
  const page = await requireModeratorPage(request, params);
  return runQaCommand(request, await readFormData(request), { userId: page.user.id, sessionId: page.session.id }, "queue");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Moderate: ${data.session.title} · ${data.meeting.name}` : "Moderate questions" }];

const SHORTCUT_INTENTS: Record<string, string> = { a: "approve", p: "pin", m: "answer" };

/**
 * Where the focus goes once a question's command is done: approving or
 * dismissing takes it out of its list, so to the next question there (the
 * queue is worked through one after another); the others to the question
 * itself, wherever it now is (pinned: "Now answering").
 */
const FOCUS_NEXT: ReadonlySet<string> = new Set(["approve", "dismiss"]);

const SHORTCUTS_KEY = "qa:moderator-shortcuts";

export default function ModeratePage() {
  const { meeting, session, timing, zone, board: initialBoard, done, realtimeUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { board, status, viewers, rights, send, live, announcement } = useLiveQa({ realtimeUrl, sessionId: session.id, initialBoard, announceFor: "moderator" });
  const { notice, noticeRef, setNotice, run, focusAfter } = useLiveCommands({ send, page: "moderator", posted: actionData, done, lastEventId: board.lastEventId });
  const stillModerator = rights?.canModerate ?? true;
  // The role was taken away while the queue was open: say so at once rather than at the next refused click.
  useEffect(() => {
    if (!stillModerator) setNotice({ text: `You no longer moderate ${meeting.name}: this queue is closed to you.`, error: true });
  }, [stillModerator, meeting.name, setNotice]);
  const [showKeys, setShowKeys] = useState(false);
  const [shortcuts, setShortcuts] = useShortcutsChoice();
  const pinnedId = board.qa.pinnedQuestionId;
  const pending = [...board.questions.filter((q) => q.status === "PENDING")].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const approved = sortQuestions(board.questions.filter((q) => q.status === "APPROVED" && q.id !== pinnedId), "top");
  const pinned = board.questions.find((q) => q.id === pinnedId) ?? null;
  const gone = board.questions.filter((q) => q.status === "DISMISSED" || q.status === "WITHDRAWN");

  const onLive = useCallback(
    (formData: FormData, form: HTMLFormElement) => {
      const intent = String(formData.get("intent"));
      const item = form.closest<HTMLElement>("[data-queue-item]");
      // The question's neighbours in its list, as they are now: the next one takes the focus after it leaves.
      const list = item ? [...(item.closest("ol, ul")?.querySelectorAll<HTMLElement>("[data-queue-item]") ?? [])] : [];
      const index = item ? list.indexOf(item) : -1;
      void run(intent, formFields(formData)).then((response) => {
        if (!item || !response?.ok) return;
        const id = item.dataset.questionId;
        focusAfter(response.data.eventId, () =>
          FOCUS_NEXT.has(intent)
            ? [...list.slice(index + 1), ...list.slice(0, index).reverse()].find((other) => other.isConnected)
            : document.querySelector<HTMLElement>(`${intent === "pin" ? "#now-answering " : ""}[data-queue-item][data-question-id="${id}"]`),
        );
      });
    },
    [run, focusAfter],
  );
  const questionProps = { zone, live, onLive, shortcuts };
  const onQueueKeyDown = useQueueShortcuts(shortcuts, setShowKeys);

  return (
    <div className={`${pageWidthClass} px-4 py-5 sm:px-6 sm:py-6`}>
      <LiveHeader
        back={{ to: href.live(meeting.slug, session.slug), label: "Viewer page" }}
        title="Moderate questions"
        subtitle={session.title}
        timing={timing}
        viewers={viewers}
        connection={status}
        actions={
          <p className="flex flex-wrap gap-3 text-sm font-semibold">
            <a href={href.present(meeting.slug, session.slug)} target="_blank" rel="noreferrer" className="text-brand-700 underline underline-offset-2">
              Open the projector view<span className="sr-only"> (new tab)</span>
            </a>
            <button type="button" onClick={() => setShowKeys((shown) => !shown)} aria-expanded={showKeys} className="text-brand-700 underline underline-offset-2">
              Keyboard shortcuts
            </button>
          </p>
        }
      />

      {showKeys ? (
        <section aria-label="Keyboard shortcuts" className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <p className="flex items-start gap-2">
            <input
              id="single-key-shortcuts"
              type="checkbox"
              checked={shortcuts}
              onChange={(event) => setShortcuts(event.currentTarget.checked)}
              aria-describedby="single-key-hint"
              className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-700"
            />
            <span>
              <label htmlFor="single-key-shortcuts" className="font-semibold text-slate-900">
                Single-key shortcuts
              </label>
              <span id="single-key-hint" className="block text-slate-600">
                They work only while the focus is on a question in the queue. This browser remembers your choice.
              </span>
            </span>
          </p>
          <ul className={`mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-3 ${shortcuts ? "" : "text-slate-500"}`}>
            {[
              ["j / k", "next / previous question"],
              ["a", "approve"],
              ["d", "dismiss (with a reason)"],
              ["e", "edit"],
              ["p", "pin as now answering"],
              ["m", "mark answered"],
              ["?", "show or hide these keys"],
            ].map(([key, what]) => (
              <li key={key}>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd> {what}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-label="Q&A settings" className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <p className="text-sm text-slate-800">
          Q&amp;A is <strong>{board.qa.open ? "open" : "closed"}</strong>; moderation is <strong>{board.qa.moderationEnabled ? "on" : "off"}</strong>.
        </p>
        <div className="flex flex-wrap gap-2">
          {/* Keyed by the switch, not its state, so the button keeps the focus when it flips. */}
          {[
            { switch: "qa", ...(board.qa.open ? { intent: "close", label: "Close Q&A" } : { intent: "open", label: "Reopen Q&A" }) },
            { switch: "moderation", ...(board.qa.moderationEnabled ? { intent: "moderation-off", label: "Turn moderation off" } : { intent: "moderation-on", label: "Turn moderation on" }) },
          ].map((setting) => (
            <LiveForm key={setting.switch} live={live} onLiveSubmit={onLive}>
              <button type="submit" name="intent" value={setting.intent} className={questionButtonClass.secondary}>
                {setting.label}
              </button>
            </LiveForm>
          ))}
        </div>
      </section>

      <LiveNotice ref={noticeRef} notice={notice} />
      <LiveAnnouncer announcement={announcement} />

      {/* The queue: every question's list. Single-key shortcuts work only while the focus is in here. */}
      <div onKeyDown={onQueueKeyDown} data-queue="">
      {pinned ? (
        <section id="now-answering" aria-labelledby="now-heading" className="mt-5">
          <h2 id="now-heading" className="text-lg font-bold text-slate-900">
            Now answering
          </h2>
          <ul className="mt-2">
            <ModeratorQuestion question={pinned} pinned {...questionProps} />
          </ul>
        </section>
      ) : null}

      <div id="queue" className="mt-5 grid scroll-mt-4 gap-6 lg:grid-cols-2">
        <QuestionQueue id="pending-heading" title="Waiting for approval" questions={pending} empty="Nothing is waiting." {...questionProps} />
        <QuestionQueue id="board-heading" title="On the board" questions={approved} empty="No approved questions yet." {...questionProps} />
      </div>

      {gone.length ? (
        <details className="mt-6">
          <summary className="cursor-pointer text-base font-bold text-slate-900">Dismissed and withdrawn ({gone.length})</summary>
          <ol className="mt-2 space-y-3">
            {gone.map((question) => (
              <ModeratorQuestion key={question.id} question={question} pinned={false} {...questionProps} />
            ))}
          </ol>
        </details>
      ) : null}
      </div>
    </div>
  );
}

/** One of the moderator's lists, headed by its count, questions in order. */
function QuestionQueue({
  id,
  title,
  questions,
  empty,
  ...questionProps
}: {
  id: string;
  title: string;
  questions: QuestionView[];
  empty: string;
} & Omit<Parameters<typeof ModeratorQuestion>[0], "question" | "pinned">) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-lg font-bold text-slate-900">
        {title} <span className="font-semibold text-slate-600">({questions.length})</span>
      </h2>
      {questions.length ? (
        <ol className="mt-2 space-y-3">
          {questions.map((question) => (
            <ModeratorQuestion key={question.id} question={question} pinned={false} {...questionProps} />
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      )}
    </section>
  );
}

/** Whether single-key shortcuts are on (they are unless turned off), kept in this browser. */
function useShortcutsChoice(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(true);
  useEffect(() => {
    setOn(window.localStorage.getItem(SHORTCUTS_KEY) !== "off");
  }, []);
  const choose = useCallback((value: boolean) => {
    setOn(value);
    window.localStorage.setItem(SHORTCUTS_KEY, value ? "on" : "off");
  }, []);
  return [on, choose];
}

/**
 * The queue's keydown handler: j/k move between questions; a, p and m act on
 * the focused one, d and e open its forms; ? toggles the help. Bound to the
 * queue, not the window, so the keys do nothing while the focus is elsewhere,
 * and nothing at all when turned off.
 */
function useQueueShortcuts(on: boolean, setShowKeys: (update: (shown: boolean) => boolean) => void) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!on || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-queue-item]")];
      const current = target.closest<HTMLElement>("[data-queue-item]");
      const key = event.key;
      if (key === "?") {
        event.preventDefault();
        setShowKeys((shown) => !shown);
      } else if (key === "j" || key === "k") {
        event.preventDefault();
        const index = current ? items.indexOf(current) : -1;
        const next = key === "j" ? items[Math.min(index + 1, items.length - 1)] : items[Math.max(index - 1, 0)];
        next?.focus();
      } else if (current && SHORTCUT_INTENTS[key]) {
        const button = current.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]`);
        if (!button) return;
        event.preventDefault();
        // Pressing the button moves the focus on once it is done (onLive), so the queue can be worked through with a, a, a…
        button.click();
      } else if (current && (key === "d" || key === "e")) {
        const details = current.querySelector<HTMLDetailsElement>(key === "d" ? "details[data-dismiss]" : "details[data-edit]");
        if (!details) return;
        event.preventDefault();
        details.open = true;
        details.querySelector<HTMLElement>("input[name=reason], textarea")?.focus();
      }
    },
    [on, setShowKeys],
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
