// The published program in the frab/pretalx schedule format that conference
// apps read (Giggity, ConfClerk, EventFahrplan…): schedule.json in the shape
// of the C3VOC schema, schedule.xml in frab's classic one. Both hold the same
// tree: conference → days → rooms → events with their persons. GUIDs are UUIDv5
// of the meeting and the row's id, so they never change while the session
// exists, however often it is moved or renamed, and apps update it in place.
// Cancelled sessions are left out, as pretalx does. Both files keep to C3VOC's
// published schemas (tests/schemas/), which the tests validate them against:
// the acronym and the events' slugs follow their patterns, and the conference's
// start and end are its first and last day, as pretalx writes them.
// A session's presentations are events of their own, in the session's room at
// their own times, beside the session's event: frab and C3VOC's schemas allow
// events that overlap in a room (nothing in either schema forbids it, and
// pretalx exports do it for sub-events), and apps then show the talks a viewer
// can pick, while the session's event keeps its GUID, persons and links.
import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { XMLBuilder } from "fast-xml-parser";
import { v5 as uuidv5 } from "uuid";
import { prisma } from "~/utils/db.server";
import { dayKeyOf, dayRange, daysBetween } from "~/utils/time";
import { KIND_LABELS } from "./program";
import { sessionCoreSelect, sessionSpeakerOrder } from "./session.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

/** Our namespace for UUIDv5 (itself a v5 of the project's name in the URL namespace). */
const GUID_NAMESPACE = uuidv5("https://meeting-platform.invalid/frab", uuidv5.URL);

export function frabGuid(kind: "session" | "room" | "person" | "presentation", meetingSlug: string, key: string): string {
  return uuidv5(`${meetingSlug}/${kind}/${key}`, GUID_NAMESPACE);
}

/** frab wants integer ids; 28 bits of the GUID are stable and practically unique within a meeting. */
const numericId = (guid: string) => parseInt(guid.replace(/-/g, "").slice(0, 7), 16);

/**
 * The conference's acronym: the meeting's slug in the characters C3VOC allows
 * (lower-case letters, digits, underscores; a hyphen only where a year and a
 * word follow), at least four of them, so "sir-2023" is "sir_2023".
 */
export function frabAcronym(meetingSlug: string): string {
  return meetingSlug.toLowerCase().replace(/[^a-z0-9_]/g, "_").padEnd(4, "_");
}

/**
 * An event's slug, which recording and publishing tools key on: the acronym,
 * the event's id and the session's address, as pretalx writes
 * "<event>-<id>-<title>". The title is left out on purpose: a renamed session
 * keeps its slug, as it keeps its address, GUID and id.
 */
export function frabEventSlug(acronym: string, eventId: number, sessionSlug: string): string {
  return `${acronym}-${eventId}-${sessionSlug}`;
}

const TBA_ROOM = "To be announced";

const duration = (start: Date, end: Date) => {
  const minutes = Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000));
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};
const isoInZone = (instant: Date, zone: string) => format(instant, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(zone) });
const timeInZone = (instant: Date, zone: string) => format(instant, "HH:mm", { in: tz(zone) });

export type FrabPerson = { id: number; guid: string; public_name: string; role: string };
export type FrabEvent = {
  guid: string;
  id: number;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: string;
  recording_license: string;
  do_not_record: boolean;
  persons: FrabPerson[];
  links: { url: string; title: string }[];
  attachments: never[];
};
export type FrabDay = { index: number; date: string; day_start: string; day_end: string; rooms: Record<string, FrabEvent[]> };
export type FrabSchedule = {
  $schema: string;
  generator: { name: string; version: string };
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      url: string;
      rooms: { name: string; guid: string }[];
      tracks: { name: string; color: string }[];
      days: FrabDay[];
    };
  };
};

