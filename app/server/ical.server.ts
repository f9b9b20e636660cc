// Calendar files (RFC 5545) with ical-generator, and how they are served.
//
// Times: every event carries the meeting's zone (DTSTART;TZID=America/Chicago:…)
// with that zone's VTIMEZONE in the file, so calendars show the session at the
// meeting's wall-clock time even if they disagree about a zone's rules. The
// zone's local time comes from @date-fns/tz's TZDate, which ical-generator
// formats in the zone it is given (a plain Date would be read in the server's
// own zone). The calendar itself has no default zone, so DTSTAMP and
// LAST-MODIFIED stay in UTC ("…Z") as the RFC requires. ical-generator escapes
// text (\, ; , and newlines) and folds lines at 75 octets; the tests check both
// with an independent parser. It writes some calendar properties after the
// components and leaves the last line open, so the text is put in RFC order
// (calendarInRfcOrder) before it is served.
//
// Serving: a file is fully determined by a key (program version, the person's
// schedule, …), so its ETag is a hash of that key and a conditional request is
// answered 304 before anything is read or rendered; rendered files are kept in
// a bounded LRU under the same key, with a gzipped copy made once (a full
// program is ~190 KB of text, and compressing it per response would cost more
// than everything else on the request).
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { TZDate } from "@date-fns/tz";
import ical, { ICalEventStatus } from "ical-generator";
import { LRUCache } from "lru-cache";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { getCalendarMeeting, getCalendarSession, getCalendarTrack, type CalendarMeeting } from "~/models/program/calendar.server";
import { meetingSpan } from "~/models/meetings/meeting.server";
import { presentationLine } from "~/models/program/presentations";
import { KIND_LABELS, ROLE_LABELS, ROLE_ORDER } from "~/models/program/program";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

/** Bump when the files' content changes shape, so no cache or client keeps the old rendering. */
export const CALENDAR_FORMAT = 3;

/** The fields of a session an event shows (CalendarSession in app/models/program/calendar.server.ts). */
export type EventSession = {
  id: string;
  slug: string;
  title: string;
  description: string;
  kind: keyof typeof KIND_LABELS;
  startsAt: Date;
  endsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  sequence: number;
  updatedAt: Date;
  room: { name: string; kind: "ROOM" | "VIRTUAL_CHANNEL" } | null;
  track: { name: string } | null;
  speakers: { role: keyof typeof ROLE_LABELS; speaker: { name: string; credentials: string | null } }[];
  /** The session's talks in order (absent where a caller does not read them). */
  presentations?: { title: string; startsAt: Date; speaker: { name: string } | null }[];
};

export type EventMeeting = {
  slug: string;
  name: string;
  timeZone: string;
  format: "IN_PERSON" | "VIRTUAL" | "HYBRID";
  venue: string | null;
  city: string | null;
};

/**
 * The UID of a session's event: the session's row id never changes (publishing
 * updates rows in place, keyed by slug), so neither does this, in every file
 * the session appears in.
 */
export function sessionUid(sessionId: string): string {
  return `session-${sessionId}@meeting-platform`;
}

export function sessionPageUrl(origin: string, meetingSlug: string, sessionSlug: string): string {
  return absoluteUrl(href.session(meetingSlug, sessionSlug), origin);
}

export function sessionLiveUrl(origin: string, meetingSlug: string, sessionSlug: string): string {
  return absoluteUrl(href.live(meetingSlug, sessionSlug), origin);
}

/** Where to go: the room (with the venue), or for a virtual channel the live page. */
export function sessionLocation(origin: string, meeting: EventMeeting, session: Pick<EventSession, "slug" | "room">): string | null {
  if (session.room?.kind === "VIRTUAL_CHANNEL" || (!session.room && meeting.format === "VIRTUAL")) return sessionLiveUrl(origin, meeting.slug, session.slug);
  const place = [meeting.venue, meeting.city].filter(Boolean).join(", ");
  if (session.room) return place ? `${session.room.name}, ${place}` : session.room.name;
  return place || null;
}

