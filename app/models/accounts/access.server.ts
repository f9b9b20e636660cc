// Who may take part in a meeting's live sessions (ask and vote in Q&A, open
// streams). Registration is what grants it: fulfilling a registration (paid,
// free or comped, and verified where the category needs it) gives the person the
// meeting's ATTENDEE role, and cancelling or refunding it takes the role away.
// Organizers, moderators and speakers take part by their roles; admins always.
import { MeetingRoleKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";

/**
 * NOTIFYed by triggers on MeetingRole and User.isAdmin (prisma/migrations/
 * *_meeting_rights_notify) with { userId, meetingId? }: the live Q&A sidecars
 * check that person's rights again at once.
 */
export const MEETING_RIGHTS_CHANGED_CHANNEL = "meeting_rights_changed";

type HeldRoles = { isAdmin: boolean; roles: MeetingRoleKind[] };

/**
 * Whether the user is a platform admin and which roles they hold in the
 * meeting; null for an unknown user. Every Q&A socket join and many loaders ask
 * this, so it is one statement of two index probes (User's primary key, then
 * MeetingRole's unique (meetingId, userId, role) index, which returns at most a
 * handful of rows however many thousands registered). Written in SQL because
 * the Prisma form of the question (a relation filter under OR) costs about
 * twice as much per call in the client as in the database.
 */
async function heldRoles(userId: string, meetingId: string): Promise<HeldRoles | null> {
  return (await heldRolesOfMany([userId], meetingId)).get(userId) ?? null;
}

/** The same for many people in one meeting, keyed by user id (the realtime sidecar, when a crowd joins a session at once); unknown users are absent. */
async function heldRolesOfMany(userIds: readonly string[], meetingId: string): Promise<Map<string, HeldRoles>> {
  const rows = await prisma.$queryRaw<(HeldRoles & { id: string })[]>`
    SELECT u."id", u."isAdmin",
           ARRAY(SELECT r."role"::text FROM "MeetingRole" r WHERE r."meetingId" = ${meetingId} AND r."userId" = u."id") AS "roles"
      FROM "User" u
     WHERE u."id" = ANY(${userIds as string[]})`;
  return new Map(rows.map(({ id, ...held }) => [id, held]));
}

function holdsAny(held: HeldRoles | null, roles: readonly MeetingRoleKind[]): boolean {
  return held !== null && (held.isAdmin || held.roles.some((role) => roles.includes(role)));
}

/**
 * Whether the user holds any of `roles` in the meeting. Platform admins hold
 * every role everywhere. One query. Imports nothing from Remix, so the realtime
 * sidecar checks permissions with the same function as the web app.
 */
export async function hasMeetingRole(userId: string, meetingId: string, roles: readonly MeetingRoleKind[]): Promise<boolean> {
  return holdsAny(await heldRoles(userId, meetingId), roles);
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

export type MeetingRights = { canParticipate: boolean; canModerate: boolean };

/** canParticipate and canModerate together from one query, for a socket join or a live page that needs both. */
export async function getMeetingRights(userId: string, meetingId: string): Promise<MeetingRights> {
  return rightsOf(await heldRoles(userId, meetingId));
}

/** getMeetingRights of many people in one meeting, from one query; an unknown user may do nothing. */
export async function getMeetingRightsOfMany(userIds: readonly string[], meetingId: string): Promise<Map<string, MeetingRights>> {
  const held = await heldRolesOfMany(userIds, meetingId);
  return new Map(userIds.map((userId) => [userId, rightsOf(held.get(userId) ?? null)]));
}

function rightsOf(held: HeldRoles | null): MeetingRights {
  return { canParticipate: holdsAny(held, PARTICIPANT_ROLES), canModerate: holdsAny(held, MODERATOR_ROLES) };
}
