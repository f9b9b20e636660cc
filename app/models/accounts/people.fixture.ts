// People for the organizer console's tests: accounts made directly in the
// worker's database (no password hashing: these tests never sign in by form),
// with the roles each test needs.
import { randomUUID } from "node:crypto";
import { type MeetingRoleKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { createLoginSession } from "~/utils/session.server";

export async function createPerson(label: string, options: { isAdmin?: boolean; roles?: { meetingId: string; role: MeetingRoleKind }[] } = {}) {
  const user = await prisma.user.create({
    data: {
      email: `${label}-${randomUUID().slice(0, 8)}@example.test`,
      name: `${label[0]!.toUpperCase()}${label.slice(1)} Tester`,
      passwordHash: "not-a-real-hash",
      isAdmin: options.isAdmin ?? false,
      meetingRoles: options.roles?.length ? { createMany: { data: options.roles } } : undefined,
    },
    select: { id: true, name: true, email: true, isAdmin: true },
  });
  return user;
}

/** An organizer of `meetingId`, as the console's verbs take them (an audit Actor). */
export async function createOrganizer(meetingId: string) {
  const person = await createPerson("organizer", { roles: [{ meetingId, role: "ORGANIZER" }] });
  return { id: person.id, name: person.name, email: person.email };
}

/** A Cookie header that signs `userId` in, as the browser would send it. */
export async function cookieFor(userId: string): Promise<string> {
  const { setCookie } = await createLoginSession(userId, new Request("http://localhost/"));
  return setCookie.split(";")[0]!;
}
