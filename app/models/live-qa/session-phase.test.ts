// The one status a live page gives its session.
import { describe, expect, it } from "vitest";
import { sessionPhase, sessionStatusText, STREAM_OPENS_MS } from "./session-phase";

const session = { status: "SCHEDULED", startsAt: new Date("2023-03-05T16:00:00Z"), endsAt: new Date("2023-03-05T17:00:00Z") };
const at = (iso: string) => new Date(iso).getTime();

describe("session phase", () => {
  it("is live from half an hour before the start to the end, and cancelled whatever the time", () => {
    expect(sessionPhase(session, session.startsAt.getTime() - STREAM_OPENS_MS - 1)).toBe("before");
    expect(sessionPhase(session, session.startsAt.getTime() - STREAM_OPENS_MS)).toBe("live");
    expect(sessionPhase(session, at("2023-03-05T17:00:00Z"))).toBe("live");
    expect(sessionPhase(session, at("2023-03-05T17:00:01Z"))).toBe("after");
    expect(sessionPhase({ ...session, status: "CANCELLED" }, at("2023-03-05T16:30:00Z"))).toBe("cancelled");
  });

  it("says one thing per phase, and 'Live' only while it is live", () => {
    const timing = { startTime: "9:00 AM MST", recording: false };
    expect(sessionStatusText({ ...timing, phase: "live" })).toBe("Live now");
    expect(sessionStatusText({ ...timing, phase: "before" })).toBe("Starts at 9:00 AM MST");
    expect(sessionStatusText({ ...timing, phase: "after" })).toBe("Ended");
    expect(sessionStatusText({ ...timing, phase: "after", recording: true })).toBe("Ended · recording available");
    expect(sessionStatusText({ ...timing, phase: "cancelled" })).toBe("Cancelled");
  });
});
