// A call's reviewers, for the chairs: invited by e-mail with a name, an
// institution (compared with authors' to exclude conflicts) and topics. The
// reviewer row exists from the invitation on (userId null, "pending"), so the
// assignment can count on them at once; the invitation is the team's own flow
// (Invitation with role REVIEWER), and accepting it links the row to the
// account (team.server.ts acceptInvitation).
import { randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { normalizeEmail } from "../accounts/user.server";
import { recordAudit, type Actor } from "../meetings/audit.server";
import { hashInvitationToken, INVITATION_TTL_MS } from "../meetings/team.server";
import { refuse, RefusalError, refusalOf, type Outcome } from "../refusal";

type Meeting = { id: string; slug: string; name: string };
type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

export async function listReviewers(meetingId: string) {
  const call = await prisma.abstractCall.findUnique({
    where: { meetingId },
    select: {
      topics: { select: { id: true, name: true }, orderBy: { position: "asc" } },
      reviewers: {
        select: {
          id: true,
          name: true,
          email: true,
          institution: true,
          acceptedAt: true,
          invitedAt: true,
          topics: { select: { topicId: true } },
          assignments: { where: { state: "ACTIVE", abstract: { status: "SUBMITTED" } }, select: { review: { select: { submittedAt: true } } } },
        },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!call) return null;
  return {
    topics: call.topics,
    reviewers: call.reviewers.map(({ assignments, topics, ...reviewer }) => ({
      ...reviewer,
      topicIds: topics.map((row) => row.topicId),
      load: assignments.length,
      done: assignments.filter((row) => row.review?.submittedAt).length,
    })),
  };
}

export type ReviewerInput = { email: string; name: string; institution: string; topicIds: string[] };

async function checkTopics(tx: Tx, callId: string, topicIds: string[]) {
  const known = await tx.abstractTopic.count({ where: { callId, id: { in: topicIds } } });
  if (!topicIds.length) throw new RefusalError("INVALID", "Choose at least one topic the reviewer covers.", "topicIds");
  if (known !== new Set(topicIds).size) throw new RefusalError("INVALID", "One of the topics is not in this call.", "topicIds");
}

async function sendInvitation(tx: Tx, meeting: Meeting, actor: Actor, reviewer: { email: string; name: string }, now: Date) {
  const token = randomBytes(32).toString("base64url");
  await tx.invitation.updateMany({ where: { meetingId: meeting.id, email: reviewer.email, role: "REVIEWER", acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.invitation.create({
    data: { meetingId: meeting.id, email: reviewer.email, role: "REVIEWER", tokenHash: hashInvitationToken(token), invitedById: actor.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    select: { id: true },
  });
  await queueMail(tx, {
    kind: "reviewer-invitation",
    meetingId: meeting.id,
    holdsSecret: true,
    to: reviewer.email,
    subject: `${actor.name} invited you to review abstracts for ${meeting.name}`,
    text: [
      `Dear ${reviewer.name},`,
      "",
      `${actor.name} invited you to review abstracts for ${meeting.name}. Review is blind: you will see each abstract's text, not its authors.`,
      "",
      "Accept the invitation here (the link works for 7 days, once):",
      absoluteUrl(href.invitation(token)),
      "",
      `Sign in, or create an account, with this e-mail address (${reviewer.email}) to accept.`,
    ].join("\n"),
  });
  return token;
}

/** Invites a reviewer: their row (pending until accepted) with topics, and the invitation mail. */
export async function inviteReviewer(meeting: Meeting, actor: Actor, input: ReviewerInput, now = new Date()): Promise<Outcome<{ reviewerId: string; token: string }>> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const institution = input.institution.trim();
  if (!name) return refuse("INVALID", "Give the reviewer's name.", "name");
  if (!institution) return refuse("INVALID", "Give the reviewer's institution: it is how conflicts with authors are found.", "institution");
  try {
    return await prisma.$transaction(async (tx) => {
      const call = await tx.abstractCall.findUnique({ where: { meetingId: meeting.id }, select: { id: true } });
      if (!call) throw new RefusalError("NOT_FOUND", "This meeting has no call for abstracts yet.");
      const existing = await tx.abstractReviewer.findUnique({ where: { callId_email: { callId: call.id, email } }, select: { id: true } });
      if (existing) throw new RefusalError("CONFLICT", `${email} is already a reviewer of this call.`, "email");
      await checkTopics(tx, call.id, input.topicIds);
      // Someone with an account and the role already (a reviewer last year, say) is linked at once.
      const user = await tx.user.findFirst({ where: { email, meetingRoles: { some: { meetingId: meeting.id, role: "REVIEWER" } } }, select: { id: true } });
      const reviewer = await tx.abstractReviewer.create({
        data: { callId: call.id, email, name, institution, invitedAt: now, userId: user?.id ?? null, acceptedAt: user ? now : null, topics: { create: input.topicIds.map((topicId) => ({ topicId })) } },
        select: { id: true },
      });
      const token = await sendInvitation(tx, meeting, actor, { email, name }, now);
      await recordAudit(tx, meeting.id, actor, { action: "abstracts.reviewer-invite", summary: `Invited ${name} <${email}> to review`, details: { email, topicIds: input.topicIds } });
      return { ok: true as const, reviewerId: reviewer.id, token };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** Sends a pending reviewer a fresh invitation (the old link stops working). */
export async function resendReviewerInvitation(meeting: Meeting, actor: Actor, reviewerId: string, now = new Date()): Promise<Outcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const reviewer = await tx.abstractReviewer.findFirst({ where: { id: reviewerId, call: { meetingId: meeting.id } }, select: { email: true, name: true, userId: true } });
      if (!reviewer) throw new RefusalError("NOT_FOUND", "There is no such reviewer in this call.");
      if (reviewer.userId) throw new RefusalError("CONFLICT", `${reviewer.name} has already accepted.`);
      await sendInvitation(tx, meeting, actor, reviewer, now);
      await recordAudit(tx, meeting.id, actor, { action: "abstracts.reviewer-resend", summary: `Sent ${reviewer.name} a new invitation`, details: { reviewerId } });
      return { ok: true as const };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** Changes a reviewer's institution and topics (assignments already made stay; the next plan uses the new ones). */
export async function updateReviewer(meeting: Meeting, actor: Actor, reviewerId: string, input: { institution: string; topicIds: string[] }): Promise<Outcome> {
  const institution = input.institution.trim();
  if (!institution) return refuse("INVALID", "Give the reviewer's institution: it is how conflicts with authors are found.", "institution");
  try {
    return await prisma.$transaction(async (tx) => {
      const reviewer = await tx.abstractReviewer.findFirst({ where: { id: reviewerId, call: { meetingId: meeting.id } }, select: { id: true, callId: true, name: true } });
      if (!reviewer) throw new RefusalError("NOT_FOUND", "There is no such reviewer in this call.");
      await checkTopics(tx, reviewer.callId, input.topicIds);
      await tx.abstractReviewer.update({ where: { id: reviewer.id }, data: { institution }, select: { id: true } });
      await tx.abstractReviewerTopic.deleteMany({ where: { reviewerId: reviewer.id } });
      await tx.abstractReviewerTopic.createMany({ data: input.topicIds.map((topicId) => ({ reviewerId: reviewer.id, topicId })) });
      await recordAudit(tx, meeting.id, actor, { action: "abstracts.reviewer-edit", summary: `Changed ${reviewer.name}'s institution and topics`, details: { reviewerId, institution, topicIds: input.topicIds } });
      return { ok: true as const };
    });
  } catch (error) {
    return refusalOf(error);
  }
}
