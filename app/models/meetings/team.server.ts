// A meeting's team: who organizes and who moderates, invitations by e-mail,
// and removing roles. An invitation link carries a random secret (only its
// sha256 is stored), expires after a week, works once, and only for the
// account with the invited e-mail address, so a forwarded link grants nothing.
import { createHash, randomBytes } from "node:crypto";
import { type MeetingRoleKind } from "~/generated/prisma/enums";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { type Actor, recordAudit } from "./audit.server";
import { TEAM_ROLE_LABELS, TEAM_ROLE_PHRASES, type TeamRole } from "../program/forms";
import { normalizeEmail } from "../accounts/user.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const TEAM_ROLES = ["ORGANIZER", "MODERATOR", "CHECK_IN"] as const satisfies readonly MeetingRoleKind[];
export { TEAM_ROLE_LABELS, TEAM_ROLE_PHRASES, type TeamRole };

/** Every role an invitation can carry: the team's, and abstract reviewers (invited from the reviewers page, not the team page). */
export type InvitedRole = TeamRole | "REVIEWER";
export const INVITED_ROLE_LABELS: Record<InvitedRole, string> = { ...TEAM_ROLE_LABELS, REVIEWER: "Abstract reviewer" };
export const INVITED_ROLE_PHRASES: Record<InvitedRole, string> = { ...TEAM_ROLE_PHRASES, REVIEWER: "an abstract reviewer" };
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

const hashToken = hashInvitationToken;

/** The roles that open a meeting's console: organizers all of it, door staff (CHECK_IN) its check-in page. */
const CONSOLE_ROLES = ["ORGANIZER", "CHECK_IN"] as const satisfies readonly MeetingRoleKind[];

/**
 * The meetings a person may organize or check people in at: all of them for
 * admins; `doorOnly` when they are only door staff. For the header's
 * "Organize" link and /organize.
 */
export async function listOrganizedMeetings(user: { id: string; isAdmin: boolean }) {
  const meetings = await prisma.meeting.findMany({
    where: user.isAdmin ? {} : { roles: { some: { userId: user.id, role: { in: [...CONSOLE_ROLES] } } } },
    select: { slug: true, name: true, startsOn: true, endsOn: true, society: { select: { shortName: true } }, roles: { where: { userId: user.id, role: "ORGANIZER" }, select: { id: true } } },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
  });
  return meetings.map(({ roles, ...meeting }) => ({ ...meeting, doorOnly: !user.isAdmin && roles.length === 0 }));
}

export async function organizesAnyMeeting(user: { id: string; isAdmin: boolean }): Promise<boolean> {
  if (user.isAdmin) return true;
  return (await prisma.meetingRole.count({ where: { userId: user.id, role: { in: [...CONSOLE_ROLES] } } })) > 0;
}

export async function listTeam(meetingId: string, now = new Date()) {
  const [members, invitations] = await Promise.all([
    prisma.meetingRole.findMany({
      where: { meetingId, role: { in: [...TEAM_ROLES] } },
      select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    prisma.invitation.findMany({
      where: { meetingId, role: { in: [...TEAM_ROLES] }, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invitations };
}

/**
 * Invites `email` to the meeting's team with `role` and e-mails the link. A
 * newer invitation for the same address and role replaces an open one.
 */
export async function inviteToTeam(
  meeting: { id: string; slug: string; name: string },
  actor: Actor,
  input: { email: string; role: TeamRole },
  now = new Date(),
): Promise<Outcome<{ token: string }>> {
  const email = normalizeEmail(input.email);
  const already = await prisma.meetingRole.findFirst({ where: { meetingId: meeting.id, role: input.role, user: { email } }, select: { id: true } });
  if (already) return refuse("INVALID", `${email} is already ${TEAM_ROLE_PHRASES[input.role]} of this meeting.`, "email");
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { meetingId: meeting.id, email, role: input.role, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.invitation.create({
      data: { meetingId: meeting.id, email, role: input.role, tokenHash: hashToken(token), invitedById: actor.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
      select: { id: true },
    });
    await recordAudit(tx, meeting.id, actor, { action: "team.invite", summary: `Invited ${email} as ${TEAM_ROLE_LABELS[input.role].toLowerCase()}`, details: { email, role: input.role } });
    const link = absoluteUrl(href.invitation(token));
    await queueMail(tx, {
      kind: "team-invitation",
      meetingId: meeting.id,
      holdsSecret: true,
      to: email,
      subject: `${actor.name} invited you to the ${meeting.name} team`,
      text: [
        `Hello,`,
        "",
        `${actor.name} invited you to join ${meeting.name} as ${TEAM_ROLE_LABELS[input.role].toLowerCase()}.`,
        "",
        `Accept the invitation here (the link works for 7 days, once):`,
        link,
        "",
        `Sign in, or create an account, with this e-mail address (${email}) to accept.`,
        "If you did not expect this, ignore this message.",
      ].join("\n"),
    });
  });
  return { ok: true, token };
}

export async function revokeInvitation(meetingId: string, actor: Actor, invitationId: string, now = new Date()): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, meetingId, acceptedAt: null, revokedAt: null }, select: { email: true, role: true } });
    if (!invitation) return refuse("NOT_FOUND", "This invitation was already accepted, withdrawn or never existed.");
    await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: now }, select: { id: true } });
    await recordAudit(tx, meetingId, actor, { action: "team.revoke", summary: `Withdrew the invitation of ${invitation.email}`, details: invitation });
    return { ok: true };
  });
}

