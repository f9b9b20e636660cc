// The projector view: what the speaker reads from the screen and the room reads
// to ask. Large type, the question being answered now and the top approved
// ones, the short address and QR code of the live page, no controls, updating
// live. It shows only what every viewer may see, whoever opens it. It is the
// whole page (no site header or footer behind it, nothing to tab to), and any
// text wraps, however long its words.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { ConnectionStatus } from "~/components/live-qa/live-header";
import { useLiveQa } from "~/components/live-qa/use-live-qa";
import type { FrameHandle } from "~/components/page-frame";
import { TitledSection } from "~/components/titled-section";
import { getQaBoard } from "~/models/live-qa/board.server";
import { projectorQuestions } from "~/models/live-qa/questions";
import { askLinkOf, loadLivePage } from "~/server/live-qa-page.server";

const SHOWN = 5;

export const handle: FrameHandle = { frame: "none" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadLivePage(request, params);
  const { session } = page;
  const [board, askLink] = await Promise.all([getQaBoard(session.id, { userId: null, moderator: false }), askLinkOf(session)]);
  return {
    meeting: { name: session.meeting.name },
    session: { id: session.id, title: session.title },
    board,
    askAt: askLink.shown,
    // Read from across a room: a short address keeps the code coarse, and "M" survives a glare or two.
    askQr: await QRCode.toString(askLink.url, { type: "svg", margin: 2, errorCorrectionLevel: "M" }),
    realtimeUrl: page.realtimeUrl,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Questions: ${data.session.title}` : "Questions" }];

/** The question columns' headings, read from the back of the room. */
const projectorHeadingClass = "text-xl font-bold tracking-wide text-sky-300 uppercase sm:text-2xl 2xl:text-3xl";

export default function ProjectorView() {
  const { meeting, session, board: initialBoard, askAt, askQr, realtimeUrl } = useLoaderData<typeof loader>();
  const { board, status } = useLiveQa({ realtimeUrl, sessionId: session.id, initialBoard });
  const pinned = board.questions.find((q) => q.id === board.qa.pinnedQuestionId && q.status === "APPROVED") ?? null;
  const next = projectorQuestions(board, SHOWN);

  return (
    <div className="flex min-h-screen flex-col bg-slate-950 px-6 py-6 text-white sm:px-12 sm:py-10 2xl:px-16">
      <header className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-700 pb-4">
        <div className="min-w-0">
          <p className="text-lg font-semibold wrap-anywhere text-sky-300 sm:text-xl 2xl:text-2xl">{meeting.name}</p>
          <h1 className="text-2xl leading-tight font-bold wrap-anywhere sm:text-4xl 2xl:text-5xl">{session.title}</h1>
        </div>
        <ConnectionStatus status={status} quietWhenLive className="text-base text-amber-300" />
      </header>

      <div className="grid flex-1 gap-10 pt-8 lg:grid-cols-[minmax(0,1fr)_auto] 2xl:gap-16">
        <div className="flex min-w-0 flex-col gap-10">
          <TitledSection id="now-answering" title="Now answering" headingClassName={projectorHeadingClass}>
            {pinned ? (
              <div className="mt-4">
                <p className="text-4xl leading-tight font-bold wrap-anywhere whitespace-pre-line sm:text-6xl 2xl:text-7xl">{pinned.body}</p>
                <p className="mt-4 text-xl wrap-anywhere text-slate-300 sm:text-2xl 2xl:text-3xl">
                  {pinned.authorName ?? "Anonymous"} · <span aria-hidden="true">▲ </span>
                  {pinned.voteCount} {pinned.voteCount === 1 ? "vote" : "votes"}
                </p>
              </div>
            ) : (
              <p className="mt-4 text-3xl text-slate-400 sm:text-4xl">The moderator will pick the next question.</p>
            )}
          </TitledSection>

          <TitledSection id="top-questions" title="Top questions" headingClassName={projectorHeadingClass}>
            {next.length ? (
              <ol className="mt-4 space-y-5">
                {next.map((question) => (
                  <li key={question.id} className="flex items-start gap-5 2xl:gap-8">
                    <span className="w-24 shrink-0 rounded-lg bg-slate-800 px-3 py-2 text-center text-2xl font-bold tabular-nums sm:text-3xl 2xl:w-32 2xl:text-4xl">
                      <span aria-hidden="true">▲ </span>
                      {question.voteCount}
                      <span className="sr-only"> {question.voteCount === 1 ? "vote" : "votes"}</span>
                    </span>
                    {/* Four lines at most: five questions stay on one screen; the one being answered shows whole. */}
                    <p className="line-clamp-4 min-w-0 text-2xl leading-snug wrap-anywhere whitespace-pre-line sm:text-4xl">{question.body}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-4 text-2xl text-slate-400 sm:text-3xl">No questions yet.</p>
            )}
          </TitledSection>
        </div>

        <TitledSection as="aside" id="ask-heading" title="Ask a question" className="self-start rounded-2xl bg-white p-6 text-slate-900 lg:w-[22rem] 2xl:w-[26rem]" headingClassName="text-2xl font-bold 2xl:text-3xl">
          <div role="img" aria-label={`QR code of ${askAt}`} className="mt-4 aspect-square w-full [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: askQr }} />
          <p className="mt-4 text-lg text-slate-700 2xl:text-xl">Scan the code, or go to</p>
          {/* Breaks, if it must, before the path: never inside the code someone is typing. */}
          <p className="text-2xl font-bold wrap-break-word text-slate-950">
            {askAt.slice(0, askAt.indexOf("/"))}
            <wbr />
            {askAt.slice(askAt.indexOf("/"))}
          </p>
        </TitledSection>
      </div>
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
