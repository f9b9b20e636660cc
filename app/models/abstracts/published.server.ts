// The published abstracts of a meeting, read through the one rule of
// published.ts: the gallery's posters (searched and filtered here, in memory:
// a meeting has a few hundred posters and the text to search is JSON), one
// poster by number, and every abstract of the book.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { BookAbstract } from "./book";
import { type PrintedAbstract } from "./printed";
import { printedAbstract, printedAbstractSelect } from "./printed-select.server";
import { matchesSearch, publishedWhere } from "./published";

const printedSelect = {
  id: true,
  ...printedAbstractSelect,
  decision: true,
  // The gallery filters and orders by topic too.
  topic: { select: { slug: true, name: true, position: true } },
} satisfies Prisma.AbstractSelect;

const posterSelect = {
  ...printedSelect,
  poster: { select: { fileName: true, contentType: true, size: true, board: true, presenterStartsAt: true, presenterEndsAt: true, storageKey: true } },
} satisfies Prisma.AbstractSelect;

type PrintedRow = Prisma.AbstractGetPayload<{ select: typeof printedSelect }>;
type PosterRow = Prisma.AbstractGetPayload<{ select: typeof posterSelect }>;

function printed(row: PrintedRow): PrintedAbstract & { number: number } {
  return { ...printedAbstract(row), number: row.number ?? 0 };
}

export type GalleryPoster = ReturnType<typeof galleryPoster>;

function galleryPoster(row: PosterRow) {
  const presenter = row.authors.find((author) => author.presenting) ?? row.authors[0] ?? null;
  const file = row.poster?.storageKey && row.poster.contentType ? { contentType: row.poster.contentType, size: row.poster.size ?? 0, fileName: row.poster.fileName ?? "poster" } : null;
  return {
    ...printed(row),
    kind: row.decision === "EPOSTER" ? ("EPOSTER" as const) : ("POSTER" as const),
    topicSlug: row.topic?.slug ?? null,
    presenter: presenter && { name: presenter.name, institution: presenter.institution },
    file,
    board: row.poster?.board ?? null,
    presenterHours: row.poster?.presenterStartsAt && row.poster.presenterEndsAt ? { startsAt: row.poster.presenterStartsAt, endsAt: row.poster.presenterEndsAt } : null,
  };
}

export type GalleryFilters = { q?: string; topic?: string; kind?: "POSTER" | "EPOSTER" };

/** The meeting's published posters in number order, those matching `filters`, and how many there are in all. */
export async function galleryPosters(meetingId: string, filters: GalleryFilters = {}) {
  const rows = await prisma.abstract.findMany({
    where: { ...publishedWhere("gallery"), call: { meetingId } },
    select: posterSelect,
    orderBy: { number: "asc" },
  });
  const all = rows.map(galleryPoster);
  const shown = all.filter(
    (poster) => (!filters.topic || poster.topicSlug === filters.topic) && (!filters.kind || poster.kind === filters.kind) && matchesSearch(poster, filters.q ?? ""),
  );
  return { total: all.length, posters: shown };
}

/** One published poster by its number, or null (unpublished, withdrawn, oral, or none). */
export async function publishedPoster(meetingId: string, number: number) {
  if (!Number.isSafeInteger(number)) return null;
  const row = await prisma.abstract.findFirst({ where: { ...publishedWhere("gallery"), number, call: { meetingId } }, select: posterSelect });
  return row && galleryPoster(row);
}

/** Where a published poster's file is stored, for the file route; null when it is not public or has no file. */
export async function publishedPosterFile(meetingId: string, number: number) {
  if (!Number.isSafeInteger(number)) return null;
  const row = await prisma.abstract.findFirst({
    where: { ...publishedWhere("gallery"), number, call: { meetingId }, poster: { storageKey: { not: null } } },
    select: { poster: { select: { storageKey: true, fileName: true, contentType: true, uploadedAt: true } } },
  });
  const poster = row?.poster;
  return poster?.storageKey && poster.contentType ? { storageKey: poster.storageKey, fileName: poster.fileName ?? "poster", contentType: poster.contentType, uploadedAt: poster.uploadedAt } : null;
}

/** The call's topics, for the gallery's filter. */
export function callTopics(meetingId: string) {
  return prisma.abstractTopic.findMany({ where: { call: { meetingId } }, select: { slug: true, name: true }, orderBy: { position: "asc" } });
}

/** Every abstract of the book: orals with their place in the published program, posters and e-posters. */
export async function bookAbstracts(meetingId: string): Promise<BookAbstract[]> {
  const rows = await prisma.abstract.findMany({
    where: { ...publishedWhere("book"), call: { meetingId } },
    select: {
      ...printedSelect,
      presentations: {
        where: { session: { meetingId } },
        select: { startsAt: true, endsAt: true, session: { select: { slug: true, title: true, startsAt: true, endsAt: true, room: { select: { name: true } } } } },
        orderBy: { startsAt: "asc" },
        take: 1,
      },
    },
    orderBy: { number: "asc" },
  });
  return rows.map((row) => {
    const presentation = row.presentations[0];
    return {
      ...printed(row),
      decision: row.decision as BookAbstract["decision"],
      topicPosition: row.topic?.position ?? Number.MAX_SAFE_INTEGER,
      presentation: presentation
        ? { startsAt: presentation.startsAt, endsAt: presentation.endsAt, session: { ...presentation.session, room: presentation.session.room?.name ?? null } }
        : null,
    };
  });
}
