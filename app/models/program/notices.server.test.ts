// Telling people: two quick releases that move a session reach the person who
// follows it as one e-mail with the move old → new, and nobody else; nobody is
// told twice; the e-mail names the overlaps the changes made in their schedule
// and only those; it goes out about two minutes after a publish by default. In
// the app, each changed session is marked until the person has seen it.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { QUEUES } from "~/utils/job-queue.server";
import { mailTo } from "../../../tests/mail-queue";
import { deleteDraftSession, saveDraftRoom } from "./draft.server";
import { publishAgenda } from "./publish.server";
import { publishEdits } from "./publish.fixture";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture } from "./program.fixture";
import { digestWindowMs, listProgramNotices, listUnseenChanges, markProgramSeen, queueDueProgramDigests } from "./notices.server";
import { removeFromSchedule } from "../schedule/schedule.server";

const MINUTE = 60_000;

const at = (day: string, time: string) => new Date(`${day}T${time}:00Z`).toISOString();

async function setUp() {
  const fixture = await createProgramFixture();
  const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  const follower = await createPerson("follower");
  const follow = (person: { id: string }, ...sessions: { id: string }[]) =>
    prisma.scheduleItem.createMany({ data: sessions.map((session) => ({ userId: person.id, sessionId: session.id })) });
  return { fixture, organizer, follower, follow, meetingId: fixture.meeting.id };
}

