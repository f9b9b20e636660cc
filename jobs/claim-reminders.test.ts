// The CME claim reminder end to end, as production runs it: a meeting that
// ended yesterday, the reminder job taken off the real queue by a real worker,
// and the mail job delivering the reminder to a real SMTP server; the same job
// again sends nothing new. Then the verb at chosen instants: the second
// reminder a week before the deadline, never a third, nothing once the person
// claimed, nothing before the meeting ends or after the deadline.
import { beforeAll, describe, expect, it } from "vitest";
import { startJobRun } from "./job-run.fixture";

const { smtp, withWorker, queueRun, arrival } = await startJobRun();
const { prisma } = await import("../app/utils/db.server");
const { createReportFixture, giveEvidence, makeClaim, makeLearner } = await import("../app/models/cme/report.fixture");
const { sendDueClaimReminders } = await import("../app/models/cme/claim-reminders.server");

const DAY = 86_400_000;
const utcDay = (offsetDays: number) => new Date(`${new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10)}T00:00:00Z`);

let fixture: Awaited<ReturnType<typeof createReportFixture>>;
let ana: Awaited<ReturnType<typeof makeLearner>>;
let ben: Awaited<ReturnType<typeof makeLearner>>;
let cleo: Awaited<ReturnType<typeof makeLearner>>;

beforeAll(async () => {
  // The meeting (in UTC, to keep the days plain) ended two days ago; claims close in 30 days.
  fixture = await createReportFixture({ claimDeadline: utcDay(30) });
  await prisma.meeting.update({ where: { id: fixture.meeting.id }, data: { startsOn: utcDay(-4), endsOn: utcDay(-2), timeZone: "UTC" } });
  ana = await makeLearner("Ana García");
  ben = await makeLearner("Ben Okafor");
  cleo = await makeLearner("Cleo Novak");
  await giveEvidence(ana.id, fixture.sessions.dotter, 60);
  await giveEvidence(ana.id, fixture.sessions.embolization, 45);
  await giveEvidence(ben.id, fixture.sessions.dotter, 60);
  await makeClaim(fixture.meeting.id, ben, { totalQuarters: 4, sessions: [{ id: fixture.sessions.dotter.id, quarters: 4 }] });
  // Only at a session without credit: nothing to claim, no reminder.
  await giveEvidence(cleo.id, fixture.sessions.whyIr, 60);
});

const remindersTo = (email: string) => prisma.outgoingMail.count({ where: { to: email, kind: "cme-claim-reminder" } });

describe("the claim reminder job", () => {
  it("reminds the learner who attended and did not claim, once, through the queue", async () => {
    await withWorker(async () => {
      const since = smtp.received.length;
      const mine = () => smtp.received.slice(since).filter((mail) => [ana, ben, cleo].some((person) => JSON.stringify(mail.to).includes(person.email)));
      await queueRun("claimReminders");
      await arrival(mine);
      // The same window again: the job runs, and nobody gets a second message.
      await queueRun("claimReminders");
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(mine()).toHaveLength(1);
      const [mail] = mine();
      expect(JSON.stringify(mail!.to)).toContain(ana.email);
      expect(mail!.subject).toBe(`${fixture.meeting.name}: claim your CME credit by ${new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }).format(utcDay(30))}`);
      expect(mail!.text).toContain(`/meetings/${fixture.meeting.slug}/cme`);
      expect(mail!.text).toContain("- Uterine Fibroid Embolization Update");
      expect(mail!.text).toContain("- Dr. Charles T. Dotter Lecture");
      expect(mail!.text).toContain("We will remind you once more before the deadline.");
      expect(await prisma.creditClaimReminder.findUnique({ where: { meetingId_userId: { meetingId: fixture.meeting.id, userId: ana.id } }, select: { count: true } })).toEqual({ count: 1 });
      expect(await remindersTo(ben.email)).toBe(0);
      expect(await remindersTo(cleo.email)).toBe(0);
    });
  }, 60_000);

  it("sends the second a week before the deadline and never a third", async () => {
    expect(await sendDueClaimReminders(new Date(Date.now() + 10 * DAY))).toEqual({ reminded: 0 });
    expect(await sendDueClaimReminders(new Date(utcDay(23).getTime() + 3600_000))).toEqual({ reminded: 1 });
    expect(await remindersTo(ana.email)).toBe(2);
    const last = await prisma.outgoingMail.findFirstOrThrow({ where: { to: ana.email, kind: "cme-claim-reminder" }, orderBy: { createdAt: "desc" }, select: { text: true } });
    expect(last.text).toContain("This is our last reminder.");
    expect(await sendDueClaimReminders(new Date(utcDay(30).getTime() + 12 * 3600_000))).toEqual({ reminded: 0 });
    expect(await remindersTo(ana.email)).toBe(2);
  });

  it("sends nothing once the learner has claimed, before the meeting ends, or after the deadline", async () => {
    const dan = await makeLearner("Dan Reyes");
    await giveEvidence(dan.id, fixture.sessions.lateNight, 30);
    // Before the day after the meeting, and after the deadline day: nothing.
    expect(await sendDueClaimReminders(new Date(utcDay(-1).getTime() - 60_000))).toEqual({ reminded: 0 });
    expect(await sendDueClaimReminders(utcDay(31))).toEqual({ reminded: 0 });
    expect(await remindersTo(dan.email)).toBe(0);
    // Claimed: no reminder, even when one would be due.
    await makeClaim(fixture.meeting.id, dan, { totalQuarters: 2, sessions: [{ id: fixture.sessions.lateNight.id, quarters: 2 }] });
    expect(await sendDueClaimReminders(new Date(Date.now() + DAY))).toEqual({ reminded: 0 });
    expect(await remindersTo(dan.email)).toBe(0);
  });
});