/** The event's description: what it is, who speaks by role, its presentations with their times, the abstract, and where to read more. */
export function sessionEventDescription(origin: string, meeting: EventMeeting, session: Omit<EventSession, "sequence" | "updatedAt">): string {
  const lines: string[] = [];
  if (session.status === "CANCELLED") lines.push("This session is cancelled and will not take place.", "");
  lines.push([KIND_LABELS[session.kind], session.track?.name].filter(Boolean).join(" · "));
  for (const role of ROLE_ORDER) {
    const people = session.speakers.filter((s) => s.role === role).map((s) => (s.speaker.credentials ? `${s.speaker.name}, ${s.speaker.credentials}` : s.speaker.name));
    if (people.length) lines.push(`${people.length > 1 ? ROLE_LABELS[role].many : ROLE_LABELS[role].one}: ${people.join("; ")}`);
  }
  if (session.presentations?.length) {
    lines.push("", "Presentations:");
    for (const talk of session.presentations) lines.push(presentationLine({ title: talk.title, startsAt: talk.startsAt, presenter: talk.speaker?.name ?? null }, meeting.timeZone));
  }
  if (session.description.trim()) lines.push("", session.description.trim());
  lines.push("", `Session page: ${sessionPageUrl(origin, meeting.slug, session.slug)}`);
  if (session.room?.kind === "VIRTUAL_CHANNEL" && session.status !== "CANCELLED") {
    lines.push(`Watch and ask questions: ${sessionLiveUrl(origin, meeting.slug, session.slug)}`);
  }
  return lines.join("\n");
}

const vtimezones = new Map<string, { tzid: string; block: string } | null>();

/** The zone's VTIMEZONE and the TZID it defines; null for UTC or a zone the library does not know (times then go out in UTC). */
function vtimezoneOf(zone: string): { tzid: string; block: string } | null {
  if (vtimezones.has(zone)) return vtimezones.get(zone)!;
  let found: { tzid: string; block: string } | null = null;
  if (zone !== "UTC" && zone !== "Etc/UTC") {
    const result = tzlib_get_ical_block(zone);
    if (Array.isArray(result) && result[0] && result[1]?.startsWith("TZID=")) {
      const tzid = result[1].slice("TZID=".length);
      if (tzid !== "Etc/UTC") found = { tzid, block: result[0] };
    }
  }
  if (vtimezones.size < 500) vtimezones.set(zone, found);
  return found;
}

export type CalendarContent = {
  /** The calendar's name in the person's calendar app. */
  name: string;
  description?: string;
  meeting: EventMeeting;
  sessions: EventSession[];
  /** Public address of the site (APP_ORIGIN): links in the events point there. */
  origin: string;
  /** Where the file is published (X-ORIGINAL-URL / URL), for subscriptions. */
  url?: string;
};

export function renderCalendar({ name, description, meeting, sessions, origin, url }: CalendarContent): string {
  const zone = vtimezoneOf(meeting.timeZone);
  const calendar = ical({
    name,
    description,
    prodId: { company: "Meeting Platform", product: "Program", language: "EN" },
    // A generator but no calendar-wide zone: VTIMEZONEs for the events' zones, DTSTAMP in UTC.
    timezone: zone ? { name: null, generator: () => zone.block } : null,
    // Subscribed calendars re-read the feed this often (Apple, Outlook; Google decides for itself).
    ttl: 30 * 60,
    url: url ?? null,
  });
  if (zone) calendar.x("X-WR-TIMEZONE", zone.tzid);
  for (const session of sessions) {
    const cancelled = session.status === "CANCELLED";
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.sequence,
      // A feed's DTSTAMP is when the event's information last changed (RFC 5545 §3.8.7.2 without METHOD),
      // which also keeps the file identical for identical data.
      stamp: session.updatedAt,
      lastModified: session.updatedAt,
      start: zone ? new TZDate(session.startsAt.getTime(), meeting.timeZone) : session.startsAt,
      end: zone ? new TZDate(session.endsAt.getTime(), meeting.timeZone) : session.endsAt,
      timezone: zone ? zone.tzid : null,
      summary: cancelled ? `Cancelled: ${session.title}` : session.title,
      location: sessionLocation(origin, meeting, session),
      description: sessionEventDescription(origin, meeting, session),
      url: sessionPageUrl(origin, meeting.slug, session.slug),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: session.track ? [{ name: session.track.name }] : [],
    });
  }
  return calendarInRfcOrder(calendar.toString());
}