/** The published program of a meeting in frab's structure, or null for an unknown meeting. */
export async function buildFrabSchedule(meetingSlug: string, origin: string): Promise<FrabSchedule | null> {
  const meeting = await prisma.meeting.findUnique({
    where: { slug: meetingSlug },
    select: {
      id: true,
      slug: true,
      name: true,
      startsOn: true,
      endsOn: true,
      timeZone: true,
      programVersion: true,
      rooms: { select: { name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
      tracks: { select: { name: true, colour: true }, orderBy: [{ position: "asc" }, { name: "asc" }] },
      agendaReleases: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
    },
  });
  if (!meeting) return null;
  const sessions = await prisma.session.findMany({
    where: { meetingId: meeting.id, status: "SCHEDULED" },
    select: {
      ...sessionCoreSelect,
      learningLevel: true,
      streamUrl: true,
      recordingUrl: true,
      room: { select: { name: true } },
      track: { select: { name: true } },
      speakers: { select: { role: true, speaker: { select: { id: true, name: true } } }, orderBy: sessionSpeakerOrder },
      presentations: {
        select: { slug: true, title: true, startsAt: true, endsAt: true, speaker: { select: { id: true, name: true } }, abstract: { select: { number: true } } },
        orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
      },
    },
    orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
  });

  const zone = meeting.timeZone;
  const acronym = frabAcronym(meeting.slug);
  const base = absoluteUrl(href.meeting(meeting), origin);
  const days = daysBetween(meeting.startsOn, meeting.endsOn);
  const roomNames = meeting.rooms.map((room) => room.name);
  if (sessions.some((session) => !session.room)) roomNames.push(TBA_ROOM);

  const frabDays: FrabDay[] = days.map((day, index) => {
    const range = dayRange(day, zone);
    return { index: index + 1, date: day, day_start: isoInZone(range.start, zone), day_end: isoInZone(range.end, zone), rooms: Object.fromEntries(roomNames.map((name) => [name, []])) };
  });
  const dayOf = new Map(frabDays.map((day) => [day.date, day]));

  for (const session of sessions) {
    const day = dayOf.get(dayKeyOf(session.startsAt, zone));
    // A session outside the meeting's days has no day to live in; apps could not show it.
    if (!day) continue;
    const guid = frabGuid("session", meeting.slug, session.id);
    const id = numericId(guid);
    const room = session.room?.name ?? TBA_ROOM;
    const abstract = session.description.split(/\n\s*\n/)[0] ?? "";
    const links: FrabEvent["links"] = [];
    if (session.streamUrl && /^https?:\/\//i.test(session.streamUrl)) links.push({ url: session.streamUrl, title: "Stream" });
    if (session.recordingUrl && /^https?:\/\//i.test(session.recordingUrl)) links.push({ url: session.recordingUrl, title: "Recording" });
    day.rooms[room]!.push({
      guid,
      id,
      date: isoInZone(session.startsAt, zone),
      start: timeInZone(session.startsAt, zone),
      duration: duration(session.startsAt, session.endsAt),
      room,
      slug: frabEventSlug(acronym, id, session.slug),
      url: absoluteUrl(href.session(meeting, session), origin),
      title: session.title,
      subtitle: session.learningLevel ? `Level ${session.learningLevel}` : "",
      track: session.track?.name ?? null,
      type: KIND_LABELS[session.kind],
      language: "en",
      abstract,
      description: session.description,
      recording_license: "",
      do_not_record: !session.recordingUrl,
      persons: session.speakers.map((entry) => {
        const personGuid = frabGuid("person", meeting.slug, entry.speaker.id);
        return { id: numericId(personGuid), guid: personGuid, public_name: entry.speaker.name, role: entry.role.toLowerCase() };
      }),
      links,
      attachments: [],
    });
    for (const talk of session.presentations) {
      // Stable like the session's: its row id and the talk's address, whatever its time or title.
      const talkGuid = frabGuid("presentation", meeting.slug, `${session.id}/${talk.slug}`);
      const talkId = numericId(talkGuid);
      const cited = talk.abstract?.number ? `Abstract ${talk.abstract.number}. ` : "";
      day.rooms[room]!.push({
        guid: talkGuid,
        id: talkId,
        date: isoInZone(talk.startsAt, zone),
        start: timeInZone(talk.startsAt, zone),
        duration: duration(talk.startsAt, talk.endsAt),
        room,
        slug: frabEventSlug(acronym, talkId, `${session.slug}-${talk.slug}`),
        url: absoluteUrl(href.session(meeting, session), origin),
        title: talk.title,
        subtitle: session.title,
        track: session.track?.name ?? null,
        type: talk.abstract ? "Abstract presentation" : "Presentation",
        language: "en",
        abstract: `${cited}In “${session.title}”.`,
        description: `${cited}In “${session.title}”.`,
        recording_license: "",
        do_not_record: !session.recordingUrl,
        persons: talk.speaker ? [{ id: numericId(frabGuid("person", meeting.slug, talk.speaker.id)), guid: frabGuid("person", meeting.slug, talk.speaker.id), public_name: talk.speaker.name, role: "speaker" }] : [],
        links: [],
        attachments: [],
      });
    }
  }

  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "meeting-platform", version: "1" },
    schedule: {
      version: `release ${meeting.agendaReleases[0]?.number ?? 0} (program version ${meeting.programVersion})`,
      base_url: `${base}/`,
      conference: {
        acronym,
        title: meeting.name,
        // Calendar days, the last one included: a day's end instant (the next
        // midnight) made apps such as ConfClerk show an empty extra day.
        start: days[0]!,
        end: days[days.length - 1]!,
        daysCount: days.length,
        timeslot_duration: "00:05",
        time_zone_name: zone,
        url: base,
        rooms: roomNames.map((name) => ({ name, guid: frabGuid("room", meeting.slug, name) })),
        tracks: meeting.tracks.map((track) => ({ name: track.name, color: track.colour })),
        days: frabDays,
      },
    },
  };
}

/** The same schedule as frab's schedule.xml. */
export function frabScheduleXml(schedule: FrabSchedule): string {
  const { conference } = schedule.schedule;
  const text = (value: string | null) => value ?? "";
  const roomGuids = new Map(conference.rooms.map((room) => [room.name, room.guid]));
  const tree = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    schedule: {
      version: schedule.schedule.version,
      conference: {
        acronym: conference.acronym,
        title: conference.title,
        start: conference.start,
        end: conference.end,
        days: conference.daysCount,
        timeslot_duration: conference.timeslot_duration,
        base_url: schedule.schedule.base_url,
        time_zone_name: conference.time_zone_name,
      },
      day: conference.days.map((day) => ({
        "@_index": day.index,
        "@_date": day.date,
        "@_start": day.day_start,
        "@_end": day.day_end,
        room: Object.entries(day.rooms).map(([name, events]) => ({
          "@_name": name,
          "@_guid": roomGuids.get(name),
          event: events.map((event) => ({
            "@_guid": event.guid,
            "@_id": event.id,
            date: event.date,
            start: event.start,
            duration: event.duration,
            room: event.room,
            slug: event.slug,
            url: event.url,
            title: event.title,
            subtitle: event.subtitle,
            track: text(event.track),
            type: event.type,
            language: event.language,
            abstract: event.abstract,
            description: event.description,
            recording: { license: "", optout: String(event.do_not_record) },
            persons: { person: event.persons.map((person) => ({ "@_id": person.id, "@_guid": person.guid, "#text": person.public_name })) },
            links: { link: event.links.map((link) => ({ "@_href": link.url, "#text": link.title })) },
            attachments: "",
          })),
        })),
      })),
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: false });
  return builder.build(tree) as string;
}
