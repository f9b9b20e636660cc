// The conference-app export: schedule.json and schedule.xml carry the frab
// structure (conference → days → rooms → events with GUIDs and persons), the
// XML parses, cancelled sessions are left out, times are in the meeting's zone,
// and a session keeps its GUID and slug when it moves or is renamed. Both files
// are judged by C3VOC's own schemas (tests/frab-schemas.ts), and the rules
// consumers rely on most are spelled out here with the schemas' own patterns.
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { scheduleJsonProblems, scheduleXmlProblems } from "../../../tests/frab-schemas";
import { getDraft, revisionOf, saveDraftSession } from "./draft.server";
import { publishAgenda } from "./publish.server";
import { buildFrabSchedule, frabAcronym, frabScheduleXml } from "./frab-schedule.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture } from "./program.fixture";

const parserOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Lists even when they hold one element; an event's own <room> stays text.
  isArray: (_name: string, jpath: unknown) => ["schedule.day", "schedule.day.room", "schedule.day.room.event", "schedule.day.room.event.persons.person"].includes(String(jpath)),
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("frab schedule export", () => {
  it("has every day, room and scheduled event with stable GUIDs, in JSON and in XML", async () => {
    const fixture = await createProgramFixture();
    const schedule = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost:3000"))!;
    const { conference } = schedule.schedule;
    const acronym = fixture.meeting.slug.replace(/-/g, "_");
    expect(conference).toMatchObject({ acronym, daysCount: 3, time_zone_name: "America/Phoenix", start: "2023-03-04", end: "2023-03-06" });
    expect(conference.days.map((day) => day.date)).toEqual(["2023-03-04", "2023-03-05", "2023-03-06"]);
    const events = conference.days.flatMap((day) => Object.values(day.rooms).flat());
    // Six sessions, one cancelled; each slug is "<acronym>-<id>-<the session's address>".
    for (const event of events) expect(event.slug).toMatch(new RegExp(`^${acronym}-${event.id}-`));
    expect(events.map((event) => event.slug.replace(/^[a-z0-9_]+-\d+-/, "")).sort()).toEqual(
      ["dotter-lecture", "late-night-cases", "rfs-reception", "uterine-fibroid-embolization", "why-ir"].sort(),
    );
    for (const event of events) {
      expect(event.guid).toMatch(UUID);
      expect(Number.isInteger(event.id)).toBe(true);
    }
    expect(new Set(events.map((event) => event.guid)).size).toBe(events.length);
    const embolization = events.find((event) => event.title === "Uterine Fibroid Embolization Update")!;
    expect(embolization).toMatchObject({ start: "08:00", duration: "01:30", date: "2023-03-04T08:00:00-07:00", room: "Channel 1 – Main Stage", track: "Interventional Oncology", type: "Scientific session" });
    expect(embolization.persons.map((person) => person.public_name)).toEqual(["Johannes Lammer", "Jim A. Reekers", "Lenny K. Tan", "Ho-Young Song"]);
    // The evening reception is on March 4 locally though March 5 in UTC.
    expect(Object.values(conference.days[0]!.rooms).flat().map((event) => event.title)).toContain("Resident Section Reception");

    const xml = frabScheduleXml(schedule);
    const parsed = new XMLParser(parserOptions).parse(xml);
    expect(parsed.schedule.conference).toMatchObject({ acronym, start: "2023-03-04", end: "2023-03-06", days: 3 });
    expect(parsed.schedule.day).toHaveLength(3);
    const xmlEvents = parsed.schedule.day.flatMap((day: { room: { event?: { "@_guid": string }[] }[] }) => day.room.flatMap((room) => room.event ?? []));
    expect(xmlEvents.map((event: { "@_guid": string }) => event["@_guid"]).sort()).toEqual(events.map((event) => event.guid).sort());
    const first = parsed.schedule.day[0].room[0];
    expect(first["@_name"]).toBe("Channel 1 – Main Stage");
    expect(first["@_guid"]).toMatch(UUID);
    expect(first.event[0]).toMatchObject({ start: "08:00", duration: "01:30", room: "Channel 1 – Main Stage" });
  });

  it("escapes text for XML and keeps a session's GUID, id and slug when it moves and is renamed", async () => {
    const fixture = await createProgramFixture();
    const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
    const before = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    const eventOf = (schedule: typeof before, slug: string) =>
      schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat()).find((event) => event.slug.endsWith(`-${slug}`))!;

    const draft = await getDraft(fixture.meeting.id);
    const session = draft.document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
    const { speakers: _speakers, ...fields } = session;
    await saveDraftSession(fixture.meeting.id, organizer, {
      original: { slug: session.slug, revision: revisionOf(session) },
      session: { ...fields, title: "Dotter Lecture <Live> & Q&A", startsAt: "2023-03-06T18:00:00.000Z", endsAt: "2023-03-06T19:00:00.000Z" },
    });
    await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true });
    const after = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    const [moved, original] = [eventOf(after, "dotter-lecture"), eventOf(before, "dotter-lecture")];
    expect(moved.title).toBe("Dotter Lecture <Live> & Q&A");
    expect({ guid: moved.guid, id: moved.id, slug: moved.slug }).toEqual({ guid: original.guid, id: original.id, slug: original.slug });
    expect(after.schedule.version).toMatch(/^release 1 /);

    const xml = frabScheduleXml(after);
    expect(xml).toContain("Dotter Lecture &lt;Live&gt; &amp; Q&amp;A");
    const parsed = new XMLParser(parserOptions).parse(xml);
    const titles = parsed.schedule.day.flatMap((day: { room: { event?: { title: string }[] }[] }) => day.room.flatMap((room) => (room.event ?? []).map((event) => event.title)));
    expect(titles).toContain("Dotter Lecture <Live> & Q&A");
  });

  it("is null for an unknown meeting", async () => {
    expect(await buildFrabSchedule("no-such-meeting", "http://localhost")).toBeNull();
  });
});

