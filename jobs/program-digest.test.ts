// The change e-mail end to end, as production runs it: an organizer publishes,
// the publish queues the digest run for when its window closes, a real worker
// runs it and the mail job, and a real SMTP server receives one message with
// the session's change old → new and the overlap it made. The window is a few
// seconds here (the setting allows fractions of a minute); the 2-minute
// default is checked in app/models/program/notices.server.test.ts.
import { describe, expect, it } from "vitest";
import { startJobRun } from "./job-run.fixture";

// The window is read when the modules load: set before the imports below.
const { smtp, withWorker, arrival } = await startJobRun({ PROGRAM_DIGEST_WINDOW_MINUTES: "0.05" });
const { prisma } = await import("../app/utils/db.server");
const { createPerson } = await import("../app/models/accounts/people.fixture");
const { createProgramFixture } = await import("../app/models/program/program.fixture");
const { publishEdits } = await import("../app/models/program/publish.fixture");

describe("the program change e-mail", () => {
  it("reaches the follower's mail server a window after the publish, old → new, naming the new overlap", async () => {
    const fixture = await createProgramFixture();
    const meetingId = fixture.meeting.id;
    const organizer = await createPerson("organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
    const follower = await createPerson("follower");
    await prisma.scheduleItem.createMany({ data: [fixture.sessions.dotter, fixture.sessions.embolization].map((session) => ({ userId: follower.id, sessionId: session.id })) });

    await withWorker(async () => {
      const publishedAt = Date.now();
      // The Dotter Lecture (Mon 9:00 AM) moves to Saturday 9:00 AM, into the Embolization Update (8:00–9:30).
      await publishEdits(meetingId, organizer, { "dotter-lecture": { startsAt: "2023-03-04T16:00:00.000Z", endsAt: "2023-03-04T17:00:00.000Z" } });

      const toFollower = () => smtp.received.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text.includes(follower.email)));
      await arrival(toFollower, publishedAt);
      const mine = toFollower();
      expect(mine).toHaveLength(1);
      // Not before the window (3 s) was over: quick publishes still make one e-mail. The queued run
      // comes 5 s after the window, but any digest run after the window (another process's) may send it.
      expect(Date.now() - publishedAt).toBeGreaterThanOrEqual(3_000);
      const [mail] = mine;
      expect(mail!.subject).toBe(`${fixture.meeting.name}: a session in your schedule changed`);
      expect(mail!.text).toContain("Dr. Charles T. Dotter Lecture\n  - Time: Mon, Mar 6, 9:00–10:00 AM MST → Sat, Mar 4, 9:00–10:00 AM MST\n");
      expect(mail!.text).toContain("“Uterine Fibroid Embolization Update” (Sat, Mar 4, 8:00–9:30 AM MST) now overlaps “Dr. Charles T. Dotter Lecture” (Sat, Mar 4, 9:00–10:00 AM MST)");
      const row = await prisma.outgoingMail.findFirstOrThrow({ where: { to: follower.email }, select: { kind: true, status: true } });
      expect(row).toEqual({ kind: "program-digest", status: "SENT" });
    });
  }, 60_000);
});
