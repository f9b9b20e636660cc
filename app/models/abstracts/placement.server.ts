// Placing accepted orals into the abstract sessions of the draft program,
// before anyone is told: the chairs see whether the talks fit the sessions the
// organizers made (pretalx #2150 asks for scheduling before bulk acceptance).
// A placed oral is a presentation in its session with its own times, laid end
// to end from the session's start in the chosen order, and its presenting
// author is one of the session's speakers. Every change goes through
// changeDraft (locked, versioned, audited); nothing is published here.
import { type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { type Actor } from "../meetings/audit.server";
import { allocateSlug, type DraftPresentation, type DraftSession, type ProgramDocument } from "../program/document";
import { changeDraft, type DraftResult } from "../program/draft.server";
import { presentingAuthorSelect } from "./printed-select.server";
import { movedOnePlace } from "~/utils/order";

export { DEFAULT_SLOT_MINUTES } from "./placement-defaults";
const MINUTE = 60_000;

/** The session and place of an abstract (by number) in the draft, if placed. */
export function placementOf(document: ProgramDocument, number: number) {
  for (const session of document.sessions) {
    const talk = session.presentations.find((presentation) => presentation.abstract === number);
    if (talk) return { session, talk };
  }
  return null;
}

const byStart = (a: DraftPresentation, b: DraftPresentation) => a.startsAt.localeCompare(b.startsAt) || a.slug.localeCompare(b.slug);
const minutesOf = (talk: DraftPresentation) => new Date(talk.endsAt).getTime() - new Date(talk.startsAt).getTime();

/** The talks in this order, end to end from the session's start, each keeping its length. */
function layOut(session: DraftSession, ordered: DraftPresentation[]): DraftPresentation[] {
  let at = new Date(session.startsAt).getTime();
  return ordered.map((talk) => {
    const length = minutesOf(talk);
    const placed = { ...talk, startsAt: new Date(at).toISOString(), endsAt: new Date(at + length).toISOString() };
    at += length;
    return placed;
  });
}

function runsPastEnd(session: DraftSession, talks: DraftPresentation[]) {
  const last = talks.at(-1);
  return !!last && new Date(last.endsAt).getTime() > new Date(session.endsAt).getTime();
}

/** The speaker in the session's role SPEAKER, dropped when no other talk of the session is theirs. */
function dropSpeakerIfIdle(session: DraftSession, speaker: string | null) {
  if (!speaker || session.presentations.some((talk) => talk.speaker === speaker)) return;
  const speakers = session.speakers.filter((entry) => !(entry.speaker === speaker && entry.role === "SPEAKER"));
  let position = 0;
  session.speakers = speakers.map((entry) => (entry.role === "SPEAKER" ? { ...entry, position: position++ } : entry));
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

type Presenter = { name: string; institution: string; country: string | null; city: string | null };

/** Reuses the draft's speaker with the same name and affiliation, else adds one; the value is the slug. */
function presenterSlug(document: ProgramDocument, presenter: Presenter): string {
  const existing = document.speakers.find((speaker) => same(speaker.name, presenter.name) && same(speaker.affiliation, presenter.institution));
  if (existing) return existing.slug;
  const slug = allocateSlug(undefined, presenter.name, document.speakers);
  document.speakers.push({
    slug,
    name: presenter.name.trim(),
    credentials: null,
    affiliation: presenter.institution.trim() || null,
    city: presenter.city?.trim() || null,
    // The program requires a country; an author who gave none is shown as such rather than guessed.
    country: presenter.country?.trim() || "Not given",
    bio: "",
  });
  return slug;
}

async function oralToPlace(meetingId: string, abstractId: string): Promise<Refusal | { ok: true; number: number; title: string; presenter: Presenter }> {
  const abstract = await prisma.abstract.findFirst({
    where: { id: abstractId, call: { meetingId } },
    select: {
      number: true,
      title: true,
      status: true,
      decision: true,
      authors: presentingAuthorSelect({ name: true, institution: true, country: true, city: true }),
    },
  });
  if (!abstract || abstract.number === null) return refuse("NOT_FOUND", "There is no such abstract in this meeting's call.");
  if (abstract.status === "WITHDRAWN") return refuse("CONFLICT", `Abstract ${abstract.number} was withdrawn by its authors.`);
  if (abstract.decision !== "ORAL") return refuse("CONFLICT", `Abstract ${abstract.number} is not proposed as an oral: propose it as oral first.`);
  const presenter = abstract.authors[0];
  if (!presenter) return refuse("CONFLICT", `Abstract ${abstract.number} has no presenting author.`);
  return { ok: true, number: abstract.number, title: abstract.title, presenter };
}

/**
 * Appends the oral to an abstract session of the draft, `minutes` long, after
 * the talks already there; refused when the session is not an abstract
 * session, is cancelled, or would run past its end, or the abstract is placed already.
 */
export async function placeOral(meetingId: string, actor: Actor, input: { abstractId: string; session: string; minutes: number }): Promise<DraftResult<{ startsAt: string }>> {
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 120) return refuse("INVALID", "A talk lasts from 1 to 120 minutes.", "minutes");
  const oral = await oralToPlace(meetingId, input.abstractId);
  if (!oral.ok) return oral;
  return changeDraft(meetingId, actor, (document) => {
    const session = document.sessions.find((existing) => existing.slug === input.session);
    if (!session) return refuse("NOT_FOUND", "This session is no longer in the draft.", "session");
    if (session.kind !== "ABSTRACT_SESSION") return refuse("INVALID", `“${session.title}” is not an abstract session.`, "session");
    if (session.status === "CANCELLED") return refuse("CONFLICT", `“${session.title}” is cancelled.`, "session");
    const already = placementOf(document, oral.number);
    if (already) return refuse("CONFLICT", `Abstract ${oral.number} is already placed in “${already.session.title}”. Unplace it first.`);
    const speaker = presenterSlug(document, oral.presenter);
    const ordered = [...session.presentations].sort(byStart);
    const talk: DraftPresentation = {
      slug: allocateSlug(undefined, `abstract-${oral.number}`, session.presentations),
      title: oral.title,
      startsAt: session.startsAt,
      endsAt: new Date(new Date(session.startsAt).getTime() + input.minutes * MINUTE).toISOString(),
      speaker,
      abstract: oral.number,
    };
    const talks = layOut(session, [...ordered, talk]);
    if (runsPastEnd(session, talks)) {
      return refuse("CONFLICT", `“${session.title}” is full: a ${input.minutes}-minute talk after the ${ordered.length} already there would run past its end.`, "session");
    }
    session.presentations = talks;
    if (!session.speakers.some((entry) => entry.speaker === speaker && entry.role === "SPEAKER")) {
      session.speakers.push({ speaker, role: "SPEAKER", position: session.speakers.filter((entry) => entry.role === "SPEAKER").length });
    }
    return {
      ok: true,
      document,
      value: { startsAt: talks.at(-1)!.startsAt },
      audit: { action: "abstract.place", summary: `Placed abstract ${oral.number} in “${session.title}”`, details: { abstract: oral.number, session: session.slug } },
    };
  });
}

/** Removes the abstract's talk from its session (times of the rest close up); nothing to do when it is not placed. */
export function unplaceInDocument(document: ProgramDocument, number: number): DraftSession | null {
  const placed = placementOf(document, number);
  if (!placed) return null;
  const { session, talk } = placed;
  session.presentations = layOut(session, session.presentations.filter((other) => other !== talk).sort(byStart));
  dropSpeakerIfIdle(session, talk.speaker);
  return session;
}

export function unplaceOral(meetingId: string, actor: Actor, number: number) {
  return changeDraft(meetingId, actor, (document) => {
    const session = unplaceInDocument(document, number);
    if (!session) return refuse("NOT_FOUND", `Abstract ${number} is not placed in the draft.`);
    return { ok: true, document, value: undefined, audit: { action: "abstract.unplace", summary: `Took abstract ${number} out of “${session.title}”`, details: { abstract: number, session: session.slug } } };
  });
}

/** Swaps the talk with the one before or after it; the times follow the new order. */
export function moveOral(meetingId: string, actor: Actor, number: number, direction: "up" | "down") {
  return changeDraft(meetingId, actor, (document) => {
    const placed = placementOf(document, number);
    if (!placed) return refuse("NOT_FOUND", `Abstract ${number} is not placed in the draft.`);
    const ordered = [...placed.session.presentations].sort(byStart);
    const at = ordered.indexOf(placed.talk);
    const moved = movedOnePlace(ordered, at, direction);
    if (!moved) return refuse("INVALID", "It is already at that end of its session.");
    placed.session.presentations = layOut(placed.session, moved);
    return {
      ok: true,
      document,
      value: undefined,
      audit: { action: "abstract.move", summary: `Moved abstract ${number} ${direction} in “${placed.session.title}”`, details: { abstract: number, session: placed.session.slug, direction } },
    };
  });
}
