// The spreadsheet import: a dry run writes nothing and reports every row error
// with its line; a good file lands in the draft in one go; a bad one leaves the
// draft untouched; importing the same file again adds nothing; an export
// imports back unchanged; malformed and oversized files get clear errors; the
// dry run names the clashes the file would create, and the example file in
// docs/ creates none in the seeded program.
import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { getDraft, readPublishedProgram } from "./draft.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";
import { openSeededCopy } from "../../../tests/seeded-copy";
import { describeClash, findClashes, newClashes } from "./clashes";
import { editDraftSessionPresentations } from "./presentation-draft.server";
import { csvTooLarge, dryRunProgramImport, importProgramCsv, MAX_CSV_BYTES, planProgramImport, programToCsv, readTime, societyLookup } from "./csv-import.server";

let fixture: ProgramFixture;
let organizer: Awaited<ReturnType<typeof createPerson>>;
const meeting = () => ({ id: fixture.meeting.id, timeZone: fixture.meeting.timeZone, startsOn: fixture.meeting.startsOn, endsOn: fixture.meeting.endsOn });

beforeEach(async () => {
  fixture = await createProgramFixture();
  organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
});

const GOOD = `slug,title,day,start,end,room,track,kind,level,moderators,speakers,description
,Portal Vein Embolization,2023-03-05,13:00,14:30,Channel 1 – Main Stage,oncology,scientific-session,200,jim-a-reekers,Ho-Young Song;lenny-k-tan,"Volumes, techniques
and outcomes."
ir-jeopardy,IR Jeopardy,2023-03-04,7:00 PM,8:00 PM,,medical-students,social,,,,
dotter-lecture,Dr. Charles T. Dotter Lecture,2023-03-06,10:00,11:00,Channel 1 – Main Stage,,named-lecture,,,johannes-lammer,
`;

