// The head of the viewer's and the moderator's live pages: the way back, the
// title, and two short statuses that never contradict each other: where the
// session stands ("Live now · 1,204 watching", "Starts at 10:00 AM MST",
// "Ended · recording available") and whether the questions update live. The
// number watching is plain text, not a live region: it changes all the time and
// would be read out on every change. The connection's words are; they change
// rarely (connecting, live, reconnecting). Without JavaScript there is no
// connection to speak of, and the page says that questions update on reload
// (what the server renders, until the browser's script takes over).
import type { ReactNode } from "react";
import { sessionStatusText, type SessionTiming } from "~/models/live-qa/session-phase";
import { BackLink } from "../back-link";
import type { LiveStatus } from "./use-live-qa";

const CONNECTION_TEXT: Record<LiveStatus, string> = {
  offline: "New questions show when you reload the page.",
  connecting: "Connecting…",
  live: "Questions update live",
  reconnecting: "Reconnecting…",
  "signed-out": "Signed out: updates stopped",
};

/**
 * Whether the questions update by themselves: announced politely when it
 * changes; nothing before JavaScript runs. `quietWhenLive`: only trouble is
 * shown (the projector).
 */
export function ConnectionStatus({ status, quietWhenLive = false, className = "text-slate-600" }: { status: LiveStatus; quietWhenLive?: boolean; className?: string }) {
  const text = quietWhenLive && status === "live" ? "" : CONNECTION_TEXT[status];
  return (
    <p role="status" className={`text-sm empty:hidden ${className}`} data-connection={status}>
      {text || null}
    </p>
  );
}

/** "● Live now · 12 watching": the session's one status; the dot pulses only while it is live (and not for reduced motion). */
export function SessionStatus({ timing, viewers }: { timing: SessionTiming; viewers: number | null }) {
  const live = timing.phase === "live";
  const dot = live ? "bg-red-600" : timing.phase === "before" ? "bg-amber-500" : "bg-slate-400";
  return (
    <p className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-semibold text-slate-800" data-session-phase={timing.phase}>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${dot} ${live ? "animate-pulse" : ""}`} data-live-dot="" />
        {sessionStatusText(timing)}
      </span>
      {live && viewers !== null ? <span className="font-medium text-slate-600">· {viewers.toLocaleString("en-US")} watching</span> : null}
    </p>
  );
}

export function LiveHeader({
  back,
  eyebrow,
  title,
  subtitle,
  timing,
  viewers,
  connection,
  actions,
}: {
  back: { to: string; label: string };
  /** Above the title: when and where. */
  eyebrow?: ReactNode;
  title: string;
  /** Below the title: what the page is about, when the title is the page's job. */
  subtitle?: ReactNode;
  timing: SessionTiming;
  viewers: number | null;
  connection: LiveStatus;
  /** Links and buttons to the other live pages. */
  actions?: ReactNode;
}) {
  return (
    <>
      <p className="text-sm">
        <BackLink to={back.to}>{back.label}</BackLink>
      </p>
      <header className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          {eyebrow ? <p className="text-sm font-medium text-slate-600">{eyebrow}</p> : null}
          <h1 className="mt-1 text-xl leading-tight font-bold tracking-tight break-words text-slate-900 sm:text-3xl">{title}</h1>
          {subtitle ? <p className="mt-1 break-words text-slate-700">{subtitle}</p> : null}
          <div className="mt-1.5 flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <SessionStatus timing={timing} viewers={viewers} />
            <ConnectionStatus status={connection} />
          </div>
        </div>
        {actions ? <div className="flex flex-col items-start gap-2 sm:items-end">{actions}</div> : null}
      </header>
    </>
  );
}
