// The calendar files as calendar apps read them: parsed back with ical.js (not
// our code), times checked in the meeting's zone, across a daylight-saving
// change and in a zone without one; text escaped, lines folded, stamps in UTC.
import { describe, expect, it } from "vitest";
import { calendarLayoutProblems, parseCalendar, physicalLines } from "./ical-parse.fixture";
import { googleCalendarUrl, renderCalendar, sessionUid, type EventMeeting, type EventSession } from "./ical.server";

const origin = "https://meetings.example.org";

const chicago: EventMeeting = { slug: "sio-test", name: "SIO Test Meeting", timeZone: "America/Chicago", format: "IN_PERSON", venue: "Hilton Anatole", city: "Dallas, Texas" };
const phoenix: EventMeeting = { slug: "sir-test", name: "SIR Test Meeting", timeZone: "America/Phoenix", format: "VIRTUAL", venue: null, city: null };

function session(overrides: Partial<EventSession> = {}): EventSession {
  return {
    id: "cln0session0000000000001",
    slug: "liver-directed-therapy",
    title: "Liver-Directed Therapy",
    description: "",
    kind: "SCIENTIFIC_SESSION",
    startsAt: new Date("2023-01-27T14:00:00Z"),
    endsAt: new Date("2023-01-27T15:30:00Z"),
    status: "SCHEDULED",
    sequence: 0,
    updatedAt: new Date("2023-01-10T12:34:56.789Z"),
    room: { name: "Trinity Ballroom 3", kind: "ROOM" },
    track: { name: "Liver" },
    speakers: [],
    ...overrides,
  };
}

describe("times", () => {
  it("writes local times with the meeting's VTIMEZONE, and they resolve to the stored instants (standard time)", () => {
    const text = renderCalendar({ name: "Program", meeting: chicago, sessions: [session()], origin });
    const calendar = parseCalendar(text);
    expect(calendar.timezones).toEqual(["America/Chicago"]);
    const [event] = calendar.events;
    expect(event!.tzid).toBe("America/Chicago");
    // 14:00 UTC is 8:00 AM CST (UTC-6) on January 27.
    expect(event!.localStart).toBe("2023-01-27T08:00:00");
    expect(event!.localEnd).toBe("2023-01-27T09:30:00");
    expect(event!.start.toISOString()).toBe("2023-01-27T14:00:00.000Z");
    expect(event!.end.toISOString()).toBe("2023-01-27T15:30:00.000Z");
  });

  it("gets a session across the spring-forward change right at both ends", () => {
    // Sunday March 12, 2023 in Chicago: 1:30 AM CST (07:30Z) to 3:30 AM CDT (08:30Z); 2:00-3:00 does not exist.
    const crossing = session({ startsAt: new Date("2023-03-12T07:30:00Z"), endsAt: new Date("2023-03-12T08:30:00Z") });
    // And one in daylight time the same day, so both observances are exercised.
    const after = session({ id: "cln0session0000000000002", slug: "after", startsAt: new Date("2023-03-12T14:00:00Z"), endsAt: new Date("2023-03-12T15:00:00Z") });
    const { events } = parseCalendar(renderCalendar({ name: "Program", meeting: chicago, sessions: [crossing, after], origin }));
    expect(events[0]!.localStart).toBe("2023-03-12T01:30:00");
    expect(events[0]!.localEnd).toBe("2023-03-12T03:30:00");
    expect(events[0]!.start.toISOString()).toBe("2023-03-12T07:30:00.000Z");
    expect(events[0]!.end.toISOString()).toBe("2023-03-12T08:30:00.000Z");
    // 14:00 UTC is 9:00 AM CDT (UTC-5).
    expect(events[1]!.localStart).toBe("2023-03-12T09:00:00");
    expect(events[1]!.start.toISOString()).toBe("2023-03-12T14:00:00.000Z");
  });

  it("keeps Phoenix on UTC-7 through the date the rest of the US changes", () => {
    const sessions = [
      session({ startsAt: new Date("2023-03-11T16:00:00Z"), endsAt: new Date("2023-03-11T17:00:00Z") }),
      session({ id: "cln0session0000000000002", slug: "later", startsAt: new Date("2023-03-13T16:00:00Z"), endsAt: new Date("2023-03-13T17:00:00Z") }),
    ];
    const calendar = parseCalendar(renderCalendar({ name: "Program", meeting: phoenix, sessions, origin }));
    expect(calendar.timezones).toEqual(["America/Phoenix"]);
    expect(calendar.events.map((event) => event.localStart)).toEqual(["2023-03-11T09:00:00", "2023-03-13T09:00:00"]);
    expect(calendar.events.map((event) => event.start.toISOString())).toEqual(["2023-03-11T16:00:00.000Z", "2023-03-13T16:00:00.000Z"]);
  });

  it("does not depend on the server's own zone", () => {
    // TZDate carries the meeting's zone; a plain Date would be formatted in process.env.TZ.
    const before = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      const { events } = parseCalendar(renderCalendar({ name: "Program", meeting: chicago, sessions: [session()], origin }));
      expect(events[0]!.localStart).toBe("2023-01-27T08:00:00");
    } finally {
      process.env.TZ = before;
    }
  });

  it("writes UTC times when the meeting's zone is UTC", () => {
    const text = renderCalendar({ name: "Program", meeting: { ...chicago, timeZone: "UTC" }, sessions: [session()], origin });
    expect(text).toContain("DTSTART:20230127T140000Z");
    expect(parseCalendar(text).events[0]!.start.toISOString()).toBe("2023-01-27T14:00:00.000Z");
  });
});

