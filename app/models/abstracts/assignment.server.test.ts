// The automatic assignment against the database, on a fixture call of 60
// abstracts and 12 reviewers with real conflicts (shared institutions, a
// reviewer who co-authors in the call, a declared conflict): every abstract
// gets N reviewers, loads differ by at most one, no conflicted pair is
// written; then the chairs' manual override and its refusals.
import { beforeAll, describe, expect, it } from "vitest";
import { createOrganizer } from "~/models/accounts/people.fixture";
import { prisma } from "~/utils/db.server";
import { addAssignment, applyAssignments, proposeAssignments, removeAssignment, reviewerChoices } from "./assignment.server";
import { makeAbstract, makeCall, makeReviewer } from "./call.fixture";
import { conflictsIn } from "./conflicts";

const PLACES = ["Mayo Clinic", "Stanford University", "Johns Hopkins Hospital", "Emory University", "University of Michigan", "Cleveland Clinic", "Duke University", "Yale School of Medicine", "NYU Langone", "UCLA Health"];

let fixture: Awaited<ReturnType<typeof makeCall>>;
let reviewers: Awaited<ReturnType<typeof makeReviewer>>[];
let actor: Awaited<ReturnType<typeof createOrganizer>>;
let meeting: { id: string; slug: string; name: string };

beforeAll(async () => {
  fixture = await makeCall({ reviewsPerAbstract: 3 });
  actor = await createOrganizer(fixture.meeting.id);
  meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: fixture.meeting.id }, select: { id: true, slug: true, name: true } });
  const [oncology, vascular] = fixture.call.topics;
  reviewers = [];
  for (let index = 0; index < 12; index++) {
    const topicIds = index < 8 ? [oncology!.id, vascular!.id] : index < 10 ? [oncology!.id] : [vascular!.id];
    reviewers.push(await makeReviewer(fixture.call.id, { institution: PLACES[index % PLACES.length]!, topicIds, name: `Reviewer ${index}` }));
  }
  for (let index = 0; index < 60; index++) {
    await makeAbstract(fixture.call.id, {
      topicId: index % 2 ? vascular!.id : oncology!.id,
      authors: [
        { name: `First ${index}`, institution: PLACES[index % PLACES.length]!, email: `first-${index}@example.org` },
        { name: `Second ${index}`, institution: PLACES[(index + 3) % PLACES.length]!, email: `second-${index}@example.org` },
      ],
    });
  }
  // Reviewer 11 wrote an abstract with first-0: a co-author of abstract 1's team.
  await makeAbstract(fixture.call.id, { topicId: vascular!.id, status: "WITHDRAWN", authors: [{ name: "Reviewer 11", institution: "Elsewhere", email: reviewers[11]!.user.email }, { name: "First 0", institution: "Elsewhere", email: "first-0@example.org" }] });
  await makeAbstract(fixture.call.id, { topicId: oncology!.id, authors: [{ name: "Reviewer 11", institution: "Elsewhere", email: reviewers[11]!.user.email }, { name: "First 2", institution: "Elsewhere", email: "first-2@example.org" }] });
}, 120_000);

async function activeRows() {
  return prisma.reviewAssignment.findMany({ where: { state: "ACTIVE", abstract: { callId: fixture.call.id } }, select: { id: true, abstractId: true, reviewerId: true } });
}

