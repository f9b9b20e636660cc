// The speaker directory and speaker pages.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { sessionListSelect } from "./agenda.server";
import { type SpeakerQuery } from "./program";

/** Countries of the meeting's speakers with how many come from each, most first. */
export async function listSpeakerCountries(meetingId: string) {
  const rows = await prisma.speaker.groupBy({
    by: ["country"],
    where: { meetingId },
    _count: { _all: true },
    orderBy: [{ _count: { country: "desc" } }, { country: "asc" }],
  });
  return rows.map((row) => ({ country: row.country, speakers: row._count._all }));
}

// Who a speaker is, as the directory lists them and their own page heads it.
const speakerCardSelect = {
  slug: true,
  name: true,
  credentials: true,
  affiliation: true,
  city: true,
  country: true,
} satisfies Prisma.SpeakerSelect;

/** "Jim A. Reekers" → "reekers jim a.": directories are read by surname. */
function surnameFirst(name: string): string {
  const words = name.trim().split(/\s+/);
  return [words[words.length - 1], ...words.slice(0, -1)].join(" ").toLowerCase();
}

/** The directory, filtered by country and by a part of the name; alphabetical by surname. */
export async function listSpeakers(meetingId: string, query: SpeakerQuery) {
  const where: Prisma.SpeakerWhereInput = { meetingId };
  if (query.country) where.country = query.country;
  if (query.q) where.name = { contains: query.q, mode: "insensitive" };
  const speakers = await prisma.speaker.findMany({
    where,
    select: {
      ...speakerCardSelect,
      _count: { select: { sessions: true } },
    },
    orderBy: [{ name: "asc" }],
  });
  const collator = new Intl.Collator("en", { sensitivity: "base" });
  return speakers.sort((a, b) => collator.compare(surnameFirst(a.name), surnameFirst(b.name)));
}

export function getSpeaker(meetingId: string, slug: string) {
  return prisma.speaker.findUnique({
    where: { meetingId_slug: { meetingId, slug } },
    select: {
      ...speakerCardSelect,
      bio: true,
      sessions: {
        select: { role: true, session: { select: sessionListSelect } },
        orderBy: [{ session: { startsAt: "asc" } }],
      },
      // The talks they present inside sessions (accepted orals, invited talks).
      presentations: {
        select: { slug: true, title: true, startsAt: true, abstract: { select: { number: true } }, session: { select: sessionListSelect } },
        orderBy: [{ startsAt: "asc" }],
      },
    },
  });
}