// The schemas' own rules, read from the vendored files rather than copied here,
// so these assertions follow the schemas when they are updated.
const xsd = readFileSync(new URL("../../../tests/schemas/schedule.xml.xsd", import.meta.url), "utf8");
/** An XSD simple type's pattern as a JavaScript RegExp (XSD patterns match the whole value). */
function xsdPattern(type: string): RegExp {
  const found = new RegExp(`<xs:simpleType name="${type}">\\s*<xs:restriction[^>]*>\\s*<xs:pattern value="([^"]+)"`).exec(xsd);
  if (!found) throw new Error(`The XSD has no pattern for ${type}`);
  return new RegExp(`^(?:${found[1]})$`);
}
const jsonSchema = JSON.parse(readFileSync(new URL("../../../tests/schemas/schedule.schema.json", import.meta.url), "utf8")) as {
  definitions: { Conference: { properties: { acronym: { pattern: string } } }; Event: { properties: { slug: { pattern: string } } } };
};
const rules = {
  xmlAcronym: xsdPattern("acronym"),
  xmlSlug: xsdPattern("voc-slug-new"),
  jsonAcronym: new RegExp(jsonSchema.definitions.Conference.properties.acronym.pattern),
  jsonSlug: new RegExp(jsonSchema.definitions.Event.properties.slug.pattern),
};

describe("C3VOC's schemas", () => {
  it("pass schedule.xml against voc's schedule.xml.xsd and schedule.json against its JSON schema", async () => {
    const fixture = await createProgramFixture();
    const schedule = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost:3000"))!;
    expect(scheduleXmlProblems(frabScheduleXml(schedule))).toEqual([]);
    expect(scheduleJsonProblems(JSON.parse(JSON.stringify(schedule)))).toEqual([]);
  });

  it("give the acronym and every event's slug the schemas' patterns", async () => {
    const fixture = await createProgramFixture();
    const { conference } = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!.schedule;
    const slugs = conference.days.flatMap((day) => Object.values(day.rooms).flat()).map((event) => event.slug);
    expect(slugs).toHaveLength(5);
    for (const acronym of [conference.acronym, frabAcronym("sir-2023"), frabAcronym("sio-2023"), frabAcronym("ir"), frabAcronym("CIRSE 2024")]) {
      expect(acronym).toMatch(rules.xmlAcronym);
      expect(acronym).toMatch(rules.jsonAcronym);
    }
    expect(frabAcronym("sir-2023")).toBe("sir_2023");
    for (const slug of slugs) {
      expect(slug).toMatch(rules.xmlSlug);
      expect(slug).toMatch(rules.jsonSlug);
    }
  });

  it("end on the meeting's last day, the day a one-day meeting starts", async () => {
    const fixture = await createProgramFixture({ startsOn: "2023-03-04", endsOn: "2023-03-04" });
    const schedule = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    expect(schedule.schedule.conference).toMatchObject({ start: "2023-03-04", end: "2023-03-04", daysCount: 1 });
    const xml = frabScheduleXml(schedule);
    expect(xml).toContain("<start>2023-03-04</start>");
    expect(xml).toContain("<end>2023-03-04</end>");
    expect(scheduleXmlProblems(xml)).toEqual([]);
  });

  it("are live: the validators reject what consumers would choke on", async () => {
    const fixture = await createProgramFixture();
    const schedule = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    const xml = frabScheduleXml(schedule);
    const slug = /<slug>([^<]+)<\/slug>/.exec(xml)![1]!;
    // A slug and an acronym as this export wrote them for SIR 2023 before it followed the schemas.
    expect(scheduleXmlProblems(xml.replace(`<slug>${slug}</slug>`, "<slug>sir-2023-why-ir</slug>")).join("\n")).toMatch(/slug.*pattern/);
    expect(scheduleXmlProblems(xml.replace(/<abstract>[^<]*<\/abstract>/, "")).join("\n")).toMatch(/abstract/);
    const oldAcronym = JSON.parse(JSON.stringify(schedule)) as typeof schedule;
    oldAcronym.schedule.conference.acronym = "sir-2023";
    expect(scheduleJsonProblems(oldAcronym).join("\n")).toMatch(/\/schedule\/conference\/acronym.*pattern/);
    const noGuid = JSON.parse(JSON.stringify(schedule)) as { schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } } };
    delete Object.values(noGuid.schedule.conference.days[0]!.rooms).flat()[0]!.guid;
    expect(scheduleJsonProblems(noGuid).join("\n")).toMatch(/must have required property 'guid'/);
  });
});
