// Draft, publish and changelog against the real database: edits stay in the
// draft until published; a release lists exactly what changed; the program
// tables are updated in place (ids kept, the trigger bumps sequence); two
// publishes at once make two releases in order; bad drafts publish nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getAgenda } from "./agenda.server";
import { compareDraftWithPublished, deleteDraftSession, editDraftSessionSpeakers, getDraft, revisionOf, saveDraftSession } from "./draft.server";
import { listReleases, publishAgenda } from "./publish.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "./program.fixture";
import { getSession } from "./session.server";

let fixture: ProgramFixture;
let organizer: Awaited<ReturnType<typeof createPerson>>;

beforeEach(async () => {
  fixture = await createProgramFixture();
  organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
});

/** Moves a draft session by `minutes`, as the session form would. */
async function moveInDraft(slug: string, minutes: number) {
  const draft = await getDraft(fixture.meeting.id);
  const session = draft.document.sessions.find((candidate) => candidate.slug === slug)!;
  const { speakers: _speakers, ...fields } = session;
  const shift = (iso: string) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
  const result = await saveDraftSession(fixture.meeting.id, organizer, {
    original: { slug, revision: revisionOf(session) },
    session: { ...fields, startsAt: shift(session.startsAt), endsAt: shift(session.endsAt) },
  });
  expect(result.ok).toBe(true);
  return { from: { startsAt: session.startsAt, endsAt: session.endsAt }, to: { startsAt: shift(session.startsAt), endsAt: shift(session.endsAt) } };
}

async function renameInDraft(slug: string, title: string) {
  const draft = await getDraft(fixture.meeting.id);
  const session = draft.document.sessions.find((candidate) => candidate.slug === slug)!;
  const { speakers: _speakers, ...fields } = session;
  const result = await saveDraftSession(fixture.meeting.id, organizer, { original: { slug, revision: revisionOf(session) }, session: { ...fields, title } });
  expect(result.ok).toBe(true);
}

