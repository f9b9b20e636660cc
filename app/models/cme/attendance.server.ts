// What the attendance evidence adds up to, for the attendee (My CME), for the
// organizers (per session, per person) and for the CSV export. The evidence
// itself is written elsewhere: live-page intervals by the sidecar, door scans
// by the check-in page. Both are read here per meeting, grouped by person and
// session, and turned into minutes by the pure rules in attendance.ts.
import { prisma } from "~/utils/db.server";
import { spreadsheetCsv } from "~/utils/csv";
import { roomIntervals, sessionAttendance, SOURCE_LABELS, type DoorScan, type SessionAttendance } from "./attendance";
import { designatedQuarters, formatCredits, type Interval } from "./credit";

const sessionSelect = { id: true, slug: true, title: true, startsAt: true, endsAt: true, status: true, cmeAccredited: true, creditQuarters: true, saCme: true } as const;

type EvidenceSession = { id: string; slug: string; title: string; startsAt: Date; endsAt: Date; status: string; cmeAccredited: boolean; creditQuarters: number | null; saCme: boolean };
type Evidence = { online: Interval[]; scans: (DoorScan & { scannedBy: string | null })[] };

export type AttendedSession = SessionAttendance & {
  session: { id: string; slug: string; title: string; startsAt: Date; endsAt: Date; accredited: boolean; saCme: boolean; creditQuarters: number };
};

/** Every interval and door scan of a meeting (or of one person in it), by person and session. */
async function loadEvidence(meetingId: string, userId?: string) {
  const [intervals, scans] = await Promise.all([
    prisma.attendanceInterval.findMany({
      where: { session: { meetingId }, ...(userId ? { userId } : {}) },
      select: { sessionId: true, userId: true, startedAt: true, endedAt: true },
    }),
    prisma.checkIn.findMany({
      where: { meetingId, sessionId: { not: null }, ...(userId ? { userId } : {}) },
      select: { sessionId: true, userId: true, direction: true, scannedAt: true, scannedBy: { select: { name: true } } },
    }),
  ]);
  const byPersonAndSession = new Map<string, Map<string, Evidence>>();
  const evidenceOf = (person: string, session: string) => {
    const sessions = byPersonAndSession.get(person) ?? new Map<string, Evidence>();
    byPersonAndSession.set(person, sessions);
    const evidence = sessions.get(session) ?? { online: [], scans: [] };
    sessions.set(session, evidence);
    return evidence;
  };
  for (const row of intervals) evidenceOf(row.userId, row.sessionId).online.push({ start: row.startedAt, end: row.endedAt });
  for (const row of scans) evidenceOf(row.userId, row.sessionId!).scans.push({ direction: row.direction, scannedAt: row.scannedAt, scannedBy: row.scannedBy?.name ?? null });
  const sessionIds = [...new Set([...intervals.map((row) => row.sessionId), ...scans.map((row) => row.sessionId!)])];
  const sessions = new Map(
    (await prisma.session.findMany({ where: { id: { in: sessionIds }, meetingId }, select: sessionSelect })).map((session) => [session.id, session as EvidenceSession]),
  );
  return { byPersonAndSession, sessions };
}

function attended(session: EvidenceSession, evidence: Evidence): AttendedSession | null {
  const result = sessionAttendance(session, evidence);
  if (!result) return null;
  return {
    ...result,
    session: { id: session.id, slug: session.slug, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, accredited: session.cmeAccredited, saCme: session.saCme, creditQuarters: designatedQuarters(session) },
  };
}

/** The meeting's CME designation as attendees see it, or null when the meeting offers no credit. */
export function creditDesignationFor(meetingId: string) {
  return prisma.creditDesignation.findUnique({
    where: { meetingId },
    select: { provider: true, accreditationStatement: true, designationStatement: true, offersAmaPra: true, offersParticipation: true, offersSaCme: true, maxCreditQuarters: true, claimDeadline: true, evaluationRequired: true },
  });
}

const byStart = (a: { session: { startsAt: Date } }, b: { session: { startsAt: Date } }) => a.session.startsAt.getTime() - b.session.startsAt.getTime();

/**
 * One person's attended sessions of a meeting, in time order, with minutes and
 * where they were, and the intervals behind the minutes (online, and in the
 * room from the door scans): a claim's arithmetic works on the intervals, so
 * that time in two overlapping sessions counts once.
 */
export async function myEvidence(userId: string, meetingId: string): Promise<(AttendedSession & { intervals: Interval[] })[]> {
  const { byPersonAndSession, sessions } = await loadEvidence(meetingId, userId);
  const rows: (AttendedSession & { intervals: Interval[] })[] = [];
  for (const [sessionId, evidence] of byPersonAndSession.get(userId) ?? []) {
    const session = sessions.get(sessionId)!;
    const row = attended(session, evidence);
    if (row) rows.push({ ...row, intervals: [...evidence.online, ...roomIntervals(evidence.scans, session)] });
  }
  return rows.sort(byStart);
}

/**
 * Everyone with evidence at an accredited session of the meeting, with those
 * sessions in time order: the learners the provider reports on and reminds.
 */
export async function accreditedLearners(meetingId: string): Promise<Map<string, AttendedSession[]>> {
  const { byPersonAndSession, sessions } = await loadEvidence(meetingId);
  const learners = new Map<string, AttendedSession[]>();
  for (const [userId, personSessions] of byPersonAndSession) {
    const rows: AttendedSession[] = [];
    for (const [sessionId, evidence] of personSessions) {
      const session = sessions.get(sessionId)!;
      const row = session.cmeAccredited && session.status !== "CANCELLED" ? attended(session, evidence) : null;
      if (row) rows.push(row);
    }
    if (rows.length) learners.set(userId, rows.sort(byStart));
  }
  return learners;
}

