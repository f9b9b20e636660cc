// A small meeting for the program's tests, created in the worker's own
// database under unique slugs so that test files never see each other's rows
// nor depend on the seed data.
import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";

export async function createProgramFixture(options: { timeZone?: string; startsOn?: string; endsOn?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const society = await prisma.society.create({
    data: { slug: `society-${tag}`, name: `Society of Testing ${tag}`, shortName: `SOT${tag}` },
    select: { id: true },
  });
  const partner = await prisma.society.create({
    data: { slug: `partner-${tag}`, name: "Cardiovascular and Interventional Radiological Society of Europe", shortName: "CIRSE", websiteUrl: "https://www.cirse.org" },
    select: { id: true },
  });
  const meeting = await prisma.meeting.create({
    data: {
      slug: `test-meeting-${tag}`,
      name: `Test Annual Scientific Meeting ${tag}`,
      societyId: society.id,
      startsOn: new Date(`${options.startsOn ?? "2023-03-04"}T00:00:00Z`),
      endsOn: new Date(`${options.endsOn ?? "2023-03-06"}T00:00:00Z`),
      timeZone: options.timeZone ?? "America/Phoenix",
      format: "VIRTUAL",
      description: "A meeting made by the tests.",
    },
    select: { id: true, slug: true, name: true, timeZone: true, startsOn: true, endsOn: true, programVersion: true },
  });
  const track = (slug: string, name: string, colour: string, position: number, audience: "EVERYONE" | "MEDICAL_STUDENTS" | "RESIDENTS_FELLOWS" = "EVERYONE") =>
    prisma.track.create({ data: { meetingId: meeting.id, slug, name, colour, position, audience }, select: { id: true, slug: true } });
  const oncology = await track("oncology", "Interventional Oncology", "#0f766e", 1);
  const students = await track("medical-students", "Medical Student Program", "#7e22ce", 2, "MEDICAL_STUDENTS");
  const residents = await track("residents", "Resident-in-Training Program", "#b45309", 3, "RESIDENTS_FELLOWS");
  const room = await prisma.room.create({ data: { meetingId: meeting.id, name: "Channel 1 – Main Stage", kind: "VIRTUAL_CHANNEL" }, select: { id: true } });

  const speaker = (slug: string, name: string, country: string) =>
    prisma.speaker.create({
      data: { meetingId: meeting.id, slug, name, country, credentials: "MD", affiliation: "Test University Hospital", city: "Testville", bio: `${name} tests things.` },
      select: { id: true, slug: true, name: true },
    });
  const lammer = await speaker("johannes-lammer", "Johannes Lammer", "Austria");
  const song = await speaker("ho-young-song", "Ho-Young Song", "Korea");
  const tan = await speaker("lenny-k-tan", "Lenny K. Tan", "Singapore");
  const reekers = await speaker("jim-a-reekers", "Jim A. Reekers", "Netherlands");

  const session = (data: {
    slug: string;
    title: string;
    description?: string;
    kind?: "PLENARY" | "NAMED_LECTURE" | "SCIENTIFIC_SESSION" | "ABSTRACT_SESSION" | "WORKSHOP" | "WEBINAR" | "SOCIAL";
    startsAt: string;
    endsAt: string;
    trackId?: string;
    learningLevel?: number;
    status?: "SCHEDULED" | "CANCELLED";
    jointSocietyId?: string;
  }) =>
    prisma.session.create({
      data: { meetingId: meeting.id, roomId: room.id, kind: "SCIENTIFIC_SESSION", description: "", ...data, startsAt: new Date(data.startsAt), endsAt: new Date(data.endsAt) },
      select: { id: true, slug: true, startsAt: true, endsAt: true },
    });

  // Times are UTC; the comments give them in America/Phoenix (UTC-7, no DST).
  const sessions = {
    // Sat Mar 4, 8:00–9:30 AM
    embolization: await session({
      slug: "uterine-fibroid-embolization",
      title: "Uterine Fibroid Embolization Update",
      description: "Outcomes of embolizations for fibroids.",
      startsAt: "2023-03-04T15:00:00Z",
      endsAt: "2023-03-04T16:30:00Z",
      trackId: oncology.id,
      learningLevel: 200,
      jointSocietyId: partner.id,
    }),
    // Sat Mar 4, 8:00–9:00 AM, parallel
    whyIr: await session({ slug: "why-ir", title: "Why IR? Career Paths", startsAt: "2023-03-04T15:00:00Z", endsAt: "2023-03-04T16:00:00Z", trackId: students.id, kind: "WORKSHOP" }),
    // Sat Mar 4, 8:00–9:00 PM: already March 5 in UTC, still March 4 in Phoenix
    evening: await session({ slug: "rfs-reception", title: "Resident Section Reception", startsAt: "2023-03-05T03:00:00Z", endsAt: "2023-03-05T04:00:00Z", trackId: residents.id, kind: "SOCIAL" }),
    // Sun Mar 5, 12:30–1:00 AM: late night, the next local day
    lateNight: await session({ slug: "late-night-cases", title: "Late Night Cases", startsAt: "2023-03-05T07:30:00Z", endsAt: "2023-03-05T08:00:00Z", trackId: oncology.id, learningLevel: 300 }),
    // Sun Mar 5, 10:00–11:00 AM, cancelled
    cancelled: await session({ slug: "liver-directed-therapy", title: "Liver-Directed Therapy Debate", startsAt: "2023-03-05T17:00:00Z", endsAt: "2023-03-05T18:00:00Z", trackId: oncology.id, status: "CANCELLED", learningLevel: 100 }),
    // Mon Mar 6, 9:00–10:00 AM
    dotter: await session({ slug: "dotter-lecture", title: "Dr. Charles T. Dotter Lecture", kind: "NAMED_LECTURE", startsAt: "2023-03-06T16:00:00Z", endsAt: "2023-03-06T17:00:00Z" }),
  };

  // Created out of role order on purpose: the page must still list moderators first.
  await prisma.sessionSpeaker.createMany({
    data: [
      { sessionId: sessions.embolization.id, speakerId: song.id, role: "PANELIST", position: 0 },
      { sessionId: sessions.embolization.id, speakerId: tan.id, role: "SPEAKER", position: 1 },
      { sessionId: sessions.embolization.id, speakerId: reekers.id, role: "SPEAKER", position: 0 },
      { sessionId: sessions.embolization.id, speakerId: lammer.id, role: "MODERATOR", position: 0 },
      { sessionId: sessions.dotter.id, speakerId: lammer.id, role: "SPEAKER", position: 0 },
      { sessionId: sessions.whyIr.id, speakerId: tan.id, role: "MODERATOR", position: 0 },
    ],
  });

  return { meeting, tracks: { oncology, students, residents }, speakers: { lammer, song, tan, reekers }, sessions };
}

export type ProgramFixture = Awaited<ReturnType<typeof createProgramFixture>>;
