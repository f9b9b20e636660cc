// The organizers' draft of a meeting's program: one ProgramDocument per meeting
// in AgendaDraft, which every console edit, the CSV import and the clash checks
// work on, and which publishing copies into the program tables. Attendees read
// only those tables, so nothing here is ever public until it is published.
//
// Two organizers may edit at once. Every change runs in a transaction that
// locks the draft row, so edits to different sessions never overwrite each
// other; an edit form also carries the revision of the one thing it edits, and
// if someone changed that thing since the form was opened, the save is refused
// with a clear message instead of silently undoing their work.
import { createHash } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { type Outcome, type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { movedOnePlace } from "~/utils/order";
import { type Actor, type AuditRecord, recordAudit } from "../meetings/audit.server";
import { diffPrograms } from "./changes";
import { presentationProblem, shiftPresentations } from "./presentations";
import { draftCreditProblem } from "../cme/designation";
import {
  allocateSlug,
  type DraftRoom,
  type DraftSession,
  type DraftSpeaker,
  type DraftTrack,
  normalizeProgram,
  parseProgramDocument,
  type ProgramDocument,
  programDocumentSchema,
  stableJson,
} from "./document";

type Db = Prisma.TransactionClient | typeof prisma;

/** The program as attendees see it now, read from the published tables. */
export async function readPublishedProgram(db: Db, meetingId: string): Promise<ProgramDocument> {
  const tracks = await db.track.findMany({
    where: { meetingId },
    select: { slug: true, name: true, description: true, colour: true, audience: true, position: true },
  });
  const rooms = await db.room.findMany({ where: { meetingId }, select: { name: true, kind: true, capacity: true, position: true } });
  const speakers = await db.speaker.findMany({
    where: { meetingId },
    select: { slug: true, name: true, credentials: true, affiliation: true, city: true, country: true, bio: true },
  });
  const sessions = await db.session.findMany({
    where: { meetingId },
    select: {
      slug: true,
      title: true,
      description: true,
      kind: true,
      learningLevel: true,
      startsAt: true,
      endsAt: true,
      room: { select: { name: true } },
      track: { select: { slug: true } },
      jointSociety: { select: { slug: true } },
      streamUrl: true,
      recordingUrl: true,
      capacity: true,
      status: true,
      cmeAccredited: true,
      creditQuarters: true,
      saCme: true,
      speakers: { select: { role: true, position: true, speaker: { select: { slug: true } } } },
      presentations: {
        select: { slug: true, title: true, startsAt: true, endsAt: true, speaker: { select: { slug: true } }, abstract: { select: { number: true } } },
      },
    },
  });
  return normalizeProgram({
    tracks,
    rooms,
    speakers,
    sessions: sessions.map(({ room, track, jointSociety, speakers: people, presentations, startsAt, endsAt, ...session }) => ({
      ...session,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      room: room?.name ?? null,
      track: track?.slug ?? null,
      jointSociety: jointSociety?.slug ?? null,
      speakers: people.map((entry) => ({ speaker: entry.speaker.slug, role: entry.role, position: entry.position })),
      presentations: presentations.map((talk) => ({
        slug: talk.slug,
        title: talk.title,
        startsAt: talk.startsAt.toISOString(),
        endsAt: talk.endsAt.toISOString(),
        speaker: talk.speaker?.slug ?? null,
        abstract: talk.abstract?.number ?? null,
      })),
    })),
  });
}

export function getPublishedProgram(meetingId: string): Promise<ProgramDocument> {
  return readPublishedProgram(prisma, meetingId);
}

export type Draft = { document: ProgramDocument; version: number; updatedAt: Date };

/**
 * The meeting's draft. The first time the console opens a meeting, the draft
 * starts as a copy of the published program (the program the seed or an
 * earlier system put in the tables counts as "release 0"; the first publish
 * from the console is release 1).
 */
export async function getDraft(meetingId: string): Promise<Draft> {
  const row = await prisma.agendaDraft.findUnique({ where: { meetingId }, select: { document: true, version: true, updatedAt: true } });
  if (row) return { document: parseProgramDocument(row.document), version: row.version, updatedAt: row.updatedAt };
  const document = await readPublishedProgram(prisma, meetingId);
  try {
    const created = await prisma.agendaDraft.create({
      data: { meetingId, document: document as unknown as Prisma.InputJsonValue },
      select: { version: true, updatedAt: true },
    });
    return { document, ...created };
  } catch (error) {
    // Two first visits at once: the other one created it; use theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return getDraft(meetingId);
    throw error;
  }
}

/** The unpublished changes: what publishing now would announce. */
export async function compareDraftWithPublished(meetingId: string) {
  const [draft, published] = await Promise.all([getDraft(meetingId), readPublishedProgram(prisma, meetingId)]);
  return { draft, published, changes: diffPrograms(published, draft.document) };
}

/** A short fingerprint of one thing in the draft, carried by its edit form to detect edits made meanwhile. */
export function revisionOf(value: unknown): string {
  return createHash("sha1").update(stableJson(value)).digest("base64url").slice(0, 16);
}

export type DraftResult<T = undefined> = { ok: true; version: number; value: T } | Refusal;
export type Edit<T> = { ok: true; document: ProgramDocument; audit: AuditRecord; value: T } | Refusal;

/**
 * An entry as a save verb takes it: the slug (its address) is the organizer's
 * choice, or left out, and the verb allocates one from the entry's name.
 */
export type WithChosenSlug<T extends { slug: string }> = Omit<T, "slug"> & { slug?: string };

const STALE = "Someone changed this in the draft after you opened it. Reload the page to see their version, then make your change again.";

/**
 * Applies one edit to the draft in a transaction: the draft row is locked
 * (SELECT … FOR UPDATE), the edit sees the latest document, the result is
 * validated as a whole, saved with version + 1, and audited — or nothing is.
 */
export async function changeDraft<T = undefined>(
  meetingId: string,
  actor: Actor,
  edit: (document: ProgramDocument) => Edit<T>,
  options: { expectedVersion?: number; staleMessage?: string } = {},
): Promise<DraftResult<T>> {
  await getDraft(meetingId);
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ document: unknown; version: number }[]>`
      SELECT "document", "version" FROM "AgendaDraft" WHERE "meetingId" = ${meetingId} FOR UPDATE`;
    if (!row) return refuse("NOT_FOUND", "This meeting has no draft.");
    if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) return refuse("CONFLICT", options.staleMessage ?? STALE);
    const result = edit(structuredClone(parseProgramDocument(row.document)));
    if (!result.ok) return result;
    const checked = programDocumentSchema.safeParse(normalizeProgram(result.document));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return refuse("INVALID", `The draft would not be valid: ${issue?.path.join(".")} ${issue?.message}`);
    }
    const overCredited = draftCreditProblem(checked.data);
    if (overCredited) return refuse("INVALID", overCredited);
    const version = row.version + 1;
    await tx.agendaDraft.update({
      where: { meetingId },
      data: { document: checked.data as unknown as Prisma.InputJsonValue, version, updatedAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, meetingId, actor, result.audit);
    return { ok: true as const, version, value: result.value };
  });
}