describe("events", () => {
  it("carry UID, SEQUENCE, LAST-MODIFIED and DTSTAMP in UTC, location, URL and a description with the speakers", () => {
    const text = renderCalendar({
      name: "Program",
      meeting: chicago,
      sessions: [
        session({
          sequence: 3,
          description: "What works for hepatocellular carcinoma.",
          speakers: [
            { role: "SPEAKER", speaker: { name: "Riad Salem", credentials: "MD, MBA" } },
            { role: "MODERATOR", speaker: { name: "Stephen Solomon", credentials: null } },
            { role: "SPEAKER", speaker: { name: "Ann Other", credentials: null } },
          ],
        }),
      ],
      origin,
    });
    const [event] = parseCalendar(text).events;
    expect(event!.uid).toBe(sessionUid("cln0session0000000000001"));
    expect(event!.sequence).toBe(3);
    expect(event!.stampsInUtc).toBe(true);
    expect(text).toContain("LAST-MODIFIED:20230110T123456Z");
    expect(text).toContain("DTSTAMP:20230110T123456Z");
    expect(event!.lastModified.toISOString()).toBe("2023-01-10T12:34:56.000Z");
    expect(event!.location).toBe("Trinity Ballroom 3, Hilton Anatole, Dallas, Texas");
    expect(event!.url).toBe(`${origin}/meetings/sio-test/sessions/liver-directed-therapy`);
    expect(event!.status).toBe("CONFIRMED");
    expect(event!.description.split("\n")).toEqual([
      "Scientific session · Liver",
      "Moderator: Stephen Solomon",
      "Speakers: Riad Salem, MD, MBA; Ann Other",
      "",
      "What works for hepatocellular carcinoma.",
      "",
      `Session page: ${origin}/meetings/sio-test/sessions/liver-directed-therapy`,
    ]);
  });

  it("puts the live page as the location of a session in a virtual channel", () => {
    const virtual = session({ room: { name: "Channel 1", kind: "VIRTUAL_CHANNEL" } });
    const [event] = parseCalendar(renderCalendar({ name: "Program", meeting: phoenix, sessions: [virtual], origin })).events;
    expect(event!.location).toBe(`${origin}/meetings/sir-test/sessions/liver-directed-therapy/live`);
    expect(event!.description).toContain(`Watch and ask questions: ${origin}/meetings/sir-test/sessions/liver-directed-therapy/live`);
  });

  it("marks a cancelled session STATUS:CANCELLED and says so", () => {
    const [event] = parseCalendar(renderCalendar({ name: "Program", meeting: chicago, sessions: [session({ status: "CANCELLED", sequence: 2 })], origin })).events;
    expect(event!.status).toBe("CANCELLED");
    expect(event!.summary).toBe("Cancelled: Liver-Directed Therapy");
    expect(event!.description).toMatch(/^This session is cancelled/);
  });
});

