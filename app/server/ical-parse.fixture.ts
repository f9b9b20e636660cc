// Reads calendar files back with ical.js, Mozilla's iCalendar parser: an
// independent implementation, so the feed tests check what real calendar apps
// see rather than what our own code believes it wrote. Times are resolved with
// the VTIMEZONE blocks found in the file itself.
import ICAL from "ical.js";

export type ParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  status: string | null;
  /** The TZID of DTSTART, or null when it is in UTC. */
  tzid: string | null;
  /** DTSTART and DTEND as written ("2023-03-12T01:30:00"), in `tzid`. */
  localStart: string;
  localEnd: string;
  /** The instants, resolved with the file's VTIMEZONE. */
  start: Date;
  end: Date;
  lastModified: Date;
  /** Whether LAST-MODIFIED and DTSTAMP are written in UTC ("…Z"), as RFC 5545 requires. */
  stampsInUtc: boolean;
};

export type ParsedCalendar = { name: string | null; timezones: string[]; events: ParsedEvent[] };

export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of timezones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const dtstart = component.getFirstProperty("dtstart")!;
    const tzid = dtstart.getParameter("tzid");
    const lastModified = component.getFirstPropertyValue("last-modified") as InstanceType<typeof ICAL.Time>;
    const dtstamp = component.getFirstPropertyValue("dtstamp") as InstanceType<typeof ICAL.Time>;
    const text = (name: string) => {
      const value = component.getFirstPropertyValue(name);
      return value === null || value === undefined ? null : String(value);
    };
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      location: text("location"),
      url: text("url"),
      status: text("status"),
      tzid: typeof tzid === "string" ? tzid : null,
      localStart: event.startDate.toString().slice(0, 19),
      localEnd: event.endDate.toString().slice(0, 19),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      lastModified: lastModified.toJSDate(),
      stampsInUtc: lastModified.zone === ICAL.Timezone.utcTimezone && dtstamp.zone === ICAL.Timezone.utcTimezone,
    };
  });
  return {
    name: (calendar.getFirstPropertyValue("x-wr-calname") as string | null) ?? null,
    timezones: timezones.map((zone) => String(zone.getFirstPropertyValue("tzid"))),
    events,
  };
}

/** The raw lines of a file, unfolded or not: for checks on the wire format itself. */
export function physicalLines(text: string): string[] {
  return text.split("\r\n");
}

/**
 * What breaks RFC 5545's layout of a served file, read from its raw bytes: every
 * line, the last one too, ends with CRLF (§3.1), and the calendar's own
 * properties come before its first component (§3.6: icalbody = calprops
 * component). Empty when the file keeps both.
 */
export function calendarLayoutProblems(bytes: Uint8Array | string): string[] {
  const text = typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8");
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push(`the last line ends with ${JSON.stringify(text.slice(-2))}, not CRLF`);
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push("a line ends with a bare CR or LF");
  // Logical lines: a line that starts with a space or tab continues the one before.
  const lines = text.replace(/\r\n$/, "").split(/\r\n(?![ \t])/);
  if (lines[0] !== "BEGIN:VCALENDAR" || lines[lines.length - 1] !== "END:VCALENDAR") problems.push("the file is not one VCALENDAR");
  let depth = 0;
  let firstComponent: string | null = null;
  for (const line of lines.slice(1, -1)) {
    const name = line.split(/[;:]/, 1)[0]!.toUpperCase();
    if (name === "BEGIN") {
      if (depth === 0) firstComponent ??= line;
      depth++;
    } else if (name === "END") depth--;
    else if (depth === 0 && firstComponent) problems.push(`the calendar property ${name} comes after ${firstComponent}`);
  }
  return problems;
}
