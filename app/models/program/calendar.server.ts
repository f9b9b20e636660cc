// What the calendar files hold: published sessions only (the program tables;
// the organizers' draft lives elsewhere and never reaches a feed), each with
// what an event needs: UID source, SEQUENCE, LAST-MODIFIED, room, speakers.
import { type Prisma } from "~/generated/prisma/client";
import { SessionStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { sessionCoreSelect, sessionSpeakerOrder } from "./session.server";

export const calendarSessionSelect = {
  ...sessionCoreSelect,
  status: true,
  sequence: true,
  updatedAt: true,
  room: { select: { name: true, kind: true } },
  track: { select: { name: true } },
  speakers: {
    select: { role: true, speaker: { select: { name: true, credentials: true } } },
    orderBy: sessionSpeakerOrder,
  },
  presentations: {
    select: { title: true, startsAt: true, speaker: { select: { name: true } } },
    orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
  },
} satisfies Prisma.SessionSelect;

export type CalendarSession = Prisma.SessionGetPayload<{ select: typeof calendarSessionSelect }>;

export const calendarMeetingSelect = {
  id: true,
  slug: true,
  name: true,
  timeZone: true,
  startsOn: true,
  endsOn: true,
  format: true,
  venue: true,
  city: true,
  programVersion: true,
} satisfies Prisma.MeetingSelect;

export type CalendarMeeting = Prisma.MeetingGetPayload<{ select: typeof calendarMeetingSelect }>;

export function getCalendarMeeting(slug: string) {
  return prisma.meeting.findUnique({ where: { slug }, select: calendarMeetingSelect });
}


const calendarOrder: Prisma.SessionOrderByWithRelationInput[] = [{ startsAt: "asc" }, { title: "asc" }];

/** The whole program, or one track's part of it. */
export function listProgramCalendarSessions(meetingId: string, options: { trackId?: string; withCancelled: boolean }) {
  return prisma.session.findMany({
    where: {
      meetingId,
      ...(options.trackId ? { trackId: options.trackId } : {}),
      ...(options.withCancelled ? {} : { status: SessionStatus.SCHEDULED }),
    },
    select: calendarSessionSelect,
    orderBy: calendarOrder,
  });
}

/**
 * The sessions of a person's schedule, by the ids the feed's ETag was made
 * from, so that the file always matches its key.
 */
export function listScheduledCalendarSessions(meetingId: string, sessionIds: string[], options: { withCancelled: boolean }) {
  return prisma.session.findMany({
    where: {
      meetingId,
      id: { in: sessionIds },
      ...(options.withCancelled ? {} : { status: SessionStatus.SCHEDULED }),
    },
    select: calendarSessionSelect,
    orderBy: calendarOrder,
  });
}

export function getCalendarSession(meetingId: string, slug: string) {
  return prisma.session.findUnique({ where: { meetingId_slug: { meetingId, slug } }, select: calendarSessionSelect });
}

export function getCalendarTrack(meetingId: string, slug: string) {
  return prisma.track.findUnique({ where: { meetingId_slug: { meetingId, slug } }, select: { id: true, slug: true, name: true } });
}
