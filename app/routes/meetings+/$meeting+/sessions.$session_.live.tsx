// The virtual session: the stream (or when it starts, or the recording), the
// session's details, and the live Q&A: ask, upvote, sort by top or newest, and
// follow answers as they happen. Without JavaScript the questions still show
// and every form posts here; with it, changes go over the realtime sidecar. On
// a phone the first screen holds the status, the stream and the question box
// with the top questions (the meeting's frame is compact there).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CmeCredit } from "~/components/cme-credit";
import { AskForm } from "~/components/live-qa/ask-form";
import { LiveAnnouncer, LiveNotice } from "~/components/live-qa/live-form";
import { LiveHeader } from "~/components/live-qa/live-header";
import { QuestionItem } from "~/components/live-qa/question-item";
import { TakePartNotice } from "~/components/live-qa/take-part";
import { useLiveCommands } from "~/components/live-qa/use-live-commands";
import { useLiveQa } from "~/components/live-qa/use-live-qa";
import type { FrameHandle } from "~/components/page-frame";
import { pageWidthClass } from "~/components/page-width";
import { publishedSessionCredit } from "~/models/cme/designation.server";
import { getQaBoard } from "~/models/live-qa/board.server";
import { audienceQuestions, sortQuestions, type QuestionSort } from "~/models/live-qa/questions";
import type { SessionPhase } from "~/models/live-qa/session-phase";
import { ROLE_LABELS } from "~/models/program/program";
import { loginUrlFor } from "~/server/auth.server";
import { loadLivePage, runQaCommand, sessionTimingOf, standingOf, webUrl } from "~/server/live-qa-page.server";
import { canFrameStream } from "~/server/security-headers.server";
import { readFormData } from "~/utils/form-data.server";
import { href } from "~/utils/href";
import { dayKeyOf, formatDate, formatDay, formatTimeRange, zoneAbbreviation, zoneViewFor } from "~/utils/time";

import { DisclosureList } from "~/components/disclosure-list";
import { SessionAbout } from "~/components/session-about";
import { TitledSection } from "~/components/titled-section";
import { sessionDisclosures } from "~/models/cme/disclosure-views.server";

export const handle: FrameHandle = { frame: "compact" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadLivePage(request, params);
  const { session, user } = page;
  const [board, standing, credit, disclosures] = await Promise.all([
    getQaBoard(session.id, { userId: user?.id ?? null, moderator: page.canModerate }),
    standingOf(page),
    publishedSessionCredit(session.meeting.id, session.id),
    sessionDisclosures(session.id),
  ]);
  const zone = zoneViewFor(request, session.meeting);
  const url = new URL(request.url);
  const streamUrl = webUrl(session.streamUrl);
  const timing = sessionTimingOf(session, zone.zone);
  return {
    meeting: { slug: session.meeting.slug, name: session.meeting.name },
    session: {
      id: session.id,
      slug: session.slug,
      title: session.title,
      description: session.description,
      room: session.room,
      streamUrl,
      // The Content-Security-Policy frames only STREAM_ORIGINS' players; another stream is a link.
      streamFramed: streamUrl !== null && canFrameStream(streamUrl),
      recordingUrl: webUrl(session.recordingUrl),
      speakers: session.speakers.map((s) => ({ role: s.role, slug: s.speaker.slug, name: s.speaker.name, credentials: s.speaker.credentials })),
    },
    when: {
      date: formatDate(session.startsAt, zone.zone),
      shortDate: formatDay(dayKeyOf(session.startsAt, zone.zone), "short"),
      time: formatTimeRange(session.startsAt, session.endsAt, zone.zone),
      abbreviation: zoneAbbreviation(zone.zone, session.startsAt),
    },
    timing,
    zone: zone.zone,
    board,
    sort: (url.searchParams.get("sort") === "new" ? "new" : "top") as QuestionSort,
    done: url.searchParams.get("done"),
    viewer: { signedIn: user !== null, canParticipate: page.canParticipate, canModerate: page.canModerate },
    standing,
    loginUrl: loginUrlFor(request),
    realtimeUrl: page.realtimeUrl,
    credit,
    disclosures,
  };
}

