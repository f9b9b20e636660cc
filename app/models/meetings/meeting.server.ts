// Meetings and their tracks, as the public program shows them.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { meetingDatesAndPlaceSelect } from "./meeting-select";
import { dayRange, daysBetween, type DayKey } from "~/utils/time";

// What the public pages say about a meeting, on its card in the list and on its home page.
const meetingSummarySelect = {
  ...meetingDatesAndPlaceSelect,
  description: true,
} satisfies Prisma.MeetingSelect;

export function listMeetings() {
  return prisma.meeting.findMany({
    select: {
      ...meetingSummarySelect,
      society: { select: { name: true, shortName: true } },
      _count: { select: { sessions: true } },
    },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
  });
}

export type Meeting = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

export function getMeeting(slug: string) {
  return prisma.meeting.findUnique({
    where: { slug },
    select: {
      id: true,
      ...meetingSummarySelect,
      programVersion: true,
      society: { select: { name: true, shortName: true, websiteUrl: true } },
      // Whether the meeting offers CME credit: the navigation then leads to My CME.
      creditDesignation: { select: { id: true } },
      // Whether it has a call for abstracts: the navigation then leads to the call and the poster gallery.
      abstractCall: { select: { id: true } },
    },
  });
}

/**
 * What the page cache needs to know about a meeting, by its unique slug: one
 * row from a unique index, so asking often is cheap.
 */
export function getProgramStamp(slug: string) {
  return prisma.meeting.findUnique({
    where: { slug },
    select: { programVersion: true, startsOn: true, endsOn: true, timeZone: true },
  });
}

/** The meeting's calendar days in its own zone. */
export function meetingDays(meeting: { startsOn: Date; endsOn: Date }): DayKey[] {
  return daysBetween(meeting.startsOn, meeting.endsOn);
}

/** From the start of the first day to the end of the last, in the meeting's zone. */
export function meetingSpan(meeting: { startsOn: Date; endsOn: Date; timeZone: string }): { start: Date; end: Date } {
  const days = meetingDays(meeting);
  return { start: dayRange(days[0]!, meeting.timeZone).start, end: dayRange(days[days.length - 1]!, meeting.timeZone).end };
}

export function isDuringMeeting(meeting: { startsOn: Date; endsOn: Date; timeZone: string }, now: Date): boolean {
  const span = meetingSpan(meeting);
  return now >= span.start && now < span.end;
}

/** Sessions per calendar day in the meeting's zone, one grouped query. */
export async function countSessionsByDay(meeting: { id: string; timeZone: string }): Promise<Map<DayKey, number>> {
  const rows = await prisma.$queryRaw<{ day: string; sessions: number }[]>`
    SELECT to_char("startsAt" AT TIME ZONE ${meeting.timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS sessions
      FROM "Session" WHERE "meetingId" = ${meeting.id}
     GROUP BY 1`;
  return new Map(rows.map((row) => [row.day, row.sessions]));
}

export function listTracks(meetingId: string) {
  return prisma.track.findMany({
    where: { meetingId },
    select: {
      slug: true,
      name: true,
      description: true,
      colour: true,
      audience: true,
      _count: { select: { sessions: true } },
    },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}

export function getTrack(meetingId: string, slug: string) {
  return prisma.track.findUnique({
    where: { meetingId_slug: { meetingId, slug } },
    select: { id: true, slug: true, name: true, description: true, colour: true, audience: true },
  });
}

/**
 * The program's clock. Pages pass it to the models so that "happening now"
 * can be tested and demonstrated for a meeting in the past: outside
 * production, `?now=2023-03-06T16:00:00Z` pins it. Production always uses the
 * real time, so nobody can make a shared cache hold a time-travelled page.
 */
export function programNow(searchParams: URLSearchParams, production = env.NODE_ENV === "production"): Date {
  const pinned = production ? null : searchParams.get("now");
  if (pinned) {
    const date = new Date(pinned);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}
