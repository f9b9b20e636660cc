// The projector view: what the speaker reads from the screen. Large type, the
// question being answered now and the top approved ones, no controls, updating
// live. It shows only what every viewer may see, whoever opens it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLiveQa } from "~/components/live-qa/use-live-qa";
import { getQaBoard } from "~/models/live-qa/board.server";
import { projectorQuestions } from "~/models/live-qa/questions";
import { loadLivePage } from "~/server/live-qa-page.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

const SHOWN = 5;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadLivePage(request, params);
  const { session } = page;
  const board = await getQaBoard(session.id, { userId: null, moderator: false });
  const liveUrl = new URL(absoluteUrl(href.live(session.meeting.slug, session.slug)));
  return {
    meeting: { name: session.meeting.name },
    session: { id: session.id, title: session.title },
    board,
    askAt: `${liveUrl.host}${liveUrl.pathname}`,
    realtimeUrl: page.realtimeUrl,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Questions: ${data.session.title}` : "Questions" }];

export default function ProjectorView() {
  const { meeting, session, board: initialBoard, askAt, realtimeUrl } = useLoaderData<typeof loader>();
  const { board, status } = useLiveQa({ realtimeUrl, sessionId: session.id, initialBoard });
  const pinned = board.questions.find((q) => q.id === board.qa.pinnedQuestionId && q.status === "APPROVED") ?? null;
  const next = projectorQuestions(board, SHOWN);

  return (
    // Covers the site's header and footer: a projector shows only the questions.
    <div className="fixed inset-0 z-40 flex flex-col overflow-auto bg-slate-950 px-6 py-6 text-white sm:px-12 sm:py-10">
      <header className="flex flex-wrap items-baseline justify-between gap-4 border-b border-slate-700 pb-4">
        <div className="min-w-0">
          <p className="text-lg font-semibold text-sky-300 sm:text-xl">{meeting.name}</p>
          <h1 className="text-2xl leading-tight font-bold sm:text-4xl">{session.title}</h1>
        </div>
        <p className="text-lg text-slate-300 sm:text-xl">
          Ask at <span className="font-semibold text-white">{askAt}</span>
          {status === "live" ? null : <span className="ml-3 text-base text-amber-300">({status === "reconnecting" ? "reconnecting…" : "connecting…"})</span>}
        </p>
      </header>

      <div className="flex flex-1 flex-col gap-10 pt-8">
        <section aria-labelledby="now-answering">
          <h2 id="now-answering" className="text-xl font-bold tracking-wide text-sky-300 uppercase sm:text-2xl">
            Now answering
          </h2>
          {pinned ? (
            <div className="mt-4">
              <p className="text-4xl leading-tight font-bold break-words whitespace-pre-line sm:text-6xl">{pinned.body}</p>
              <p className="mt-4 text-xl text-slate-300 sm:text-2xl">
                {pinned.authorName ?? "Anonymous"} · <span aria-hidden="true">▲ </span>
                {pinned.voteCount} {pinned.voteCount === 1 ? "vote" : "votes"}
              </p>
            </div>
          ) : (
            <p className="mt-4 text-3xl text-slate-400 sm:text-4xl">The moderator will pick the next question.</p>
          )}
        </section>

        <section aria-labelledby="top-questions">
          <h2 id="top-questions" className="text-xl font-bold tracking-wide text-sky-300 uppercase sm:text-2xl">
            Top questions
          </h2>
          {next.length ? (
            <ol className="mt-4 space-y-5">
              {next.map((question) => (
                <li key={question.id} className="flex items-start gap-5">
                  <span className="min-w-20 shrink-0 rounded-lg bg-slate-800 px-3 py-2 text-center text-2xl font-bold tabular-nums sm:text-3xl">
                    <span aria-hidden="true">▲ </span>
                    {question.voteCount}
                    <span className="sr-only"> {question.voteCount === 1 ? "vote" : "votes"}</span>
                  </span>
                  <p className="text-2xl leading-snug break-words whitespace-pre-line sm:text-4xl">{question.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-4 text-2xl text-slate-400 sm:text-3xl">No questions yet.</p>
          )}
        </section>
      </div>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
