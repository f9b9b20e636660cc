// Door check-in: evidence of attendance in the room. Staff scan a registration's
// QR (a signed token, see checkInToken) or pick the person by name, at a
// session's door or the meeting's entrance, on the way in or out. A scan says at
// once whether the person is registered and confirmed; a refused scan records
// nothing. Scanners queue scans offline and may send one twice, so each carries
// its own scanId (unique: recorded once), and the same person scanned the same
// way at the same door again within a few minutes is "already checked in".
import { Prisma } from "~/generated/prisma/client";
import type { CheckInDirection } from "~/generated/prisma/enums";
import { type Outcome, refuse } from "~/models/refusal";
import { isConfirmed, readCheckInToken, registrationStateLabel } from "~/models/registration/registration.server";
import { prisma } from "~/utils/db.server";
import { dayKeyOf } from "~/utils/time";

/** A second scan of the same person, same way, same door within this time is the same passage (a double tap, two staff). */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;
/** A phone's clock may run a few minutes ahead: such a time counts as now, rather than turning a person away; beyond this it is refused as wrong. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;
/** A queued scan may wait for the Wi-Fi for a day or so; older than this is not a scan of this meeting's day. */
export const MAX_SCAN_AGE_MS = 48 * 60 * 60 * 1000;

export type ScanRequest = {
  meetingId: string;
  /** null: the meeting's entrance. */
  sessionId: string | null;
  direction: CheckInDirection;
  /** What the QR held, or the registration picked by name. */
  person: { token: string } | { registrationId: string };
  scanId: string;
  scannedAt: Date;
  scannedById: string;
};

export type ScanPerson = { registrationId: string; name: string; category: string };
/** RECORDED: a new row; REPEAT: the same passage was already recorded (no new row). */
export type ScanOutcome = Outcome<{ result: "RECORDED" | "REPEAT"; direction: CheckInDirection; person: ScanPerson; scannedAt: Date }>;

/** A registered person as the door sees them: the name and category on the badge, and whether the registration is confirmed (and if not, why). */
const doorPersonSelect = {
  id: true,
  status: true,
  verification: true,
  user: { select: { name: true } },
  category: { select: { name: true } },
} as const satisfies Prisma.RegistrationSelect;

/** The person a scan names, and which meeting they are registered for. */
const registrationSelect = {
  ...doorPersonSelect,
  meetingId: true,
  userId: true,
  meeting: { select: { name: true } },
} as const satisfies Prisma.RegistrationSelect;

type ScannedRegistration = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>;

const personOf = (registration: ScannedRegistration): ScanPerson => ({ registrationId: registration.id, name: registration.user.name, category: registration.category.name });

/** Whom the scan names, or why it names nobody who may come in. */
async function findScannedRegistration(meetingId: string, person: ScanRequest["person"]): Promise<Outcome<{ registration: ScannedRegistration }>> {
  let registration: ScannedRegistration | null;
  if ("token" in person) {
    const code = readCheckInToken(person.token);
    if (!code) return refuse("INVALID", "This is not a registration QR code of this platform (forged or damaged).");
    registration = await prisma.registration.findUnique({ where: { code }, select: registrationSelect });
  } else {
    registration = await prisma.registration.findFirst({ where: { id: person.registrationId, meetingId }, select: registrationSelect });
  }
  if (!registration) return refuse("NOT_FOUND", "No registration found for this code.");
  if (registration.meetingId !== meetingId) return refuse("FORBIDDEN", `This registration is for ${registration.meeting.name}, not this meeting.`);
  if (registration.status === "CANCELLED") return refuse("CONFLICT", `${registration.user.name}'s registration was cancelled.`);
  if (!isConfirmed(registration)) return refuse("CONFLICT", `${registration.user.name}'s registration is not confirmed (${registrationStateLabel(registration).toLowerCase()}).`);
  return { ok: true, registration };
}