describe("the wire format", () => {
  const awkward = session({
    title: "Y-90 vs. TACE; pros, cons & a \\ backslash — “quoted” — with a very long title that certainly needs folding 🩺🩺",
    description: "Line one,\nline two; with ‘punctuation’ and émigré café naïve résumé text that goes on long enough to fold several times over.",
    room: { name: "Room A, B; C", kind: "ROOM" },
  });
  const text = renderCalendar({ name: "Program, with; specials", meeting: chicago, sessions: [awkward], origin });

  it("escapes text so the parser gets it back exactly", () => {
    const [event] = parseCalendar(text).events;
    expect(event!.summary).toBe(awkward.title);
    expect(event!.description).toContain("Line one,\nline two; with ‘punctuation’ and émigré café naïve résumé");
    expect(event!.location).toBe("Room A, B; C, Hilton Anatole, Dallas, Texas");
    expect(text).toContain("SUMMARY:Y-90 vs. TACE\\; pros\\, cons & a \\\\ backslash");
  });

  it("folds every line at 75 octets, never inside a character, with CRLF line ends", () => {
    const lines = physicalLines(text);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    // No bare LF: each LF belongs to a CRLF.
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    // Unfolding restores valid UTF-8 text (no character cut in two).
    expect(text.replace(/\r\n /g, "")).toContain("🩺🩺");
  });

  it("ends its last line with CRLF and puts every calendar property before the first component (RFC 5545 §3.1, §3.6)", () => {
    const feed = renderCalendar({ name: "My schedule", description: "Picked sessions", meeting: chicago, sessions: [awkward, session({ id: "cln0session0000000000002" })], origin, url: `${origin}/calendar/x.ics` });
    expect(calendarLayoutProblems(feed)).toEqual([]);
    expect(feed.endsWith("END:VCALENDAR\r\n")).toBe(true);
    // The properties calendar apps read to name, refresh and place the calendar, all ahead of the VTIMEZONE.
    const head = feed.slice(0, feed.indexOf("BEGIN:VTIMEZONE"));
    for (const property of ["VERSION:2.0", "PRODID:", "NAME:My schedule", "X-WR-CALNAME:", "X-WR-CALDESC:", "REFRESH-INTERVAL;VALUE=DURATION:PT30M", "X-PUBLISHED-TTL:PT30M", "X-WR-TIMEZONE:America/Chicago", "URL:"]) {
      expect(head).toContain(`\r\n${property}`);
    }
    // A zone without a VTIMEZONE (UTC) still keeps the order, and ical.js reads both.
    const utc = renderCalendar({ name: "Program", meeting: { ...chicago, timeZone: "UTC" }, sessions: [session()], origin });
    expect(calendarLayoutProblems(utc)).toEqual([]);
    expect(parseCalendar(feed).events).toHaveLength(2);
    expect(parseCalendar(utc).events).toHaveLength(1);
  });

  it("is the same text for the same data (what lets its ETag stand for it)", () => {
    expect(renderCalendar({ name: "Program, with; specials", meeting: chicago, sessions: [awkward], origin })).toBe(text);
  });
});

describe("Google Calendar link", () => {
  it("carries the UTC times, the meeting's zone, the title and the location", () => {
    const url = new URL(googleCalendarUrl(origin, chicago, session()));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("dates")).toBe("20230127T140000Z/20230127T153000Z");
    expect(url.searchParams.get("ctz")).toBe("America/Chicago");
    expect(url.searchParams.get("text")).toBe("Liver-Directed Therapy");
    expect(url.searchParams.get("location")).toBe("Trinity Ballroom 3, Hilton Anatole, Dallas, Texas");
    expect(url.searchParams.get("details")).toContain(`${origin}/meetings/sio-test/sessions/liver-directed-therapy`);
  });
});