describe("program notices by e-mail", () => {
  it("groups two quick releases into one e-mail to the follower of the moved session, old → new, none to others, never twice", async () => {
    const { fixture, organizer, follower, follow, meetingId } = await setUp();
    const bystander = await createPerson("bystander");
    await follow(follower, fixture.sessions.dotter);
    await follow(bystander, fixture.sessions.whyIr);

    // Mon Mar 6 9:00 AM MST → 10:00 → 10:30.
    const t0 = new Date("2031-01-10T12:00:00Z");
    await publishEdits(fixture.meeting.id, organizer, { "dotter-lecture": { startsAt: at("2023-03-06", "17:00"), endsAt: at("2023-03-06", "18:00") } }, t0);
    await publishEdits(fixture.meeting.id, organizer, { "dotter-lecture": { startsAt: at("2023-03-06", "17:30"), endsAt: at("2023-03-06", "18:30") } }, new Date(t0.getTime() + 3 * MINUTE));

    // In the app at once, one notice per release.
    const notices = await listProgramNotices(follower.id, meetingId);
    expect(notices.map((notice) => [notice.release, notice.sessionSlug, notice.changes.map((change) => change.type), notice.unseen])).toEqual([
      [2, "dotter-lecture", ["moved"], true],
      [1, "dotter-lecture", ["moved"], true],
    ]);
    expect(await listProgramNotices(bystander.id, meetingId)).toEqual([]);

    // Inside the window: nothing is sent yet.
    await queueDueProgramDigests(new Date(t0.getTime() + 5 * MINUTE), { windowMs: 10 * MINUTE });
    expect(await mailTo(follower.email)).toHaveLength(0);

    await queueDueProgramDigests(new Date(t0.getTime() + 11 * MINUTE), { windowMs: 10 * MINUTE });
    const mails = await mailTo(follower.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("a session in your schedule changed");
    expect(mails[0]!.text).toContain("releases 1 and 2");
    // One line for the session: where it was before the first release → where it is now.
    expect(mails[0]!.text).toContain("Dr. Charles T. Dotter Lecture\n  - Time: Mon, Mar 6, 9:00–10:00 AM MST → Mon, Mar 6, 10:30–11:30 AM MST\n");
    expect(mails[0]!.text).not.toContain("10:00–11:00 AM");
    expect(mails[0]!.text).not.toContain("overlap");
    expect(await mailTo(bystander.email)).toHaveLength(0);

    // Later runs find nothing new for them.
    await queueDueProgramDigests(new Date(t0.getTime() + 60 * MINUTE), { windowMs: 10 * MINUTE });
    expect(await mailTo(follower.email)).toHaveLength(1);
  });

  it("lists time, room and status old → new, and names only the overlaps the changes made", async () => {
    const { fixture, organizer, follower, follow, meetingId } = await setUp();
    // Why IR (Sat 8:00–9:00 AM) already overlaps the Embolization Update (Sat 8:00–9:30 AM): not news.
    await follow(follower, fixture.sessions.dotter, fixture.sessions.embolization, fixture.sessions.whyIr, fixture.sessions.lateNight, fixture.sessions.evening);
    expect((await saveDraftRoom(meetingId, organizer, { room: { name: "Hall B", kind: "ROOM", capacity: null, position: 5 } })).ok).toBe(true);

    const t0 = new Date("2031-02-10T12:00:00Z");
    await publishEdits(
      meetingId,
      organizer,
      {
        "dotter-lecture": { room: "Hall B" },
        // Sun 12:30 AM → Sat 9:00–10:00 AM: back to back with Why IR, into the Embolization Update.
        "late-night-cases": { startsAt: at("2023-03-04", "16:00"), endsAt: at("2023-03-04", "17:00") },
        "rfs-reception": { status: "CANCELLED" },
      },
      t0,
    );
    await publishEdits(fixture.meeting.id, organizer, { "late-night-cases": { startsAt: at("2023-03-04", "16:15"), endsAt: at("2023-03-04", "17:15") } }, new Date(t0.getTime() + MINUTE));
    await queueDueProgramDigests(new Date(t0.getTime() + 3 * MINUTE), { windowMs: 2 * MINUTE });

    const [mail, ...more] = await mailTo(follower.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toContain("3 sessions in your schedule changed");
    const text = mail!.text!;
    expect(text).toContain("Dr. Charles T. Dotter Lecture\n  - Room: Channel 1 – Main Stage → Hall B\n");
    expect(text).toContain("Late Night Cases\n  - Time: Sun, Mar 5, 12:30–1:00 AM MST → Sat, Mar 4, 9:15–10:15 AM MST\n");
    expect(text).toContain("Resident Section Reception\n  - Status: scheduled, Sat, Mar 4, 8:00–9:00 PM MST → cancelled\n");
    expect(text).toContain(
      "A new overlap in your schedule (they stay; choose between them, or remove one):\n" +
        "  - “Uterine Fibroid Embolization Update” (Sat, Mar 4, 8:00–9:30 AM MST) now overlaps “Late Night Cases” (Sat, Mar 4, 9:15–10:15 AM MST)\n",
    );
    // The overlap that was there before (Why IR and the Embolization Update) is not named again.
    expect(text.match(/now overlaps/g)).toHaveLength(1);
  });

  it("tells followers of a removed session before the removal deletes their schedule entry", async () => {
    const { fixture, organizer, follower, follow, meetingId } = await setUp();
    await follow(follower, fixture.sessions.lateNight);
    await deleteDraftSession(meetingId, organizer, "late-night-cases");
    const result = await publishAgenda(meetingId, organizer, { confirmClashes: true });
    expect(result.ok && result.notified).toBe(1);
    expect(await prisma.scheduleItem.count({ where: { userId: follower.id } })).toBe(0);
    const [notice] = await listProgramNotices(follower.id, meetingId);
    expect(notice?.changes.map((change) => change.type)).toEqual(["removed"]);
  });
});

describe("the e-mail's timing", () => {
  it("goes out about two minutes after a publish by default: the publish queues the run for then", async () => {
    const { fixture, organizer, follower, follow } = await setUp();
    await follow(follower, fixture.sessions.dotter);
    expect(digestWindowMs()).toBe(2 * MINUTE);

    const before = new Date();
    const t0 = new Date("2031-03-10T12:00:00Z");
    await publishEdits(fixture.meeting.id, organizer, { "dotter-lecture": { startsAt: at("2023-03-06", "17:00"), endsAt: at("2023-03-06", "18:00") } }, t0);
    // The publish's transaction queued a digest run for when the window closes (plus a few seconds' margin).
    const jobs = await prisma.$queryRaw<{ delay: number }[]>`
      SELECT extract(epoch FROM start_after - created_on)::float AS delay FROM pgboss.job
       WHERE name = ${QUEUES.programDigests} AND created_on >= ${before}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.delay).toBeGreaterThanOrEqual(120);
    expect(jobs[0]!.delay).toBeLessThan(130);

    // With the default window: not after one minute, after two.
    await queueDueProgramDigests(new Date(t0.getTime() + MINUTE));
    expect(await mailTo(follower.email)).toHaveLength(0);
    await queueDueProgramDigests(new Date(t0.getTime() + 2 * MINUTE));
    expect(await mailTo(follower.email)).toHaveLength(1);
  });
});

describe("changes marked in the app until seen", () => {
  it("marks each changed session of the schedule, folded old → new, until the person has seen them", async () => {
    const { fixture, organizer, follower, follow, meetingId } = await setUp();
    await follow(follower, fixture.sessions.dotter, fixture.sessions.whyIr, fixture.sessions.lateNight, fixture.sessions.embolization);
    expect(await listUnseenChanges(follower.id, meetingId)).toEqual({ latestRelease: 0, sessions: [] });

    await publishEdits(fixture.meeting.id, organizer, {
      "dotter-lecture": { startsAt: at("2023-03-06", "17:00"), endsAt: at("2023-03-06", "18:00") },
      "why-ir": { status: "CANCELLED" },
      "uterine-fibroid-embolization": { startsAt: at("2023-03-04", "18:00"), endsAt: at("2023-03-04", "19:00") },
      "late-night-cases": "delete",
    });
    // Took the Embolization Update out of their schedule themselves: nothing to mark there.
    await removeFromSchedule(follower.id, meetingId, fixture.sessions.embolization.id);
    const first = await listUnseenChanges(follower.id, meetingId);
    expect(first.latestRelease).toBe(1);
    expect(first.sessions.map((session) => [session.slug, session.changes.map((change) => change.type), session.removed])).toEqual([
      ["dotter-lecture", ["moved"], false],
      ["late-night-cases", ["removed"], true],
      ["why-ir", ["cancelled"], false],
    ]);

    // A second release moves the lecture back: that session has no change left to mark.
    await publishEdits(fixture.meeting.id, organizer, { "dotter-lecture": { startsAt: at("2023-03-06", "16:00"), endsAt: at("2023-03-06", "17:00") } });
    const second = await listUnseenChanges(follower.id, meetingId);
    expect(second.latestRelease).toBe(2);
    expect(second.sessions.map((session) => session.slug)).toEqual(["late-night-cases", "why-ir"]);

    // Seen up to release 2: nothing marked, the changelog's notices are no longer new.
    expect(await markProgramSeen(follower.id, meetingId, 2)).toBe(2);
    expect((await listUnseenChanges(follower.id, meetingId)).sessions).toEqual([]);
    expect((await listProgramNotices(follower.id, meetingId)).every((notice) => !notice.unseen)).toBe(true);
    // A page left open since release 1 cannot take the mark back; nor can anyone mark a release not yet published.
    expect(await markProgramSeen(follower.id, meetingId, 1)).toBe(2);
    expect(await markProgramSeen(follower.id, meetingId, 99)).toBe(2);

    // Only what comes after is marked.
    await publishEdits(fixture.meeting.id, organizer, { "why-ir": { status: "SCHEDULED" } });
    const third = await listUnseenChanges(follower.id, meetingId);
    expect(third.sessions.map((session) => [session.slug, session.changes.map((change) => change.type)])).toEqual([["why-ir", ["reinstated"]]]);
    const notices = await listProgramNotices(follower.id, meetingId);
    expect(notices.filter((notice) => notice.unseen).map((notice) => [notice.release, notice.sessionSlug])).toEqual([[3, "why-ir"]]);
    expect(notices.length).toBeGreaterThan(1);
  });
});
