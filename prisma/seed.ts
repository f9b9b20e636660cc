// `npm run db:seed` (add `-- --demo` for the demo accounts): the SIR 2023 and SIO 2023
// meetings with their societies, tracks, rooms, speakers and sessions. Deterministic
// and idempotent: the data comes from prisma/seed/*.ts with a seeded PRNG, and rows
// are upserted by their unique keys, so a second run changes nothing and keeps ids.
import { fileURLToPath } from "node:url";
import type { Prisma, PrismaClient } from "../app/generated/prisma/client";
import { hashPassword, verifyPassword } from "../app/utils/password.server";
import { DEMO_PASSWORD, demoAccounts } from "./seed/demo-accounts";
import { sioRegistration, sirRegistration, syncDemoRegistration, syncRegistration } from "./seed/registration";
import type { MeetingSeed } from "./seed/schedule";
import { syncDemoAttendance } from "./seed/attendance";
import { syncDemoClaim } from "./seed/demo-claim";
import { syncEvaluationAnswers } from "./seed/evaluation-answers";
import { sio2023 } from "./seed/sio-2023";
import { sir2023 } from "./seed/sir-2023";
import { societies } from "./seed/societies";
import { changedFields, syncRows } from "./seed/sync";
import { creditDesignation, sessionCredit } from "./seed/cme";
import { seededSpeakerEmail, syncSeedDisclosures } from "./seed/disclosures";
import { syncSelfAssessmentQuestions } from "./seed/self-assessment";
import { syncAbstractCall } from "./seed/abstracts";

export { DEMO_PASSWORD, demoAccounts } from "./seed/demo-accounts";
export const seededMeetings: MeetingSeed[] = [sir2023, sio2023];

export type SeedOptions = { demo: boolean };

type Tx = Prisma.TransactionClient;

async function syncSocieties(prisma: PrismaClient): Promise<Map<string, string>> {
  const select = { id: true, slug: true, name: true, shortName: true, websiteUrl: true } as const;
  const where = { slug: { in: societies.map((society) => society.slug) } };
  return syncRows({
    existing: await prisma.society.findMany({ where, select }),
    desired: societies,
    key: (row) => row.slug,
    createMany: (data) => prisma.society.createMany({ data }),
    update: (id, data) => prisma.society.update({ where: { id }, data, select: { id: true } }),
    reload: () => prisma.society.findMany({ where, select }),
  });
}

