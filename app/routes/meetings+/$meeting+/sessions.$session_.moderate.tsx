// The moderator's view of a session's live Q&A: the queue waiting for
// approval, the board, "now answering", and the session's Q&A switches (open or
// closed, moderation on or off). Only the meeting's moderators and organizers
// get in. Keyboard: j/k move through the questions, a approves, d dismisses,
// e edits, p pins, m marks answered, ? shows the keys.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ConnectionBadge, LiveForm, LiveNotice, questionButtonClass } from "~/components/live-qa/live-form";
import { ModeratorQuestion } from "~/components/live-qa/moderator-question";
import { useLiveCommands } from "~/components/live-qa/use-live-commands";
import { useLiveQa } from "~/components/live-qa/use-live-qa";
import { pageWidthClass } from "~/components/page-width";
import { getQaBoard } from "~/models/live-qa/board.server";
import { sortQuestions, type QuestionView } from "~/models/live-qa/questions";
import { loginUrlFor } from "~/server/auth.server";
import { loadLivePage, runQaCommand } from "~/server/live-qa-page.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { zoneViewFor } from "~/utils/time";
import { BackLink } from "~/components/back-link";

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
  return {
    meeting: { slug: session.meeting.slug, name: session.meeting.name },
    session: { id: session.id, slug: session.slug, title: session.title },
    zone: zoneViewFor(request, session.meeting).zone,
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

export default function ModeratePage() {
  const { meeting, session, zone, board: initialBoard, done, realtimeUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { board, status, viewers, rights, send, live } = useLiveQa({ realtimeUrl, sessionId: session.id, initialBoard });
  const { notice, setNotice, onLive } = useLiveCommands({ send, page: "moderator", refusal: actionData?.error, done });
  const stillModerator = rights?.canModerate ?? true;
  // The role was taken away while the queue was open: say so at once rather than at the next refused click.
  useEffect(() => {
    if (!stillModerator) setNotice({ text: `You no longer moderate ${meeting.name}: this queue is closed to you.`, error: true });
  }, [stillModerator, meeting.name, setNotice]);
  const [showKeys, setShowKeys] = useState(false);
  const pinnedId = board.qa.pinnedQuestionId;
  const pending = [...board.questions.filter((q) => q.status === "PENDING")].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const approved = sortQuestions(board.questions.filter((q) => q.status === "APPROVED" && q.id !== pinnedId), "top");
  const pinned = board.questions.find((q) => q.id === pinnedId) ?? null;
  const gone = board.questions.filter((q) => q.status === "DISMISSED" || q.status === "WITHDRAWN");

  const questionProps = { zone, live, onLive };
  useQueueShortcuts(setShowKeys);

  return (
    <div className={`${pageWidthClass} px-4 py-5 sm:px-6 sm:py-6`}>
      <p className="text-sm">
        <BackLink to={href.live(meeting.slug, session.slug)}>Viewer page</BackLink>
      </p>
      <header className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="text-2xl leading-tight font-bold tracking-tight text-slate-900 sm:text-3xl">Moderate questions</h1>
          <p className="mt-1 text-slate-700">{session.title}</p>
        </div>
        <div className="flex flex-col items-start gap-2 sm:items-end">
          <ConnectionBadge status={status} viewers={viewers} />
          <p className="flex flex-wrap gap-3 text-sm font-semibold">
            <a href={href.present(meeting.slug, session.slug)} target="_blank" rel="noreferrer" className="text-brand-700 underline underline-offset-2">
              Open the projector view<span className="sr-only"> (new tab)</span>
            </a>
            <button type="button" onClick={() => setShowKeys((shown) => !shown)} aria-expanded={showKeys} className="text-brand-700 underline underline-offset-2">
              Keyboard shortcuts
            </button>
          </p>
        </div>
      </header>

      {showKeys ? (
        <section aria-label="Keyboard shortcuts" className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-3">
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

      <LiveNotice notice={notice} />

      {pinned ? (
        <section aria-labelledby="now-heading" className="mt-5">
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
  zone: string;
  live: boolean;
  onLive: (formData: FormData) => void;
}) {
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

/** j/k move between questions; a, p and m act on the focused one, d and e open its forms; ? toggles the help. */
function useQueueShortcuts(setShowKeys: (update: (shown: boolean) => boolean) => void) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const items = [...document.querySelectorAll<HTMLElement>("[data-queue-item]")];
      const current = target?.closest<HTMLElement>("[data-queue-item]") ?? null;
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
        // Move on to the next question first, so the queue can be worked through with a, a, a…
        const index = items.indexOf(current);
        button.click();
        (items[index + 1] ?? items[index - 1])?.focus();
      } else if (current && (key === "d" || key === "e")) {
        const details = current.querySelector<HTMLDetailsElement>(key === "d" ? "details[data-dismiss]" : "details[data-edit]");
        if (!details) return;
        event.preventDefault();
        details.open = true;
        details.querySelector<HTMLElement>("input[name=reason], textarea")?.focus();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [setShowKeys]);
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
