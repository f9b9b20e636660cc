// Publishing: the one way the organizers' draft reaches attendees. One
// transaction locks the meeting row, so two organizers publishing at the same
// moment get one release each, numbered in the order they ran; it compares the
// draft with the published program, applies the difference to the program
// tables in place (rows keyed by slug keep their ids, so personal schedules and
// calendar UIDs survive; the Session trigger bumps `sequence` by itself), bumps
// Meeting.programVersion (the page cache's key), stores the immutable release
// with its changelog, and leaves a notice for everyone whose schedule holds a
// changed session, with the run that e-mails them once the digest window
// closes. Either all of that happens or none of it.
import { type Prisma } from "~/generated/prisma/client";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor, recordAudit } from "../meetings/audit.server";
import { getDraft, readPublishedProgram } from "./draft.server";
import { findClashes } from "./clashes";
import { draftCreditProblem } from "../cme/designation";
import { scheduleProgramDigest } from "./notices.server";
import { diffPrograms, groupBySession, type ProgramChange, type SessionChange } from "./changes";
import { documentPresentationProblem } from "./presentations";
import { abstractIdsByNumber, unknownAbstractProblem, writePresentations } from "./presentations.server";
import { type DraftSession, parseProgramDocument, type ProgramDocument, stableJson } from "./document";

type Tx = Prisma.TransactionClient;

export type PublishOptions = {
  note?: string;
  /** The organizer saw the clash list and publishes anyway. */
  confirmClashes?: boolean;
  /** The draft version the organizer reviewed; if the draft changed since, they review again. */
  expectedDraftVersion?: number;
  /** The clock (tests pin it): the release's and the notices' time. */
  now?: Date;
};

/** Published, or refused: the draft changed since it was reviewed (CONFLICT), is not valid, or has clashes not yet confirmed (INVALID, on `confirmClashes`). */
export type PublishResult = Outcome<{ release: { id: string; number: number }; changes: ProgramChange[]; notified: number }>;

export const NOTE_MAX_LENGTH = 2000;

/** What a person who has the session in their schedule is told about: where, when, whether, with whom, and what it is called. */
function isNotifiable(change: SessionChange): boolean {
  if (change.type === "added" || change.type === "credit") return false;
  if (change.type === "updated") return change.fields.includes("title");
  return true;
}

