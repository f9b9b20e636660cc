import { describe, expect, it } from "vitest";
import {
  dayKeyOf,
  dayRange,
  daysBetween,
  formatDate,
  formatDateSpan,
  formatDay,
  formatTime,
  formatTimeRange,
  groupByDay,
  isDayKey,
  isValidTimeZone,
  readTimeZoneHint,
  resolveZoneChoice,
  zoneAbbreviation,
  zoneLabel,
} from "./time";

const hours = (range: { start: Date; end: Date }) => (range.end.getTime() - range.start.getTime()) / 3_600_000;

describe("day keys", () => {
  it("accepts real calendar dates only", () => {
    expect(isDayKey("2023-03-04")).toBe(true);
    expect(isDayKey("2024-02-29")).toBe(true);
    expect(isDayKey("2023-02-29")).toBe(false);
    expect(isDayKey("2023-13-01")).toBe(false);
    expect(isDayKey("banana")).toBe(false);
    expect(isDayKey("2023-3-4")).toBe(false);
  });

  it("lists a meeting's days from its first to its last date", () => {
    expect(daysBetween(new Date("2023-03-04T00:00:00Z"), new Date("2023-03-09T00:00:00Z"))).toEqual([
      "2023-03-04",
      "2023-03-05",
      "2023-03-06",
      "2023-03-07",
      "2023-03-08",
      "2023-03-09",
    ]);
  });
});

describe("days in a zone", () => {
  it("puts an evening session in UTC on the right local day", () => {
    // 8 PM in Phoenix on March 4 is already March 5 in UTC.
    const evening = new Date("2023-03-05T03:00:00Z");
    expect(dayKeyOf(evening, "America/Phoenix")).toBe("2023-03-04");
    expect(dayKeyOf(evening, "UTC")).toBe("2023-03-05");
    expect(dayKeyOf(evening, "Asia/Tokyo")).toBe("2023-03-05");
  });

  it("starts a day at local midnight: a zone without DST is always 24 hours", () => {
    const day = dayRange("2023-03-12", "America/Phoenix");
    expect(day.start.toISOString()).toBe("2023-03-12T07:00:00.000Z");
    expect(hours(day)).toBe(24);
  });

  it("has a 23-hour day when DST starts and a 25-hour day when it ends", () => {
    const spring = dayRange("2023-03-12", "America/Chicago");
    expect(spring.start.toISOString()).toBe("2023-03-12T06:00:00.000Z");
    expect(spring.end.toISOString()).toBe("2023-03-13T05:00:00.000Z");
    expect(hours(spring)).toBe(23);
    const autumn = dayRange("2023-11-05", "America/Chicago");
    expect(hours(autumn)).toBe(25);
    expect(hours(dayRange("2023-03-26", "Europe/Berlin"))).toBe(23);
  });
});

describe("grouping by day", () => {
  it("puts a late-evening session under the day it starts on in the zone asked, keeping the order given", () => {
    const sessions = [
      { slug: "opening", startsAt: new Date("2023-03-04T14:00:00Z") },
      // 21:30 in New York on the 4th, already the 5th in UTC.
      { slug: "reception", startsAt: new Date("2023-03-05T02:30:00Z") },
      { slug: "plenary", startsAt: new Date("2023-03-05T14:00:00Z") },
    ];
    const slugs = (days: ReturnType<typeof groupByDay<(typeof sessions)[number]>>) => days.map(({ day, sessions }) => [day, sessions.map((session) => session.slug)]);
    expect(slugs(groupByDay(sessions, "America/New_York"))).toEqual([
      ["2023-03-04", ["opening", "reception"]],
      ["2023-03-05", ["plenary"]],
    ]);
    expect(slugs(groupByDay(sessions, "UTC"))).toEqual([
      ["2023-03-04", ["opening"]],
      ["2023-03-05", ["reception", "plenary"]],
    ]);
  });
});

