// Inviting reviewers: the pending row with topics at invitation time, the mail
// through the queue, accepting through the team's invitation flow (role
// granted, row linked, landing on the reviews), resending, editing, and the
// refusals (a second invitation of one address, no topic, a foreign topic).
import { beforeAll, describe, expect, it } from "vitest";
import { createOrganizer } from "~/models/accounts/people.fixture";
import { acceptInvitation } from "~/models/meetings/team.server";
import { prisma } from "~/utils/db.server";
import { makeCall, makeUser } from "./call.fixture";
import { inviteReviewer, listReviewers, resendReviewerInvitation, updateReviewer } from "./reviewers.server";

let fixture: Awaited<ReturnType<typeof makeCall>>;
let meeting: { id: string; slug: string; name: string };
let actor: Awaited<ReturnType<typeof createOrganizer>>;

beforeAll(async () => {
  fixture = await makeCall();
  actor = await createOrganizer(fixture.meeting.id);
  meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: fixture.meeting.id }, select: { id: true, slug: true, name: true } });
});

describe("reviewers of a call", () => {
  it("are invited pending, with topics, and become the account's on accepting", async () => {
    const person = await makeUser("Nadia Reviewer");
    const [oncology, vascular] = fixture.call.topics;
    const invited = await inviteReviewer(meeting, actor, { email: person.email.toUpperCase(), name: "Nadia Reviewer", institution: "Emory University", topicIds: [oncology!.id] });
    expect(invited).toMatchObject({ ok: true });
    if (!invited.ok) return;
    let list = await listReviewers(meeting.id);
    expect(list!.reviewers).toEqual([expect.objectContaining({ name: "Nadia Reviewer", email: person.email, acceptedAt: null, topicIds: [oncology!.id], load: 0, done: 0 })]);
    const mail = await prisma.outgoingMail.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "reviewer-invitation" }, select: { to: true, subject: true, holdsSecret: true } });
    expect(mail).toMatchObject({ to: person.email, holdsSecret: true, subject: expect.stringContaining("review abstracts") });

    expect(await resendReviewerInvitation(meeting, actor, invited.reviewerId)).toEqual({ ok: true });
    // The first link was replaced by the resent one.
    expect(await acceptInvitation(invited.token, person)).toMatchObject({ ok: false, code: "CONFLICT" });
    const fresh = await prisma.invitation.findFirstOrThrow({ where: { meetingId: meeting.id, email: person.email, revokedAt: null }, select: { id: true } });
    expect(fresh).toBeTruthy();

    expect(await updateReviewer(meeting, actor, invited.reviewerId, { institution: "Duke University", topicIds: [oncology!.id, vascular!.id] })).toEqual({ ok: true });
    list = await listReviewers(meeting.id);
    expect(list!.reviewers[0]).toMatchObject({ institution: "Duke University", topicIds: expect.arrayContaining([oncology!.id, vascular!.id]) });
  });

  it("links the pending row and grants the role on accepting", async () => {
    const person = await makeUser("Omar Accepts");
    const invited = await inviteReviewer(meeting, actor, { email: person.email, name: "Omar Accepts", institution: "Yale", topicIds: [fixture.call.topics[0]!.id] });
    if (!invited.ok) throw new Error(invited.message);
    expect(await acceptInvitation(invited.token, person)).toEqual({ ok: true, meetingSlug: meeting.slug });
    expect(await prisma.abstractReviewer.findUniqueOrThrow({ where: { id: invited.reviewerId }, select: { userId: true, acceptedAt: true } })).toEqual({ userId: person.id, acceptedAt: expect.any(Date) });
    expect(await prisma.meetingRole.count({ where: { meetingId: meeting.id, userId: person.id, role: "REVIEWER" } })).toBe(1);
    expect(await resendReviewerInvitation(meeting, actor, invited.reviewerId)).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses a second invitation of one address, no topic, or a topic of another call, writing nothing", async () => {
    const before = await prisma.abstractReviewer.count({ where: { callId: fixture.call.id } });
    const existing = (await listReviewers(meeting.id))!.reviewers[0]!;
    expect(await inviteReviewer(meeting, actor, { email: existing.email, name: "Again", institution: "X", topicIds: [fixture.call.topics[0]!.id] })).toMatchObject({ ok: false, code: "CONFLICT", field: "email" });
    expect(await inviteReviewer(meeting, actor, { email: "new@example.org", name: "New", institution: "X", topicIds: [] })).toMatchObject({ ok: false, field: "topicIds" });
    const other = await makeCall();
    expect(await inviteReviewer(meeting, actor, { email: "new@example.org", name: "New", institution: "X", topicIds: [other.call.topics[0]!.id] })).toMatchObject({ ok: false, field: "topicIds" });
    expect(await inviteReviewer(meeting, actor, { email: "new@example.org", name: "New", institution: " ", topicIds: [fixture.call.topics[0]!.id] })).toMatchObject({ ok: false, field: "institution" });
    expect(await prisma.abstractReviewer.count({ where: { callId: fixture.call.id } })).toBe(before);
    expect(await prisma.invitation.count({ where: { meetingId: meeting.id, email: "new@example.org" } })).toBe(0);
  });
});