describe("CSV import", () => {
  it("dry-runs a good file without writing, imports it in one go, and adds nothing on a second import", async () => {
    const before = await getDraft(fixture.meeting.id);
    const { plan, draftVersion } = await dryRunProgramImport(meeting(), GOOD);
    expect(plan.errors).toEqual([]);
    expect(plan.adds.map((row) => [row.line, row.slug])).toEqual([
      [3, "portal-vein-embolization"],
      [4, "ir-jeopardy"],
    ]);
    expect(plan.updates.map((row) => [row.slug, row.fields])).toEqual([["dotter-lecture", ["startsAt", "endsAt"]]]);
    expect((await getDraft(fixture.meeting.id)).version).toBe(before.version);

    const imported = await importProgramCsv(meeting(), organizer, GOOD, draftVersion);
    expect(imported.ok).toBe(true);
    const draft = await getDraft(fixture.meeting.id);
    const portal = draft.document.sessions.find((session) => session.slug === "portal-vein-embolization")!;
    // 1:00 PM in Phoenix (UTC-7) is 20:00 UTC.
    expect(portal).toMatchObject({ startsAt: "2023-03-05T20:00:00.000Z", endsAt: "2023-03-05T21:30:00.000Z", track: "oncology", learningLevel: 200, description: "Volumes, techniques\nand outcomes." });
    expect(portal.speakers).toEqual([
      { speaker: "jim-a-reekers", role: "MODERATOR", position: 0 },
      { speaker: "ho-young-song", role: "SPEAKER", position: 0 },
      { speaker: "lenny-k-tan", role: "SPEAKER", position: 1 },
    ]);
    expect(draft.document.sessions.find((session) => session.slug === "ir-jeopardy")).toMatchObject({ room: null, kind: "SOCIAL", startsAt: "2023-03-05T02:00:00.000Z" });
    expect(draft.document.sessions).toHaveLength(8);

    const again = await dryRunProgramImport(meeting(), GOOD);
    expect(again.plan).toMatchObject({ adds: [], updates: [], unchanged: 3, errors: [] });
    expect((await importProgramCsv(meeting(), organizer, GOOD, again.draftVersion)).ok).toBe(true);
    expect((await getDraft(fixture.meeting.id)).document.sessions).toHaveLength(8);
  });

  it("reports every bad row with its line number and imports nothing", async () => {
    const bad = [
      "title,day,start,end,room,track,kind,speakers",
      "Fine Session,2023-03-05,09:00,10:00,Channel 1 – Main Stage,oncology,workshop,",
      "Nowhere Room,2023-03-05,09:00,10:00,Ballroom Z,,,",
      "Unknown Track,2023-03-05,09:00,10:00,,cardiology,,",
      "Backwards,2023-03-05,11:00,10:00,,,,",
      "Too Late,2023-04-01,09:00,10:00,,,,",
      "Odd Kind,2023-03-05,09:00,10:00,,,keynote,",
      "Stranger,2023-03-05,09:00,10:00,,,,Nobody Known",
      ",2023-03-05,nine,10:00,,,,",
    ].join("\n");
    const before = await getDraft(fixture.meeting.id);
    const { plan, draftVersion } = await dryRunProgramImport(meeting(), bad);
    expect(plan.errors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 9, 9]);
    expect(plan.errors.map((error) => error.message).join("\n")).toMatch(/room “Ballroom Z” is not one of the meeting's rooms/);
    expect(plan.errors.find((error) => error.line === 4)?.message).toMatch(/track “cardiology”/);
    expect(plan.errors.find((error) => error.line === 5)?.message).toBe("end 10:00 is not after start 11:00");
    expect(plan.errors.find((error) => error.line === 6)?.message).toMatch(/day 2023-04-01 is not a day of the meeting/);
    expect(plan.errors.find((error) => error.line === 7)?.message).toMatch(/kind “keynote”/);
    expect(plan.errors.find((error) => error.line === 8)?.message).toMatch(/“Nobody Known” is not one of the meeting's speakers/);
    expect(plan.adds).toHaveLength(1);

    const result = await importProgramCsv(meeting(), organizer, bad, draftVersion);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    const after = await getDraft(fixture.meeting.id);
    expect(after.version).toBe(before.version);
    expect(after.document.sessions.map((session) => session.slug)).not.toContain("fine-session");
  });

  it("says where a malformed file breaks, and refuses unknown columns and huge files", async () => {
    const malformed = 'title,day,start,end\n"Unclosed,2023-03-05,09:00,10:00\n';
    const { plan } = await dryRunProgramImport(meeting(), malformed);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]!.message).toMatch(/not valid CSV/);

    const unknown = await dryRunProgramImport(meeting(), "title,day,start,end,speaker_notes\nA,2023-03-05,09:00,10:00,x\n");
    expect(unknown.plan.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/Unknown column: speaker_notes/) });

    expect(csvTooLarge("x".repeat(MAX_CSV_BYTES + 1))).toBe(true);
    expect(csvTooLarge(GOOD)).toBe(false);
  });

  it("reports in the dry run the clashes the file would create, not those the draft has already", async () => {
    // The draft already double-books its one room: the Embolization Update and Why IR, Sat 8:00 AM.
    const CLASHING = `slug,title,day,start,end,room,speakers
,Portal Vein Embolization,2023-03-06,09:30,10:30,Channel 1 – Main Stage,johannes-lammer
,Evening Cases,2023-03-05,18:00,19:00,,
`;
    const { plan, clashes } = await dryRunProgramImport(meeting(), CLASHING);
    expect(plan.errors).toEqual([]);
    expect(clashes.map((clash) => describeClash(clash))).toEqual([
      "Channel 1 – Main Stage is double-booked: “Dr. Charles T. Dotter Lecture” and “Portal Vein Embolization”",
      "Johannes Lammer is in two places at once: “Dr. Charles T. Dotter Lecture” and “Portal Vein Embolization”",
    ]);
    // A file that fits creates none.
    expect((await dryRunProgramImport(meeting(), GOOD)).clashes).toEqual([]);
  });

  it("refuses an import whose dry run is out of date", async () => {
    const { draftVersion } = await dryRunProgramImport(meeting(), GOOD);
    await importProgramCsv(meeting(), organizer, "title,day,start,end\nSneaked In,2023-03-05,09:00,10:00\n", draftVersion);
    const stale = await importProgramCsv(meeting(), organizer, GOOD, draftVersion);
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("exports a draft that imports back with no changes", async () => {
    const draft = await getDraft(fixture.meeting.id);
    const csv = programToCsv(draft.document, fixture.meeting.timeZone);
    expect(csv.split("\n")[0]).toBe("slug,title,day,start,end,room,track,kind,level,status,capacity,joint_society,stream_url,recording_url,cme,credit,sa_cme,moderators,speakers,panelists,description");
    const roundTrip = await dryRunProgramImport(meeting(), csv);
    expect(roundTrip.plan).toMatchObject({ errors: [], adds: [], updates: [], unchanged: 6 });
  });

  it("reads times in 24- and 12-hour forms", () => {
    expect(readTime("8:05")).toBe("08:05");
    expect(readTime("12:30 PM")).toBe("12:30");
    expect(readTime("12:15 am")).toBe("00:15");
    expect(readTime("1:00 p.m.")).toBe("13:00");
    expect(readTime("25:00")).toBeNull();
  });
});

