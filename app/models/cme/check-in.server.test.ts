// Door check-in against the real database: the signed QR token, refusals that
// record nothing, duplicates recorded once, and the read for attendance reports.
import { afterAll, describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { checkInQr, checkInToken, readCheckInToken } from "~/models/registration/registration.server";
import { prisma } from "~/utils/db.server";
import { findRegisteredByName, listDoors, listLatestScans, listRoomScans, MAX_SCAN_AGE_MS, recordScan, REPEAT_WINDOW_MS, type ScanRequest } from "./check-in.server";
import { makeRegistration, makeStaff, newScanId } from "./check-in.fixture";

afterAll(() => prisma.$disconnect());

const sir = async () => prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true, timeZone: true } });
const firstSession = async (meetingId: string) => prisma.session.findFirstOrThrow({ where: { meetingId }, select: { id: true }, orderBy: { startsAt: "asc" } });
const rowsOf = (registrationId: string) => prisma.checkIn.findMany({ where: { registrationId }, select: { direction: true, sessionId: true, scannedAt: true, scanId: true, scannedById: true } });

async function scanAt(meetingId: string, overrides: Partial<ScanRequest> & Pick<ScanRequest, "person" | "scannedById">, now = new Date()) {
  return recordScan({ meetingId, sessionId: null, direction: "IN", scanId: newScanId(), scannedAt: now, ...overrides }, now);
}

