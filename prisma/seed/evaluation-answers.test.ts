// The seeded evaluation answers at SIR 2023, read back through the report: enough
// responses for real charts, a dozen and more commitments to change, and a
// second seed adds nothing. (The demo attendee's own answers come with his
// seeded claim: demo-claim.test.ts.)
import { afterAll, describe, expect, it } from "vitest";
import { cmeReport } from "~/models/cme/report.server";
import { prisma } from "~/utils/db.server";
import { seedDatabase } from "../seed";

afterAll(() => prisma.$disconnect());

describe("evaluation answers seed", () => {
  it("gives the report charts to show, and seeding again adds nothing", async () => {
    await seedDatabase(prisma, { demo: true });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true } });
    const report = await cmeReport(meeting.id);
    expect(report.evaluations.meeting!.responses).toBeGreaterThanOrEqual(20);
    expect(report.evaluations.session!.responses).toBeGreaterThanOrEqual(10);
    const [objectives] = report.evaluations.meeting!.questions;
    // Mostly agree: a real spread, not one bar.
    expect(objectives!.result).toMatchObject({ kind: "RATING" });
    const counts = objectives!.result.kind === "RATING" ? objectives!.result.counts : [];
    expect(counts.filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
    expect(counts[3]! + counts[4]!).toBeGreaterThan(counts[0]! + counts[1]! + counts[2]!);
    expect(new Set(report.commitments.flatMap((group) => group.texts)).size).toBeGreaterThanOrEqual(12);
    // Everyone who evaluated a session attended it: online, or scanned in at its door.
    const sessionResponses = await prisma.evaluationResponse.findMany({ where: { evaluation: { meetingId: meeting.id, scope: "SESSION" } }, select: { userId: true, sessionId: true } });
    for (const { userId, sessionId } of sessionResponses) {
      const evidence = (await prisma.attendanceInterval.count({ where: { userId, sessionId: sessionId! } })) + (await prisma.checkIn.count({ where: { userId, sessionId } }));
      expect(evidence).toBeGreaterThan(0);
    }

    const rows = () => Promise.all([prisma.evaluationResponse.count(), prisma.attendanceInterval.count(), prisma.user.count(), prisma.evaluationQuestion.count()]);
    const before = await rows();
    await seedDatabase(prisma, { demo: true });
    expect(await rows()).toEqual(before);
  });
});