// --- Sessions ---------------------------------------------------------------

/** What the session form edits: everything but its speakers and its presentations, which have their own editors. */
export type SessionFields = Omit<DraftSession, "speakers" | "presentations">;

/**
 * Adds a session (no `original`) or saves an existing one, keeping its speakers.
 * A new session gets the slug chosen for it, else one made from its title; the
 * slug of a saved session never changes. The value is the session's slug.
 */
export function saveDraftSession(meetingId: string, actor: Actor, input: { original?: { slug: string; revision: string }; session: WithChosenSlug<SessionFields> }) {
  return changeDraft(meetingId, actor, (document) => {
    const { session } = input;
    if (session.room && !document.rooms.some((room) => room.name === session.room)) return refuse("INVALID", "Choose one of the meeting's rooms.", "room");
    if (session.track && !document.tracks.some((track) => track.slug === session.track)) return refuse("INVALID", "Choose one of the meeting's tracks.", "track");
    if (new Date(session.endsAt) <= new Date(session.startsAt)) return refuse("INVALID", "The session must end after it starts.", "end");
    if (!input.original) {
      if (document.sessions.some((existing) => existing.slug === session.slug)) return refuse("INVALID", "Another session already has this address; choose another.", "slug");
      const slug = allocateSlug(session.slug, session.title, document.sessions);
      document.sessions.push({ ...session, slug, speakers: [], presentations: [] });
      return { ok: true, document, value: slug, audit: { action: "session.create", summary: `Added session “${session.title}”`, details: { session: slug } } };
    }
    const index = document.sessions.findIndex((existing) => existing.slug === input.original!.slug);
    if (index === -1) return refuse("NOT_FOUND", "This session is no longer in the draft; someone may have removed it.");
    const before = document.sessions[index]!;
    if (revisionOf(before) !== input.original.revision) return refuse("CONFLICT", STALE);
    // A session moved to another time takes its talks along, each keeping its place and length.
    const shift = new Date(session.startsAt).getTime() - new Date(before.startsAt).getTime();
    const presentations = shiftPresentations(before.presentations, Number.isNaN(shift) ? 0 : shift);
    const after: DraftSession = { ...session, slug: before.slug, speakers: before.speakers, presentations };
    const talks = presentationProblem(after, new Set(document.speakers.map((speaker) => speaker.slug)));
    if (talks) return refuse("INVALID", `${talks} Shorten or move the presentations first.`, "end");
    document.sessions[index] = after;
    const fieldKeys = (Object.keys(session) as (keyof SessionFields | "speakers" | "presentations")[]).filter((key) => key !== "speakers" && key !== "presentations") as (keyof SessionFields)[];
    const changed = fieldKeys.filter((key) => stableJson(before[key]) !== stableJson(after[key]));
    return {
      ok: true,
      document,
      value: before.slug,
      audit: { action: "session.update", summary: `Edited session “${after.title}”${changed.length ? ` (${changed.join(", ")})` : " (no changes)"}`, details: { session: before.slug, changed } },
    };
  });
}

