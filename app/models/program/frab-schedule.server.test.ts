// The conference-app export: schedule.json and schedule.xml carry the frab
// structure (conference → days → rooms → events with GUIDs and persons), the
// XML parses, cancelled sessions are left out, times are in the meeting's zone,
// and a session keeps its GUID when it moves.
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { getDraft, revisionOf, saveDraftSession } from "./draft.server";
import { publishAgenda } from "./publish.server";
import { buildFrabSchedule, frabScheduleXml } from "./frab-schedule.server";
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
    expect(conference).toMatchObject({ acronym: fixture.meeting.slug, daysCount: 3, time_zone_name: "America/Phoenix", start: "2023-03-04T00:00:00-07:00" });
    expect(conference.days.map((day) => day.date)).toEqual(["2023-03-04", "2023-03-05", "2023-03-06"]);
    const events = conference.days.flatMap((day) => Object.values(day.rooms).flat());
    // Six sessions, one cancelled.
    expect(events.map((event) => event.slug.replace(`${fixture.meeting.slug}-`, "")).sort()).toEqual(
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
    expect(parsed.schedule.conference.acronym).toBe(fixture.meeting.slug);
    expect(parsed.schedule.day).toHaveLength(3);
    const xmlEvents = parsed.schedule.day.flatMap((day: { room: { event?: { "@_guid": string }[] }[] }) => day.room.flatMap((room) => room.event ?? []));
    expect(xmlEvents.map((event: { "@_guid": string }) => event["@_guid"]).sort()).toEqual(events.map((event) => event.guid).sort());
    const first = parsed.schedule.day[0].room[0];
    expect(first["@_name"]).toBe("Channel 1 – Main Stage");
    expect(first["@_guid"]).toMatch(UUID);
    expect(first.event[0]).toMatchObject({ start: "08:00", duration: "01:30", room: "Channel 1 – Main Stage" });
  });

  it("escapes text for XML and keeps a session's GUID when it moves", async () => {
    const fixture = await createProgramFixture();
    const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
    const before = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    const guidOf = (schedule: typeof before, slug: string) =>
      schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat()).find((event) => event.slug.endsWith(slug))!.guid;

    const draft = await getDraft(fixture.meeting.id);
    const session = draft.document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
    const { speakers: _speakers, ...fields } = session;
    await saveDraftSession(fixture.meeting.id, organizer, {
      original: { slug: session.slug, revision: revisionOf(session) },
      session: { ...fields, title: "Dotter Lecture <Live> & Q&A", startsAt: "2023-03-06T18:00:00.000Z", endsAt: "2023-03-06T19:00:00.000Z" },
    });
    await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true });
    const after = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    expect(guidOf(after, "dotter-lecture")).toBe(guidOf(before, "dotter-lecture"));
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