async function syncMeeting(tx: Tx, seed: MeetingSeed, societyIds: Map<string, string>) {
  const societyId = (slug: string) => {
    const id = societyIds.get(slug);
    if (!id) throw new Error(`Unknown society ${slug}`);
    return id;
  };
  // programVersion is left to its default: only publishing a changed program bumps it.
  const meetingData = {
    name: seed.name,
    societyId: societyId(seed.society),
    startsOn: new Date(`${seed.startsOn}T00:00:00Z`),
    endsOn: new Date(`${seed.endsOn}T00:00:00Z`),
    timeZone: seed.timeZone,
    format: seed.format,
    venue: seed.venue,
    city: seed.city,
    description: seed.description,
  };
  const existing = await tx.meeting.findUnique({
    where: { slug: seed.slug },
    select: { id: true, name: true, societyId: true, startsOn: true, endsOn: true, timeZone: true, format: true, venue: true, city: true, description: true },
  });
  let meetingId: string;
  if (existing) {
    meetingId = existing.id;
    const changes = changedFields(existing, meetingData);
    if (changes) await tx.meeting.update({ where: { id: meetingId }, data: changes, select: { id: true } });
  } else {
    meetingId = (await tx.meeting.create({ data: { slug: seed.slug, ...meetingData }, select: { id: true } })).id;
  }
  const inMeeting = { meetingId };

  const trackSelect = { id: true, meetingId: true, slug: true, name: true, description: true, colour: true, audience: true, position: true } as const;
  const trackIds = await syncRows({
    existing: await tx.track.findMany({ where: inMeeting, select: trackSelect }),
    desired: seed.tracks.map((track, position) => ({ meetingId, ...track, position })),
    key: (row) => row.slug,
    createMany: (data) => tx.track.createMany({ data }),
    update: (id, data) => tx.track.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.track.findMany({ where: inMeeting, select: trackSelect }),
  });

  const roomSelect = { id: true, meetingId: true, name: true, kind: true, capacity: true, position: true } as const;
  const roomIds = await syncRows({
    existing: await tx.room.findMany({ where: inMeeting, select: roomSelect }),
    desired: seed.rooms.map((room, position) => ({ meetingId, ...room, position })),
    key: (row) => row.name,
    createMany: (data) => tx.room.createMany({ data }),
    update: (id, data) => tx.room.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.room.findMany({ where: inMeeting, select: roomSelect }),
  });

  const speakerSelect = { id: true, meetingId: true, slug: true, name: true, credentials: true, affiliation: true, city: true, country: true, bio: true, email: true } as const;
  const speakerIds = await syncRows({
    existing: await tx.speaker.findMany({ where: inMeeting, select: speakerSelect }),
    desired: seed.speakers.map(({ slug, name, credentials, affiliation, city, country, bio }) => ({ meetingId, slug, name, credentials, affiliation, city, country, bio, email: seededSpeakerEmail(slug) })),
    key: (row) => row.slug,
    createMany: (data) => tx.speaker.createMany({ data }),
    update: (id, data) => tx.speaker.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.speaker.findMany({ where: inMeeting, select: speakerSelect }),
  });

  const sessionSelect = {
    id: true, meetingId: true, slug: true, title: true, description: true, kind: true, learningLevel: true, startsAt: true, endsAt: true,
    roomId: true, trackId: true, jointSocietyId: true, streamUrl: true, recordingUrl: true, capacity: true, status: true,
    cmeAccredited: true, creditQuarters: true, saCme: true,
  } as const;
  const sessionIds = await syncRows({
    existing: await tx.session.findMany({ where: inMeeting, select: sessionSelect }),
    desired: seed.sessions.map(({ speakers: _speakers, room, track, jointSociety, ...session }) => ({
      meetingId,
      ...session,
      roomId: roomIds.get(room)!,
      trackId: track ? trackIds.get(track)! : null,
      jointSocietyId: jointSociety ? societyId(jointSociety) : null,
      ...sessionCredit(session),
    })),
    key: (row) => row.slug,
    createMany: (data) => tx.session.createMany({ data }),
    update: (id, data) => tx.session.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.session.findMany({ where: inMeeting, select: sessionSelect }),
  });

  const designation = creditDesignation(seed);
  if (designation) {
    await tx.creditDesignation.upsert({ where: { meetingId }, create: { meetingId, ...designation }, update: designation, select: { id: true } });
  }

  // Each seeded session gets exactly its seeded panel: missing links are added, changed
  // positions updated and links the seed does not list removed.
  const seededSessionIds = seed.sessions.map((session) => sessionIds.get(session.slug)!);
  const linkWhere = { sessionId: { in: seededSessionIds } };
  const linkSelect = { id: true, sessionId: true, speakerId: true, role: true, position: true } as const;
  const desiredLinks = seed.sessions.flatMap((session) =>
    session.speakers.map(({ speaker, role, position }) => ({ sessionId: sessionIds.get(session.slug)!, speakerId: speakerIds.get(speaker)!, role, position })),
  );
  const linkKey = (row: { sessionId: string; speakerId: string; role: string }) => `${row.sessionId} ${row.speakerId} ${row.role}`;
  const existingLinks = await tx.sessionSpeaker.findMany({ where: linkWhere, select: linkSelect });
  const wanted = new Set(desiredLinks.map(linkKey));
  const stale = existingLinks.filter((link) => !wanted.has(linkKey(link)));
  if (stale.length) await tx.sessionSpeaker.deleteMany({ where: { id: { in: stale.map((link) => link.id) } } });
  await syncRows({
    existing: existingLinks.filter((link) => wanted.has(linkKey(link))),
    desired: desiredLinks,
    key: linkKey,
    createMany: (data) => tx.sessionSpeaker.createMany({ data }),
    update: (id, data) => tx.sessionSpeaker.update({ where: { id }, data, select: { id: true } }),
    reload: () => tx.sessionSpeaker.findMany({ where: linkWhere, select: linkSelect }),
  });
  await syncSeedDisclosures(tx, seed, meetingId);
}

