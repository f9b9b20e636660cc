// One session of the program, with everything its page shows.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { type PrintedAbstract } from "../abstracts/printed";
import { printedAbstract, printedAbstractSelect } from "../abstracts/printed-select.server";

/**
 * The order a session bills its people in, wherever they are listed. Enum
 * order is declaration order: moderators, then speakers, then panelists.
 */
export const sessionSpeakerOrder: Prisma.SessionSpeakerOrderByWithRelationInput[] = [{ role: "asc" }, { position: "asc" }];

/** The fields every view of a session starts from: the page, the live page, calendars, the frab export. */
export const sessionCoreSelect = { id: true, slug: true, title: true, description: true, kind: true, startsAt: true, endsAt: true } as const;

export function getSession(meetingId: string, slug: string) {
  return prisma.session.findUnique({
    where: { meetingId_slug: { meetingId, slug } },
    select: {
      ...sessionCoreSelect,
      learningLevel: true,
      status: true,
      capacity: true,
      streamUrl: true,
      recordingUrl: true,
      room: { select: { name: true, kind: true } },
      track: { select: { slug: true, name: true, colour: true, audience: true } },
      jointSociety: { select: { name: true, shortName: true, websiteUrl: true } },
      speakers: {
        select: {
          role: true,
          speaker: { select: { slug: true, name: true, credentials: true, affiliation: true, country: true } },
        },
        orderBy: sessionSpeakerOrder,
      },
      presentations: { select: presentationSelect, orderBy: [{ startsAt: "asc" }, { slug: "asc" }] },
    },
  });
}

/** A talk as the session page shows it: presenter and, for an abstract talk, the abstract as it prints. */
const presentationSelect = {
  slug: true,
  title: true,
  startsAt: true,
  endsAt: true,
  speaker: { select: { slug: true, name: true } },
  abstract: { select: printedAbstractSelect },
} satisfies Prisma.PresentationSelect;

type PresentationRow = Prisma.PresentationGetPayload<{ select: typeof presentationSelect }>;

/** The abstract a talk presents, in the shape AbstractText prints, or null for an invited talk. */
export function printedAbstractOf(talk: PresentationRow): PrintedAbstract | null {
  return talk.abstract && printedAbstract(talk.abstract);
}

export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSession>>>;