function checkScanTime(scannedAt: Date, now: Date) {
  if (Number.isNaN(scannedAt.getTime())) return refuse("INVALID", "The scan has no valid time.", "scannedAt");
  if (scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return refuse("INVALID", "The scan's time is in the future: check the scanner's clock.", "scannedAt");
  if (scannedAt.getTime() < now.getTime() - MAX_SCAN_AGE_MS) return refuse("INVALID", "The scan is more than two days old and was not recorded.", "scannedAt");
  return null;
}

const SCAN_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Records one scan at a door. Refusals (a forged QR, another meeting's
 * registration, a cancelled or unconfirmed one, a session of another meeting,
 * a bad time) record nothing. A scanId seen before returns what it recorded.
 */
export async function recordScan(request: ScanRequest, now = new Date()): Promise<ScanOutcome> {
  if (!SCAN_ID.test(request.scanId)) return refuse("INVALID", "The scan has no valid scan id.", "scanId");
  const badTime = checkScanTime(request.scannedAt, now);
  if (badTime) return badTime;
  const scannedAt = request.scannedAt.getTime() > now.getTime() ? now : request.scannedAt;

  const earlier = await findByScanId(request.meetingId, request.scanId);
  if (earlier) return earlier;

  if (request.sessionId !== null) {
    const session = await prisma.session.findFirst({ where: { id: request.sessionId, meetingId: request.meetingId }, select: { id: true } });
    if (!session) return refuse("NOT_FOUND", "There is no such session in this meeting.", "sessionId");
  }
  const found = await findScannedRegistration(request.meetingId, request.person);
  if (!found.ok) return found;
  const { registration } = found;
  const person = personOf(registration);

  try {
    return await prisma.$transaction(async (tx): Promise<ScanOutcome> => {
      // One scan of a person at a time, so two staff scanning them at once make one row, not two.
      await tx.$queryRaw`SELECT "id" FROM "Registration" WHERE "id" = ${registration.id} FOR UPDATE`;
      const last = await tx.checkIn.findFirst({
        where: {
          registrationId: registration.id,
          sessionId: request.sessionId,
          scannedAt: { gte: new Date(scannedAt.getTime() - REPEAT_WINDOW_MS), lte: new Date(scannedAt.getTime() + REPEAT_WINDOW_MS) },
        },
        select: { direction: true, scannedAt: true },
        orderBy: { scannedAt: "desc" },
      });
      if (last && last.direction === request.direction) return { ok: true, result: "REPEAT", direction: request.direction, person, scannedAt: last.scannedAt };
      await tx.checkIn.create({
        data: {
          meetingId: request.meetingId,
          registrationId: registration.id,
          userId: registration.userId,
          sessionId: request.sessionId,
          direction: request.direction,
          scannedAt,
          recordedAt: now,
          scannedById: request.scannedById,
          scanId: request.scanId,
        },
        select: { id: true },
      });
      return { ok: true, result: "RECORDED", direction: request.direction, person, scannedAt };
    });
  } catch (error) {
    // The same scanId sent twice at once: the other request recorded it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const recorded = await findByScanId(request.meetingId, request.scanId);
      if (recorded) return recorded;
    }
    throw error;
  }
}

async function findByScanId(meetingId: string, scanId: string): Promise<ScanOutcome | null> {
  const row = await prisma.checkIn.findUnique({ where: { scanId }, select: { meetingId: true, direction: true, scannedAt: true, registration: { select: registrationSelect } } });
  if (!row) return null;
  if (row.meetingId !== meetingId) return refuse("CONFLICT", "This scan id was already used for another meeting.", "scanId");
  // The same scan sent again (its answer was lost on the way): the same answer, and still one row.
  return { ok: true, result: "RECORDED", direction: row.direction, person: personOf(row.registration), scannedAt: row.scannedAt };
}

/** Registered people of the meeting whose name matches, confirmed or not (the page says which), for check-in by name. */
export async function findRegisteredByName(meetingId: string, query: string, limit = 20) {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (!words.length) return [];
  const rows = await prisma.registration.findMany({
    where: {
      meetingId,
      status: { in: ["ACTIVE", "AWAITING_PAYMENT", "CANCELLED"] },
      AND: words.map((word) => ({ user: { name: { contains: word, mode: "insensitive" as const } } })),
    },
    select: { ...doorPersonSelect, code: true },
    orderBy: [{ user: { name: "asc" } }, { createdAt: "desc" }],
    take: limit,
  });
  return rows.map((row) => ({
    registrationId: row.id,
    name: row.user.name,
    category: row.category.name,
    code: row.code,
    confirmed: isConfirmed(row),
    state: registrationStateLabel(row),
  }));
}

/** The doors of a meeting: its entrance and its sessions, today's (in the meeting's zone) first. */
export async function listDoors(meeting: { id: string; timeZone: string }, now = new Date()) {
  const sessions = await prisma.session.findMany({
    where: { meetingId: meeting.id, status: "SCHEDULED" },
    select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, room: { select: { name: true } } },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
  });
  const today = dayKeyOf(now, meeting.timeZone);
  const isToday = (session: { startsAt: Date }) => dayKeyOf(session.startsAt, meeting.timeZone) === today;
  return { today: sessions.filter(isToday), other: sessions.filter((session) => !isToday(session)) };
}

/** The latest scans at a door (null: the entrance), newest first. */
export async function listLatestScans(meetingId: string, sessionId: string | null, limit = 15) {
  const rows = await prisma.checkIn.findMany({
    where: { meetingId, sessionId },
    select: { id: true, direction: true, scannedAt: true, user: { select: { name: true } }, registration: { select: { category: { select: { name: true } } } }, scannedBy: { select: { name: true } } },
    orderBy: [{ scannedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((row) => ({ id: row.id, direction: row.direction, scannedAt: row.scannedAt, name: row.user.name, category: row.registration.category.name, scannedBy: row.scannedBy?.name ?? null }));
}

/**
 * In-room evidence for attendance reports: every scan at sessions' doors (not
 * the entrance), per session and person, IN/OUT with times, in time order.
 * Narrow it to one session or one person.
 */
export async function listRoomScans(meetingId: string, filter: { sessionId?: string; userId?: string } = {}) {
  const rows = await prisma.checkIn.findMany({
    where: { meetingId, sessionId: filter.sessionId ?? { not: null }, ...(filter.userId ? { userId: filter.userId } : {}) },
    select: { sessionId: true, userId: true, registrationId: true, direction: true, scannedAt: true },
    orderBy: [{ sessionId: "asc" }, { userId: "asc" }, { scannedAt: "asc" }],
  });
  return rows.map((row) => ({ ...row, sessionId: row.sessionId! }));
}