/**
 * ical-generator writes REFRESH-INTERVAL and X-PUBLISHED-TTL after the
 * VTIMEZONE and X-WR-TIMEZONE after the events, and ends END:VCALENDAR without
 * its CRLF. RFC 5545 puts every calendar property before the first component
 * (§3.6: icalbody = calprops component) and ends every line with CRLF (§3.1),
 * and strict readers (Outlook, some CalDAV servers) drop what sits elsewhere.
 * This moves the calendar's own properties up, in the order written, and ends
 * the file with CRLF; folded lines move with the line they continue.
 */
function calendarInRfcOrder(text: string): string {
  const lines = text.replace(/\r\n$/, "").split(/\r\n(?![ \t])/);
  const [begin, end] = [lines.shift(), lines.pop()];
  if (begin !== "BEGIN:VCALENDAR" || end !== "END:VCALENDAR") throw new Error("Not a single VCALENDAR.");
  const properties: string[] = [];
  const components: string[] = [];
  let depth = 0;
  for (const line of lines) {
    if (line.startsWith("BEGIN:")) depth++;
    (depth === 0 ? properties : components).push(line);
    if (line.startsWith("END:")) depth--;
  }
  return [begin, ...properties, ...components, end].map((line) => `${line}\r\n`).join("");
}

/** "Add to Google Calendar": Google's event template link, with the times in UTC and the meeting's zone as the event's. */
export function googleCalendarUrl(origin: string, meeting: EventMeeting, session: Omit<EventSession, "sequence" | "updatedAt">): string {
  const utc = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: session.title,
    dates: `${utc(session.startsAt)}/${utc(session.endsAt)}`,
    ctz: meeting.timeZone,
    details: sessionEventDescription(origin, meeting, session),
  });
  const location = sessionLocation(origin, meeting, session);
  if (location) params.set("location", location);
  return `https://calendar.google.com/calendar/render?${params}`;
}

// --- Serving ----------------------------------------------------------------------

// Both copies are kept as bytes, so no answer encodes the text again.
type RenderedCalendar = { body: Buffer; gzipped: Buffer; lastModified: Date };

const rendered = new LRUCache<string, RenderedCalendar, () => Promise<string>>({
  // Bounded by bytes: a full program is ~200 KB, a personal feed a few KB.
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (file) => Math.max(1, file.body.length + file.gzipped.length),
  // fetch() also folds concurrent misses of one key into one rendering.
  fetchMethod: async (_key, _stale, { context }) => {
    const body = Buffer.from(await context());
    // HTTP dates have whole seconds.
    return { body, gzipped: gzipSync(body), lastModified: new Date(Math.floor(Date.now() / 1000) * 1000) };
  },
});

/**
 * The meeting behind a feed, and a track or session of it, remembered for a
 * second: calendar apps and feed readers poll, and asking the database on every
 * poll would make the cheapest answer (a 304) cost a round trip. A second of
 * staleness after a publish costs nothing (the page cache makes the same trade).
 * The meeting comes with the end of its span, worked out once per lookup rather
 * than per request: until then cancelled sessions stay in the feeds, marked
 * STATUS:CANCELLED, so that calendars which already hold them strike them out
 * rather than silently keeping them; once the meeting is over they are dropped.
 */
const meetings = new LRUCache<string, { meeting: (CalendarMeeting & { spanEnd: Date }) | null }>({
  max: 1000,
  ttl: 1000,
  fetchMethod: async (slug) => {
    const meeting = await getCalendarMeeting(slug);
    return { meeting: meeting && { ...meeting, spanEnd: meetingSpan(meeting).end } };
  },
});
const tracks = new LRUCache<string, { track: Awaited<ReturnType<typeof getCalendarTrack>> }>({
  max: 5000,
  ttl: 1000,
  fetchMethod: async (key) => ({ track: await getCalendarTrack(...splitKey(key)) }),
});
const sessions = new LRUCache<string, { session: Awaited<ReturnType<typeof getCalendarSession>> }>({
  max: 5000,
  ttl: 1000,
  fetchMethod: async (key) => ({ session: await getCalendarSession(...splitKey(key)) }),
});

/** "<meeting id>/<slug>" back into its two parts: at the first slash, as a decoded slug may hold one. */
function splitKey(key: string): [string, string] {
  const at = key.indexOf("/");
  return [key.slice(0, at), key.slice(at + 1)];
}

export async function lookupCalendarMeeting(slug: string) {
  return (await meetings.fetch(slug))?.meeting ?? null;
}

