// The demo attendee's seeded claim, read back through the app's own rules: it
// claims exactly what the claim form offers for his evidence, his evaluations
// are done, and its certificate verifies under the code the README names.
import { afterAll, describe, expect, it } from "vitest";
import { claimHistory, claimOptions } from "~/models/cme/claims.server";
import { verifyCertificate } from "~/models/cme/certificates.server";
import { evaluationStatus } from "~/models/cme/evaluations.server";
import { prisma } from "~/utils/db.server";
import { seedDatabase } from "../seed";
import { DEMO_CERTIFICATE_CODE } from "./demo-claim";

afterAll(() => prisma.$disconnect());

describe("demo claim seed", () => {
  it("gives Sam Patel a claim of what his evidence supports, his evaluations, and a certificate that verifies; seeding again adds nothing", async () => {
    await seedDatabase(prisma, { demo: true });
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: "attendee@example.org" }, select: { id: true } });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true } });

    const options = (await claimOptions(sam.id, meeting.id))!;
    const [claim, ...older] = await claimHistory(sam.id, meeting.id);
    expect(older).toEqual([]);
    expect(claim!.totalQuarters).toBe(options.totalQuarters);
    expect(claim!.totalQuarters).toBeGreaterThan(0);
    const offered = Object.fromEntries(options.sessions.filter((row) => row.claimableQuarters > 0).map((row) => [row.slug, row.claimableQuarters]));
    expect(Object.fromEntries(claim!.sessions.map((row) => [row.session.slug, row.quarters]))).toEqual(offered);

    const status = await evaluationStatus(sam.id, meeting.id);
    expect(status.meetingDone).toBe(true);
    expect(status.sessionsDone.size).toBe(claim!.sessions.length);

    const certificate = await verifyCertificate(DEMO_CERTIFICATE_CODE);
    expect(certificate?.supersededBy).toBeNull();
    expect(certificate?.snapshot.learner).toEqual({ name: "Sam Patel", degree: "MD" });

    const counts = () => Promise.all([prisma.creditClaimVersion.count({ where: { claim: { userId: sam.id } } }), prisma.evaluationResponse.count({ where: { userId: sam.id } })]);
    const before = await counts();
    await seedDatabase(prisma, { demo: true });
    expect(await counts()).toEqual(before);
  });
});
