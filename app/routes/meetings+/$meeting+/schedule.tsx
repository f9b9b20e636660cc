// My schedule: the sessions a person picked, day by day in the meeting's zone
// (or theirs), overlaps flagged but allowed, each session the organizers changed
// since the person last looked marked with what changed (old → new), and their
// calendar feed: a secret address their calendar app subscribes to, which they
// can replace. Its action also serves the add/remove buttons of every program
// page.
//
// "Seen": once the page has shown the marks, it posts the release they run up
// to (with JavaScript, by itself; without, with a button), which clears them and
// the navigation's count from then on. Recording it on the GET itself would
// change state on a read, and a link prefetched on hover would clear marks
// nobody saw. The marks stay on the page for the rest of the visit.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useFetchers, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CalendarFeed, PrintButton, useHydrated } from "~/components/calendar-feed";
import { ChangeMark, ChangedBadge, OldNewList } from "~/components/change-marks";
import { pageWidthClass } from "~/components/page-width";
import { useProgramHref } from "~/components/program-links";
import { AddTrackButton, ScheduleButton } from "~/components/schedule-button";
import { CancelledBadge, TrackChip, TrackDot } from "~/components/track-chip";
import { createCalendarFeed, getCalendarFeedToken, regenerateCalendarFeed } from "~/models/schedule/calendar-feed.server";
import { AUDIENCE_LABELS, KIND_LABELS } from "~/models/program/program";
import { describeOldNew, type OldNew } from "~/models/program/changes";
import { listUnseenChanges, markProgramSeen } from "~/models/program/notices.server";
import { scheduleAnchor, type ScheduleButtonReply, ScheduleFormSchema } from "~/models/schedule/forms";
import { addToSchedule, getSchedule, listAudienceTracks, removeFromSchedule } from "~/models/schedule/schedule.server";
import { addTrackToSchedule, trackInSchedule, type TrackInSchedule } from "~/models/schedule/track-in-schedule.server";
import { getUser } from "~/server/auth.server";
import { requireMeeting, requireMeetingAndUser } from "~/server/meeting-page.server";
import { refusalStatus } from "~/server/refusal.server";
import { readFormData } from "~/utils/form-data.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { formatDay, formatTimeRange, groupByDay, zoneViewFor } from "~/utils/time";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";
import { absoluteUrl } from "~/utils/href.server";

const FEED_CHANGES = ["created", "replaced"] as const;

