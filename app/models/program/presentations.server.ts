// Publishing a session's presentations into the Presentation table: the draft
// cites presenters by speaker slug and abstracts by their number in the
// meeting's call; the table holds ids. Rows are keyed by (session, slug) and
// updated in place, so a talk that is retimed keeps its id.
import { type Prisma } from "~/generated/prisma/client";
import { type DraftPresentation, type ProgramDocument } from "./document";

type Tx = Prisma.TransactionClient;

/** The meeting's abstracts the draft cites, by number: one query for the whole publish. */
export async function abstractIdsByNumber(tx: Tx, meetingId: string, draft: ProgramDocument): Promise<Map<number, string>> {
  const numbers = [...new Set(draft.sessions.flatMap((session) => session.presentations.map((talk) => talk.abstract)).filter((number): number is number => number !== null))];
  if (!numbers.length) return new Map();
  const rows = await tx.abstract.findMany({ where: { call: { meetingId }, number: { in: numbers } }, select: { id: true, number: true } });
  return new Map(rows.map((row) => [row.number!, row.id]));
}

/** A presentation citing an abstract number the meeting's call does not have, as a message, or null. */
export function unknownAbstractProblem(draft: ProgramDocument, abstracts: ReadonlyMap<number, string>): string | null {
  for (const session of draft.sessions) {
    const talk = session.presentations.find((candidate) => candidate.abstract !== null && !abstracts.has(candidate.abstract));
    if (talk) return `The presentation “${talk.title}” in “${session.title}” cites abstract ${talk.abstract}, which the meeting's call does not have.`;
  }
  return null;
}

/** Makes the session's Presentation rows say what the draft says: upserts by slug, deletes the ones gone. */
export async function writePresentations(
  tx: Tx,
  sessionId: string,
  talks: readonly DraftPresentation[],
  ids: { speaker: ReadonlyMap<string, string>; abstract: ReadonlyMap<number, string> },
) {
  await tx.presentation.deleteMany({ where: { sessionId, slug: { notIn: talks.map((talk) => talk.slug) } } });
  for (const talk of talks) {
    const data = {
      title: talk.title,
      startsAt: new Date(talk.startsAt),
      endsAt: new Date(talk.endsAt),
      speakerId: talk.speaker ? ids.speaker.get(talk.speaker)! : null,
      abstractId: talk.abstract !== null ? ids.abstract.get(talk.abstract)! : null,
    };
    await tx.presentation.upsert({
      where: { sessionId_slug: { sessionId, slug: talk.slug } },
      create: { sessionId, slug: talk.slug, ...data },
      update: data,
      select: { id: true },
    });
  }
  // A presenter who came from an abstract is asked for their disclosure at the
  // presenting author's address when the program has none for them yet.
  const presented = talks.flatMap((talk) => (talk.speaker && talk.abstract !== null ? [{ speakerId: ids.speaker.get(talk.speaker)!, abstractId: ids.abstract.get(talk.abstract)! }] : []));
  if (presented.length) {
    const authors = await tx.abstractAuthor.findMany({
      where: { abstractId: { in: presented.map((talk) => talk.abstractId) }, presenting: true, email: { not: null } },
      select: { abstractId: true, email: true },
    });
    const emailOf = new Map(authors.map((author) => [author.abstractId, author.email]));
    for (const { speakerId, abstractId } of presented) {
      const email = emailOf.get(abstractId);
      if (email) await tx.speaker.updateMany({ where: { id: speakerId, email: null }, data: { email } });
    }
  }
  // The session's calendar event describes its talks: LAST-MODIFIED moves with them (the trigger sets updatedAt; SEQUENCE stays, as for any description).
  await tx.session.update({ where: { id: sessionId }, data: { updatedAt: new Date() }, select: { id: true } });
}
