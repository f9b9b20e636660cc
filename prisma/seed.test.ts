// These tests read a private copy of the template that global setup seeded with
// seedDatabase(prisma, { demo: true }), then seed it again.
import { afterAll, describe, expect, it } from "vitest";
import { openSeededCopy } from "../tests/seeded-copy";
import { verifyPassword } from "~/utils/password.server";
import { DEMO_PASSWORD, demoAccounts, seedDatabase, seededMeetings } from "./seed";
import { SELF_ASSESSMENT_SEED } from "./seed/self-assessment";
import { questionProblem } from "../app/models/cme/self-assessment";

const seededCopy = await openSeededCopy("seed");
const { prisma } = seededCopy;
afterAll(() => seededCopy.close());

const MEETINGS = ["sir-2023", "sio-2023"];

async function meeting(slug: string) {
  return prisma.meeting.findUniqueOrThrow({ where: { slug }, select: { id: true, timeZone: true, format: true, programVersion: true } });
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each(MEETINGS)("%s", (slug) => {
  it("has at least 150 sessions over at least 4 days of its zone, 8 tracks and 200 speakers", async () => {
    const { id } = await meeting(slug);
    const [counts] = await prisma.$queryRaw<{ sessions: number; days: number }[]>`
      SELECT count(*)::int AS sessions, count(DISTINCT (s."startsAt" AT TIME ZONE m."timeZone")::date)::int AS days
        FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId" WHERE m.id = ${id}`;
    expect(counts?.sessions).toBeGreaterThanOrEqual(150);
    expect(counts?.days).toBeGreaterThanOrEqual(4);
    expect(await prisma.track.count({ where: { meetingId: id } })).toBeGreaterThanOrEqual(8);
    expect(await prisma.speaker.count({ where: { meetingId: id } })).toBeGreaterThanOrEqual(200);
  });

  it("starts and ends every session within the meeting's dates in its zone", async () => {
    const { id } = await meeting(slug);
    const outside = await prisma.$queryRaw<{ slug: string }[]>`
      SELECT s.slug FROM "Session" s JOIN "Meeting" m ON m.id = s."meetingId"
       WHERE m.id = ${id}
         AND (s."endsAt" <= s."startsAt"
          OR (s."startsAt" AT TIME ZONE m."timeZone")::date NOT BETWEEN m."startsOn" AND m."endsOn"
          OR (s."endsAt" AT TIME ZONE m."timeZone")::date NOT BETWEEN m."startsOn" AND m."endsOn"
          OR extract(hour FROM s."startsAt" AT TIME ZONE m."timeZone") NOT BETWEEN 7 AND 18)`;
    expect(outside).toEqual([]);
  });

  it("double-books no room", async () => {
    const { id } = await meeting(slug);
    const clashes = await prisma.$queryRaw<{ a: string; b: string }[]>`
      SELECT a.slug AS a, b.slug AS b FROM "Session" a
        JOIN "Session" b ON b."roomId" = a."roomId" AND a.id < b.id AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"
       WHERE a."meetingId" = ${id}`;
    expect(clashes).toEqual([]);
  });

  it("double-books no speaker", async () => {
    const { id } = await meeting(slug);
    const clashes = await prisma.$queryRaw<{ speaker: string; a: string; b: string }[]>`
      SELECT x."speakerId" AS speaker, a.slug AS a, b.slug AS b
        FROM "SessionSpeaker" x
        JOIN "SessionSpeaker" y ON y."speakerId" = x."speakerId" AND x.id < y.id
        JOIN "Session" a ON a.id = x."sessionId"
        JOIN "Session" b ON b.id = y."sessionId"
       WHERE a."meetingId" = ${id} AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"`;
    expect(clashes).toEqual([]);
  });

  it("gives every session a slug, description, room, one moderator and one to five speakers", async () => {
    const { id, format } = await meeting(slug);
    const sessions = await prisma.session.findMany({
      where: { meetingId: id },
      select: { slug: true, description: true, roomId: true, streamUrl: true, kind: true, capacity: true, speakers: { select: { role: true } } },
    });
    for (const session of sessions) {
      expect(session.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(session.description.length, session.slug).toBeGreaterThan(20);
      expect(session.roomId, session.slug).not.toBeNull();
      expect(session.speakers.filter((s) => s.role === "MODERATOR"), session.slug).toHaveLength(1);
      const onStage = session.speakers.filter((s) => s.role !== "MODERATOR").length;
      expect(onStage, session.slug).toBeGreaterThanOrEqual(1);
      expect(onStage, session.slug).toBeLessThanOrEqual(5);
      if (format === "VIRTUAL") expect(session.streamUrl).toBe(`https://stream.example.org/${slug}/${session.slug}`);
      if (session.kind === "WORKSHOP") expect(session.capacity).toBeGreaterThanOrEqual(24);
    }
  });

  it("colours every track for AA contrast as text on white", async () => {
    const { id } = await meeting(slug);
    for (const { slug: track, colour } of await prisma.track.findMany({ where: { meetingId: id }, select: { slug: true, colour: true } })) {
      expect(colour, track).toMatch(/^#[0-9a-f]{6}$/);
      expect(1.05 / (luminance(colour) + 0.05), track).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("has joint sessions with CIRSE", async () => {
    const { id } = await meeting(slug);
    expect(await prisma.session.count({ where: { meetingId: id, jointSociety: { slug: "cirse" } } })).toBeGreaterThanOrEqual(1);
  });
});

describe("sir-2023", () => {
  it("is virtual on Phoenix time, in virtual channels", async () => {
    const { id, timeZone, format } = await meeting("sir-2023");
    expect({ timeZone, format }).toEqual({ timeZone: "America/Phoenix", format: "VIRTUAL" });
    expect(await prisma.room.count({ where: { meetingId: id, kind: { not: "VIRTUAL_CHANNEL" } } })).toBe(0);
    // Phoenix keeps MST (UTC-7) all year: 08:00 local is 15:00 UTC.
    const opening = await prisma.session.findFirstOrThrow({ where: { meetingId: id, title: "Opening Plenary and Presidential Address" }, select: { startsAt: true } });
    expect(opening.startsAt.toISOString()).toBe("2023-03-05T15:00:00.000Z");
  });

  it("has the medical-student and resident audience tracks", async () => {
    const { id } = await meeting("sir-2023");
    const tracks = await prisma.track.findMany({
      where: { meetingId: id, slug: { in: ["medical-students", "residents"] } },
      select: { slug: true, audience: true, _count: { select: { sessions: true } } },
      orderBy: { slug: "asc" },
    });
    expect(tracks.map(({ slug, audience }) => ({ slug, audience }))).toEqual([
      { slug: "medical-students", audience: "MEDICAL_STUDENTS" },
      { slug: "residents", audience: "RESIDENTS_FELLOWS" },
    ]);
    for (const track of tracks) expect(track._count.sessions).toBeGreaterThanOrEqual(10);
  });

  it("has the Dotter Lecture with its lecturer, and the Gold Medal presentation", async () => {
    const { id } = await meeting("sir-2023");
    const dotter = await prisma.session.findFirstOrThrow({
      where: { meetingId: id, kind: "NAMED_LECTURE", title: { contains: "Dotter" } },
      select: { speakers: { select: { role: true } } },
    });
    expect(dotter.speakers.map((s) => s.role).sort()).toEqual(["MODERATOR", "SPEAKER"]);
    expect(await prisma.session.count({ where: { meetingId: id, title: { contains: "Gold Medal" } } })).toBe(1);
  });

  it("has joint sessions with CIRSE and APSCVIR and no learning levels", async () => {
    const { id } = await meeting("sir-2023");
    const joint = await prisma.session.findMany({ where: { meetingId: id, jointSocietyId: { not: null } }, select: { jointSociety: { select: { slug: true } } } });
    expect(joint.map((s) => s.jointSociety!.slug)).toEqual(expect.arrayContaining(["cirse", "apscvir"]));
    expect(await prisma.session.count({ where: { meetingId: id, learningLevel: { not: null } } })).toBe(0);
  });
});

describe("sio-2023", () => {
  it("is in person in Chicago, a zone with DST", async () => {
    const { id, timeZone, format } = await meeting("sio-2023");
    expect({ timeZone, format }).toEqual({ timeZone: "America/Chicago", format: "IN_PERSON" });
    // CST in January: 08:00 local is 14:00 UTC.
    const opening = await prisma.session.findFirstOrThrow({ where: { meetingId: id, kind: "PLENARY", title: { startsWith: "Opening Plenary" } }, select: { startsAt: true } });
    expect(opening.startsAt.toISOString()).toBe("2023-01-27T14:00:00.000Z");
  });

  it("uses learning levels 100, 200 and 300 on every session but the socials", async () => {
    const { id } = await meeting("sio-2023");
    const levels = await prisma.session.groupBy({ by: ["learningLevel"], where: { meetingId: id, kind: { not: "SOCIAL" } }, _count: true });
    expect(levels.map((l) => l.learningLevel).sort()).toEqual([100, 200, 300]);
    for (const level of levels) expect(level._count).toBeGreaterThanOrEqual(20);
  });
});

describe.each(MEETINGS)("%s faculty disclosures", (slug) => {
  it("every speaker of an educational session disclosed, has an address, mostly with no relationships; some relevant ones, all mitigated", async () => {
    const speakers = await prisma.speaker.findMany({
      where: { meeting: { slug }, sessions: { some: { session: { kind: { not: "SOCIAL" } } } } },
      select: { email: true, disclosure: { select: { submittedAt: true, noRelationships: true, relationships: { select: { company: true, relevant: true, mitigation: true } }, versions: { select: { kind: true } } } } },
    });
    expect(speakers.length).toBeGreaterThan(100);
    for (const speaker of speakers) {
      expect(speaker.email).toMatch(/@faculty\.example\.org$/);
      expect(speaker.disclosure?.submittedAt).toBeInstanceOf(Date);
      expect(speaker.disclosure?.versions.map((v) => v.kind)).toContain("submitted");
    }
    const withRelationships = speakers.filter((speaker) => !speaker.disclosure!.noRelationships);
    expect(withRelationships.length).toBeGreaterThan(5);
    expect(withRelationships.length).toBeLessThan(speakers.length / 5);
    const relationships = withRelationships.flatMap((speaker) => speaker.disclosure!.relationships);
    expect(relationships.map((row) => row.company)).toContain("Meridian Vascular Devices");
    expect(relationships.some((row) => row.relevant === false)).toBe(true);
    for (const row of relationships.filter((row) => row.relevant)) expect(row.mitigation).toBeTruthy();
    expect(relationships.every((row) => row.relevant !== null)).toBe(true);
  });
});

describe("demo accounts", () => {
  it("exist with their roles, and the documented password verifies", async () => {
    for (const account of demoAccounts) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { passwordHash: true, isAdmin: true, meetingRoles: { select: { role: true, meeting: { select: { slug: true } } } } },
      });
      expect(user.isAdmin, account.email).toBe(account.isAdmin);
      const roles = user.meetingRoles.map((r) => ({ meeting: r.meeting.slug, role: r.role }));
      expect(roles, account.email).toHaveLength(account.roles.length);
      expect(roles, account.email).toEqual(expect.arrayContaining(account.roles));
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD), account.email).toBe(true);
    }
    const emails = demoAccounts.map((a) => a.email).sort();
    expect(emails).toEqual(["admin@example.org", "attendee@example.org", "door@example.org", "moderator@example.org", "organizer@example.org", "reviewer@example.org", "student@example.org"]);
    const moderator = await prisma.speaker.findFirst({ where: { user: { email: "moderator@example.org" } }, select: { meeting: { select: { slug: true } } } });
    expect(moderator?.meeting.slug).toBe("sir-2023");
  });
});

describe("seeding again", () => {
  async function snapshot() {
    const [societies, meetings, tracks, rooms, speakers, sessions, links, users, roles, selfAssessment] = await Promise.all([
      prisma.society.findMany({ orderBy: { id: "asc" } }),
      prisma.meeting.findMany({ orderBy: { id: "asc" } }),
      prisma.track.findMany({ orderBy: { id: "asc" } }),
      prisma.room.findMany({ orderBy: { id: "asc" } }),
      prisma.speaker.findMany({ orderBy: { id: "asc" } }),
      prisma.session.findMany({ orderBy: { id: "asc" } }),
      prisma.sessionSpeaker.findMany({ orderBy: { id: "asc" } }),
      prisma.user.findMany({ orderBy: { id: "asc" } }),
      prisma.meetingRole.findMany({ orderBy: { id: "asc" } }),
      prisma.selfAssessmentQuestion.findMany({ orderBy: { id: "asc" } }),
    ]);
    return { societies, meetings, tracks, rooms, speakers, sessions, links, users, roles, selfAssessment };
  }

  it("holds exactly the seed's data", async () => {
    for (const seed of seededMeetings) {
      const slugs = await prisma.session.findMany({ where: { meeting: { slug: seed.slug } }, select: { slug: true } });
      expect(slugs.map((s) => s.slug).sort()).toEqual(seed.sessions.map((s) => s.slug).sort());
    }
  });

  it("changes no row and keeps every id", async () => {
    const before = await snapshot();
    await seedDatabase(prisma, { demo: true });
    expect(await snapshot()).toEqual(before);
    for (const slug of MEETINGS) expect((await meeting(slug)).programVersion).toBe(1);
  });

  it("repairs edited seed rows in place", async () => {
    const session = await prisma.session.findFirstOrThrow({
      where: { meeting: { slug: "sir-2023" }, kind: "NAMED_LECTURE" },
      select: { id: true, title: true, speakers: { select: { id: true, speakerId: true, role: true }, orderBy: { position: "asc" } } },
    });
    const lecturer = session.speakers.find((s) => s.role === "SPEAKER")!;
    await prisma.session.update({ where: { id: session.id }, data: { title: "Renamed" } });
    await prisma.sessionSpeaker.delete({ where: { id: lecturer.id } });
    await seedDatabase(prisma, { demo: false });
    const after = await prisma.session.findUniqueOrThrow({ where: { id: session.id }, select: { title: true, speakers: { select: { speakerId: true, role: true } } } });
    expect(after.title).toBe(session.title);
    expect(after.speakers).toEqual(expect.arrayContaining([{ speakerId: lecturer.speakerId, role: "SPEAKER" }]));
    expect(after.speakers).toHaveLength(session.speakers.length);
  });
});

describe.each([
  ["sir-2023", "Society of Interventional Radiology"],
  ["sio-2023", "Society of Interventional Oncology"],
])("%s's CME", (slug, provider) => {
  it("has its credit designation with ACCME's wording, a maximum the program supports and a deadline months after the meeting", async () => {
    const row = await prisma.creditDesignation.findFirstOrThrow({ where: { meeting: { slug } }, include: { meeting: { select: { endsOn: true } } } });
    expect(row.provider).toBe(provider);
    expect(row.accreditationStatement).toBe(`The ${provider} is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians.`);
    expect(row.designationStatement).toContain(`maximum of ${(row.maxCreditQuarters / 4).toFixed(2)} AMA PRA Category 1 Credit(s)™`);
    // A multi-day meeting with parallel tracks: tens of credits, not hundreds.
    expect(row.maxCreditQuarters / 4).toBeGreaterThan(10);
    expect(row.maxCreditQuarters / 4).toBeLessThan(60);
    expect(row.claimDeadline.getTime() - row.meeting.endsOn.getTime()).toBeGreaterThan(60 * 86_400_000);
  });

  it("accredits the educational sessions, not the socials or industry items, with a few own credits and SA-CME sessions", async () => {
    const sessions = await prisma.session.findMany({ where: { meeting: { slug } }, select: { title: true, kind: true, cmeAccredited: true, creditQuarters: true, saCme: true } });
    expect(sessions.filter((session) => session.kind === "SOCIAL" && session.cmeAccredited)).toEqual([]);
    expect(sessions.filter((session) => /industry|exhibit/i.test(session.title) && session.cmeAccredited)).toEqual([]);
    expect(sessions.filter((session) => session.cmeAccredited).length).toBeGreaterThan(sessions.length * 0.8);
    expect(sessions.filter((session) => session.creditQuarters !== null).length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((session) => session.saCme).length).toBeGreaterThanOrEqual(2);
  });
});

describe("sir-2023's self-assessment", () => {
  it("gives each SA-CME session of the seed a few questions, each with a correct answer among its own and an explanation", async () => {
    const sessions = await prisma.session.findMany({
      where: { meeting: { slug: "sir-2023" }, saCme: true },
      select: { title: true, selfAssessmentQuestions: { select: { position: true, options: true, correctOption: true, explanation: true }, orderBy: { position: "asc" } } },
    });
    expect(sessions.map((session) => session.title).sort()).toEqual(Object.keys(SELF_ASSESSMENT_SEED).sort());
    for (const session of sessions) {
      expect(session.selfAssessmentQuestions.length, session.title).toBeGreaterThanOrEqual(3);
      expect(session.selfAssessmentQuestions.map((question) => question.position)).toEqual(session.selfAssessmentQuestions.map((_, index) => index));
      for (const question of session.selfAssessmentQuestions) {
        expect(questionProblem({ prompt: "seeded", ...question })).toBeNull();
      }
    }
    expect(await prisma.selfAssessmentAttempt.count()).toBe(0);
  });
});