describe("the check-in token", () => {
  it("round-trips a code and refuses anything changed", () => {
    const token = checkInToken("SIR23-7KQ2M9XA");
    expect(token).toMatch(/^SIR23-7KQ2M9XA\.[A-Za-z0-9_-]{16}$/);
    expect(readCheckInToken(token)).toBe("SIR23-7KQ2M9XA");
    expect(readCheckInToken("SIR23-7KQ2M9XA")).toBeNull();
    expect(readCheckInToken(token.replace("SIR23-7KQ2M9XA", "SIR23-7KQ2M9XB"))).toBeNull();
    expect(readCheckInToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(readCheckInToken(`${token}.extra`)).toBeNull();
    expect(readCheckInToken(42)).toBeNull();
  });

  it("is what the registration's QR code holds, and only once the registration is confirmed", async () => {
    const options = { type: "svg", margin: 1, errorCorrectionLevel: "M" } as const;
    const confirmed = { code: "SIR23-7KQ2M9XA", status: "ACTIVE", verification: "NOT_REQUIRED" };
    expect(await checkInQr(confirmed)).toBe(await QRCode.toString(checkInToken(confirmed.code), options));
    expect(await checkInQr(confirmed)).not.toBe(await QRCode.toString(confirmed.code, options));
    expect(await checkInQr({ ...confirmed, verification: "PENDING" })).toBeNull();
  });
});

describe("recording a scan", () => {
  it("checks a confirmed person in by QR, says who, and records who scanned and when", async () => {
    const meeting = await sir();
    const staff = await makeStaff(meeting.id);
    const guest = await makeRegistration({ name: "Ada Door" });
    const session = await firstSession(meeting.id);
    const scannedAt = new Date(Date.now() - 60_000);
    const outcome = await recordScan({ meetingId: meeting.id, sessionId: session.id, direction: "IN", person: { token: checkInToken(guest.code) }, scanId: newScanId(), scannedAt, scannedById: staff.id });
    expect(outcome).toMatchObject({ ok: true, result: "RECORDED", direction: "IN", person: { name: "Ada Door", category: guest.category.name } });
    expect(await rowsOf(guest.id)).toEqual([expect.objectContaining({ direction: "IN", sessionId: session.id, scannedAt, scannedById: staff.id })]);
    expect((await listLatestScans(meeting.id, session.id))[0]).toMatchObject({ name: "Ada Door", direction: "IN", scannedBy: staff.name });
  });

  it("refuses a forged token, another meeting's, a cancelled or unconfirmed registration, and records nothing", async () => {
    const meeting = await sir();
    const staff = await makeStaff(meeting.id);
    const cases = [
      { registration: await makeRegistration(), token: (code: string) => `${code}.AAAAAAAAAAAAAAAA`, message: /not a registration QR code/ },
      { registration: await makeRegistration(), token: (code: string) => code, message: /not a registration QR code/ },
      { registration: await makeRegistration({ meeting: "sio-2023" }), token: checkInToken, message: /is for .*SIO.*not this meeting/i },
      { registration: await makeRegistration({ status: "CANCELLED" }), token: checkInToken, message: /was cancelled/ },
      { registration: await makeRegistration({ status: "AWAITING_PAYMENT" }), token: checkInToken, message: /not confirmed \(awaiting payment\)/ },
      { registration: await makeRegistration({ verification: "PENDING" }), token: checkInToken, message: /not confirmed \(pending verification\)/ },
    ];
    for (const { registration, token, message } of cases) {
      const outcome = await scanAt(meeting.id, { person: { token: token(registration.code) }, scannedById: staff.id });
      expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(message) });
      expect(await rowsOf(registration.id)).toEqual([]);
    }
    // By name too: a registration of another meeting is not found here.
    const foreign = await makeRegistration({ meeting: "sio-2023" });
    expect(await scanAt(meeting.id, { person: { registrationId: foreign.id }, scannedById: staff.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses a scan time in the future or days old, and a session of another meeting", async () => {
    const meeting = await sir();
    const staff = await makeStaff(meeting.id);
    const guest = await makeRegistration();
    const now = new Date();
    const person = { token: checkInToken(guest.code) };
    expect(await recordScan({ meetingId: meeting.id, sessionId: null, direction: "IN", person, scanId: newScanId(), scannedAt: new Date(now.getTime() + 3_600_000), scannedById: staff.id }, now)).toMatchObject({ ok: false, field: "scannedAt" });
    expect(await recordScan({ meetingId: meeting.id, sessionId: null, direction: "IN", person, scanId: newScanId(), scannedAt: new Date(now.getTime() - MAX_SCAN_AGE_MS - 1), scannedById: staff.id }, now)).toMatchObject({ ok: false, field: "scannedAt" });
    const sio = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sio-2023" }, select: { id: true } });
    const other = await firstSession(sio.id);
    expect(await recordScan({ meetingId: meeting.id, sessionId: other.id, direction: "IN", person, scanId: newScanId(), scannedAt: now, scannedById: staff.id }, now)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await rowsOf(guest.id)).toEqual([]);
  });
});

describe("duplicates", () => {
  it("records the same scanId once, even sent twice at the same moment", async () => {
    const meeting = await sir();
    const staff = await makeStaff(meeting.id);
    const guest = await makeRegistration();
    const request = { meetingId: meeting.id, sessionId: null, direction: "IN" as const, person: { token: checkInToken(guest.code) }, scanId: newScanId(), scannedAt: new Date(), scannedById: staff.id };
    const [first, second] = await Promise.all([recordScan(request), recordScan(request)]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    expect(await recordScan(request)).toMatchObject({ ok: true, result: "RECORDED" });
    expect(await rowsOf(guest.id)).toHaveLength(1);
  });

  it("makes one row when two staff scan the same person at the same door at the same moment", async () => {
    const meeting = await sir();
    const [first, second] = [await makeStaff(meeting.id), await makeStaff(meeting.id)];
    const guest = await makeRegistration();
    const scan = (staff: { id: string }) => scanAt(meeting.id, { person: { token: checkInToken(guest.code) }, scannedById: staff.id });
    const outcomes = await Promise.all([scan(first), scan(second)]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.result : outcome.code)).sort()).toEqual(["RECORDED", "REPEAT"]);
    expect(await rowsOf(guest.id)).toHaveLength(1);
  });

  it("takes a phone clock a few minutes fast as now", async () => {
    const meeting = await sir();
    const staff = await makeStaff(meeting.id);
    const guest = await makeRegistration();
    const now = new Date();
    const outcome = await recordScan({ meetingId: meeting.id, sessionId: null, direction: "IN", person: { token: checkInToken(guest.code) }, scanId: newScanId(), scannedAt: new Date(now.getTime() + 3 * 60_000), scannedById: staff.id }, now);
    expect(outcome).toMatchObject({ ok: true, result: "RECORDED", scannedAt: now });
    expect((await rowsOf(guest.id))[0]?.scannedAt).toEqual(now);
  });

  it("says 'already checked in' for a second IN at the same door soon after, but records a return after leaving", async () => {
    const meeting = await sir();
    const staff = await makeStaff(meeting.id);
    const guest = await makeRegistration();
    const session = await firstSession(meeting.id);
    const person = { token: checkInToken(guest.code) };
    const t0 = new Date(Date.now() - 30 * 60_000);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const scan = (direction: "IN" | "OUT", when: Date, sessionId: string | null = session.id) =>
      recordScan({ meetingId: meeting.id, sessionId, direction, person, scanId: newScanId(), scannedAt: when, scannedById: staff.id });
    expect(await scan("IN", at(0))).toMatchObject({ result: "RECORDED" });
    expect(await scan("IN", at(2))).toMatchObject({ ok: true, result: "REPEAT", scannedAt: at(0) });
    // Another door is another passage.
    expect(await scan("IN", at(3), null)).toMatchObject({ result: "RECORDED" });
    expect(await scan("OUT", at(5))).toMatchObject({ result: "RECORDED" });
    expect(await scan("OUT", at(6))).toMatchObject({ result: "REPEAT" });
    expect(await scan("IN", at(7))).toMatchObject({ result: "RECORDED" });
    // Long after, the same way again is a new passage.
    expect(await scan("IN", at(7 + REPEAT_WINDOW_MS / 60_000 + 1))).toMatchObject({ result: "RECORDED" });
    expect((await rowsOf(guest.id)).filter((row) => row.sessionId === session.id)).toHaveLength(4);
    // The read for attendance reports: the session's scans of this person, in order, without the entrance.
    expect(await listRoomScans(meeting.id, { userId: guest.userId })).toEqual([
      expect.objectContaining({ sessionId: session.id, direction: "IN", scannedAt: at(0) }),
      expect.objectContaining({ direction: "OUT", scannedAt: at(5) }),
      expect.objectContaining({ direction: "IN", scannedAt: at(7) }),
      expect.objectContaining({ direction: "IN" }),
    ]);
  });
});

describe("finding people and doors", () => {
  it("finds this meeting's registered people by any part of their name, saying who is confirmed", async () => {
    const meeting = await sir();
    const confirmed = await makeRegistration({ name: "Zelda Quintessa Doorfinder" });
    await makeRegistration({ name: "Zelda Pending Doorfinder", status: "AWAITING_PAYMENT" });
    await makeRegistration({ name: "Zelda Elsewhere Doorfinder", meeting: "sio-2023" });
    const found = await findRegisteredByName(meeting.id, "doorfinder zelda");
    expect(found.map((row) => [row.name, row.confirmed])).toEqual([
      ["Zelda Pending Doorfinder", false],
      ["Zelda Quintessa Doorfinder", true],
    ]);
    expect(found[1]).toMatchObject({ registrationId: confirmed.id, state: "Confirmed" });
    expect(await findRegisteredByName(meeting.id, "   ")).toEqual([]);
  });

  it("lists today's sessions first, in the meeting's zone", async () => {
    const meeting = await sir();
    const first = await prisma.session.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true, startsAt: true }, orderBy: { startsAt: "asc" } });
    const doors = await listDoors(meeting, first.startsAt);
    expect(doors.today.map((session) => session.id)).toContain(first.id);
    expect(doors.other.map((session) => session.id)).not.toContain(first.id);
    expect(doors.today.length + doors.other.length).toBe(await prisma.session.count({ where: { meetingId: meeting.id, status: "SCHEDULED" } }));
  });
});
