// The poster's file and place. The submitter of a published poster or
// e-poster uploads (or replaces, or removes) its file, a PDF, PNG or JPEG
// checked by content and size (upload.server.ts); organizers give each poster
// its board and its presenter's hours, or number all boards by topic at once.
// A refused file leaves nothing behind: no row, no stored file.
import { prisma } from "~/utils/db.server";
import { deleteProof, MAX_POSTER_BYTES, storeProof, type ProofProblem } from "~/utils/upload.server";
import { refuse, type Outcome } from "../refusal";
import { boardNumbers } from "./boards";
import { presentingAuthorSelect } from "./printed-select.server";
import { isPublished, publishableSelect, publishedWhere } from "./published";

export const POSTER_PROBLEM_MESSAGES: Record<ProofProblem, string> = {
  empty: "Choose the poster file to upload.",
  "too-large": "The poster is larger than 20 MB. Export it at a lower resolution, or as a PDF.",
  "wrong-type": "Upload the poster as a PDF, PNG or JPEG. This file is not one, whatever its name says.",
};

const presenterSelect = {
  id: true,
  title: true,
  ...publishableSelect,
  poster: { select: { fileName: true, contentType: true, size: true, uploadedAt: true, storageKey: true, board: true, presenterStartsAt: true, presenterEndsAt: true } },
} as const;

/** The submitter's abstract with its poster; NOT_FOUND when it is not theirs, CONFLICT when it is not a published poster. */
export async function presenterPoster(userId: string, meetingId: string, abstractId: string) {
  const abstract = await prisma.abstract.findFirst({ where: { id: abstractId, submitterId: userId, call: { meetingId } }, select: presenterSelect });
  if (!abstract) return refuse("NOT_FOUND", "There is no such abstract of yours in this meeting.");
  if (!isPublished(abstract, "gallery")) {
    return refuse("CONFLICT", "Only an abstract accepted as a poster or e-poster, with its decision sent, has a poster to upload.");
  }
  return { ok: true as const, abstract };
}

/** Stores the file and points the poster at it; the file it replaces is deleted after the row is saved. */
export async function uploadPoster(userId: string, meetingId: string, abstractId: string, file: { bytes: Uint8Array; name: string } | null): Promise<Outcome<{ number: number }>> {
  const found = await presenterPoster(userId, meetingId, abstractId);
  if (!found.ok) return found;
  if (!file) return refuse("INVALID", POSTER_PROBLEM_MESSAGES.empty, "poster");
  const stored = await storeProof(file.bytes, file.name, MAX_POSTER_BYTES);
  if (!stored.ok) return refuse("INVALID", POSTER_PROBLEM_MESSAGES[stored.problem], "poster");
  const fields = { ...stored.stored, uploadedAt: new Date() };
  let previous: string | null;
  try {
    // The replaced key is read under the row's lock, so two uploads at once each delete the file the other replaced, never leaving one behind.
    previous = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ storageKey: string | null }[]>`SELECT "storageKey" FROM "Poster" WHERE "abstractId" = ${abstractId} FOR UPDATE`;
      await tx.poster.upsert({ where: { abstractId }, create: { abstractId, ...fields }, update: fields, select: { id: true } });
      return rows[0]?.storageKey ?? null;
    });
  } catch (error) {
    await deleteProof(stored.stored.storageKey);
    throw error;
  }
  if (previous) await deleteProof(previous);
  return { ok: true, number: found.abstract.number ?? 0 };
}

/** Takes the file down (the board and hours stay). */
export async function removePosterFile(userId: string, meetingId: string, abstractId: string): Promise<Outcome> {
  const found = await presenterPoster(userId, meetingId, abstractId);
  if (!found.ok) return found;
  const previous = found.abstract.poster?.storageKey;
  if (!previous) return refuse("CONFLICT", "There is no poster file to remove.");
  await prisma.poster.update({ where: { abstractId }, data: { storageKey: null, fileName: null, contentType: null, size: null, uploadedAt: null }, select: { id: true } });
  await deleteProof(previous);
  return { ok: true };
}

/** Every published poster with its board, hours and whether its file is in, by number. */
export function posterBoards(meetingId: string) {
  return prisma.abstract.findMany({
    where: { ...publishedWhere("gallery"), call: { meetingId } },
    select: {
      id: true,
      number: true,
      title: true,
      decision: true,
      topic: { select: { name: true, position: true } },
      authors: presentingAuthorSelect({ name: true }),
      poster: { select: { board: true, presenterStartsAt: true, presenterEndsAt: true, storageKey: true } },
    },
    orderBy: { number: "asc" },
  });
}

export type PosterPlace = { board: string | null; presenterStartsAt: Date | null; presenterEndsAt: Date | null };

/** Sets one poster's board and presenter's hours. */
export async function placePoster(meetingId: string, abstractId: string, place: PosterPlace): Promise<Outcome> {
  const abstract = await prisma.abstract.findFirst({ where: { ...publishedWhere("gallery"), id: abstractId, call: { meetingId } }, select: { id: true } });
  if (!abstract) return refuse("NOT_FOUND", "There is no such accepted poster in this meeting.");
  if ((place.presenterStartsAt === null) !== (place.presenterEndsAt === null)) return refuse("INVALID", "Give both the start and the end of the presenter's hours, or neither.", "end");
  if (place.presenterStartsAt && place.presenterEndsAt && place.presenterEndsAt <= place.presenterStartsAt) {
    return refuse("INVALID", "The presenter's hours must end after they start.", "end");
  }
  await prisma.poster.upsert({ where: { abstractId }, create: { abstractId, ...place }, update: place, select: { id: true } });
  return { ok: true };
}

/** Numbers every published poster's board by topic (boards.ts), in one transaction; returns how many. */
export async function numberBoardsByTopic(meetingId: string): Promise<number> {
  const posters = await posterBoards(meetingId);
  const boards = boardNumbers(
    posters.map((poster) => ({ abstractId: poster.id, number: poster.number ?? 0, kind: poster.decision === "EPOSTER" ? "EPOSTER" : "POSTER", topicPosition: poster.topic?.position ?? Number.MAX_SAFE_INTEGER })),
  );
  await prisma.$transaction(
    [...boards].map(([abstractId, board]) => prisma.poster.upsert({ where: { abstractId }, create: { abstractId, board }, update: { board }, select: { id: true } })),
  );
  return boards.size;
}
