// The disclosure reminder end to end, as production runs it: a request three
// days old and unanswered, the reminder job taken off the real queue by a real
// worker, and the mail job delivering a reminder with a new, working link to
// a real SMTP server. Someone who answered gets nothing.
import { describe, expect, it } from "vitest";
import { startJobRun } from "./job-run.fixture";

const { smtp, withWorker, queueRun, arrival } = await startJobRun();
const { prisma } = await import("../app/utils/db.server");
const { createPerson } = await import("../app/models/accounts/people.fixture");
const { createProgramFixture } = await import("../app/models/program/program.fixture");
const { requestDisclosures, submitDisclosure, getDisclosureForm, hashDisclosureToken } = await import("../app/models/cme/disclosures.server");
const { REMINDER_INTERVAL_MS } = await import("../app/models/cme/disclosures");

describe("the disclosure reminder job", () => {
  it("reminds the unanswered faculty member through the queue, with a new link, and not the one who answered", async () => {
    const { meeting, sessions, speakers } = await createProgramFixture();
    // The session is next week, so reminders are still useful.
    const startsAt = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await prisma.session.update({ where: { id: sessions.dotter.id }, data: { cmeAccredited: true, startsAt, endsAt: new Date(startsAt.getTime() + 3600 * 1000) } });
    await prisma.session.update({ where: { id: sessions.whyIr.id }, data: { cmeAccredited: true, startsAt, endsAt: new Date(startsAt.getTime() + 3600 * 1000) } });
    const lammer = `lammer-${meeting.slug}@example.test`;
    const tan = `tan-${meeting.slug}@example.test`;
    await prisma.speaker.update({ where: { id: speakers.lammer.id }, data: { email: lammer } });
    await prisma.speaker.update({ where: { id: speakers.tan.id }, data: { email: tan } });
    const organizer = await createPerson("organizer", { roles: [{ meetingId: meeting.id, role: "ORGANIZER" }] });

    // Asked four days ago; Tan answered, Lammer did not.
    const requestedAt = new Date(Date.now() - REMINDER_INTERVAL_MS - 24 * 3600 * 1000);
    expect(await requestDisclosures({ ...meeting }, organizer, requestedAt)).toMatchObject({ asked: 2 });
    const tanRow = await prisma.disclosure.findFirstOrThrow({ where: { meetingId: meeting.id, email: tan }, select: { id: true } });
    // The first links were e-mailed too; answer for Tan by giving the row a known link.
    await prisma.disclosure.update({ where: { id: tanRow.id }, data: { tokenHash: hashDisclosureToken("tan-known-link") } });
    expect(await submitDisclosure("tan-known-link", { answer: "none" })).toEqual({ ok: true });

    await withWorker(async () => {
      const since = smtp.received.length;
      await queueRun("disclosureReminders");
      const reminders = () => smtp.received.slice(since).filter((mail) => mail.subject?.startsWith("Reminder: "));
      await arrival(reminders);
      // Give a wrong second message time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const mine = reminders().filter((mail) => [lammer, tan].some((address) => mail.to && JSON.stringify(mail.to).includes(address)));
      expect(mine).toHaveLength(1);
      expect(JSON.stringify(mine[0]!.to)).toContain(lammer);
      expect(mine[0]!.subject).toBe(`Reminder: ${meeting.name}: please disclose your financial relationships`);
      const token = (mine[0]!.text ?? "").match(/\/disclosures\/([A-Za-z0-9_-]+)/)?.[1];
      expect((await getDisclosureForm(token!))?.name).toBe("Johannes Lammer");
      const row = await prisma.disclosure.findFirstOrThrow({ where: { meetingId: meeting.id, email: lammer }, select: { reminders: true, lastRemindedAt: true } });
      expect(row.reminders).toBe(1);
      const sent = await prisma.outgoingMail.findFirstOrThrow({ where: { to: lammer, kind: "disclosure-reminder" }, select: { status: true, text: true } });
      // Delivered, and the stored copy no longer holds the link.
      expect(sent.status).toBe("SENT");
      expect(sent.text).not.toContain("/disclosures/");
    });
  }, 60_000);
});
