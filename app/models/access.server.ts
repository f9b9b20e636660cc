// Who may take part in a meeting's live sessions (ask and vote in Q&A, open
// streams). Registration is what grants it: fulfilling a registration (paid,
// free or comped, and verified where the category needs it) gives the person the
// meeting's ATTENDEE role, and cancelling or refunding it takes the role away.
// Organizers, moderators and speakers take part by their roles; admins always.
import { MeetingRoleKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";

/**
 * Whether the user holds any of `roles` in the meeting. Platform admins hold
 * every role everywhere. One query. Imports nothing from Remix, so the realtime
 * sidecar checks permissions with the same function as the web app.
 */
export async function hasMeetingRole(userId: string, meetingId: string, roles: readonly MeetingRoleKind[]): Promise<boolean> {
  const match = await prisma.user.findFirst({
    where: { id: userId, OR: [{ isAdmin: true }, { meetingRoles: { some: { meetingId, role: { in: [...roles] } } } }] },
    select: { id: true },
  });
  return match !== null;
}

export const PARTICIPANT_ROLES = [
  MeetingRoleKind.ATTENDEE,
  MeetingRoleKind.SPEAKER,
  MeetingRoleKind.MODERATOR,
  MeetingRoleKind.ORGANIZER,
] as const;

export const MODERATOR_ROLES = [MeetingRoleKind.MODERATOR, MeetingRoleKind.ORGANIZER] as const;

export function canParticipate(userId: string, meetingId: string): Promise<boolean> {
  return hasMeetingRole(userId, meetingId, PARTICIPANT_ROLES);
}

export function canModerate(userId: string, meetingId: string): Promise<boolean> {
  return hasMeetingRole(userId, meetingId, MODERATOR_ROLES);
}
