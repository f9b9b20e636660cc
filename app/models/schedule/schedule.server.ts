// A person's own schedule for a meeting ("My schedule"): the sessions they
// picked from the published program, with overlaps flagged but allowed (people
// do step out of one room into another). The unique (userId, sessionId) pair in
// the database is what stops double adds, not a check before the insert.
import { createHash } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { SessionStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { type Outcome, refuse } from "~/models/refusal";
import { sessionListSelect, type SessionListItem } from "../program/agenda.server";
import { overlappingPairs } from "../program/clashes";

const notInProgram = () => refuse("NOT_FOUND", "That session is not in this meeting's program.");

/**
 * Puts a published session of the meeting into the person's schedule. The
 * session must belong to `meetingId` (a session of another meeting, or one that
 * exists only in the organizers' draft, is "not found"); a cancelled one cannot
 * be added; adding twice is a 409 and leaves one row.
 */
export async function addToSchedule(userId: string, meetingId: string, sessionId: string): Promise<Outcome> {
  const session = await prisma.session.findFirst({ where: { id: sessionId, meetingId }, select: { status: true } });
  if (!session) return notInProgram();
  if (session.status === SessionStatus.CANCELLED) return refuse("CONFLICT", "That session is cancelled, so it cannot be added to your schedule.");
  try {
    // connect with the meeting as an extra condition: a session removed or moved
    // since the check above fails here (P2025) instead of slipping in.
    await prisma.scheduleItem.create({
      data: { user: { connect: { id: userId } }, session: { connect: { id: sessionId, meetingId } } },
      select: { id: true },
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError) {
      if (error.code === "P2002") return refuse("CONFLICT", "That session is already in your schedule.");
      if (error.code === "P2025") return notInProgram();
    }
    throw error;
  }
}

export async function removeFromSchedule(userId: string, meetingId: string, sessionId: string): Promise<Outcome> {
  const { count } = await prisma.scheduleItem.deleteMany({ where: { userId, sessionId, session: { meetingId } } });
  return count ? { ok: true } : refuse("NOT_FOUND", "That session is not in your schedule.");
}

/** The ids of the sessions a person has in their schedule for one meeting: what the add/remove buttons need. */
export async function listScheduledSessionIds(userId: string, meetingId: string): Promise<string[]> {
  const rows = await prisma.scheduleItem.findMany({
    where: { userId, session: { meetingId } },
    select: { sessionId: true },
    orderBy: { sessionId: "asc" },
  });
  return rows.map((row) => row.sessionId);
}

/**
 * A short fingerprint of a person's schedule for a meeting (by slug), and of
 * how far they have seen its changes: it changes whenever a session is added or
 * removed, or they look at the changes, so ETags of signed-in pages and of the
 * personal feed change with it. One query on the (userId, sessionId) index, one
 * on (userId, meetingId).
 */
export async function scheduleStamp(userId: string, meetingSlug: string): Promise<string> {
  const [rows, seen] = await Promise.all([
    prisma.scheduleItem.findMany({
      where: { userId, session: { meeting: { slug: meetingSlug } } },
      select: { sessionId: true },
      orderBy: { sessionId: "asc" },
    }),
    prisma.programSeen.findFirst({ where: { userId, meeting: { slug: meetingSlug } }, select: { releaseNumber: true } }),
  ]);
  return stampOf(rows, seen);
}

/**
 * The same fingerprint for whoever holds a sign-in (LoginSession id), plus the
 * newest release whose changes they have seen: the page cache asks it before
 * every signed-in program page, whose navigation counts the changes not yet
 * seen, so looking at them is never answered with a stale 304. An expired or
 * unknown sign-in has the empty schedule.
 */
export async function scheduleStampForSignIn(loginSessionId: string, meetingSlug: string, now = new Date()): Promise<string> {
  const holder = { loginSessions: { some: { id: loginSessionId, expiresAt: { gt: now } } } };
  const [rows, seen] = await Promise.all([
    prisma.scheduleItem.findMany({
      where: { user: holder, session: { meeting: { slug: meetingSlug } } },
      select: { sessionId: true },
      orderBy: { sessionId: "asc" },
    }),
    prisma.programSeen.findFirst({ where: { user: holder, meeting: { slug: meetingSlug } }, select: { releaseNumber: true } }),
  ]);
  return stampOf(rows, seen);
}

const stampOf = (rows: { sessionId: string }[], seen: { releaseNumber: number } | null) => `${fingerprint(rows.map((row) => row.sessionId))}.${seen?.releaseNumber ?? 0}`;

export function fingerprint(sessionIds: readonly string[]): string {
  if (!sessionIds.length) return "empty";
  return createHash("sha1").update(sessionIds.join(",")).digest("base64url").slice(0, 16);
}

export type ScheduledSession = SessionListItem & {
  /** Titles and slugs of the other scheduled sessions that overlap this one (cancelled ones never clash). */
  conflicts: { id: string; slug: string; title: string }[];
};

/** A person's schedule for a meeting, in time order, each session with the sessions it overlaps. */
export async function getSchedule(userId: string, meetingId: string): Promise<ScheduledSession[]> {
  const sessions = await prisma.session.findMany({
    where: { meetingId, scheduleItems: { some: { userId } } },
    select: sessionListSelect,
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }, { title: "asc" }],
  });
  const overlaps = findOverlaps(sessions);
  return sessions.map((session) => ({ ...session, conflicts: overlaps.get(session.id) ?? [] }));
}

type Interval = { id: string; slug: string; title: string; startsAt: Date; endsAt: Date; status: SessionStatus };

/** Which sessions overlap which, by the program's clash rule (clashes.ts): one starts before the other ends; back to back is fine. */
export function findOverlaps(sessions: readonly Interval[]): Map<string, { id: string; slug: string; title: string }[]> {
  const overlaps = new Map<string, { id: string; slug: string; title: string }[]>();
  const note = (a: Interval, b: Interval) => overlaps.set(a.id, [...(overlaps.get(a.id) ?? []), { id: b.id, slug: b.slug, title: b.title }]);
  for (const [a, b] of overlappingPairs(sessions)) {
    note(a, b);
    note(b, a);
  }
  return overlaps;
}

/**
 * The meeting's programs for particular audiences (medical students, residents):
 * where the empty schedule points, each with how many of its sessions "Add all" adds.
 */
export async function listAudienceTracks(meetingId: string) {
  const tracks = await prisma.track.findMany({
    where: { meetingId, audience: { not: "EVERYONE" } },
    select: {
      slug: true,
      name: true,
      colour: true,
      audience: true,
      description: true,
      _count: { select: { sessions: { where: { status: SessionStatus.SCHEDULED } } } },
    },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return tracks.map(({ _count, ...track }) => ({ ...track, sessions: _count.sessions }));
}