export function deleteDraftSession(meetingId: string, actor: Actor, slug: string) {
  return changeDraft(meetingId, actor, (document) => {
    const session = document.sessions.find((existing) => existing.slug === slug);
    if (!session) return refuse("NOT_FOUND", "This session is no longer in the draft.");
    document.sessions = document.sessions.filter((existing) => existing.slug !== slug);
    return { ok: true, document, value: undefined, audit: { action: "session.delete", summary: `Removed session “${session.title}”`, details: { session: slug } } };
  });
}

export type SpeakerEdit =
  | { intent: "add-speaker"; speaker: string; role: DraftSession["speakers"][number]["role"] }
  | { intent: "remove-speaker"; speaker: string; role: DraftSession["speakers"][number]["role"] }
  | { intent: "move-speaker"; speaker: string; role: DraftSession["speakers"][number]["role"]; direction: "up" | "down" };

/** Who speaks in a session, in which role and order. Order is per role: moderators, speakers and panelists each count from 0. */
export function editDraftSessionSpeakers(meetingId: string, actor: Actor, sessionSlug: string, edit: SpeakerEdit) {
  return changeDraft(meetingId, actor, (document) => {
    const session = document.sessions.find((existing) => existing.slug === sessionSlug);
    if (!session) return refuse("NOT_FOUND", "This session is no longer in the draft.");
    const speaker = document.speakers.find((existing) => existing.slug === edit.speaker);
    if (!speaker) return refuse("INVALID", "Choose one of the meeting's speakers.", "speaker");
    let sameRole = session.speakers.filter((entry) => entry.role === edit.role).sort((a, b) => a.position - b.position);
    const others = session.speakers.filter((entry) => entry.role !== edit.role);
    const at = sameRole.findIndex((entry) => entry.speaker === edit.speaker);
    let summary: string;
    if (edit.intent === "add-speaker") {
      if (at !== -1) return refuse("INVALID", `${speaker.name} already has this role in this session.`, "speaker");
      sameRole.push({ speaker: edit.speaker, role: edit.role, position: sameRole.length });
      summary = `Added ${speaker.name} as ${edit.role.toLowerCase()} to “${session.title}”`;
    } else if (edit.intent === "remove-speaker") {
      if (at === -1) return refuse("NOT_FOUND", `${speaker.name} no longer has this role in this session.`);
      sameRole.splice(at, 1);
      summary = `Removed ${speaker.name} (${edit.role.toLowerCase()}) from “${session.title}”`;
    } else {
      if (at === -1) return refuse("NOT_FOUND", `${speaker.name} no longer has this role in this session.`);
      const moved = movedOnePlace(sameRole, at, edit.direction);
      if (!moved) return refuse("INVALID", "They are already at that end of the list.");
      sameRole = moved;
      summary = `Moved ${speaker.name} ${edit.direction} among the ${edit.role.toLowerCase()}s of “${session.title}”`;
    }
    session.speakers = [...others, ...sameRole.map((entry, position) => ({ ...entry, position }))];
    return { ok: true, document, value: undefined, audit: { action: "session.speakers", summary, details: { session: sessionSlug, ...edit } } };
  });
}

