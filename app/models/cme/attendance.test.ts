// The attendance rules on small timelines a CME office could check by hand.
import { describe, expect, it } from "vitest";
import { roomIntervals, sessionAttendance } from "./attendance";

const at = (time: string) => new Date(`2023-03-05T${time}:00.000Z`);
const session = { startsAt: at("08:00"), endsAt: at("09:00") };

describe("time in the room", () => {
  it("pairs each entry with the next exit, and an entry left open runs to the session's end", () => {
    const scans = [
      { direction: "IN" as const, scannedAt: at("07:55") },
      { direction: "OUT" as const, scannedAt: at("08:20") },
      { direction: "IN" as const, scannedAt: at("08:40") },
    ];
    expect(roomIntervals(scans, session)).toEqual([
      { start: at("07:55"), end: at("08:20") },
      { start: at("08:40"), end: at("09:00") },
    ]);
  });

  it("ignores an exit with no entry, and a second entry before any exit", () => {
    const scans = [
      { direction: "OUT" as const, scannedAt: at("08:05") },
      { direction: "IN" as const, scannedAt: at("08:10") },
      { direction: "IN" as const, scannedAt: at("08:15") },
      { direction: "OUT" as const, scannedAt: at("08:30") },
    ];
    expect(roomIntervals(scans, session)).toEqual([{ start: at("08:10"), end: at("08:30") }]);
  });
});

describe("minutes for a session", () => {
  it("counts only the session's time, and online and in-room time once together", () => {
    const result = sessionAttendance(session, {
      online: [{ start: at("07:30"), end: at("08:30") }], // 30 minutes inside
      scans: [{ direction: "IN", scannedAt: at("08:20") }], // 40 minutes, 10 of them also online
    });
    expect(result).toEqual({ minutes: 60, onlineMinutes: 30, roomMinutes: 40, source: "both" });
  });

  it("names the one source there is, and is null with no evidence inside the session", () => {
    expect(sessionAttendance(session, { online: [], scans: [{ direction: "IN", scannedAt: at("08:45") }] })).toEqual({ minutes: 15, onlineMinutes: 0, roomMinutes: 15, source: "room" });
    expect(sessionAttendance(session, { online: [{ start: at("08:00"), end: at("08:05") }], scans: [] })?.source).toBe("online");
    expect(sessionAttendance(session, { online: [{ start: at("09:00"), end: at("09:30") }], scans: [{ direction: "IN", scannedAt: at("09:10") }] })).toBeNull();
  });
});