/** The addresses of a person's feed as the page offers them. */
function feedLinks(token: string) {
  const https = absoluteUrl(href.personalCalendar(token));
  const webcal = https.replace(/^https?:/, "webcal:");
  return { https, webcal, google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcal })}` };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const zone = zoneViewFor(request, meeting);
  const [sessions, token, audienceTracks, unseen] = await Promise.all([
    getSchedule(user.id, meeting.id),
    getCalendarFeedToken(user.id, meeting.id),
    listAudienceTracks(meeting.id),
    listUnseenChanges(user.id, meeting.id),
  ]);
  return {
    meeting: { slug: meeting.slug, name: meeting.name },
    // Days in the zone the times are shown in, so a late session sits under the day its time reads.
    days: groupByDay(sessions, zone.zone),
    total: sessions.length,
    conflicted: sessions.filter((session) => session.conflicts.length > 0).length,
    // Set by the action's redirect after "Add all": how that track now sits in the schedule.
    addedTrack: await trackInSchedule(meeting.id, new URL(request.url).searchParams.get("added"), sessions),
    feed: token ? feedLinks(token) : null,
    programFeed: absoluteUrl(href.agendaCalendar(meeting)),
    // Set by the action's redirect after the feed's address was created or replaced.
    feedChange: FEED_CHANGES.find((change) => change === new URL(request.url).searchParams.get("feed")) ?? null,
    audienceTracks,
    zone,
    changes: {
      release: unseen.latestRelease,
      sessions: unseen.sessions.map((session) => ({
        slug: session.slug,
        title: session.title,
        removed: session.removed,
        lines: session.changes.map((change) => describeOldNew(change, zone.zone)),
      })),
    } satisfies ScheduleChanges,
  };
}

type ScheduleChanges = { release: number; sessions: { slug: string; title: string; removed: boolean; lines: OldNew[] }[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const meeting = await requireMeeting(params);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: ScheduleFormSchema });
  if (submission.status !== "success") {
    return data({ error: "That request was incomplete. Reload the page and try again.", result: submission.reply() }, { status: 400 });
  }
  const form = submission.value;
  const schedulePath = href.schedule(meeting.slug);
  const back = "redirectTo" in form ? safeRedirect(form.redirectTo, schedulePath) : schedulePath;

  const user = await getUser(request);
  if (!user) {
    // Sign in, then come back to the page the button was on; signing in (or up) adds the session (pending-add.server.ts).
    throw redirect(href.login(back, form.intent === "add" ? form.sessionId : null));
  }

  if (form.intent === "seen") {
    await markProgramSeen(user.id, meeting.id, form.release);
    if (formData.get("stay") === "1") return { ok: true } satisfies ScheduleButtonReply;
    throw redirect(schedulePath, 303);
  }
  if (form.intent === "add" || form.intent === "remove") {
    const result = form.intent === "add" ? await addToSchedule(user.id, meeting.id, form.sessionId) : await removeFromSchedule(user.id, meeting.id, form.sessionId);
    if (!result.ok) return data({ error: result.message, result: null } satisfies ScheduleButtonReply, { status: refusalStatus(result) });
    // Without JavaScript the browser comes back to its page, scrolled to the button it pressed.
    if (formData.get("stay") !== "1") throw redirect(`${back.split("#")[0]}#${scheduleAnchor(form.sessionId)}`, 303);
    return { ok: true } satisfies ScheduleButtonReply;
  }
  if (form.intent === "add-track") {
    const result = await addTrackToSchedule(user.id, meeting.id, form.track);
    if (!result.ok) return data({ error: result.message, result: null } satisfies ScheduleButtonReply, { status: refusalStatus(result) });
    throw redirect(href.schedule(meeting, { added: form.track }), 303);
  }
  if (form.intent === "create-feed") await createCalendarFeed(user.id, meeting.id);
  else await regenerateCalendarFeed(user.id, meeting.id);
  throw redirect(`${href.schedule(meeting, { feed: form.intent === "create-feed" ? "created" : "replaced" })}#calendar`, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `My schedule · ${data.meeting.name}` : "My schedule" }];

