// The seeded evaluation answers at SIR 2023, read back through the report: enough
// responses for real charts, a dozen and more commitments to change, none from
// the demo attendee, and a second seed adds nothing.
import { afterAll, describe, expect, it } from "vitest";
import { cmeReport } from "~/models/cme/report.server";
import { prisma } from "~/utils/db.server";
import { seedDatabase } from "../seed";

afterAll(() => prisma.$disconnect());

describe("evaluation answers seed", () => {
  it("gives the report charts to show, without Sam Patel, and seeding again adds nothing", async () => {
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
    // Everyone who evaluated a session attended it.
    const sessionResponses = await prisma.evaluationResponse.findMany({ where: { evaluation: { meetingId: meeting.id, scope: "SESSION" } }, select: { userId: true, sessionId: true } });
    for (const response of sessionResponses) expect(await prisma.attendanceInterval.count({ where: { userId: response.userId, sessionId: response.sessionId! } })).toBeGreaterThan(0);
    expect(await prisma.evaluationResponse.count({ where: { user: { email: "attendee@example.org" } } })).toBe(0);

    const rows = () => Promise.all([prisma.evaluationResponse.count(), prisma.attendanceInterval.count(), prisma.user.count(), prisma.evaluationQuestion.count()]);
    const before = await rows();
    await seedDatabase(prisma, { demo: true });
    expect(await rows()).toEqual(before);
  });
});
