// For tests that need a release: edits sessions of a meeting's draft, by slug,
// as the console would, and publishes them as one release (clashes confirmed).
import { type Actor } from "../meetings/audit.server";
import { deleteDraftSession, getDraft, revisionOf, saveDraftSession, type SessionFields } from "./draft.server";
import { publishAgenda } from "./publish.server";

export type SessionEdits = Record<string, Partial<SessionFields> | "delete">;

export async function publishEdits(meetingId: string, organizer: Actor, edits: SessionEdits, now?: Date) {
  for (const [slug, edit] of Object.entries(edits)) {
    if (edit === "delete") {
      await deleteDraftSession(meetingId, organizer, slug);
      continue;
    }
    const session = (await getDraft(meetingId)).document.sessions.find((candidate) => candidate.slug === slug);
    if (!session) throw new Error(`The draft has no session ${slug}`);
    const { speakers: _speakers, ...fields } = session;
    const saved = await saveDraftSession(meetingId, organizer, { original: { slug, revision: revisionOf(session) }, session: { ...fields, ...edit } });
    if (!saved.ok) throw new Error(`Saving ${slug} was refused: ${saved.message}`);
  }
  const result = await publishAgenda(meetingId, organizer, { confirmClashes: true, now });
  if (!result.ok) throw new Error(`Publishing was refused: ${result.message}`);
  return result;
}