export default function SchedulePage() {
  const { meeting, days, total, conflicted, addedTrack, feed, feedChange, programFeed, audienceTracks, zone, changes } = useLoaderData<typeof loader>();
  const shownChanges = useChangesOfThisVisit(meeting.slug, changes);
  const marks = new Map(shownChanges.sessions.map((session) => [session.slug, session.lines]));
  const actionData = useActionData<typeof action>();
  const withTz = useProgramHref();
  // Sessions on their way out (JavaScript): gone from the list at once.
  const removing = new Set(
    useFetchers()
      .filter((fetcher) => fetcher.formData?.get("intent") === "remove")
      .map((fetcher) => String(fetcher.formData?.get("sessionId"))),
  );
  const shownDays = days.map((day) => ({ ...day, sessions: day.sessions.filter((s) => !removing.has(s.id)) })).filter((day) => day.sessions.length > 0);
  const shown = shownDays.reduce((sum, day) => sum + day.sessions.length, 0);

  return (
    <div className={`${pageWidthClass} px-4 py-6 sm:px-6 sm:py-8`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">My schedule</h1>
        {total ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            {`${counted(shown, "session")}${conflicted ? ` · ${conflicted} overlapping` : ""}`}
          </p>
        ) : null}
      </div>
      {/* On paper there is no zone bar: say which zone the times are in. */}
      <p className="hidden text-sm text-slate-700 print:block">Times in {zone.label}</p>
      {addedTrack ? <AddedTrackNote track={addedTrack} /> : null}

      {actionData && "error" in actionData && actionData.error ? (
        <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {actionData.error}
        </p>
      ) : null}

      <ChangesSummary changes={shownChanges} />

      {total && shown ? (
        <>
          {conflicted ? (
            <p className="mt-4 max-w-prose rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
              Some of your sessions overlap. They stay in your schedule; choose between them when the time comes, or remove one.
            </p>
          ) : null}
          <div className="mt-6 space-y-8">
            {shownDays.map(({ day, sessions }) => (
              <section key={day} aria-labelledby={`day-${day}`} className="break-inside-avoid-page">
                <h2 id={`day-${day}`} className="mb-3 border-b border-slate-200 pb-2 text-lg font-bold text-slate-900">
                  {formatDay(day)}
                </h2>
                <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none">
                  {sessions.map((session) => {
                    const startsAt = new Date(session.startsAt);
                    const endsAt = new Date(session.endsAt);
                    const cancelled = session.status === "CANCELLED";
                    const speakers = session.speakers.map((s) => s.speaker.name);
                    const mark = marks.get(session.slug);
                    const edge = session.conflicts.length ? "border-l-4 border-l-amber-500" : mark ? "border-l-4 border-l-brand-700" : "";
                    return (
                      <li key={session.id} className={`px-4 py-3 sm:px-5 ${edge} ${cancelled ? "bg-slate-50" : ""}`}>
                        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                          <span className="font-semibold text-slate-900 tabular-nums">{formatTimeRange(startsAt, endsAt, zone.zone)}</span>
                          {session.track ? <TrackChip track={session.track} /> : null}
                          {session.room ? <span className="text-slate-600">{session.room.name}</span> : null}
                        </div>
                        <h3 className="mt-1 text-base leading-snug font-semibold">
                          <Link to={withTz(href.session(meeting.slug, session))} className={`underline-offset-2 hover:underline ${cancelled ? "text-slate-600" : "text-brand-800"}`}>
                            {session.title}
                          </Link>
                        </h3>
                        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
                          {cancelled ? <CancelledBadge /> : null}
                          <span>{KIND_LABELS[session.kind]}</span>
                        </div>
                        {speakers.length ? <p className="mt-1 text-sm text-slate-700">{speakers.join(", ")}</p> : null}
                        {mark ? <ChangeMark changes={mark} /> : null}
                        {session.conflicts.length ? (
                          <p className="mt-1.5 text-sm font-medium text-amber-900">
                            <span aria-hidden="true">⚠ </span>Conflicts with{" "}
                            {session.conflicts.map((other, index) => (
                              <span key={other.id}>
                                {index ? ", " : ""}
                                <Link to={withTz(href.session(meeting.slug, other))} className="underline underline-offset-2">
                                  {other.title}
                                </Link>
                              </span>
                            ))}
                          </p>
                        ) : null}
                        <ScheduleButton meetingSlug={meeting.slug} session={session} showStatus={false} leavesListOnRemove className="mt-2" />
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
          <PrintButton />
        </>
      ) : (
        <EmptySchedule
          meetingSlug={meeting.slug}
          agendaHref={withTz(href.agenda(meeting.slug))}
          tracks={audienceTracks.map((track) => ({ ...track, href: withTz(href.track(meeting.slug, track)) }))}
          emptied={total > 0}
        />
      )}

      <CalendarFeed feed={feed} change={feedChange} programFeed={programFeed} />
    </div>
  );
}

/**
 * The changes to show on this visit, and the "seen" post once they are shown.
 * The marks stay until the person leaves, though the data revalidated after
 * "seen" (or after removing a session) has none; a newer release's marks, if one
 * comes in while the page is open, replace them and are posted as seen in turn.
 */
function useChangesOfThisVisit(meetingSlug: string, changes: ScheduleChanges): ScheduleChanges {
  const [shown, setShown] = useState(changes);
  const { submit } = useFetcher();
  // Each release is posted once, whatever revalidations bring in meanwhile.
  const posted = useRef(0);
  useEffect(() => {
    if (!changes.sessions.length) return;
    setShown(changes);
    if (changes.release <= posted.current) return;
    posted.current = changes.release;
    submit({ intent: "seen", release: String(changes.release), stay: "1" }, { method: "post", action: href.schedule(meetingSlug) });
  }, [changes, meetingSlug, submit]);
  return shown;
}

/** How many sessions changed since the last look, and the ones the organizers removed (no longer in the list below). */
function ChangesSummary({ changes }: { changes: ScheduleChanges }) {
  const hydrated = useHydrated();
  const count = changes.sessions.length;
  if (!count) return null;
  const removed = changes.sessions.filter((session) => session.removed);
  return (
    <section aria-labelledby="changes-heading" className="mt-4 max-w-3xl rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-900 sm:px-5">
      <h2 id="changes-heading" className="flex flex-wrap items-center gap-2 text-base font-bold text-brand-900">
        <ChangedBadge />
        {counted(count, "session")} in your schedule changed since you last looked
      </h2>
      <p className="mt-1 text-slate-700">Each is marked below with what changed, old → new.</p>
      {removed.length ? (
        <>
          <h3 className="mt-3 font-semibold text-slate-900">Removed from the program</h3>
          <ul className="mt-1 space-y-2">
            {removed.map((session) => (
              <li key={session.slug}>
                <span className="font-semibold">{session.title}</span>
                <OldNewList changes={session.lines} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hydrated ? (
        <p className="mt-2 text-slate-700">You have seen these now: next time, only newer changes are marked.</p>
      ) : (
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="seen" />
          <input type="hidden" name="release" value={changes.release} />
          <button type="submit" className="rounded-md border border-brand-700 bg-white px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50">
            Mark as seen
          </button>
        </Form>
      )}
    </section>
  );
}

/**
 * "All 14 sessions of the Medical Student Program are in your schedule", after
 * "Add all", with the overlaps the list below marks. It takes focus: the button
 * that was pressed is gone (the empty schedule's, or another page's).
 */
function AddedTrackNote({ track }: { track: TrackInSchedule }) {
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => note.current?.focus(), []);
  return (
    <div ref={note} role="status" tabIndex={-1} className="mt-4 max-w-3xl rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 focus:outline-2 focus:outline-offset-2 focus:outline-emerald-700">
      <p className="font-semibold">
        {track.inSchedule === track.sessions
          ? `${track.sessions === 1 ? "The 1 session" : `All ${track.sessions} sessions`} of the ${track.name} ${track.sessions === 1 ? "is" : "are"} in your schedule.`
          : `${track.inSchedule} of the ${counted(track.sessions, "session")} of the ${track.name} ${track.inSchedule === 1 ? "is" : "are"} in your schedule.`}
      </p>
      <p className="mt-1">
        {track.overlapping
          ? `${track.overlapping} of them overlap other sessions in your schedule and are marked below. They all stay; choose between them when the time comes, or remove some.`
          : "None of them overlaps another session in your schedule."}
      </p>
    </div>
  );
}

function EmptySchedule({
  meetingSlug,
  agendaHref,
  tracks,
  emptied,
}: {
  meetingSlug: string;
  agendaHref: string;
  tracks: { slug: string; name: string; colour: string; audience: keyof typeof AUDIENCE_LABELS; description: string | null; sessions: number; href: string }[];
  /** The last session was just removed (JavaScript): the Remove button that had focus is gone, so this message takes it. */
  emptied: boolean;
}) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (emptied) message.current?.focus();
  }, [emptied]);
  return (
    <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 sm:px-8">
      <p ref={message} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        Your schedule is empty.
      </p>
      <p className="mt-2 max-w-prose text-slate-700">
        Browse the program and press <strong>Add to my schedule</strong> on the sessions you want to attend. They appear here by day, with any overlaps
        flagged, and in your calendar if you subscribe below.
      </p>
      <Link to={agendaHref} className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Browse the program
      </Link>
      {tracks.length ? (
        <div className="mt-8">
          <h2 className="text-base font-bold text-slate-900">Medical student or resident?</h2>
          <p className="mt-1 max-w-prose text-slate-700">
            The meeting has programs made for you. Add all of yours in one go; overlaps with anything else you add are flagged here.
          </p>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {tracks.map((track) => (
              <li key={track.slug} className="flex flex-col items-start gap-2 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
                <div>
                  <Link to={track.href} className="inline-flex items-center gap-2 font-semibold text-brand-800 underline-offset-2 hover:underline">
                    <TrackDot colour={track.colour} />
                    {track.name}
                  </Link>
                  <p className="mt-0.5 text-sm text-slate-600">
                    For {AUDIENCE_LABELS[track.audience].toLowerCase()} · {counted(track.sessions, "session")}
                  </p>
                </div>
                <AddTrackButton meetingSlug={meetingSlug} track={track} sessionIds={track.sessions} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export { ProgramErrorBoundary as ErrorBoundary } from "~/components/program-error";