// --- Tracks, rooms, speakers -------------------------------------------------

/**
 * Puts a track or a speaker into its list in the draft. A new one (no
 * `original`) gets the slug chosen for it, refused when another has it, else
 * one made from its name; a saved one keeps its place and its slug, refused when
 * it is gone or someone changed it since the form was opened.
 */
function putWithSlug<T extends { slug: string; name: string }>(
  list: T[],
  noun: "track" | "speaker",
  original: { slug: string; revision: string } | undefined,
  item: WithChosenSlug<T>,
): Outcome<{ added: boolean; slug: string }> {
  if (!original) {
    if (list.some((existing) => existing.slug === item.slug)) return refuse("INVALID", `Another ${noun} already has this address.`, "slug");
    const slug = allocateSlug(item.slug, item.name, list);
    list.push({ ...item, slug } as T);
    return { ok: true, added: true, slug };
  }
  const index = list.findIndex((existing) => existing.slug === original.slug);
  if (index === -1) return refuse("NOT_FOUND", `This ${noun} is no longer in the draft.`);
  if (revisionOf(list[index]) !== original.revision) return refuse("CONFLICT", STALE);
  list[index] = { ...item, slug: original.slug } as T;
  return { ok: true, added: false, slug: original.slug };
}

/** Adds a track (no `original`; its slug chosen, else made from its name) or saves one, whose slug never changes. */
export function saveDraftTrack(meetingId: string, actor: Actor, input: { original?: { slug: string; revision: string }; track: WithChosenSlug<DraftTrack> }) {
  return changeDraft(meetingId, actor, (document) => {
    const { track } = input;
    const put = putWithSlug(document.tracks, "track", input.original, track);
    if (!put.ok) return put;
    const audit = put.added ? { action: "track.create", summary: `Added track “${track.name}”` } : { action: "track.update", summary: `Edited track “${track.name}”` };
    return { ok: true, document, value: undefined, audit: { ...audit, details: { track: put.slug } } };
  });
}

export function deleteDraftTrack(meetingId: string, actor: Actor, slug: string) {
  return changeDraft(meetingId, actor, (document) => {
    const track = document.tracks.find((existing) => existing.slug === slug);
    if (!track) return refuse("NOT_FOUND", "This track is no longer in the draft.");
    const used = document.sessions.filter((session) => session.track === slug).length;
    if (used) return refuse("INVALID", `${used} session${used === 1 ? " is" : "s are"} in “${track.name}”. Move them to another track first.`);
    document.tracks = document.tracks.filter((existing) => existing.slug !== slug);
    return { ok: true, document, value: undefined, audit: { action: "track.delete", summary: `Removed track “${track.name}”`, details: { track: slug } } };
  });
}