/** Every Q&A command posts here without JavaScript (the verbs refuse what the person may not do). */
export async function action({ request, params }: ActionFunctionArgs) {
  const page = await loadLivePage(request, params);
  if (!page.user) throw redirect(loginUrlFor(request));
  return runQaCommand(request, await readFormData(request), { userId: page.user.id, sessionId: page.session.id }, "questions");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Live: ${data.session.title} · ${data.meeting.name}` : "Session not found" },
  { name: "description", content: data ? `Watch and ask questions live: ${data.session.title}` : "" },
];

export default function LiveSessionPage() {
  const { meeting, session, when, timing, zone, board: initialBoard, sort, done, viewer: loaded, standing, loginUrl, realtimeUrl, credit, disclosures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { board, status, viewers, rights, attendance, send, live, announcement } = useLiveQa({ realtimeUrl, sessionId: session.id, initialBoard, announceFor: "audience", reportPresence: true });
  // The sidecar's word is newer than the loader's: a registration confirmed or cancelled while watching shows at once.
  const viewer = rights ? { ...loaded, canParticipate: rights.canParticipate, canModerate: rights.canModerate } : loaded;
  const { notice, noticeRef, run, onLive, focusAfter } = useLiveCommands({ send, page: "audience", posted: actionData, done, lastEventId: board.lastEventId });
  const pinnedId = board.qa.pinnedQuestionId;
  const pinned = board.questions.find((q) => q.id === pinnedId && q.status === "APPROVED") ?? null;
  const questions = sortQuestions(audienceQuestions(board), sort).filter((q) => q.id !== pinned?.id);
  const sortHref = (value: QuestionSort) => {
    const params = new URLSearchParams(searchParams);
    params.delete("done");
    if (value === "top") params.delete("sort");
    else params.set("sort", value);
    const query = params.toString();
    return `?${query}#questions`;
  };

  const actions = { live, canVote: viewer.canParticipate, zone, onLive };

  return (
    <div className={`${pageWidthClass} px-4 py-4 sm:px-6 sm:py-6`}>
      <LiveHeader
        back={{ to: href.session(meeting.slug, session.slug), label: "Session details" }}
        eyebrow={
          // A phone gets the short date and no room: one line.
          <>
            <span className="sm:hidden">{when.shortDate}</span>
            <span className="hidden sm:inline">{when.date}</span> · {when.time} {when.abbreviation}
            {session.room ? <span className="hidden sm:inline"> · {session.room.name}</span> : null}
          </>
        }
        title={session.title}
        timing={timing}
        viewers={viewers}
        connection={status}
        actions={
          viewer.canModerate ? (
            <p className="flex gap-3 text-sm font-semibold">
              <Link to={href.moderate(meeting.slug, session.slug)} className="text-brand-700 underline underline-offset-2">
                Moderate questions
              </Link>
              <Link to={href.present(meeting.slug, session.slug)} className="text-brand-700 underline underline-offset-2">
                Projector view
              </Link>
            </p>
          ) : null
        }
      />

      {/* Phones get the stream, then the questions, then the details; wide screens put the questions beside both. */}
      <div className="mt-3 grid gap-3 sm:mt-5 sm:gap-6 lg:grid-cols-[minmax(0,1fr)_26rem] lg:grid-rows-[auto_1fr] lg:items-start">
        <div className="min-w-0 space-y-3 lg:col-start-1 lg:row-start-1">
          {/* Before the session, learners see the disclosures ahead of the stream, open (ACCME: disclosed before the activity).
              Once it runs, they move below the questions, so a phone's first screen keeps the stream and the question box. */}
          {disclosures && timing.phase === "before" ? <DisclosureList people={disclosures} compact open /> : null}
          <StreamPanel phase={timing.phase} title={session.title} streamUrl={session.streamUrl} streamFramed={session.streamFramed} recordingUrl={session.recordingUrl} when={{ date: when.date, startTime: timing.startTime }} />
        </div>

        <section
          id="questions"
          aria-labelledby="questions-heading"
          className="min-w-0 scroll-mt-4 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-5 lg:col-start-2 lg:row-span-2 lg:row-start-1"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="questions-heading" className="text-lg font-bold text-slate-900">
              Questions <span className="font-semibold text-slate-600">({questions.length + (pinned ? 1 : 0)})</span>
            </h2>
            <nav aria-label="Sort questions" className="flex rounded-md border border-slate-300 p-0.5 text-sm font-semibold">
              {(["top", "new"] as const).map((value) => (
                <Link
                  key={value}
                  to={sortHref(value)}
                  replace
                  preventScrollReset
                  aria-current={sort === value ? "true" : undefined}
                  className={`rounded px-3 py-1 ${sort === value ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {value === "top" ? "Top" : "Newest"}
                </Link>
              ))}
            </nav>
          </div>

          <LiveNotice ref={noticeRef} notice={notice} />
          <LiveAnnouncer announcement={announcement} />

          <div className="mt-3">
            {!board.qa.open ? (
              <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">Q&amp;A is closed for this session.</p>
            ) : viewer.canParticipate ? (
              <AskForm
                lastResult={actionData?.intent === "ask" ? actionData.result : undefined}
                live={live}
                moderated={board.qa.moderationEnabled}
                onLiveAsk={async (question) => {
                  const response = await run("ask", question);
                  if (!response?.ok) return response?.error.message ?? null;
                  // The question just sent is the result: the focus goes to it (the button was disabled while sending).
                  const id = response.data.question?.id;
                  focusAfter(response.data.eventId, () => (id ? document.querySelector<HTMLElement>(`#questions li[data-question-id="${id}"]`) : null));
                  return null;
                }}
              />
            ) : (
              <TakePartNotice meeting={meeting} signedIn={viewer.signedIn} standing={standing} loginUrl={loginUrl} />
            )}
          </div>

          {status === "signed-out" ? (
            <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              You were signed out, so live updates stopped. <Link to={loginUrl} className="font-semibold underline">Sign in again</Link>
            </p>
          ) : null}

          {pinned || questions.length ? (
            <ol className="mt-4 space-y-3" aria-label={sort === "top" ? "Questions, most votes first" : "Questions, newest first"}>
              {pinned ? <QuestionItem key={pinned.id} question={pinned} pinned actions={actions} /> : null}
              {questions.map((question) => (
                <QuestionItem key={question.id} question={question} pinned={false} actions={actions} />
              ))}
            </ol>
          ) : (
            <p className="mt-4 text-sm text-slate-600">No questions yet.{board.qa.open && viewer.canParticipate ? " Be the first to ask." : ""}</p>
          )}
        </section>

        <div className="min-w-0 space-y-5 lg:col-start-1 lg:row-start-2">
          {credit ? (
            <CmeCredit
              credit={credit}
              compact
              attendance={!viewer.signedIn ? { state: "sign-in", loginUrl } : attendance?.recording ? { state: "recording", loginUrl } : null}
            />
          ) : null}
          {disclosures && timing.phase !== "before" ? <DisclosureList people={disclosures} compact open={false} /> : null}
          {session.speakers.length ? (
            <TitledSection id="speakers-heading" title="On stage" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" headingClassName="text-base font-bold text-slate-900">
              <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
                {session.speakers.map((speaker) => (
                  <li key={`${speaker.role}-${speaker.slug}`} className="text-sm">
                    <Link to={href.speaker(meeting.slug, speaker.slug)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                      {speaker.name}
                    </Link>
                    {speaker.credentials ? <span className="text-slate-700">, {speaker.credentials}</span> : null}
                    <span className="text-slate-600"> · {ROLE_LABELS[speaker.role].one}</span>
                  </li>
                ))}
              </ul>
            </TitledSection>
          ) : null}
          {session.description ? (
            <SessionAbout description={session.description} compact />
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * The stream while it plays (16:9); otherwise a card that says the same as the
 * status line, compact on phones so the questions stay on the first screen.
 */
function StreamPanel({
  phase,
  title,
  streamUrl,
  streamFramed,
  recordingUrl,
  when,
}: {
  phase: SessionPhase;
  title: string;
  streamUrl: string | null;
  streamFramed: boolean;
  recordingUrl: string | null;
  when: { date: string; startTime: string };
}) {
  if (phase === "live" && streamUrl && streamFramed) {
    return (
      <div className="aspect-video w-full overflow-hidden rounded-xl bg-slate-900 shadow-sm">
        <iframe
          src={streamUrl}
          title={`Live stream: ${title}`}
          className="h-full w-full"
          allow="autoplay; fullscreen; picture-in-picture; encrypted-media"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    );
  }
  const card = (heading: string, text: string, link?: { href: string; label: string }) => (
    <div className="flex w-full flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-xl bg-slate-900 px-4 py-3 text-white shadow-sm sm:aspect-video sm:flex-col sm:flex-nowrap sm:justify-center sm:px-6 sm:text-center">
      <div>
        <p className="text-base font-bold sm:text-2xl">{heading}</p>
        {/* On a phone the status line right above says as much: the card keeps to one or two lines there. */}
        <p className="mt-2 hidden max-w-md text-base text-slate-200 sm:block">{text}</p>
      </div>
      {link ? (
        <a href={link.href} rel="noreferrer" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 sm:mt-2 sm:px-4 sm:py-2 sm:text-base">
          {link.label}
        </a>
      ) : null}
    </div>
  );
  if (phase === "cancelled") return card("This session is cancelled", "It will not take place.");
  if (phase === "live" && streamUrl) return card("The session is live", "Its stream plays on the organizer's video player.", { href: streamUrl, label: "Watch the stream" });
  if (phase === "before") {
    return card(
      streamUrl ? `The stream starts at ${when.startTime}` : "This session is not streamed",
      streamUrl ? `${when.date}. Leave this page open: the stream appears here when it begins. You can ask questions already.` : "Follow it in the room, and ask your questions here.",
    );
  }
  if (phase === "after") {
    return card(
      "This session has ended",
      recordingUrl ? "The recording is available." : "The questions from the audience stay below.",
      recordingUrl ? { href: recordingUrl, label: "Watch the recording" } : undefined,
    );
  }
  return card("This session is not streamed", "Follow it in the room, and ask your questions here.");
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
