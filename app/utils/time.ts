// Times are stored in UTC and shown in a zone: the meeting's by default, the
// viewer's on request. Everything here is pure (no clock, no request) so that
// server and browser format the same instant identically and tests can pin DST.
import { tz, TZDate, tzName } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/** A calendar day as "YYYY-MM-DD"; the meeting's days and the `day` query parameter use it. */
export type DayKey = string;

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

export function isDayKey(value: string): value is DayKey {
  if (!DAY_KEY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const validZones = new Map<string, boolean>();

/** Whether the runtime knows this IANA zone (e.g. "Europe/Berlin"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  let valid = validZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (validZones.size < 1000) validZones.set(zone, valid);
  }
  return valid;
}

/** The calendar day an instant falls on in a zone. */
export function dayKeyOf(instant: Date, zone: string): DayKey {
  return format(instant, "yyyy-MM-dd", { in: tz(zone) });
}

/** Sessions (or anything that starts) grouped under the calendar day they start on in a zone, days and items in the order given. */
export function groupByDay<T extends { startsAt: Date }>(items: readonly T[], zone: string): { day: DayKey; sessions: T[] }[] {
  const days = new Map<DayKey, T[]>();
  for (const item of items) {
    const day = dayKeyOf(item.startsAt, zone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days.entries()].map(([day, sessions]) => ({ day, sessions }));
}

/** The UTC instants where a calendar day starts and ends in a zone (23 or 25 hours long on DST days). */
export function dayRange(day: DayKey, zone: string): { start: Date; end: Date } {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const start = new TZDate(year, month - 1, date, zone);
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

/** Every calendar day from `first` to `last` inclusive; @db.Date columns arrive as UTC midnights. */
export function daysBetween(first: Date, last: Date): DayKey[] {
  const days: DayKey[] = [];
  for (let day = new Date(first.getTime()); day <= last && days.length < 60; day = new Date(day.getTime() + 86_400_000)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** "9:30 AM" in the zone. */
export function formatTime(instant: Date, zone: string): string {
  return format(instant, "h:mm a", { in: tz(zone) });
}

/** "8:00–9:30 AM", or "11:30 AM – 1:00 PM" when the range crosses noon. */
export function formatTimeRange(start: Date, end: Date, zone: string): string {
  const [startTime, startPeriod] = formatTime(start, zone).split(" ");
  const [endTime, endPeriod] = formatTime(end, zone).split(" ");
  if (startPeriod === endPeriod && dayKeyOf(start, zone) === dayKeyOf(end, zone)) return `${startTime}–${endTime} ${endPeriod}`;
  return `${startTime} ${startPeriod} – ${endTime} ${endPeriod}`;
}

/** "Saturday, March 4, 2023" for the day an instant falls on in the zone. */
export function formatDate(instant: Date, zone: string): string {
  return format(instant, "EEEE, MMMM d, yyyy", { in: tz(zone) });
}

/** When something happened: "Saturday, March 4, 2023, 9:30 AM MST". */
export function formatMoment(instant: Date, zone: string): string {
  return `${formatDate(instant, zone)}, ${formatTime(instant, zone)} ${zoneAbbreviation(zone, instant)}`;
}

/** A calendar day: "Saturday, March 4" (long) or "Sat, Mar 4" (short). */
export function formatDay(day: DayKey, style: "long" | "short" = "long"): string {
  return format(new Date(`${day}T12:00:00Z`), style === "long" ? "EEEE, MMMM d" : "EEE, MMM d", { in: tz("UTC") });
}

/** A calendar day with its year: "March 20, 2023". */
export function formatCalendarDate(day: DayKey): string {
  return format(new Date(`${day}T12:00:00Z`), "MMMM d, yyyy", { in: tz("UTC") });
}

/** A meeting's dates: "March 4–9, 2023", "January 30 – February 2, 2023". */
export function formatDateSpan(first: Date, last: Date): string {
  const utc = { in: tz("UTC") };
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  if (first.getTime() === last.getTime()) return format(first, "MMMM d, yyyy", utc);
  if (sameYear && first.getUTCMonth() === last.getUTCMonth()) return `${format(first, "MMMM d", utc)}–${format(last, "d, yyyy", utc)}`;
  if (sameYear) return `${format(first, "MMMM d", utc)} – ${format(last, "MMMM d, yyyy", utc)}`;
  return `${format(first, "MMMM d, yyyy", utc)} – ${format(last, "MMMM d, yyyy", utc)}`;
}

/** The short name of the zone at that instant: "MST", "CDT", "GMT+1" (browsers name few non-American zones). */
export function zoneAbbreviation(zone: string, instant: Date): string {
  return tzName(zone, instant, "short");
}

/** "MST · America/Phoenix" */
export function zoneLabel(zone: string, instant: Date): string {
  const abbreviation = zoneAbbreviation(zone, instant);
  return abbreviation === zone ? zone : `${abbreviation} · ${zone}`;
}

/** A zone's name as people say it: "America/Los_Angeles" → "Los Angeles". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replaceAll("_", " ");
}

// --- The viewer's choice of zone -------------------------------------------------

/**
 * The cookie a tiny inline script sets to the browser's zone (a "client hint",
 * as the Epic Stack does it): the server cannot know the viewer's zone otherwise.
 */
export const TIME_ZONE_HINT_COOKIE = "CH-time-zone";

/** Reads the client-hint cookie from a Cookie header; only a valid IANA zone counts. */
export function readTimeZoneHint(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1 || part.slice(0, separator).trim() !== TIME_ZONE_HINT_COOKIE) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return null;
    }
    return isValidTimeZone(value) ? value : null;
  }
  return null;
}

export type ZoneChoice =
  /** no `tz` parameter: the meeting's own zone */
  | { kind: "meeting"; zone: string }
  /** `tz=local`: the zone the browser reported; `detected` is false when it has not (no JavaScript yet) */
  | { kind: "local"; zone: string; detected: boolean }
  /** `tz=Europe/Berlin`: picked from the list, works without JavaScript */
  | { kind: "picked"; zone: string };

/**
 * Which zone to show times in. The choice lives in the URL (`tz`), so a shared
 * link shows what its sender saw, and caches can key on it.
 */
export function resolveZoneChoice(tzParam: string | null, hintCookie: string | null, meetingZone: string): ZoneChoice {
  if (tzParam === "local") return hintCookie ? { kind: "local", zone: hintCookie, detected: true } : { kind: "local", zone: meetingZone, detected: false };
  if (tzParam && tzParam !== meetingZone && isValidTimeZone(tzParam)) return { kind: "picked", zone: tzParam };
  return { kind: "meeting", zone: meetingZone };
}

/** Zones offered in the no-JavaScript picker: where SIR's and SIO's members are, not all 400. */
export const COMMON_TIME_ZONES = [
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Los_Angeles",
  "America/Vancouver",
  "America/Phoenix",
  "America/Denver",
  "America/Chicago",
  "America/Mexico_City",
  "America/New_York",
  "America/Toronto",
  "America/Halifax",
  "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires",
  "UTC",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Madrid",
  "Europe/Paris",
  "Europe/Amsterdam",
  "Europe/Berlin",
  "Europe/Zurich",
  "Europe/Vienna",
  "Europe/Rome",
  "Europe/Stockholm",
  "Europe/Athens",
  "Europe/Istanbul",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Taipei",
  "Asia/Shanghai",
  "Asia/Seoul",
  "Asia/Tokyo",
  "Australia/Perth",
  "Australia/Brisbane",
  "Australia/Sydney",
  "Pacific/Auckland",
] as const;

/** The zone choice as the pages show it. */
export type ZoneView = {
  kind: ZoneChoice["kind"];
  /** The zone times are shown in. */
  zone: string;
  /** "MST · America/Phoenix" */
  label: string;
  /** False when `tz=local` was asked but the browser has not told us its zone. */
  detected: boolean;
  meetingZone: string;
  meetingLabel: string;
};

/**
 * The viewer's zone for a request to a meeting's page: `tz` from the URL, the
 * client-hint cookie only when `tz=local`. Names are taken at the meeting's
 * first day, when its sessions happen (CST for a January meeting in Chicago).
 */
export function zoneViewFor(request: Request, meeting: { timeZone: string; startsOn: Date }): ZoneView {
  const tzParam = new URL(request.url).searchParams.get("tz");
  const choice = resolveZoneChoice(tzParam, tzParam === "local" ? readTimeZoneHint(request.headers.get("Cookie")) : null, meeting.timeZone);
  const at = new Date(meeting.startsOn.getTime() + 12 * 3_600_000);
  return {
    kind: choice.kind,
    zone: choice.zone,
    label: zoneLabel(choice.zone, at),
    detected: choice.kind !== "local" || choice.detected,
    meetingZone: meeting.timeZone,
    meetingLabel: zoneLabel(meeting.timeZone, at),
  };
}