export async function publishAgenda(meetingId: string, actor: Actor, options: PublishOptions = {}): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const note = (options.note ?? "").trim().slice(0, NOTE_MAX_LENGTH);
  // Makes sure the draft row exists before the transaction (the first visit creates it).
  await getDraft(meetingId);
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Meeting" WHERE "id" = ${meetingId} FOR UPDATE`;
      if (!locked.length) return refuse("NOT_FOUND", "There is no such meeting.");
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { startsOn: true, endsOn: true, timeZone: true } });
      const draftRow = await tx.agendaDraft.findUniqueOrThrow({ where: { meetingId }, select: { document: true, version: true } });
      if (options.expectedDraftVersion !== undefined && draftRow.version !== options.expectedDraftVersion) {
        return refuse("CONFLICT", "The draft changed after you reviewed it (someone edited or imported meanwhile). Review the changes again, then publish.");
      }
      const draft = parseProgramDocument(draftRow.document);
      const problem = await checkReferences(tx, meetingId, draft);
      if (problem) return refuse("INVALID", problem);
      const clashes = findClashes(draft, meeting);
      if (clashes.length && !options.confirmClashes) {
        return refuse(
          "INVALID",
          `The draft has ${clashes.length} clash${clashes.length === 1 ? "" : "es"}. Look at them, then confirm that you want to publish anyway.`,
          "confirmClashes",
        );
      }

      const published = await readPublishedProgram(tx, meetingId);
      const changes = diffPrograms(published, draft);
      const keptOnRecord = await removedWithAttendance(tx, meetingId, published, draft);
      if (keptOnRecord) {
        return refuse("INVALID", `“${keptOnRecord}” has attendance on record for CME, so it cannot be taken out of the program. Cancel it instead: it stays listed as cancelled and its attendance is kept.`);
      }
      const last = await tx.agendaRelease.findFirst({ where: { meetingId }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (last?.number ?? 0) + 1;

      // Who to tell, read before the program changes: removing a session deletes its ScheduleItems.
      const notifiable = new Map<string, SessionChange[]>();
      for (const [slug, list] of groupBySession(changes)) {
        const told = list.filter(isNotifiable);
        if (told.length) notifiable.set(slug, told);
      }
      const followers = notifiable.size
        ? await tx.scheduleItem.findMany({
            where: { session: { meetingId, slug: { in: [...notifiable.keys()] } } },
            select: { userId: true, session: { select: { slug: true } } },
          })
        : [];

      if (changes.length) {
        await applyProgram(tx, meetingId, published, draft);
        await tx.meeting.update({ where: { id: meetingId }, data: { programVersion: { increment: 1 } }, select: { id: true } });
      }
      const release = await tx.agendaRelease.create({
        data: {
          meetingId,
          number,
          note,
          snapshot: draft as unknown as Prisma.InputJsonValue,
          changes: changes as unknown as Prisma.InputJsonValue,
          publishedById: actor.id,
          publishedByName: actor.name,
          createdAt: now,
        },
        select: { id: true, number: true },
      });
      if (followers.length) {
        await tx.programNotice.createMany({
          data: followers.map((item) => ({
            userId: item.userId,
            meetingId,
            releaseId: release.id,
            sessionSlug: item.session.slug,
            change: notifiable.get(item.session.slug) as unknown as Prisma.InputJsonValue,
            createdAt: now,
          })),
          skipDuplicates: true,
        });
        await scheduleProgramDigest(tx);
      }
      await recordAudit(tx, meetingId, actor, {
        action: "release.publish",
        summary: `Published release ${number} (${changes.length} change${changes.length === 1 ? "" : "s"}${clashes.length ? `, ${clashes.length} clashes confirmed` : ""})`,
        details: { release: number, changes: changes.length, clashes: clashes.length, notified: followers.length, note },
      });
      return { ok: true, release, changes, notified: followers.length } as const;
    },
    // A first publish of a large program touches hundreds of rows; the default 5 s is too tight on a busy machine.
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** The draft's references must resolve before anything is written: rooms, tracks, speakers, partner societies and cited abstracts; and presentations must fit their sessions. */
async function checkReferences(tx: Tx, meetingId: string, draft: ProgramDocument): Promise<string | null> {
  const rooms = new Set(draft.rooms.map((room) => room.name));
  const tracks = new Set(draft.tracks.map((track) => track.slug));
  const speakers = new Set(draft.speakers.map((speaker) => speaker.slug));
  const societySlugs = [...new Set(draft.sessions.map((session) => session.jointSociety).filter((slug): slug is string => slug !== null))];
  const societies = new Set((await tx.society.findMany({ where: { slug: { in: societySlugs } }, select: { slug: true } })).map((society) => society.slug));
  for (const session of draft.sessions) {
    if (session.room && !rooms.has(session.room)) return `“${session.title}” is in a room that is not in the draft: ${session.room}.`;
    if (session.track && !tracks.has(session.track)) return `“${session.title}” is in a track that is not in the draft: ${session.track}.`;
    if (session.jointSociety && !societies.has(session.jointSociety)) return `“${session.title}” names an unknown partner society: ${session.jointSociety}.`;
    const unknown = session.speakers.find((entry) => !speakers.has(entry.speaker));
    if (unknown) return `“${session.title}” lists a speaker who is not in the draft: ${unknown.speaker}.`;
    if (new Date(session.endsAt) <= new Date(session.startsAt)) return `“${session.title}” ends before it starts.`;
  }
  const talks = documentPresentationProblem(draft) ?? unknownAbstractProblem(draft, await abstractIdsByNumber(tx, meetingId, draft));
  if (talks) return talks;
  // Never more credit than minutes: a draft saved before a length check, or edited around it, is stopped here.
  return draftCreditProblem(draft);
}

/**
 * The title of a session the draft takes out of the program although people
 * attended it (online or in the room), evaluated it, claimed credit for it or
 * took its self-assessment: that record is kept for ACCME, and the database
 * refuses to delete it with the session.
 */
async function removedWithAttendance(tx: Tx, meetingId: string, published: ProgramDocument, draft: ProgramDocument): Promise<string | null> {
  const kept = new Set(draft.sessions.map((session) => session.slug));
  const removed = published.sessions.filter((session) => !kept.has(session.slug)).map((session) => session.slug);
  if (!removed.length) return null;
  const attended = await tx.session.findFirst({
    where: { meetingId, slug: { in: removed }, OR: [
        { attendanceIntervals: { some: {} } },
        { checkIns: { some: {} } },
        { evaluationResponses: { some: {} } },
        { claimedIn: { some: {} } },
        { selfAssessmentAttempts: { some: {} } },
      ],
    },
    select: { title: true },
  });
  return attended?.title ?? null;
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/**
 * Makes the program tables say what `draft` says, touching only rows that
 * differ. New things are created before sessions point at them; removed
 * things are deleted after no session points at them any more.
 */
async function applyProgram(tx: Tx, meetingId: string, published: ProgramDocument, draft: ProgramDocument) {
  const oldTracks = new Map(published.tracks.map((track) => [track.slug, track]));
  for (const track of draft.tracks) {
    const previous = oldTracks.get(track.slug);
    if (!previous) await tx.track.create({ data: { meetingId, ...track }, select: { id: true } });
    else if (!same(previous, track)) await tx.track.update({ where: { meetingId_slug: { meetingId, slug: track.slug } }, data: track, select: { id: true } });
  }
  const oldRooms = new Map(published.rooms.map((room) => [room.name, room]));
  for (const room of draft.rooms) {
    const previous = oldRooms.get(room.name);
    if (!previous) await tx.room.create({ data: { meetingId, ...room }, select: { id: true } });
    else if (!same(previous, room)) await tx.room.update({ where: { meetingId_name: { meetingId, name: room.name } }, data: room, select: { id: true } });
  }
  const oldSpeakers = new Map(published.speakers.map((speaker) => [speaker.slug, speaker]));
  for (const speaker of draft.speakers) {
    const previous = oldSpeakers.get(speaker.slug);
    if (!previous) await tx.speaker.create({ data: { meetingId, ...speaker }, select: { id: true } });
    else if (!same(previous, speaker)) await tx.speaker.update({ where: { meetingId_slug: { meetingId, slug: speaker.slug } }, data: speaker, select: { id: true } });
  }

  const ids = async () => {
    const [tracks, rooms, speakers] = [
      await tx.track.findMany({ where: { meetingId }, select: { id: true, slug: true } }),
      await tx.room.findMany({ where: { meetingId }, select: { id: true, name: true } }),
      await tx.speaker.findMany({ where: { meetingId }, select: { id: true, slug: true } }),
    ];
    return {
      track: new Map(tracks.map((row) => [row.slug, row.id])),
      room: new Map(rooms.map((row) => [row.name, row.id])),
      speaker: new Map(speakers.map((row) => [row.slug, row.id])),
    };
  };
  const idOf = await ids();
  const abstractId = await abstractIdsByNumber(tx, meetingId, draft);
  const societySlugs = [...new Set(draft.sessions.map((session) => session.jointSociety).filter((slug): slug is string => slug !== null))];
  const societyId = new Map((await tx.society.findMany({ where: { slug: { in: societySlugs } }, select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));

  const columns = (session: DraftSession) => ({
    title: session.title,
    description: session.description,
    kind: session.kind,
    learningLevel: session.learningLevel,
    startsAt: new Date(session.startsAt),
    endsAt: new Date(session.endsAt),
    roomId: session.room ? idOf.room.get(session.room)! : null,
    trackId: session.track ? idOf.track.get(session.track)! : null,
    jointSocietyId: session.jointSociety ? societyId.get(session.jointSociety)! : null,
    streamUrl: session.streamUrl,
    recordingUrl: session.recordingUrl,
    capacity: session.capacity,
    status: session.status,
    cmeAccredited: session.cmeAccredited,
    creditQuarters: session.creditQuarters,
    saCme: session.saCme,
  });

  const oldSessions = new Map(published.sessions.map((session) => [session.slug, session]));
  for (const session of draft.sessions) {
    const previous = oldSessions.get(session.slug);
    // Presentations have their own table: a talk retimed inside a session does not update (nor re-sequence) the session's row.
    const { speakers: people, presentations: talks, ...fields } = session;
    let sessionId: string;
    let peopleChanged = true;
    if (!previous) {
      sessionId = (await tx.session.create({ data: { meetingId, slug: session.slug, ...columns(session) }, select: { id: true } })).id;
    } else {
      const { speakers: oldPeople, presentations: oldTalks, ...oldFields } = previous;
      const where = { meetingId_slug: { meetingId, slug: session.slug } };
      if (!same(oldFields, fields)) await tx.session.update({ where, data: columns(session), select: { id: true } });
      peopleChanged = !same(oldPeople, people);
      if (!peopleChanged && same(oldTalks, talks)) continue;
      sessionId = (await tx.session.findUniqueOrThrow({ where, select: { id: true } })).id;
      if (peopleChanged) await tx.sessionSpeaker.deleteMany({ where: { sessionId } });
    }
    if (peopleChanged && people.length) {
      await tx.sessionSpeaker.createMany({
        data: people.map((entry) => ({ sessionId, speakerId: idOf.speaker.get(entry.speaker)!, role: entry.role, position: entry.position })),
      });
    }
    if (!previous || !same(previous.presentations, talks)) await writePresentations(tx, sessionId, talks, { speaker: idOf.speaker, abstract: abstractId });
  }

  // What the published program has and the draft no longer does goes, found by its key (a slug; a room's name).
  const dropped = (published: string[], draft: string[]) => {
    const kept = new Set(draft);
    return published.filter((key) => !kept.has(key));
  };
  const slugs = (items: { slug: string }[]) => items.map((item) => item.slug);
  const removedSessions = dropped(slugs(published.sessions), slugs(draft.sessions));
  if (removedSessions.length) await tx.session.deleteMany({ where: { meetingId, slug: { in: removedSessions } } });
  const removedSpeakers = dropped(slugs(published.speakers), slugs(draft.speakers));
  if (removedSpeakers.length) await tx.speaker.deleteMany({ where: { meetingId, slug: { in: removedSpeakers } } });
  const removedRooms = dropped(published.rooms.map((room) => room.name), draft.rooms.map((room) => room.name));
  if (removedRooms.length) await tx.room.deleteMany({ where: { meetingId, name: { in: removedRooms } } });
  const removedTracks = dropped(slugs(published.tracks), slugs(draft.tracks));
  if (removedTracks.length) await tx.track.deleteMany({ where: { meetingId, slug: { in: removedTracks } } });
}

// --- Reading releases ----------------------------------------------------------

export type ReleaseSummary = {
  id: string;
  number: number;
  note: string;
  publishedByName: string;
  createdAt: Date;
  changes: ProgramChange[];
};

/** Every release of a meeting, newest first, with its changelog (not its snapshot, which can be large). */
export async function listReleases(meetingId: string, options: { take?: number } = {}): Promise<ReleaseSummary[]> {
  const rows = await prisma.agendaRelease.findMany({
    where: { meetingId },
    select: { id: true, number: true, note: true, publishedByName: true, createdAt: true, changes: true },
    orderBy: { number: "desc" },
    take: options.take,
  });
  return rows.map((row) => ({ ...row, changes: row.changes as unknown as ProgramChange[] }));
}

/** How many people's schedules hold a session the draft changes: "publishing will notify N people". */
export async function countFollowers(meetingId: string, sessionSlugs: string[]): Promise<number> {
  if (!sessionSlugs.length) return 0;
  const rows = await prisma.scheduleItem.findMany({
    where: { session: { meetingId, slug: { in: sessionSlugs } } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.length;
}

export { isNotifiable };