describe("the example file in docs/", () => {
  it("dry-runs against SIR 2023 from the seed with no errors, adding its three sessions", async () => {
    const { prisma } = await import("~/utils/db.server");
    const sir = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true, timeZone: true, startsOn: true, endsOn: true } });
    const { plan } = await dryRunProgramImport(sir, await readFile("docs/program-import-example.csv", "utf8"));
    expect(plan.errors).toEqual([]);
    expect(plan.adds.map((row) => row.slug)).toEqual(["ir-jeopardy-night", "cirse-joint-embolotherapy", "hands-on-tips-workshop"]);
  });

  it("imports into the program as seeded without creating clashes, by the console's own check", async () => {
    // The seed as it is, in a private copy: other test files add sessions to this worker's sir-2023.
    const copy = await openSeededCopy("import-example");
    try {
      const sir = await copy.prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true, timeZone: true, startsOn: true, endsOn: true } });
      const seeded = await readPublishedProgram(copy.prisma, sir.id);
      const { result, ...plan } = planProgramImport(await readFile("docs/program-import-example.csv", "utf8"), { document: seeded, meeting: sir, societies: await societyLookup() });
      expect(plan.errors).toEqual([]);
      expect(plan.adds).toHaveLength(3);
      expect(newClashes(findClashes(seeded, sir), findClashes(result, sir)).map((clash) => describeClash(clash))).toEqual([]);
    } finally {
      await copy.close();
    }
  });
});

describe("CSV import and presentations", () => {
  it("keeps the presentations of a session it updates, moved along with it, and refuses a change that no longer fits them", async () => {
    const add = (title: string, time: string, minutes: number) =>
      editDraftSessionPresentations(fixture.meeting.id, organizer, "dotter-lecture", {
        intent: "add-presentation",
        fields: { title, speaker: "johannes-lammer", startsAt: new Date(`2023-03-06T${time}:00.000Z`), minutes, abstract: null },
      });
    expect((await add("First talk", "16:00", 20)).ok && (await add("Second talk", "16:20", 30)).ok).toBe(true);
    // Renamed and an hour later (10:00–11:00 AM in Phoenix).
    const file = "slug,title,day,start,end\ndotter-lecture,The Dotter Lecture,2023-03-06,10:00,11:00\n";
    const { draftVersion } = await dryRunProgramImport(meeting(), file);
    expect((await importProgramCsv(meeting(), organizer, file, draftVersion)).ok).toBe(true);
    const talks = (await getDraft(fixture.meeting.id)).document.sessions.find((session) => session.slug === "dotter-lecture")!.presentations;
    expect(talks.map((talk) => [talk.title, talk.startsAt, talk.endsAt])).toEqual([
      ["First talk", "2023-03-06T17:00:00.000Z", "2023-03-06T17:20:00.000Z"],
      ["Second talk", "2023-03-06T17:20:00.000Z", "2023-03-06T17:50:00.000Z"],
    ]);
    // Cut to 30 minutes: the second talk would overrun, so the row is an error and nothing is written.
    const short = "slug,title,day,start,end\ndotter-lecture,The Dotter Lecture,2023-03-06,10:00,10:30\n";
    const dry = await dryRunProgramImport(meeting(), short);
    expect(dry.plan.errors.map((error) => error.message).join("\n")).toMatch(/“Second talk” lies outside the times of its session/);
  });
});
