// Published presentations follow into the feeds without extra steps: the
// calendar event of their session lists them with times and presenters, and
// schedule.json/.xml carry each as an event in the session's room with its own
// start, duration, presenter and a GUID that survives a retime; both files
// still pass C3VOC's schemas.
import { beforeEach, describe, expect, it } from "vitest";
import { parseCalendar } from "~/server/ical-parse.fixture";
import { renderCalendar } from "~/server/ical.server";
import { prisma } from "~/utils/db.server";
import { scheduleJsonProblems, scheduleXmlProblems } from "../../../tests/frab-schemas";
import { makeAbstract } from "../abstracts/call.fixture";
import { createPerson } from "../accounts/people.fixture";
import { getCalendarMeeting, listProgramCalendarSessions } from "./calendar.server";
import { getDraft } from "./draft.server";
import { buildFrabSchedule, frabScheduleXml } from "./frab-schedule.server";
import { editDraftSessionPresentations } from "./presentation-draft.server";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";
import { publishAgenda } from "./publish.server";

let fixture: ProgramFixture;
let organizer: Awaited<ReturnType<typeof createPerson>>;
let number: number;
const at = (time: string) => new Date(`2023-03-06T${time}:00.000Z`);

beforeEach(async () => {
  fixture = await createProgramFixture();
  organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  const call = await prisma.abstractCall.create({ data: { meetingId: fixture.meeting.id, opensAt: at("00:00"), closesAt: at("01:00") }, select: { id: true } });
  number = (await makeAbstract(call.id, { title: "Cone-beam CT in PAE", decision: "ORAL" })).number!;
  const add = (title: string, speaker: string, time: string, minutes: number, abstract: number | null) =>
    editDraftSessionPresentations(fixture.meeting.id, organizer, "dotter-lecture", { intent: "add-presentation", fields: { title, speaker, startsAt: at(time), minutes, abstract } });
  expect((await add("Cone-beam CT in PAE", "ho-young-song", "16:00", 12, number)).ok).toBe(true);
  expect((await add("Invited: embolics & beyond", "lenny-k-tan", "16:12", 20, null)).ok).toBe(true);
  expect((await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true })).ok).toBe(true);
});

const eventsOf = (schedule: NonNullable<Awaited<ReturnType<typeof buildFrabSchedule>>>) => schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());

describe("feeds with presentations", () => {
  it("lists the talks with their times and presenters in the session's calendar event", async () => {
    const meeting = (await getCalendarMeeting(fixture.meeting.slug))!;
    const sessions = await listProgramCalendarSessions(fixture.meeting.id, { withCancelled: false });
    const { events } = parseCalendar(renderCalendar({ name: "Program", meeting, sessions, origin: "http://localhost" }));
    const dotter = events.find((event) => event.summary === "Dr. Charles T. Dotter Lecture")!;
    expect(dotter.description).toContain("Presentations:\n9:00 AM “Cone-beam CT in PAE” — Ho-Young Song\n9:12 AM “Invited: embolics & beyond” — Lenny K. Tan");
    // Sessions without talks say nothing about them.
    expect(events.find((event) => event.summary === "Why IR? Career Paths")!.description).not.toContain("Presentations:");
  });

  it("puts each talk in schedule.json and .xml as an event in the session's room, valid by C3VOC's schemas, with a GUID that survives a retime", async () => {
    const schedule = (await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!;
    const events = eventsOf(schedule);
    const session = events.find((event) => event.title === "Dr. Charles T. Dotter Lecture")!;
    const talk = events.find((event) => event.title === "Cone-beam CT in PAE")!;
    const invited = events.find((event) => event.title === "Invited: embolics & beyond")!;
    expect(talk).toMatchObject({ start: "09:00", duration: "00:12", date: "2023-03-06T09:00:00-07:00", room: session.room, type: "Abstract presentation", subtitle: "Dr. Charles T. Dotter Lecture" });
    expect(talk.abstract).toContain(`Abstract ${number}.`);
    expect(talk.persons.map((person) => [person.public_name, person.role])).toEqual([["Ho-Young Song", "speaker"]]);
    expect(invited).toMatchObject({ start: "09:12", duration: "00:20", type: "Presentation" });
    expect(new Set(events.map((event) => event.guid)).size).toBe(events.length);
    expect(scheduleJsonProblems(JSON.parse(JSON.stringify(schedule)))).toEqual([]);
    const xml = frabScheduleXml(schedule);
    expect(scheduleXmlProblems(xml)).toEqual([]);
    expect(xml).toContain("Invited: embolics &amp; beyond");

    // Retimed and retitled: the same event for the apps.
    const draft = await getDraft(fixture.meeting.id);
    const slug = draft.document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!.presentations[1]!.slug;
    const edited = await editDraftSessionPresentations(fixture.meeting.id, organizer, "dotter-lecture", {
      intent: "edit-presentation",
      presentation: slug,
      fields: { title: "Embolics, revisited", speaker: "lenny-k-tan", startsAt: at("16:30"), minutes: 20, abstract: null },
    });
    expect(edited.ok).toBe(true);
    expect((await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true })).ok).toBe(true);
    const moved = eventsOf((await buildFrabSchedule(fixture.meeting.slug, "http://localhost"))!).find((event) => event.title === "Embolics, revisited")!;
    expect({ guid: moved.guid, id: moved.id, slug: moved.slug, start: moved.start }).toEqual({ guid: invited.guid, id: invited.id, slug: invited.slug, start: "09:30" });
  });
});
