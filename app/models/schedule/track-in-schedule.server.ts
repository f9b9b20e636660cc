// "Add all" for a track: the medical-student and resident programs (and every
// other track) go into a person's schedule in one POST. Every session of the
// track that can be added is added, clashes or not: My schedule already flags
// overlaps and lets the person choose, and leaving some out would hide from
// them what the program offers. The page then says how the track sits in the
// schedule, overlaps included.
import { SessionStatus } from "~/generated/prisma/enums";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type ScheduledSession } from "./schedule.server";

/**
 * Adds every session of the track in the published program that is not
 * cancelled; those already in the schedule stay as they are (one statement,
 * so a double click adds nothing twice). `added` counts the new ones.
 */
export async function addTrackToSchedule(userId: string, meetingId: string, trackSlug: string): Promise<Outcome<{ added: number; sessions: number }>> {
  const track = await prisma.track.findFirst({
    where: { meetingId, slug: trackSlug },
    select: { sessions: { where: { status: SessionStatus.SCHEDULED }, select: { id: true } } },
  });
  if (!track) return refuse("NOT_FOUND", "That track is not in this meeting's program.");
  const { count } = await prisma.scheduleItem.createMany({
    data: track.sessions.map((session) => ({ userId, sessionId: session.id })),
    skipDuplicates: true,
  });
  return { ok: true, added: count, sessions: track.sessions.length };
}

/** How a track sits in a person's schedule after "Add all": for My schedule's message. */
export type TrackInSchedule = { name: string; sessions: number; inSchedule: number; overlapping: number };

/**
 * How many of the track's sessions (not cancelled) are in `schedule` (the
 * person's, from getSchedule), and how many of those overlap another session
 * of it. Null for a slug that is not a track of the meeting.
 */
export async function trackInSchedule(meetingId: string, trackSlug: string | null, schedule: ScheduledSession[]): Promise<TrackInSchedule | null> {
  if (!trackSlug) return null;
  const track = await prisma.track.findFirst({
    where: { meetingId, slug: trackSlug },
    select: { name: true, _count: { select: { sessions: { where: { status: SessionStatus.SCHEDULED } } } } },
  });
  if (!track) return null;
  const mine = schedule.filter((session) => session.track?.slug === trackSlug && session.status === SessionStatus.SCHEDULED);
  return { name: track.name, sessions: track._count.sessions, inSchedule: mine.length, overlapping: mine.filter((session) => session.conflicts.length > 0).length };
}
