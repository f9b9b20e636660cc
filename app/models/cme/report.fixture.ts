// Claims and attendance made straight in the database for the report's and the
// reminders' tests (the claim form is another part's): a meeting with
// accredited sessions, a designation, and helpers to give a person evidence
// and a claim of a given shape, each version numbered as amendments are.
import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { createPerson } from "../accounts/people.fixture";
import { createProgramFixture } from "../program/program.fixture";
import { newVerificationCode } from "./certificates";

export async function createReportFixture(options: { claimDeadline?: Date; accmeProviderId?: string | null; parsActivityId?: string | null } = {}) {
  const fixture = await createProgramFixture();
  const { embolization, dotter, lateNight } = fixture.sessions;
  await prisma.session.updateMany({ where: { id: { in: [embolization.id, dotter.id, lateNight.id] } }, data: { cmeAccredited: true } });
  await prisma.creditDesignation.create({
    data: {
      meetingId: fixture.meeting.id,
      provider: "The Society of Testing",
      accreditationStatement: "The Society of Testing is accredited by the ACCME to provide continuing medical education for physicians.",
      designationStatement: "The Society of Testing designates this live activity for a maximum of 10.00 AMA PRA Category 1 Credits™.",
      maxCreditQuarters: 40,
      claimDeadline: options.claimDeadline ?? new Date("2023-04-30T00:00:00Z"),
      accmeProviderId: options.accmeProviderId === undefined ? "0001234" : options.accmeProviderId,
      parsActivityId: options.parsActivityId === undefined ? "TEST-ASM" : options.parsActivityId,
    },
    select: { id: true },
  });
  return fixture;
}

/** `userId` watched `session` online from its start for `minutes`. */
export async function giveEvidence(userId: string, session: { id: string; startsAt: Date }, minutes: number) {
  await prisma.attendanceInterval.create({
    data: { id: randomUUID(), sessionId: session.id, userId, startedAt: session.startsAt, endedAt: new Date(session.startsAt.getTime() + minutes * 60_000) },
  });
}

export type ClaimShape = {
  creditType?: "AMA_PRA" | "PARTICIPATION";
  totalQuarters: number;
  saCmeQuarters?: number;
  degree?: string;
  parsConsent?: boolean;
  sessions: { id: string; quarters: number; selfReported?: boolean; saCme?: boolean }[];
  pars?: { birthMonth: number; birthDay: number; npi?: string; licenseState?: string; licenseNumber?: string; certifyingBoard?: string; boardId?: string };
  claimedAt?: Date;
};

/** Adds a version to the person's claim (the first makes the claim), with a certificate, as the claim form would. */
export async function makeClaim(meetingId: string, person: { id: string; name: string }, shape: ClaimShape) {
  const claim = await prisma.creditClaim.upsert({ where: { meetingId_userId: { meetingId, userId: person.id } }, create: { meetingId, userId: person.id }, update: {}, select: { id: true } });
  const number = (await prisma.creditClaimVersion.count({ where: { claimId: claim.id } })) + 1;
  const [firstName, ...rest] = person.name.split(" ");
  const version = await prisma.creditClaimVersion.create({
    data: {
      claimId: claim.id,
      number,
      creditType: shape.creditType ?? "AMA_PRA",
      totalQuarters: shape.totalQuarters,
      saCmeQuarters: shape.saCmeQuarters ?? 0,
      attestedAt: shape.claimedAt ?? new Date(),
      createdAt: shape.claimedAt ?? new Date(),
      firstName: firstName!,
      lastName: rest.join(" "),
      degree: shape.degree ?? (shape.creditType === "PARTICIPATION" ? "RN" : "MD"),
      parsConsent: shape.parsConsent ?? false,
      ...shape.pars,
      sessions: {
        create: shape.sessions.map((session) => ({
          sessionId: session.id,
          quarters: session.quarters,
          minutes: session.selfReported ? 0 : session.quarters * 15,
          selfReported: session.selfReported ?? false,
          saCme: session.saCme ?? false,
        })),
      },
      certificate: { create: { code: newVerificationCode(), snapshot: {} } },
    },
    select: { id: true, number: true, certificate: { select: { code: true } } },
  });
  return { id: version.id, number: version.number, code: version.certificate!.code };
}

/** A person of the given name, for claims: the certificate name comes from it. */
export async function makeLearner(name: string) {
  const person = await createPerson(name.split(" ")[0]!.toLowerCase());
  await prisma.user.update({ where: { id: person.id }, data: { name }, select: { id: true } });
  return { ...person, name };
}
