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