describe("draft and releases", () => {
  it("starts the draft as a copy of the published program, with nothing to publish", async () => {
    const { draft, changes } = await compareDraftWithPublished(fixture.meeting.id);
    expect(draft.document.sessions.map((session) => session.slug).sort()).toEqual(Object.values(fixture.sessions).map((session) => session.slug).sort());
    expect(changes).toEqual([]);
  });

  it("edit, publish, move, publish again: release 2 lists exactly the move, public pages show it, draft edits stay private", async () => {
    const meetingId = fixture.meeting.id;
    const before = await prisma.session.findUniqueOrThrow({ where: { id: fixture.sessions.dotter.id }, select: { sequence: true } });

    await renameInDraft("why-ir", "Why IR? Careers in Interventional Radiology");
    // Drafted, not published: the public session page still shows the old title.
    expect((await getSession(meetingId, "why-ir"))?.title).toBe("Why IR? Career Paths");

    const first = await publishAgenda(meetingId, organizer, { confirmClashes: true, note: "First program" });
    expect(first.ok && first.release.number).toBe(1);
    expect((await getSession(meetingId, "why-ir"))?.title).toBe("Why IR? Careers in Interventional Radiology");

    const move = await moveInDraft("dotter-lecture", 60);
    const second = await publishAgenda(meetingId, organizer, { confirmClashes: true });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.release.number).toBe(2);
    expect(second.changes).toEqual([{ type: "moved", session: "dotter-lecture", title: "Dr. Charles T. Dotter Lecture", ...move }]);

    const releases = await listReleases(meetingId);
    expect(releases.map((release) => release.number)).toEqual([2, 1]);
    expect(releases[0]!.changes).toEqual(second.changes);
    expect(releases[1]!.note).toBe("First program");

    // Updated in place: same row, new time, sequence bumped once by the trigger.
    const dotter = await prisma.session.findUniqueOrThrow({ where: { id: fixture.sessions.dotter.id }, select: { startsAt: true, sequence: true } });
    expect(dotter.startsAt.toISOString()).toBe(move.to.startsAt);
    expect(dotter.sequence).toBe(before.sequence + 1);
    const { programVersion } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { programVersion: true } });
    expect(programVersion).toBe(fixture.meeting.programVersion + 2);

    // An unpublished change after release 2 never shows on public pages.
    await renameInDraft("dotter-lecture", "Secret Draft Title");
    expect((await getSession(meetingId, "dotter-lecture"))?.title).toBe("Dr. Charles T. Dotter Lecture");
    const agenda = await getAgenda(fixture.meeting, "2023-03-06", {});
    expect(agenda.sessions.map((session) => session.title)).not.toContain("Secret Draft Title");
    expect((await listReleases(meetingId)).length).toBe(2);
  });

  it("adds, removes and changes speakers in place, keeping the ids of untouched rows", async () => {
    const meetingId = fixture.meeting.id;
    const draft = await getDraft(meetingId);
    const template = draft.document.sessions.find((session) => session.slug === "dotter-lecture")!;
    const { speakers: _speakers, ...fields } = template;
    expect((await saveDraftSession(meetingId, organizer, { session: { ...fields, slug: "gold-medal", title: "Gold Medal Ceremony" } })).ok).toBe(true);
    expect((await deleteDraftSession(meetingId, organizer, "late-night-cases")).ok).toBe(true);
    expect((await editDraftSessionSpeakers(meetingId, organizer, "dotter-lecture", { intent: "add-speaker", speaker: "ho-young-song", role: "MODERATOR" })).ok).toBe(true);

    const result = await publishAgenda(meetingId, organizer, { confirmClashes: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.map((change) => `${change.type}:${"session" in change ? change.session : change.key}`)).toEqual([
      "removed:late-night-cases",
      // Same start time: in slug order.
      "speakers:dotter-lecture",
      "added:gold-medal",
    ]);
    const sessions = await prisma.session.findMany({ where: { meetingId }, select: { id: true, slug: true } });
    expect(sessions.map((session) => session.slug).sort()).toEqual(
      ["dotter-lecture", "gold-medal", "liver-directed-therapy", "rfs-reception", "uterine-fibroid-embolization", "why-ir"].sort(),
    );
    expect(sessions.find((session) => session.slug === "dotter-lecture")!.id).toBe(fixture.sessions.dotter.id);
    const dotter = await getSession(meetingId, "dotter-lecture");
    expect(dotter?.speakers.map((entry) => `${entry.role}:${entry.speaker.slug}`)).toEqual(["MODERATOR:ho-young-song", "SPEAKER:johannes-lammer"]);
    // Publishing the same draft again finds nothing new: a note-only release.
    const again = await publishAgenda(meetingId, organizer, { confirmClashes: true, note: "Final" });
    expect(again.ok && again.changes).toEqual([]);
  });

  it("asks for confirmation when the draft has clashes, and publishes nothing until then", async () => {
    // The fixture puts two sessions in the one channel at the same hour.
    const refused = await publishAgenda(fixture.meeting.id, organizer, {});
    expect(refused).toMatchObject({ ok: false, code: "INVALID", field: "confirmClashes" });
    expect(await prisma.agendaRelease.count({ where: { meetingId: fixture.meeting.id } })).toBe(0);
  });

  it("refuses a publish whose reviewed draft version is out of date", async () => {
    const { draft } = await compareDraftWithPublished(fixture.meeting.id);
    await renameInDraft("why-ir", "Changed meanwhile");
    const stale = await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true, expectedDraftVersion: draft.version });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await getSession(fixture.meeting.id, "why-ir"))?.title).toBe("Why IR? Career Paths");
  });

  it("gives two organizers publishing at the same moment one release each, in order, with the changes applied once", async () => {
    const meetingId = fixture.meeting.id;
    await moveInDraft("dotter-lecture", 30);
    const other = await createPerson("second-organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
    const results = await Promise.all([
      publishAgenda(meetingId, organizer, { confirmClashes: true, note: "from one" }),
      publishAgenda(meetingId, other, { confirmClashes: true, note: "from two" }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const numbers = results.map((result) => (result.ok ? result.release.number : 0)).sort();
    expect(numbers).toEqual([1, 2]);
    const releases = await listReleases(meetingId);
    expect(releases.map((release) => release.changes.length)).toEqual([0, 1]);
    expect(await prisma.session.count({ where: { meetingId } })).toBe(6);
    const { programVersion } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { programVersion: true } });
    expect(programVersion).toBe(fixture.meeting.programVersion + 1);
  });

  it("refuses a session that ends before it starts, and a second organizer's stale edit", async () => {
    const draft = await getDraft(fixture.meeting.id);
    const session = draft.document.sessions.find((candidate) => candidate.slug === "why-ir")!;
    const { speakers: _speakers, ...fields } = session;
    const backwards = await saveDraftSession(fixture.meeting.id, organizer, {
      original: { slug: "why-ir", revision: revisionOf(session) },
      session: { ...fields, endsAt: session.startsAt, startsAt: session.endsAt },
    });
    expect(backwards).toMatchObject({ ok: false, code: "INVALID", field: "end" });

    await renameInDraft("why-ir", "First organizer's title");
    const late = await saveDraftSession(fixture.meeting.id, organizer, { original: { slug: "why-ir", revision: revisionOf(session) }, session: { ...fields, title: "Second organizer's title" } });
    expect(late).toMatchObject({ ok: false, code: "CONFLICT" });
    const after = await getDraft(fixture.meeting.id);
    expect(after.document.sessions.find((candidate) => candidate.slug === "why-ir")!.title).toBe("First organizer's title");
  });

  it("records every change in the audit log", async () => {
    await renameInDraft("why-ir", "Audited title");
    await publishAgenda(fixture.meeting.id, organizer, { confirmClashes: true });
    const entries = await prisma.auditEntry.findMany({ where: { meetingId: fixture.meeting.id }, select: { action: true, actorId: true }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["session.update", "release.publish"]);
    expect(entries.every((entry) => entry.actorId === organizer.id)).toBe(true);
  });
});
