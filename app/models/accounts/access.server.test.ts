import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingRoleKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { canModerate, canParticipate, getMeetingRights, hasMeetingRole } from "./access.server";

let sir: string;
let sio: string;

beforeAll(async () => {
  const meetings = await prisma.meeting.findMany({ where: { slug: { in: ["sir-2023", "sio-2023"] } }, select: { id: true, slug: true } });
  sir = meetings.find((m) => m.slug === "sir-2023")!.id;
  sio = meetings.find((m) => m.slug === "sio-2023")!.id;
});

/** A fresh person holding `roles` in sir-2023 (and nothing elsewhere). */
async function personWith(roles: MeetingRoleKind[], isAdmin = false) {
  const user = await prisma.user.create({
    data: { email: `access-${randomUUID()}@example.test`, name: "Access Test", passwordHash: "x", isAdmin },
    select: { id: true },
  });
  for (const role of roles) await prisma.meetingRole.create({ data: { userId: user.id, meetingId: sir, role }, select: { id: true } });
  return user.id;
}

describe("hasMeetingRole", () => {
  it("allows each role it is asked about, and refuses the others", async () => {
    const speaker = await personWith(["SPEAKER"]);
    expect(await hasMeetingRole(speaker, sir, ["SPEAKER"])).toBe(true);
    expect(await hasMeetingRole(speaker, sir, ["ATTENDEE", "SPEAKER"])).toBe(true);
    expect(await hasMeetingRole(speaker, sir, ["ATTENDEE", "MODERATOR", "ORGANIZER"])).toBe(false);
    expect(await hasMeetingRole(speaker, sir, [])).toBe(false);
  });

  it("looks only at the meeting asked about", async () => {
    const organizer = await personWith(["ORGANIZER"]);
    expect(await hasMeetingRole(organizer, sir, ["ORGANIZER"])).toBe(true);
    expect(await hasMeetingRole(organizer, sio, ["ORGANIZER"])).toBe(false);
  });

  it("finds one role among several held", async () => {
    const both = await personWith(["ATTENDEE", "MODERATOR"]);
    expect(await hasMeetingRole(both, sir, ["MODERATOR"])).toBe(true);
    expect(await hasMeetingRole(both, sir, ["ORGANIZER"])).toBe(false);
  });

  it("treats admins as holding every role in every meeting, even with no rows", async () => {
    const admin = await personWith([], true);
    expect(await hasMeetingRole(admin, sio, ["ORGANIZER"])).toBe(true);
    expect(await getMeetingRights(admin, sio)).toEqual({ canParticipate: true, canModerate: true });
  });

  it("refuses an unknown user, an unknown meeting and a person with no role", async () => {
    const nobody = await personWith([]);
    expect(await hasMeetingRole("no-such-user", sir, ["ATTENDEE"])).toBe(false);
    expect(await hasMeetingRole(nobody, sir, ["ATTENDEE", "SPEAKER", "MODERATOR", "ORGANIZER"])).toBe(false);
    expect(await hasMeetingRole(await personWith(["ATTENDEE"]), "no-such-meeting", ["ATTENDEE"])).toBe(false);
    expect(await getMeetingRights("no-such-user", sir)).toEqual({ canParticipate: false, canModerate: false });
  });

  it("sees a role taken away at once", async () => {
    const attendee = await personWith(["ATTENDEE"]);
    expect(await canParticipate(attendee, sir)).toBe(true);
    await prisma.meetingRole.deleteMany({ where: { userId: attendee, meetingId: sir } });
    expect(await canParticipate(attendee, sir)).toBe(false);
  });
});

describe("canParticipate, canModerate and getMeetingRights agree", () => {
  const cases: { roles: MeetingRoleKind[]; participate: boolean; moderate: boolean }[] = [
    { roles: [], participate: false, moderate: false },
    { roles: ["ATTENDEE"], participate: true, moderate: false },
    { roles: ["SPEAKER"], participate: true, moderate: false },
    { roles: ["MODERATOR"], participate: true, moderate: true },
    { roles: ["ORGANIZER"], participate: true, moderate: true },
  ];
  for (const { roles, participate, moderate } of cases) {
    it(`${roles.join("+") || "no role"}: participate ${participate}, moderate ${moderate}`, async () => {
      const person = await personWith(roles);
      expect(await canParticipate(person, sir)).toBe(participate);
      expect(await canModerate(person, sir)).toBe(moderate);
      expect(await getMeetingRights(person, sir)).toEqual({ canParticipate: participate, canModerate: moderate });
      expect(await getMeetingRights(person, sio)).toEqual({ canParticipate: false, canModerate: false });
    });
  }
});