/** One person's attended sessions of a meeting, in time order, with minutes and where they were. */
export async function myAttendance(userId: string, meetingId: string): Promise<AttendedSession[]> {
  return (await myEvidence(userId, meetingId)).map(({ intervals: _intervals, ...row }) => row);
}

export type SessionTotals = {
  session: AttendedSession["session"];
  people: number;
  online: number;
  inRoom: number;
  averageMinutes: number;
};

/** Per session with any evidence: unique people (online, in the room, either) and their average minutes. */
export async function sessionAttendanceTotals(meetingId: string): Promise<SessionTotals[]> {
  const { byPersonAndSession, sessions } = await loadEvidence(meetingId);
  const totals = new Map<string, SessionTotals & { minutes: number }>();
  for (const personSessions of byPersonAndSession.values()) {
    for (const [sessionId, evidence] of personSessions) {
      const row = attended(sessions.get(sessionId)!, evidence);
      if (!row) continue;
      const total = totals.get(sessionId) ?? { session: row.session, people: 0, online: 0, inRoom: 0, averageMinutes: 0, minutes: 0 };
      total.people += 1;
      if (row.onlineMinutes) total.online += 1;
      if (row.roomMinutes) total.inRoom += 1;
      total.minutes += row.minutes;
      totals.set(sessionId, total);
    }
  }
  return [...totals.values()].map(({ minutes, ...total }) => ({ ...total, averageMinutes: Math.round(minutes / total.people) })).sort(byStart);
}

/**
 * One person's full record for a meeting: each session with its minutes and
 * the evidence behind them (the intervals online, every door scan and who
 * scanned it), and their scans at the meeting's entrance.
 */
export async function personAttendance(meetingId: string, userId: string) {
  const person = await prisma.user.findFirst({
    // Only someone registered for this meeting, or with evidence in it, has a record here.
    where: { id: userId, OR: [{ registrations: { some: { meetingId } } }, { checkIns: { some: { meetingId } } }, { attendanceIntervals: { some: { session: { meetingId } } } }] },
    select: { id: true, name: true, email: true, registrations: { where: { meetingId }, select: { code: true, status: true, category: { select: { name: true } } }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  if (!person) return null;
  const [{ byPersonAndSession, sessions }, entrance] = await Promise.all([
    loadEvidence(meetingId, userId),
    prisma.checkIn.findMany({ where: { meetingId, userId, sessionId: null }, select: { direction: true, scannedAt: true, scannedBy: { select: { name: true } } }, orderBy: { scannedAt: "asc" } }),
  ]);
  const records = [...(byPersonAndSession.get(userId) ?? [])]
    .map(([sessionId, evidence]) => {
      const session = sessions.get(sessionId)!;
      return {
        ...(attended(session, evidence) ?? { minutes: 0, onlineMinutes: 0, roomMinutes: 0, source: null }),
        session: { slug: session.slug, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, accredited: session.cmeAccredited, saCme: session.saCme, creditQuarters: designatedQuarters(session) },
        online: [...evidence.online].sort((a, b) => a.start.getTime() - b.start.getTime()),
        scans: [...evidence.scans].sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime()),
      };
    })
    .sort(byStart);
  return {
    person: { id: person.id, name: person.name, email: person.email, registration: person.registrations[0] ? { code: person.registrations[0].code, status: person.registrations[0].status, category: person.registrations[0].category.name } : null },
    sessions: records,
    entrance: entrance.map((scan) => ({ direction: scan.direction, scannedAt: scan.scannedAt, scannedBy: scan.scannedBy?.name ?? null })),
  };
}

/** People of a meeting to open a record for: registrants and anyone with evidence, by name, e-mail or registration code. */
export async function findAttendees(meetingId: string, query: string, take = 20) {
  const q = query.trim();
  if (!q) return [];
  return prisma.user.findMany({
    where: {
      AND: [
        { OR: [{ registrations: { some: { meetingId } } }, { checkIns: { some: { meetingId } } }, { attendanceIntervals: { some: { session: { meetingId } } } }] },
        { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }, { registrations: { some: { meetingId, code: { equals: q.toUpperCase() } } } }] },
      ],
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
    take,
  });
}

/** Every person's minutes per session, for spreadsheets and the provider's records (one row per person and session). */
export async function attendanceCsv(meetingId: string, timeZone: string): Promise<string> {
  const { byPersonAndSession, sessions } = await loadEvidence(meetingId);
  const people = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: [...byPersonAndSession.keys()] } },
        select: { id: true, name: true, email: true, registrations: { where: { meetingId }, select: { code: true }, orderBy: { createdAt: "desc" }, take: 1 } },
      })
    ).map((person) => [person.id, person]),
  );
  const local = (date: Date) => date.toLocaleString("sv-SE", { timeZone }).slice(0, 16);
  const rows: string[][] = [];
  for (const [userId, personSessions] of byPersonAndSession) {
    const person = people.get(userId)!;
    for (const [sessionId, evidence] of personSessions) {
      const row = attended(sessions.get(sessionId)!, evidence);
      if (!row) continue;
      rows.push([
        person.name,
        person.email,
        person.registrations[0]?.code ?? "",
        row.session.slug,
        row.session.title,
        local(row.session.startsAt),
        row.session.accredited ? formatCredits(row.session.creditQuarters) : "",
        String(row.onlineMinutes),
        String(row.roomMinutes),
        String(row.minutes),
        SOURCE_LABELS[row.source],
      ]);
    }
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!) || a[5]!.localeCompare(b[5]!));
  return spreadsheetCsv(
    ["Name", "E-mail", "Registration", "Session", "Title", `Starts (${timeZone})`, "Designated credit", "Minutes online", "Minutes in the room", "Minutes attended", "Evidence"],
    rows,
  );
}
