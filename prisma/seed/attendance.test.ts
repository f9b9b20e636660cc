// The demo attendee's seeded attendance, read back through the same rules My CME uses.
import { afterAll, describe, expect, it } from "vitest";
import { myAttendance } from "~/models/cme/attendance.server";
import { prisma } from "~/utils/db.server";
import { seedDatabase } from "../seed";

afterAll(() => prisma.$disconnect());

describe("attendance seed", () => {
  it("gives Sam Patel online, in-room and mixed attendance at SIR 2023, and an entrance scan; seeding again adds nothing", async () => {
    await seedDatabase(prisma, { demo: true });
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: "attendee@example.org" }, select: { id: true } });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true } });
    const summary = async () => (await myAttendance(sam.id, meeting.id)).map((row) => [row.session.slug, row.minutes, row.source]);
    expect(await summary()).toEqual([
      ["tace-vs-tare-for-intermediate-stage-hcc", 83, "online"],
      ["pulmonary-embolism-catheter-directed-therapy", 65, "room"],
      ["radiation-segmentectomy-for-early-stage-hcc", 55, "both"],
    ]);
    const rows = () => Promise.all([prisma.attendanceInterval.count({ where: { userId: sam.id } }), prisma.checkIn.count({ where: { userId: sam.id } })]);
    const before = await rows();
    expect(before[1]).toBe(4);
    await seedDatabase(prisma, { demo: true });
    expect(await rows()).toEqual(before);
  });
});
