// SIR 2023's seeded call, read back: every stage of a call can be seen on it,
// and what it holds obeys the platform's own rules (balanced, conflict-free
// assignment; orals are the abstract sessions' talks; e-posters have screens).
import { afterAll, describe, expect, it } from "vitest";
import { conflictsIn } from "~/models/abstracts/conflicts";
import { prisma } from "~/utils/db.server";
import { seedDatabase } from "../seed";

afterAll(() => prisma.$disconnect());

const sirCall = () =>
  prisma.abstractCall.findFirstOrThrow({
    where: { meeting: { slug: "sir-2023" } },
    select: { id: true, closesAt: true, reviewsPerAbstract: true, meeting: { select: { id: true } } },
  });

describe("sir-2023's call for abstracts", () => {
  it("is closed, with about 150 submissions at every stage", async () => {
    const call = await sirCall();
    expect(call.closesAt.getTime()).toBeLessThan(new Date("2023-01-01").getTime());
    const rows = await prisma.abstract.groupBy({ by: ["status", "decision"], where: { callId: call.id }, _count: true });
    const count = (status: string, decision: string | null) => rows.find((row) => row.status === status && row.decision === decision)?._count ?? 0;
    expect(rows.reduce((sum, row) => sum + row._count, 0)).toBeGreaterThanOrEqual(140);
    for (const decision of ["ORAL", "EPOSTER", "REJECT"]) expect(count("SUBMITTED", decision)).toBeGreaterThan(20);
    expect(count("WITHDRAWN", null)).toBeGreaterThan(0);
    expect(count("DRAFT", null)).toBeGreaterThan(0);
  });

  it("gives every submitted abstract its reviewers, loads within one of each other, and no conflicted pair", async () => {
    const call = await sirCall();
    const abstracts = await prisma.abstract.findMany({
      where: { callId: call.id, status: { not: "DRAFT" } },
      select: { id: true, authors: { select: { email: true, institution: true } }, assignments: { where: { state: "ACTIVE" }, select: { reviewerId: true } } },
    });
    const reviewers = await prisma.abstractReviewer.findMany({ where: { callId: call.id }, select: { id: true, email: true, institution: true, _count: { select: { assignments: true } } } });
    for (const abstract of abstracts) expect(abstract.assignments).toHaveLength(call.reviewsPerAbstract);
    const loads = reviewers.map((reviewer) => reviewer._count.assignments);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const conflicts = conflictsIn(abstracts);
    const byId = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer]));
    for (const abstract of abstracts) {
      for (const { reviewerId } of abstract.assignments) expect(conflicts.reasonFor(abstract.id, { ...byId.get(reviewerId)!, declared: new Set() })).toBeNull();
    }
  });

  it("makes each oral a timed talk of an abstract session, given by the session's speaker who presents it", async () => {
    const call = await sirCall();
    const orals = await prisma.abstract.findMany({
      where: { callId: call.id, decision: "ORAL" },
      select: {
        authors: { where: { presenting: true }, select: { name: true } },
        presentations: {
          select: {
            startsAt: true,
            endsAt: true,
            speaker: { select: { name: true, id: true } },
            session: { select: { kind: true, startsAt: true, endsAt: true, speakers: { where: { role: "SPEAKER" }, select: { speakerId: true } } } },
          },
        },
      },
    });
    expect(orals.length).toBeGreaterThan(30);
    for (const oral of orals) {
      expect(oral.presentations).toHaveLength(1);
      const [talk] = oral.presentations;
      expect(talk!.session.kind).toBe("ABSTRACT_SESSION");
      expect(talk!.startsAt.getTime()).toBeGreaterThanOrEqual(talk!.session.startsAt.getTime());
      expect(talk!.endsAt.getTime()).toBeLessThanOrEqual(talk!.session.endsAt.getTime());
      expect(talk!.speaker?.name).toBe(oral.authors[0]!.name);
      expect(talk!.session.speakers.map((entry) => entry.speakerId)).toContain(talk!.speaker!.id);
    }
  });

  it("gives every e-poster whose presenter confirmed a screen and live hours, and seeding again adds nothing", async () => {
    const call = await sirCall();
    const eposters = await prisma.abstract.findMany({ where: { callId: call.id, decision: "EPOSTER" }, select: { presenterDeclinedAt: true, poster: { select: { board: true, presenterStartsAt: true } } } });
    for (const abstract of eposters) {
      if (abstract.presenterDeclinedAt) expect(abstract.poster).toBeNull();
      else expect(abstract.poster).toMatchObject({ board: expect.stringMatching(/^EP-\d{3}$/), presenterStartsAt: expect.any(Date) });
    }
    const counts = () => Promise.all([prisma.abstract.count(), prisma.abstractReview.count(), prisma.reviewAssignment.count(), prisma.presentation.count(), prisma.poster.count(), prisma.user.count()]);
    const before = await counts();
    await seedDatabase(prisma, { demo: true });
    expect(await counts()).toEqual(before);
  });

  it("lets the demo reviewer sign in to the seeded reviewer's assignments", async () => {
    const reviewer = await prisma.abstractReviewer.findFirstOrThrow({ where: { email: "reviewer@example.org" }, select: { user: { select: { email: true } }, _count: { select: { assignments: true } } } });
    expect(reviewer.user?.email).toBe("reviewer@example.org");
    expect(reviewer._count.assignments).toBeGreaterThan(5);
  });
});
