// How every list of sessions looks (agenda, track, speaker, happening now):
// grouped under their start time, each with its time range, title, kind,
// level, track, room or channel, speakers and joint society.
import { Link } from "@remix-run/react";
import { KIND_LABELS, type ROLE_LABELS } from "~/models/program/program";
import { dayKeyOf, formatDay, formatTime, formatTimeRange, type DayKey } from "~/utils/time";
import { useProgramHref } from "./program-links";
import { ScheduleButton } from "./schedule-button";
import { CancelledBadge, LevelBadge, TrackChip } from "./track-chip";
import { CmeBadge } from "./cme-credit";
import { designatedQuarters } from "~/models/cme/credit";
import { href } from "~/utils/href";
import { counted } from "~/utils/plural";

/** The fields of SessionListItem a list shows (dates may arrive as strings after serialization). */
export type ListedSession = {
  id: string;
  slug: string;
  title: string;
  kind: keyof typeof KIND_LABELS;
  learningLevel: number | null;
  startsAt: Date | string;
  endsAt: Date | string;
  status: "SCHEDULED" | "CANCELLED";
  capacity: number | null;
  /** CME credit; lists built before CME existed leave it out. */
  cmeAccredited?: boolean;
  creditQuarters?: number | null;
  track: { slug: string; name: string; colour: string } | null;
  room: { name: string; kind: "ROOM" | "VIRTUAL_CHANNEL" } | null;
  jointSociety: { shortName: string } | null;
  speakers: { role: keyof typeof ROLE_LABELS; speaker: { name: string } }[];
};

type ListProps = {
  meetingSlug: string;
  sessions: ListedSession[];
  /** The zone times are shown in. */
  zone: string;
  /** The day the list belongs to (in the meeting's zone); a session that falls on another day in `zone` says so. */
  day?: DayKey;
  /** What each row adds at its top, e.g. the speaker's role in it. */
  note?: (session: ListedSession) => string | undefined;
  headingLevel?: 2 | 3;
};

/** Sessions under a heading per start time. */
export function SessionsByTime({ meetingSlug, sessions, zone, day, note, headingLevel = 2 }: ListProps) {
  const groups = new Map<string, ListedSession[]>();
  for (const session of sessions) {
    const key = new Date(session.startsAt).toISOString();
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-6">
      {[...groups.entries()].map(([startsAt, group]) => (
        <section key={startsAt} aria-labelledby={`slot-${startsAt}`}>
          <Heading id={`slot-${startsAt}`} className="mb-2 text-sm font-semibold tracking-wide text-slate-600 tabular-nums uppercase">
            {formatTime(new Date(startsAt), zone)}
            {/* Heard in a list of headings, "9:00 AM" alone could be any day: a screen reader always gets the day. */}
            {day && dayKeyOf(new Date(startsAt), zone) !== day ? (
              <span className="normal-case"> · {formatDay(dayKeyOf(new Date(startsAt), zone), "short")}</span>
            ) : (
              <span className="sr-only normal-case">, {formatDay(dayKeyOf(new Date(startsAt), zone))}</span>
            )}
          </Heading>
          <SessionRows meetingSlug={meetingSlug} sessions={group} zone={zone} note={note} headingLevel={headingLevel === 2 ? 3 : 4} />
        </section>
      ))}
    </div>
  );
}

/** Sessions under a heading per day (the meeting's days), then per start time: a track's program, a search over every day. */
export function SessionsByDay({ meetingSlug, days, zone }: { meetingSlug: string; days: { day: DayKey; sessions: ListedSession[] }[]; zone: string }) {
  return days.map(({ day, sessions }) => (
    <section key={day} aria-labelledby={`day-${day}`}>
      <h2 id={`day-${day}`} className="mb-3 border-b border-slate-200 pb-2 text-lg font-bold text-slate-900">
        {formatDay(day)}
      </h2>
      <SessionsByTime meetingSlug={meetingSlug} sessions={sessions} zone={zone} day={day} headingLevel={3} />
    </section>
  ));
}

/** Sessions as one list, each showing its own day: for a speaker's or a track's few sessions. */
export function SessionRows({
  meetingSlug,
  sessions,
  zone,
  note,
  showDay = false,
  headingLevel = 3,
}: Omit<ListProps, "headingLevel" | "day"> & { showDay?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const withTz = useProgramHref();
  const Title = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      {sessions.map((session) => {
        const startsAt = new Date(session.startsAt);
        const endsAt = new Date(session.endsAt);
        const cancelled = session.status === "CANCELLED";
        const moderators = session.speakers.filter((s) => s.role === "MODERATOR").map((s) => s.speaker.name);
        const others = session.speakers.filter((s) => s.role !== "MODERATOR").map((s) => s.speaker.name);
        const extra = note?.(session);
        return (
          <li key={session.id} className={`px-4 py-3 sm:px-5 ${cancelled ? "bg-slate-50" : ""}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              {/* Read with the title instead (below), so the time is heard with what it is the time of. */}
              <span aria-hidden="true" className="font-semibold text-slate-900 tabular-nums">
                {showDay ? `${formatDay(dayKeyOf(startsAt, zone), "short")}, ` : ""}
                {formatTimeRange(startsAt, endsAt, zone)}
              </span>
              {session.track ? <TrackChip track={session.track} /> : null}
              {session.room ? <span className="text-slate-600">{session.room.name}</span> : null}
            </div>
            <Title className="mt-1 text-base leading-snug font-semibold">
              <Link
                to={withTz(href.session(meetingSlug, session))}
                className={`underline-offset-2 hover:underline ${cancelled ? "text-slate-600" : "text-brand-800"}`}
              >
                {session.title}
              </Link>
              <span className="sr-only">
                , {formatDay(dayKeyOf(startsAt, zone))}, {formatTimeRange(startsAt, endsAt, zone)}
              </span>
            </Title>
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
              {cancelled ? <CancelledBadge /> : null}
              {extra ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">{extra}</span> : null}
              <span>{KIND_LABELS[session.kind]}</span>
              {session.learningLevel ? <LevelBadge level={session.learningLevel} /> : null}
              {session.cmeAccredited && !cancelled ? <CmeBadge quarters={designatedQuarters({ ...session, creditQuarters: session.creditQuarters ?? null })} /> : null}
              {session.jointSociety ? <span>Joint session with {session.jointSociety.shortName}</span> : null}
              {session.capacity ? <span>{counted(session.capacity, "seat")}, ticketed</span> : null}
            </div>
            {moderators.length || others.length ? (
              <p className="mt-1 text-sm text-slate-700">
                {moderators.length ? (
                  <>
                    <span className="text-slate-600">{moderators.length > 1 ? "Moderators" : "Moderator"}:</span> {moderators.join(", ")}
                    {others.length ? <span aria-hidden="true"> · </span> : null}
                  </>
                ) : null}
                {others.length ? <span className="sr-only">{moderators.length ? "With: " : "Speakers: "}</span> : null}
                {others.join(", ")}
              </p>
            ) : null}
            <ScheduleButton meetingSlug={meetingSlug} session={session} className="mt-2" />
          </li>
        );
      })}
    </ul>
  );
}
