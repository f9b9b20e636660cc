// Telling people: two quick releases that move a session reach the person who
// follows it as one e-mail listing both moves, and nobody else; nobody is told
// twice; the in-app notices appear at once and can be marked read.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { mailTo } from "../../../tests/mail-queue";
import { getDraft, revisionOf, saveDraftSession } from "./draft.server";
import { publishAgenda } from "./publish.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture } from "./program.fixture";
import { listProgramNotices, markProgramNoticesRead, queueDueProgramDigests } from "./notices.server";

const MINUTE = 60_000;

describe("program notices", () => {
  it("groups two quick releases into one e-mail to the follower of the moved session, none to others, never twice", async () => {
    const fixture = await createProgramFixture();
    const meetingId = fixture.meeting.id;
    const organizer = await createPerson("organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
    const follower = await createPerson("follower");
    const bystander = await createPerson("bystander");
    await prisma.scheduleItem.createMany({
      data: [
        { userId: follower.id, sessionId: fixture.sessions.dotter.id },
        { userId: bystander.id, sessionId: fixture.sessions.whyIr.id },
      ],
    });

    const move = async (minutes: number, now: Date) => {
      const draft = await getDraft(meetingId);
      const session = draft.document.sessions.find((candidate) => candidate.slug === "dotter-lecture")!;
      const { speakers: _speakers, ...fields } = session;
      const shift = (iso: string) => new Date(new Date(iso).getTime() + minutes * MINUTE).toISOString();
      await saveDraftSession(meetingId, organizer, { original: { slug: session.slug, revision: revisionOf(session) }, session: { ...fields, startsAt: shift(fields.startsAt), endsAt: shift(fields.endsAt) } });
      const result = await publishAgenda(meetingId, organizer, { confirmClashes: true, now });
      expect(result.ok).toBe(true);
    };

    const t0 = new Date("2031-01-10T12:00:00Z");
    await move(60, t0);
    await move(30, new Date(t0.getTime() + 3 * MINUTE));

    // In the app at once, one notice per release.
    const notices = await listProgramNotices(follower.id, meetingId);
    expect(notices.map((notice) => [notice.release, notice.sessionSlug, notice.changes.map((change) => change.type)])).toEqual([
      [2, "dotter-lecture", ["moved"]],
      [1, "dotter-lecture", ["moved"]],
    ]);
    expect(await listProgramNotices(bystander.id, meetingId)).toEqual([]);

    // Inside the window: nothing is sent yet.
    await queueDueProgramDigests(new Date(t0.getTime() + 5 * MINUTE), { windowMs: 10 * MINUTE });
    expect(await mailTo(follower.email)).toHaveLength(0);

    await queueDueProgramDigests(new Date(t0.getTime() + 11 * MINUTE), { windowMs: 10 * MINUTE });
    const mails = await mailTo(follower.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("a session in your schedule changed");
    expect(mails[0]!.text).toContain("Dr. Charles T. Dotter Lecture");
    // Both moves, each with its release: Mon Mar 6 9:00 AM MST → 10:00 → 10:30.
    expect(mails[0]!.text).toMatch(/Moved from Mon, Mar 6, 9:00–10:00 AM MST to Mon, Mar 6, 10:00–11:00 AM MST \(release 1\)/);
    expect(mails[0]!.text).toMatch(/Moved from Mon, Mar 6, 10:00–11:00 AM MST to Mon, Mar 6, 10:30–11:30 AM MST \(release 2\)/);
    expect(await mailTo(bystander.email)).toHaveLength(0);

    // Later runs find nothing new for them.
    await queueDueProgramDigests(new Date(t0.getTime() + 60 * MINUTE), { windowMs: 10 * MINUTE });
    expect(await mailTo(follower.email)).toHaveLength(1);

    // Both notices were unread; once marked, none is.
    expect(await markProgramNoticesRead(follower.id, meetingId)).toBe(2);
    expect(await markProgramNoticesRead(follower.id, meetingId)).toBe(0);
  });

  it("tells followers of a removed session before the removal deletes their schedule entry", async () => {
    const fixture = await createProgramFixture();
    const meetingId = fixture.meeting.id;
    const organizer = await createPerson("organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
    const follower = await createPerson("follower");
    await prisma.scheduleItem.create({ data: { userId: follower.id, sessionId: fixture.sessions.lateNight.id } });
    const { deleteDraftSession } = await import("./draft.server");
    await deleteDraftSession(meetingId, organizer, "late-night-cases");
    const result = await publishAgenda(meetingId, organizer, { confirmClashes: true });
    expect(result.ok && result.notified).toBe(1);
    expect(await prisma.scheduleItem.count({ where: { userId: follower.id } })).toBe(0);
    const [notice] = await listProgramNotices(follower.id, meetingId);
    expect(notice?.changes.map((change) => change.type)).toEqual(["removed"]);
  });
});