describe("formatting", () => {
  it("shows clock times in the zone, across the DST switch", () => {
    expect(formatTime(new Date("2023-03-12T07:30:00Z"), "America/Chicago")).toBe("1:30 AM");
    expect(formatTime(new Date("2023-03-12T08:30:00Z"), "America/Chicago")).toBe("3:30 AM");
    expect(formatTime(new Date("2023-03-12T07:30:00Z"), "America/Phoenix")).toBe("12:30 AM");
    expect(formatTime(new Date("2023-03-12T08:30:00Z"), "America/Phoenix")).toBe("1:30 AM");
  });

  it("names the zone's time as it is on that date", () => {
    expect(zoneAbbreviation("America/Chicago", new Date("2023-01-27T15:00:00Z"))).toBe("CST");
    expect(zoneAbbreviation("America/Chicago", new Date("2023-03-13T15:00:00Z"))).toBe("CDT");
    expect(zoneAbbreviation("America/Phoenix", new Date("2023-07-01T15:00:00Z"))).toBe("MST");
    expect(zoneLabel("America/Phoenix", new Date("2023-03-05T15:00:00Z"))).toBe("MST · America/Phoenix");
    expect(zoneLabel("UTC", new Date("2023-03-05T15:00:00Z"))).toBe("UTC");
  });

  it("writes a time range compactly, and in full when it crosses noon", () => {
    const zone = "America/Phoenix";
    expect(formatTimeRange(new Date("2023-03-05T15:00:00Z"), new Date("2023-03-05T16:30:00Z"), zone)).toBe("8:00–9:30 AM");
    expect(formatTimeRange(new Date("2023-03-05T18:30:00Z"), new Date("2023-03-05T20:00:00Z"), zone)).toBe("11:30 AM – 1:00 PM");
    // The same instants seen from Berlin move to the evening.
    expect(formatTimeRange(new Date("2023-03-05T15:00:00Z"), new Date("2023-03-05T16:30:00Z"), "Europe/Berlin")).toBe("4:00–5:30 PM");
  });

  it("writes dates and spans of days", () => {
    expect(formatDate(new Date("2023-03-05T03:00:00Z"), "America/Phoenix")).toBe("Saturday, March 4, 2023");
    expect(formatDay("2023-03-04")).toBe("Saturday, March 4");
    expect(formatDay("2023-03-04", "short")).toBe("Sat, Mar 4");
    expect(formatDateSpan(new Date("2023-03-04T00:00:00Z"), new Date("2023-03-09T00:00:00Z"))).toBe("March 4–9, 2023");
    expect(formatDateSpan(new Date("2023-01-30T00:00:00Z"), new Date("2023-02-02T00:00:00Z"))).toBe("January 30 – February 2, 2023");
    expect(formatDateSpan(new Date("2023-01-30T00:00:00Z"), new Date("2023-01-30T00:00:00Z"))).toBe("January 30, 2023");
  });
});

describe("the viewer's zone", () => {
  it("knows real IANA zones and rejects the rest", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("x".repeat(2000))).toBe(false);
  });

  it("reads the client-hint cookie among others, ignoring garbage", () => {
    expect(readTimeZoneHint("a=1; CH-time-zone=Europe%2FBerlin; b=2")).toBe("Europe/Berlin");
    expect(readTimeZoneHint("CH-time-zone=Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(readTimeZoneHint("CH-time-zone=Nowhere%2FLand")).toBeNull();
    expect(readTimeZoneHint("CH-time-zone=%E0%A4%A")).toBeNull();
    expect(readTimeZoneHint(null)).toBeNull();
  });

  it("shows the meeting's zone unless the URL asks for another", () => {
    const meeting = "America/Phoenix";
    expect(resolveZoneChoice(null, "Europe/Berlin", meeting)).toEqual({ kind: "meeting", zone: meeting });
    expect(resolveZoneChoice("local", "Europe/Berlin", meeting)).toEqual({ kind: "local", zone: "Europe/Berlin", detected: true });
    // No hint yet (JavaScript off): fall back to the meeting's zone and say so.
    expect(resolveZoneChoice("local", null, meeting)).toEqual({ kind: "local", zone: meeting, detected: false });
    expect(resolveZoneChoice("Asia/Seoul", null, meeting)).toEqual({ kind: "picked", zone: "Asia/Seoul" });
    expect(resolveZoneChoice("banana", null, meeting)).toEqual({ kind: "meeting", zone: meeting });
  });
});