describe("assigning the call's abstracts", () => {
  it("gives every abstract N reviewers, spreads the load within one, and writes no conflicted pair", async () => {
    const proposal = await proposeAssignments(fixture.meeting.id);
    expect(proposal).not.toBeNull();
    expect(proposal!.abstracts).toBe(61);
    expect(proposal!.short).toEqual([]);
    const applied = await applyAssignments(meeting, actor, proposal!.added);
    expect(applied).toEqual({ ok: true, added: 183 });

    const rows = await activeRows();
    const per = new Map<string, number>();
    const loads = new Map(reviewers.map((reviewer) => [reviewer.id, 0]));
    for (const row of rows) {
      per.set(row.abstractId, (per.get(row.abstractId) ?? 0) + 1);
      loads.set(row.reviewerId, loads.get(row.reviewerId)! + 1);
    }
    expect(per.size).toBe(61);
    expect(await prisma.reviewAssignment.count({ where: { abstract: { callId: fixture.call.id, status: "WITHDRAWN" } } })).toBe(0);
    expect([...per.values()].every((count) => count === 3)).toBe(true);
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);

    // The conflict rule computed afresh from the database, independently of the plan.
    const abstracts = await prisma.abstract.findMany({ where: { callId: fixture.call.id }, select: { id: true, authors: { select: { email: true, institution: true } } } });
    const rule = conflictsIn(abstracts.map((abstract) => ({ id: abstract.id, authors: abstract.authors.map((author) => ({ email: author.email ?? "", institution: author.institution })) })));
    const byId = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer]));
    const conflicted = rows.filter((row) => {
      const reviewer = byId.get(row.reviewerId)!;
      return rule.reasonFor(row.abstractId, { email: reviewer.user.email, institution: reviewer.institution, declared: new Set() }) !== null;
    });
    expect(conflicted).toEqual([]);
    // The co-author: reviewer 11 never reviews abstract 1 (first-0 is on it, and wrote with them).
    const first = await prisma.abstract.findFirstOrThrow({ where: { callId: fixture.call.id, number: 1 }, select: { id: true } });
    expect(rows.some((row) => row.abstractId === first.id && row.reviewerId === reviewers[11]!.id)).toBe(false);
    const choices = await reviewerChoices(fixture.meeting.id, first.id);
    expect(choices.find((choice) => choice.id === reviewers[11]!.id)).toMatchObject({ conflict: "co-author of an author in this call", assigned: false });

    // One blind mail per reviewer, through the queue.
    const mails = await prisma.outgoingMail.findMany({ where: { meetingId: fixture.meeting.id, kind: "review-assignment" }, select: { to: true, subject: true } });
    expect(mails).toHaveLength(12);
    expect(mails.find((mail) => mail.to === reviewers[0]!.user.email)?.subject).toMatch(/^You have 1[56] new abstracts to review for Test Meeting/);

    // Planning again adds nothing: the applied assignments are kept.
    const again = await proposeAssignments(fixture.meeting.id);
    expect(again!.added).toEqual([]);
    expect(again!.kept).toBe(183);
  }, 60_000);

  it("refuses applying a pair twice or a conflicted pair, writing nothing", async () => {
    const [row] = await activeRows();
    const before = await prisma.reviewAssignment.count({ where: { abstract: { callId: fixture.call.id } } });
    expect(await applyAssignments(meeting, actor, [{ abstractId: row!.abstractId, reviewerId: row!.reviewerId }])).toMatchObject({ ok: false, code: "CONFLICT" });
    const mayo = await prisma.abstract.findFirstOrThrow({ where: { callId: fixture.call.id, authors: { some: { institution: "Mayo Clinic" } } }, select: { id: true } });
    expect(await applyAssignments(meeting, actor, [{ abstractId: mayo.id, reviewerId: reviewers[0]!.id }])).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await prisma.reviewAssignment.count({ where: { abstract: { callId: fixture.call.id } } })).toBe(before);
  });

  it("lets a chair add by hand, refusing a conflicted reviewer with the reason, and remove for good", async () => {
    const mayo = await prisma.abstract.findFirstOrThrow({ where: { callId: fixture.call.id, authors: { some: { institution: "Mayo Clinic" } } }, select: { id: true, number: true } });
    const refused = await addAssignment(meeting, actor, mayo.id, reviewers[0]!.id);
    expect(refused).toEqual({ ok: false, code: "CONFLICT", field: "reviewerId", message: `Reviewer 0 may not review abstract ${mayo.number}: same institution as an author.` });
    expect(await prisma.reviewAssignment.count({ where: { abstractId: mayo.id, reviewerId: reviewers[0]!.id } })).toBe(0);

    const [row] = await activeRows();
    expect(await removeAssignment(meeting, actor, row!.id)).toEqual({ ok: true });
    expect(await prisma.reviewAssignment.findUniqueOrThrow({ where: { id: row!.id }, select: { state: true } })).toEqual({ state: "REMOVED" });
    // The plan fills the gap with someone else, never the removed reviewer.
    const proposal = await proposeAssignments(fixture.meeting.id);
    expect(proposal!.added).toHaveLength(1);
    expect(proposal!.added[0]).toMatchObject({ abstractId: row!.abstractId });
    expect(proposal!.added[0]!.reviewerId).not.toBe(row!.reviewerId);
    expect(await removeAssignment(meeting, actor, row!.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A chair may put the pair back by hand.
    expect(await addAssignment(meeting, actor, row!.abstractId, row!.reviewerId)).toEqual({ ok: true });
    expect(await addAssignment(meeting, actor, row!.abstractId, row!.reviewerId)).toMatchObject({ ok: false, code: "CONFLICT" });
    const audit = await prisma.auditEntry.findMany({ where: { meetingId: fixture.meeting.id }, select: { action: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["abstracts.assign", "abstracts.assignment-add", "abstracts.assignment-remove"]);
  });
});
