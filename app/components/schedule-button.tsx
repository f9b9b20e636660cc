// "Add to my schedule" on every program page. A plain POST form to the schedule
// page's action, so it works without JavaScript (the action sends the browser
// back to the page it came from, scrolled to the button). With JavaScript it
// submits in the background and shows the new state at once; the meeting
// frame's loader, revalidated after the action, then confirms it.
//
// One request per session is in flight at a time. A second press (add, then
// remove at once) waits for the first to finish: two requests sent together
// may reach the database in either order, and the session would stay in the
// schedule the person just took it out of.
//
// Who has what comes from the meeting frame's loader, not the page's, so a
// cached anonymous page and a personal one differ only there: signed out, the
// button still says "Add to my schedule", and the action sends the person to
// sign in and back.
import { Form, Link, type ShouldRevalidateFunction, useFetcher, useLocation, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { SubmitButton } from "./forms";
import { scheduleAnchor, type ScheduleButtonReply, type ScheduleState } from "~/models/schedule/forms";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

export type ScheduleButtonSession = { id: string; title: string; status: "SCHEDULED" | "CANCELLED" };

const MEETING_ROUTE = "routes/meetings+/$meeting+/_layout";

/**
 * A program page's own data does not change when someone adds a session to
 * their schedule (the meeting frame's does, and it revalidates): the agenda,
 * track and session pages export this as their shouldRevalidate, so a click
 * does not re-read the whole day.
 */
export const keepProgramOnScheduleChange: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction && /^\/meetings\/[^/]+\/schedule$/.test(formAction) ? false : defaultShouldRevalidate;

/** The ids of the viewer's scheduled sessions, or null outside a meeting's pages. */
export function useScheduleState() {
  return useRouteLoaderData<{ schedule: ScheduleState }>(MEETING_ROUTE)?.schedule ?? null;
}

export function ScheduleButton({
  meetingSlug,
  session,
  size = "small",
  showStatus = true,
  leavesListOnRemove = false,
  className = "",
}: {
  meetingSlug: string;
  session: ScheduleButtonSession;
  size?: "small" | "large";
  /** "✓ In my schedule" beside the Remove button; My schedule itself leaves it out (everything there is). */
  showStatus?: boolean;
  /** Removing takes the row away (My schedule): focus moves on to the next row's button first. */
  leavesListOnRemove?: boolean;
  className?: string;
}) {
  const schedule = useScheduleState();
  // One fetcher per session: two buttons for the same session share their state.
  const fetcher = useFetcher<ScheduleButtonReply>({ key: `schedule:${session.id}` });
  const location = useLocation();
  // What this button last did, so that a removal is said too: the button keeps focus, and its new label alone may go unheard.
  const [lastChange, setLastChange] = useState<"add" | "remove" | null>(null);
  // A press made while a request is in flight: sent once that one is done, unless it already holds.
  const [waiting, setWaiting] = useState<"add" | "remove" | null>(null);
  // What the last request asked for. It, not the meeting frame's list (which may
  // not have caught up yet), says whether the waiting press still has work to do.
  const lastSent = useRef<"add" | "remove" | null>(null);
  const action = href.schedule(meetingSlug);
  const send = (intent: "add" | "remove") => {
    lastSent.current = intent;
    fetcher.submit({ intent, sessionId: session.id, redirectTo: `${location.pathname}${location.search}`, stay: "1" }, { method: "post", action });
  };
  useEffect(() => {
    if (fetcher.state !== "idle" || !waiting) return;
    setWaiting(null);
    if (waiting !== lastSent.current) send(waiting);
    // `send` is rebuilt each render; the press is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, waiting]);
  if (!schedule) return null;

  const pending = waiting ?? fetcher.formData?.get("intent");
  const inSchedule = pending === "add" ? true : pending === "remove" ? false : schedule.sessionIds.includes(session.id);
  // Nobody adds a cancelled session; someone who had it can still take it out.
  if (session.status === "CANCELLED" && !inSchedule) return null;
  const error = fetcher.state === "idle" && fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  const large = size === "large";

  return (
    <fetcher.Form
      method="post"
      action={action}
      id={scheduleAnchor(session.id)}
      className={`no-print flex flex-wrap items-center gap-x-3 gap-y-1 ${className}`}
      data-leaves-list={leavesListOnRemove ? "" : undefined}
      onSubmit={(event) => {
        // With JavaScript: stay on the page ("stay" tells the action not to redirect back).
        event.preventDefault();
        const intent = inSchedule ? "remove" : "add";
        setLastChange(intent);
        if (inSchedule && leavesListOnRemove) focusNeighbour(event.currentTarget);
        if (fetcher.state === "idle") send(intent);
        else setWaiting(intent);
      }}
    >
      <input type="hidden" name="intent" value={inSchedule ? "remove" : "add"} />
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <span aria-live="polite" className={inSchedule && showStatus ? `inline-flex items-center gap-1 font-semibold text-emerald-800 ${large ? "text-base" : "text-sm"}` : "sr-only"}>
        {inSchedule && showStatus ? (
          <>
            <span aria-hidden="true">✓</span> In my schedule
          </>
        ) : !inSchedule && lastChange === "remove" ? (
          "Removed from my schedule"
        ) : null}
      </span>
      <button
        type="submit"
        className={
          inSchedule && !showStatus
            ? "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-50"
            : inSchedule
            ? `rounded-md font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900 ${large ? "px-1 py-2 text-base" : "py-1 text-sm"}`
            : `inline-flex items-center gap-1 rounded-md border border-brand-700 bg-white font-semibold text-brand-700 hover:bg-brand-50 ${large ? "px-4 py-2 text-base" : "px-2.5 py-1 text-sm"}`
        }
      >
        {inSchedule ? (
          <>
            Remove<span className="sr-only"> “{session.title}” from my schedule</span>
          </>
        ) : (
          <>
            <span aria-hidden="true">+</span> Add to my schedule<span className="sr-only">: {session.title}</span>
          </>
        )}
      </button>
      {!schedule.signedIn && large ? <span className="text-sm text-slate-600">You will be asked to sign in.</span> : null}
      {error ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/**
 * Before a row leaves My schedule, focus moves to the next row's button (the
 * previous one's after the last row), so it never drops to the page's body.
 * With no row left, the empty schedule's message takes it.
 */
function focusNeighbour(form: HTMLFormElement) {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>("form[data-leaves-list] button[type=submit]")];
  const index = buttons.findIndex((button) => form.contains(button));
  (buttons[index + 1] ?? buttons[index - 1])?.focus();
}

/**
 * "Add all": every session of a track in one POST to My schedule's action,
 * which then shows how the track sits in the schedule, overlaps included. A
 * plain form, so it works without JavaScript. Signed out, a link to sign in
 * and come back stands in for it.
 */
export function AddTrackButton({
  meetingSlug,
  track,
  sessionIds,
  className = "",
}: {
  meetingSlug: string;
  track: { slug: string; name: string };
  /** The track's sessions that can be added (not cancelled). */
  sessionIds: string[] | number;
  className?: string;
}) {
  const schedule = useScheduleState();
  const navigation = useNavigation();
  const location = useLocation();
  if (!schedule) return null;
  const count = typeof sessionIds === "number" ? sessionIds : sessionIds.length;
  if (!count) return null;
  if (!schedule.signedIn) {
    return (
      <p className={`no-print text-sm ${className}`}>
        <Link to={href.login(`${location.pathname}${location.search}`)} className="font-semibold text-brand-700 underline underline-offset-2">
          Sign in to add all its sessions to your schedule
        </Link>
      </p>
    );
  }
  if (typeof sessionIds !== "number" && sessionIds.every((id) => schedule.sessionIds.includes(id))) {
    return (
      <p className={`no-print inline-flex items-center gap-1 text-sm font-semibold text-emerald-800 ${className}`}>
        <span aria-hidden="true">✓</span> All its sessions are in your schedule
      </p>
    );
  }
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "add-track" && navigation.formData.get("track") === track.slug;
  return (
    <Form method="post" action={href.schedule(meetingSlug)} className={`no-print ${className}`}>
      <input type="hidden" name="intent" value="add-track" />
      <input type="hidden" name="track" value={track.slug} />
      <SubmitButton pending={pending} pendingLabel="Adding…" variant="secondary" className="text-sm">
        {/* One flex item: the button lays out its children side by side. */}
        <span>
          <span aria-hidden="true">+</span> Add all {counted(count, "session")}
          <span className="sr-only"> of the {track.name}</span> to my schedule
        </span>
      </SubmitButton>
    </Form>
  );
}

/** The session page's calendar links: the session as an .ics file, and Google Calendar's "add event" page. */
export function SessionCalendarLinks({ icsHref, googleHref }: { icsHref: string; googleHref: string }) {
  return (
    <p className="no-print flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <a href={icsHref} className="font-semibold text-brand-700 underline underline-offset-2">
        Add to Apple Calendar or Outlook (.ics)
      </a>
      <a href={googleHref} className="font-semibold text-brand-700 underline underline-offset-2" rel="noreferrer">
        Add to Google Calendar
      </a>
    </p>
  );
}