/** Adds or edits a room or virtual channel. Renaming moves its sessions along (rooms are known by name). */
export function saveDraftRoom(meetingId: string, actor: Actor, input: { original?: { name: string; revision: string }; room: DraftRoom }) {
  return changeDraft(meetingId, actor, (document) => {
    const { room } = input;
    const clash = document.rooms.find((existing) => existing.name.toLowerCase() === room.name.toLowerCase() && existing.name !== input.original?.name);
    if (clash) return refuse("INVALID", "Another room already has this name.", "name");
    if (!input.original) {
      document.rooms.push(room);
      return { ok: true, document, value: undefined, audit: { action: "room.create", summary: `Added room “${room.name}”`, details: { room: room.name } } };
    }
    const index = document.rooms.findIndex((existing) => existing.name === input.original!.name);
    if (index === -1) return refuse("NOT_FOUND", "This room is no longer in the draft.");
    if (revisionOf(document.rooms[index]) !== input.original.revision) return refuse("CONFLICT", STALE);
    document.rooms[index] = room;
    if (room.name !== input.original.name) {
      for (const session of document.sessions) if (session.room === input.original.name) session.room = room.name;
    }
    const renamed = room.name !== input.original.name ? ` (renamed from “${input.original.name}”)` : "";
    return { ok: true, document, value: undefined, audit: { action: "room.update", summary: `Edited room “${room.name}”${renamed}`, details: { room: room.name, was: input.original.name } } };
  });
}

export function deleteDraftRoom(meetingId: string, actor: Actor, name: string) {
  return changeDraft(meetingId, actor, (document) => {
    if (!document.rooms.some((room) => room.name === name)) return refuse("NOT_FOUND", "This room is no longer in the draft.");
    const used = document.sessions.filter((session) => session.room === name).length;
    if (used) return refuse("INVALID", `${used} session${used === 1 ? " is" : "s are"} in “${name}”. Move them to another room first.`);
    document.rooms = document.rooms.filter((room) => room.name !== name);
    return { ok: true, document, value: undefined, audit: { action: "room.delete", summary: `Removed room “${name}”`, details: { room: name } } };
  });
}

/** Adds a speaker (no `original`; their slug chosen, else made from their name) or saves one, whose slug never changes. The value is the slug. */
export function saveDraftSpeaker(meetingId: string, actor: Actor, input: { original?: { slug: string; revision: string }; speaker: WithChosenSlug<DraftSpeaker> }) {
  return changeDraft(meetingId, actor, (document) => {
    const { speaker } = input;
    const put = putWithSlug(document.speakers, "speaker", input.original, speaker);
    if (!put.ok) return put;
    const audit = put.added ? { action: "speaker.create", summary: `Added speaker ${speaker.name}` } : { action: "speaker.update", summary: `Edited speaker ${speaker.name}` };
    return { ok: true, document, value: put.slug, audit: { ...audit, details: { speaker: put.slug } } };
  });
}

export function deleteDraftSpeaker(meetingId: string, actor: Actor, slug: string) {
  return changeDraft(meetingId, actor, (document) => {
    const speaker = document.speakers.find((existing) => existing.slug === slug);
    if (!speaker) return refuse("NOT_FOUND", "This speaker is no longer in the draft.");
    const used = document.sessions.filter((session) => session.speakers.some((entry) => entry.speaker === slug) || session.presentations.some((talk) => talk.speaker === slug)).length;
    if (used) return refuse("INVALID", `${speaker.name} speaks in ${used} session${used === 1 ? "" : "s"}. Take them off ${used === 1 ? "it" : "those"} first.`);
    document.speakers = document.speakers.filter((existing) => existing.slug !== slug);
    return { ok: true, document, value: undefined, audit: { action: "speaker.delete", summary: `Removed speaker ${speaker.name}`, details: { speaker: slug } } };
  });
}

/** Throws away every unpublished change: the draft becomes the published program again. */
export async function discardDraftChanges(meetingId: string, actor: Actor) {
  const published = await readPublishedProgram(prisma, meetingId);
  return changeDraft(meetingId, actor, () => ({
    ok: true,
    document: published,
    value: undefined,
    audit: { action: "draft.discard", summary: "Discarded the draft's unpublished changes" },
  }));
}