async function syncDemoAccounts(prisma: PrismaClient) {
  const meetings = await prisma.meeting.findMany({ where: { slug: { in: seededMeetings.map((m) => m.slug) } }, select: { id: true, slug: true } });
  const meetingId = new Map(meetings.map((meeting) => [meeting.slug, meeting.id]));
  // argon2 runs on libuv's thread pool, so the accounts are hashed in parallel.
  await Promise.all(
    demoAccounts.map(async (account) => {
      const existing = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true, name: true, isAdmin: true, passwordHash: true } });
      let userId: string;
      if (!existing) {
        const passwordHash = await hashPassword(DEMO_PASSWORD);
        userId = (await prisma.user.create({ data: { email: account.email, name: account.name, isAdmin: account.isAdmin, passwordHash }, select: { id: true } })).id;
      } else {
        userId = existing.id;
        const changes = changedFields(existing, { name: account.name, isAdmin: account.isAdmin });
        // The demo password is documented; re-seeding restores it if someone changed it.
        const passwordHash = (await verifyPassword(existing.passwordHash, DEMO_PASSWORD)) ? undefined : await hashPassword(DEMO_PASSWORD);
        if (changes || passwordHash) await prisma.user.update({ where: { id: userId }, data: { ...changes, passwordHash }, select: { id: true } });
      }
      if (account.roles.length) {
        await prisma.meetingRole.createMany({
          data: account.roles.map(({ meeting, role }) => ({ meetingId: meetingId.get(meeting)!, userId, role })),
          skipDuplicates: true,
        });
      }
      if (account.speaker) {
        await prisma.speaker.updateMany({
          where: { meetingId: meetingId.get(account.speaker.meeting)!, slug: account.speaker.slug, OR: [{ userId: null }, { userId: { not: userId } }] },
          data: { userId },
        });
      }
    }),
  );
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<void> {
  const societyIds = await syncSocieties(prisma);
  for (const meeting of seededMeetings) {
    await prisma.$transaction((tx) => syncMeeting(tx, meeting, societyIds), { maxWait: 10_000, timeout: 60_000 });
  }
  // After the meetings: the questions belong to sessions the CME seed flagged SA-CME.
  await prisma.$transaction((tx) => syncSelfAssessmentQuestions(tx));
  for (const registration of [sirRegistration(sir2023), sioRegistration(sio2023)]) {
    await prisma.$transaction((tx) => syncRegistration(tx, registration));
  }
  if (options.demo) await syncDemoAccounts(prisma);
  if (options.demo) await prisma.$transaction((tx) => syncDemoRegistration(tx));
  if (options.demo) await prisma.$transaction((tx) => syncDemoAttendance(tx));
  if (options.demo) await prisma.$transaction((tx) => syncEvaluationAnswers(tx), { timeout: 30_000 });
  if (options.demo) await prisma.$transaction((tx) => syncDemoClaim(tx));
  // After the demo accounts: the demo reviewer's account takes its seeded reviews.
  await prisma.$transaction((tx) => syncAbstractCall(tx, sir2023), { timeout: 60_000 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { prisma } = await import("../app/utils/db.server");
  const started = performance.now();
  await seedDatabase(prisma, { demo: process.argv.includes("--demo") });
  console.log(`Seeded ${seededMeetings.map((m) => `${m.slug} (${m.sessions.length} sessions, ${m.speakers.length} speakers)`).join(" and ")} in ${Math.round(performance.now() - started)} ms.`);
  await prisma.$disconnect();
}