export async function lookupCalendarTrack(meetingId: string, trackSlug: string) {
  return (await tracks.fetch(`${meetingId}/${trackSlug}`))?.track ?? null;
}

export async function lookupCalendarSession(meetingId: string, sessionSlug: string) {
  return (await sessions.fetch(`${meetingId}/${sessionSlug}`))?.session ?? null;
}

/** Forgets rendered files and remembered meetings: tests, which do not wait out the second a version is trusted. */
export function forgetCalendarCaches() {
  rendered.clear();
  meetings.clear();
  tracks.clear();
  sessions.clear();
}

export type CalendarResponseOptions = {
  /**
   * Everything the file depends on: kind, meeting, Meeting.programVersion, the
   * person's schedule fingerprint, whether cancelled sessions are still shown.
   */
  key: readonly (string | number | boolean)[];
  filename: string;
  /** A personal feed: never stored by shared caches, never indexed. */
  personal: boolean;
  render: () => Promise<string>;
};

/** The request headers a calendar answer depends on. */
export type CalendarConditions = { ifNoneMatch: string | null; ifModifiedSince: string | null; acceptEncoding: string | null };

/** A calendar file's answer as plain data, for a web Response (Remix) or straight onto Node's response (scripts/server.ts). */
export type CalendarAnswer = { status: 200 | 304 | 404; headers: Record<string, string>; body: string | Uint8Array | null };

/**
 * The calendar file's answer: ETag from the key, Last-Modified from when this
 * process first rendered it, 304 to a matching If-None-Match (or, without one,
 * a not-older If-Modified-Since), otherwise the stored or freshly rendered body.
 */
export async function answerCalendar(conditions: CalendarConditions, { key, filename, personal, render }: CalendarResponseOptions): Promise<CalendarAnswer> {
  const cacheKey = [CALENDAR_FORMAT, ...key].join("|");
  const etag = `"${createHash("sha1").update(cacheKey).digest("base64url")}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": personal ? "private, max-age=0, must-revalidate" : "public, max-age=0, must-revalidate",
  };
  // A personal feed's URL is a secret: its Referrer-Policy is set with every secret URL's (app/server/security-headers.server.ts).
  if (personal) headers["X-Robots-Tag"] = "noindex";

  const { ifNoneMatch } = conditions;
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag)) {
    const known = rendered.peek(cacheKey);
    if (known) headers["Last-Modified"] = known.lastModified.toUTCString();
    return { status: 304, headers, body: null };
  }

  const file = await rendered.fetch(cacheKey, { context: render });
  if (!file) throw new Error("The calendar file could not be rendered.");
  headers["Last-Modified"] = file.lastModified.toUTCString();

  // If-Modified-Since counts only without If-None-Match (RFC 9110 §13.1.3).
  const ifModifiedSince = ifNoneMatch === null ? conditions.ifModifiedSince : null;
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    if (!Number.isNaN(since) && file.lastModified.getTime() <= since) return { status: 304, headers, body: null };
  }

  headers["Content-Type"] = "text/calendar; charset=utf-8";
  headers["Content-Disposition"] = `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`;
  headers.Vary = "Accept-Encoding";
  if (/\bgzip\b/.test(conditions.acceptEncoding ?? "")) {
    // Already encoded: the compression middleware leaves it alone.
    headers["Content-Encoding"] = "gzip";
    return { status: 200, headers, body: file.gzipped };
  }
  return { status: 200, headers, body: file.body };
}

/** answerCalendar for a web Request, as a web Response. */
export async function calendarResponse(request: Request, options: CalendarResponseOptions): Promise<Response> {
  return answerAsResponse(await answerCalendar(calendarConditions(request), options));
}

export function calendarConditions(request: Request): CalendarConditions {
  return {
    ifNoneMatch: request.headers.get("If-None-Match"),
    ifModifiedSince: request.headers.get("If-Modified-Since"),
    acceptEncoding: request.headers.get("Accept-Encoding"),
  };
}

export function answerAsResponse({ status, headers, body }: CalendarAnswer): Response {
  return new Response(body as BodyInit | null, { status, headers });
}

function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

/** A plain-text 404 for feed addresses, so calendar apps and people both get a sentence. */
export function calendarNotFoundAnswer(message: string): CalendarAnswer {
  return { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, body: message };
}

export function calendarNotFound(message: string): Response {
  return answerAsResponse(calendarNotFoundAnswer(message));
}