/** Takes a team role away. The meeting always keeps at least one organizer, so nobody can lock everyone out. */
export async function removeTeamRole(meetingId: string, actor: Actor, roleId: string): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    // Lock the meeting's organizer rows so two removals at once cannot both pass the "last organizer" check.
    await tx.$queryRaw`SELECT "id" FROM "MeetingRole" WHERE "meetingId" = ${meetingId} AND "role" = 'ORGANIZER' FOR UPDATE`;
    const role = await tx.meetingRole.findFirst({
      where: { id: roleId, meetingId, role: { in: [...TEAM_ROLES] } },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    });
    if (!role) return refuse("NOT_FOUND", "This person no longer has that role.");
    if (role.role === "ORGANIZER" && (await tx.meetingRole.count({ where: { meetingId, role: "ORGANIZER" } })) <= 1) {
      return refuse("INVALID", "A meeting needs at least one organizer. Invite another organizer before removing the last one.");
    }
    await tx.meetingRole.delete({ where: { id: roleId }, select: { id: true } });
    await recordAudit(tx, meetingId, actor, {
      action: "team.remove",
      summary: `Removed ${role.user.name} (${role.user.email}) as ${TEAM_ROLE_LABELS[role.role as TeamRole].toLowerCase()}`,
      details: { userId: role.user.id, role: role.role },
    });
    return { ok: true };
  });
}

export type InvitationState = "open" | "expired" | "accepted" | "revoked";

/** What an invitation link shows before anyone accepts: the meeting, the role, and whether it still works. */
export async function getInvitation(token: string, now = new Date()) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
      meeting: { select: { slug: true, name: true } },
    },
  });
  if (!invitation) return null;
  const state: InvitationState = invitation.acceptedAt ? "accepted" : invitation.revokedAt ? "revoked" : invitation.expiresAt <= now ? "expired" : "open";
  return { ...invitation, role: invitation.role as InvitedRole, state };
}

/**
 * Accepts an invitation as `user`: once, before it expires, and only for the
 * account with the invited address. Grants the role and logs it.
 */
export async function acceptInvitation(token: string, user: Actor, now = new Date()): Promise<Outcome<{ meetingSlug: string }>> {
  const tokenHash = hashToken(token);
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash }, select: { id: true, meetingId: true, email: true, role: true, meeting: { select: { slug: true } } } });
    if (!invitation) return refuse("NOT_FOUND", "This invitation link is not valid.");
    if (normalizeEmail(user.email) !== invitation.email) return refuse("INVALID", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    // The conditional update makes the link single-use even when clicked twice at once.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count !== 1) return refuse("CONFLICT", "This invitation has expired, was withdrawn, or was already used. Ask the organizers for a new one.");
    await tx.meetingRole.createMany({ data: [{ meetingId: invitation.meetingId, userId: user.id, role: invitation.role }], skipDuplicates: true });
    // A reviewer's row was made at invitation time, by address: it becomes this account's.
    if (invitation.role === "REVIEWER") {
      await tx.abstractReviewer.updateMany({ where: { call: { meetingId: invitation.meetingId }, email: invitation.email, userId: null }, data: { userId: user.id, acceptedAt: now } });
    }
    await recordAudit(tx, invitation.meetingId, user, {
      action: "team.accept",
      summary: `${user.name} accepted the invitation as ${INVITED_ROLE_LABELS[invitation.role as InvitedRole].toLowerCase()}`,
      details: { role: invitation.role, email: invitation.email },
    });
    return { ok: true, meetingSlug: invitation.meeting.slug };
  });
}
