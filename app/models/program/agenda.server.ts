// The agenda: a day of the program with filters and full-text search, one
// track's sessions, and what is on now. Everything a session list shows comes
// from one select, so every list renders the same way.
import { type Prisma } from "~/generated/prisma/client";
import { SessionStatus } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { dayKeyOf, dayRange, type DayKey } from "~/utils/time";
import { AUDIENCE_PARAMS, KIND_PARAMS, type AgendaQuery } from "./program";
import { sessionSpeakerOrder } from "./session.server";

export const sessionListSelect = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  learningLevel: true,
  startsAt: true,
  endsAt: true,
  status: true,
  capacity: true,
  cmeAccredited: true,
  creditQuarters: true,
  saCme: true,
  track: { select: { slug: true, name: true, colour: true } },
  room: { select: { name: true, kind: true } },
  jointSociety: { select: { shortName: true } },
  speakers: {
    select: { role: true, speaker: { select: { name: true } } },
    orderBy: sessionSpeakerOrder,
  },
} satisfies Prisma.SessionSelect;

export type SessionListItem = Prisma.SessionGetPayload<{ select: typeof sessionListSelect }>;

// Start time first; parallel sessions in the order of their tracks and rooms.
const programOrder: Prisma.SessionOrderByWithRelationInput[] = [
  { startsAt: "asc" },
  { track: { position: "asc" } },
  { room: { position: "asc" } },
  { title: "asc" },
];

/**
 * Ids of the meeting's sessions matching a search: PostgreSQL full-text search
 * over title and description (the expression of the GIN index
 * "Session_search_idx", so the index serves it), a speaker's name containing
 * the words, or a presentation in it whose title matches or whose presenter's
 * name contains the words. One query; UNION keeps each half on its own index.
 */
export async function searchSessionIds(meetingId: string, text: string): Promise<string[]> {
  const namePattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Session" s
     WHERE s."meetingId" = ${meetingId}
       AND to_tsvector('english', s."title" || ' ' || s."description") @@ websearch_to_tsquery('english', ${text})
    UNION
    SELECT ss."sessionId" FROM "SessionSpeaker" ss JOIN "Speaker" sp ON sp."id" = ss."speakerId"
     WHERE sp."meetingId" = ${meetingId} AND sp."name" ILIKE ${namePattern}
    UNION
    SELECT p."sessionId" FROM "Presentation" p JOIN "Session" s ON s."id" = p."sessionId" LEFT JOIN "Speaker" sp ON sp."id" = p."speakerId"
     WHERE s."meetingId" = ${meetingId}
       AND (to_tsvector('english', p."title") @@ websearch_to_tsquery('english', ${text}) OR sp."name" ILIKE ${namePattern})`;
  return rows.map((row) => row.id);
}

/** The where clause of the agenda's filters (not the day): shared by the day's list and the per-day counts. */
async function filterWhere(meetingId: string, query: Omit<AgendaQuery, "day">): Promise<Prisma.SessionWhereInput> {
  const where: Prisma.SessionWhereInput = { meetingId };
  if (query.track || query.audience) {
    where.track = {
      ...(query.track ? { slug: query.track } : {}),
      ...(query.audience ? { audience: AUDIENCE_PARAMS[query.audience] } : {}),
    };
  }
  if (query.kind) where.kind = KIND_PARAMS[query.kind];
  if (query.level) where.learningLevel = query.level;
  if (query.cme) where.cmeAccredited = true;
  if (query.q) where.id = { in: await searchSessionIds(meetingId, query.q) };
  return where;
}

/**
 * The program with the filters applied: one day in the meeting's zone, or,
 * with `day` null, every day (a search covers the whole meeting), and how many
 * sessions match on each day (so the day tabs can say where results are). The
 * search runs once and serves both.
 */
export async function getAgenda(meeting: { id: string; timeZone: string }, day: DayKey | null, query: Omit<AgendaQuery, "day">) {
  const where = await filterWhere(meeting.id, query);
  const range = day ? dayRange(day, meeting.timeZone) : null;
  const [sessions, matching] = await Promise.all([
    prisma.session.findMany({ where: range ? { ...where, startsAt: { gte: range.start, lt: range.end } } : where, select: sessionListSelect, orderBy: programOrder }),
    prisma.session.findMany({ where, select: { startsAt: true } }),
  ]);
  const matchesByDay = new Map<DayKey, number>();
  for (const { startsAt } of matching) {
    const key = dayKeyOf(startsAt, meeting.timeZone);
    matchesByDay.set(key, (matchesByDay.get(key) ?? 0) + 1);
  }
  return { sessions, matchesByDay };
}

/** Every session of a track, in program order. */
export function getTrackSessions(meetingId: string, trackId: string) {
  return prisma.session.findMany({
    where: { meetingId, trackId },
    select: sessionListSelect,
    orderBy: programOrder,
  });
}

/**
 * "Happening now / up next": sessions under way at `now`, and those starting
 * at the next start time after it. `now` is passed in so that tests and demos
 * can pick the moment.
 */
export async function getNowAndNext(meetingId: string, now: Date, limit = 4) {
  const scheduled = { meetingId, status: SessionStatus.SCHEDULED };
  const [current, following] = await Promise.all([
    prisma.session.findMany({
      where: { ...scheduled, startsAt: { lte: now }, endsAt: { gt: now } },
      select: sessionListSelect,
      orderBy: programOrder,
      take: limit,
    }),
    prisma.session.findFirst({ where: { ...scheduled, startsAt: { gt: now } }, select: { startsAt: true }, orderBy: { startsAt: "asc" } }),
  ]);
  const next = following
    ? await prisma.session.findMany({
        where: { ...scheduled, startsAt: following.startsAt },
        select: sessionListSelect,
        orderBy: programOrder,
        take: limit,
      })
    : [];
  return { current, next };
}

/** The kinds of session and learning levels a meeting uses, so the filters offer only those. */
export async function getProgramFacets(meetingId: string) {
  const [kinds, levels] = await Promise.all([
    prisma.session.groupBy({ by: ["kind"], where: { meetingId }, orderBy: { kind: "asc" } }),
    prisma.session.groupBy({ by: ["learningLevel"], where: { meetingId, learningLevel: { not: null } }, orderBy: { learningLevel: "asc" } }),
  ]);
  return { kinds: kinds.map((row) => row.kind), levels: levels.map((row) => row.learningLevel!) };
}
