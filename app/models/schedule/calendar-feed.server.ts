// The secret address of a person's schedule feed, one per person and meeting.
// The token is the only credential a calendar app can carry, so it is long and
// random (32 bytes), and regenerating it replaces the row's token: the old
// address stops working at once.
import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { type CalendarMeeting } from "../program/calendar.server";

/** 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function getCalendarFeedToken(userId: string, meetingId: string): Promise<string | null> {
  const feed = await prisma.calendarFeed.findUnique({ where: { userId_meetingId: { userId, meetingId } }, select: { token: true } });
  return feed?.token ?? null;
}

/** The person's feed for the meeting, created on first use; an existing address is kept. */
export async function createCalendarFeed(userId: string, meetingId: string): Promise<string> {
  try {
    const feed = await prisma.calendarFeed.upsert({
      where: { userId_meetingId: { userId, meetingId } },
      create: { userId, meetingId, token: newFeedToken() },
      update: {},
      select: { token: true },
    });
    return feed.token;
  } catch (error) {
    // Two first uses at the same moment: the other one created it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const token = await getCalendarFeedToken(userId, meetingId);
      if (token) return token;
    }
    throw error;
  }
}

/** A new address for the person's feed; the old one answers 404 from now on. */
export async function regenerateCalendarFeed(userId: string, meetingId: string): Promise<string> {
  const token = newFeedToken();
  await prisma.calendarFeed.upsert({
    where: { userId_meetingId: { userId, meetingId } },
    create: { userId, meetingId, token },
    update: { token },
    select: { id: true },
  });
  return token;
}

export type ScheduleFeed = { userId: string; meeting: CalendarMeeting; sessionIds: string[] };

/**
 * Whose feed a token opens, for which meeting, and the ids of the sessions in
 * that person's schedule for it: everything the feed's ETag needs, in one round
 * trip (calendar apps poll; most polls end in a 304 right after this). Null for
 * an unknown token, and for a malformed one without asking the database.
 */
export async function findScheduleFeed(token: string): Promise<ScheduleFeed | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const rows = await prisma.$queryRaw<(Omit<CalendarMeeting, "format"> & { format: CalendarMeeting["format"]; userId: string; sessionIds: string[] })[]>`
    SELECT f."userId", m."id", m."slug", m."name", m."timeZone", m."startsOn", m."endsOn", m."format"::text AS "format",
           m."venue", m."city", m."programVersion",
           ARRAY(SELECT si."sessionId" FROM "ScheduleItem" si JOIN "Session" s ON s."id" = si."sessionId"
                  WHERE si."userId" = f."userId" AND s."meetingId" = f."meetingId" ORDER BY si."sessionId") AS "sessionIds"
      FROM "CalendarFeed" f JOIN "Meeting" m ON m."id" = f."meetingId"
     WHERE f."token" = ${token}`;
  const row = rows[0];
  if (!row) return null;
  const { userId, sessionIds, ...meeting } = row;
  return { userId, sessionIds, meeting };
}
