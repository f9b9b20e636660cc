// What changed between two versions of a program, in the words of a changelog:
// sessions added, removed, moved (time), re-roomed, cancelled, reinstated,
// speakers changed, other details updated, CME credit changed; and tracks, rooms and speakers
// added, removed or updated. The publish step stores this list with each
// release; the changelog, the comparison before publishing and the e-mails all
// render it with describeChange. Pure, so pages can use it in the browser too.
import { creditsLabel, designatedQuarters, formatCredits } from "../cme/credit";
import { ROLE_LABELS } from "./program";
import { type DraftSession, type ProgramDocument, sessionBySlug, speakerBySlug, stableJson } from "./document";
import { describePresentationDelta, diffPresentations, presentationOldNew, type PresentationState } from "./presentations";
import { formatDay, formatTimeRange, dayKeyOf, zoneAbbreviation } from "~/utils/time";

export type SessionTime = { startsAt: string; endsAt: string };
type SessionRef = { session: string; title: string };
export type SpeakerMention = { name: string; role: DraftSession["speakers"][number]["role"] };

export type SessionChange =
  | (SessionRef & { type: "added"; startsAt: string; endsAt: string; room: string | null })
  | (SessionRef & { type: "removed"; startsAt: string; endsAt: string; room: string | null })
  | (SessionRef & { type: "moved"; from: SessionTime; to: SessionTime })
  | (SessionRef & { type: "re-roomed"; from: string | null; to: string | null })
  | (SessionRef & { type: "cancelled"; startsAt: string; endsAt: string })
  | (SessionRef & { type: "reinstated"; startsAt: string; endsAt: string })
  | (SessionRef & { type: "speakers"; added: SpeakerMention[]; removed: SpeakerMention[] })
  | (SessionRef & { type: "updated"; fields: SessionField[]; previousTitle?: string })
  | (SessionRef & { type: "credit"; from: CreditState; to: CreditState })
  /** A talk inside the session added (no `before`), removed (no `after`), retimed, renamed or re-presented. */
  | (SessionRef & { type: "presentation"; presentation: string; before: PresentationState | null; after: PresentationState | null });

/** A session's CME credit as learners see it: whether accredited, the credit in quarter hours (its own or its length's), SA-CME. */
export type CreditState = { accredited: boolean; quarters: number; saCme: boolean; followsLength: boolean };

function creditState(session: DraftSession): CreditState {
  return { accredited: session.cmeAccredited, quarters: designatedQuarters(session), saCme: session.saCme, followsLength: session.creditQuarters === null };
}

/**
 * The credit change between two versions of a session, or null. A length
 * change moves a credit that follows the length, and learners are told; a
 * session accredited in neither version changes only if its stored figures do.
 */
function creditChange(before: DraftSession, after: DraftSession): { from: CreditState; to: CreditState } | null {
  const from = creditState(before);
  const to = creditState(after);
  const stored = before.cmeAccredited !== after.cmeAccredited || before.creditQuarters !== after.creditQuarters || before.saCme !== after.saCme;
  if (!from.accredited && !to.accredited) return stored ? { from, to } : null;
  return stored || from.quarters !== to.quarters ? { from, to } : null;
}

export type EntityChange = {
  type: "entity";
  entity: "track" | "room" | "speaker";
  action: "added" | "removed" | "updated";
  key: string;
  name: string;
};

export type ProgramChange = SessionChange | EntityChange;

/** Fields whose change is reported as "updated" (time, room, status and speakers have their own kinds). */
export const SESSION_FIELD_LABELS = {
  title: "title",
  description: "description",
  kind: "kind",
  learningLevel: "learning level",
  track: "track",
  jointSociety: "joint society",
  streamUrl: "stream link",
  recordingUrl: "recording link",
  capacity: "seats",
} as const;
export type SessionField = keyof typeof SESSION_FIELD_LABELS;

export function isSessionChange(change: ProgramChange): change is SessionChange {
  return change.type !== "entity";
}

const speakerKey = (entry: { speaker: string; role: string }) => `${entry.role}:${entry.speaker}`;

function sameEntity(a: object, b: object): boolean {
  return stableJson(a) === stableJson(b);
}

function diffSession(before: DraftSession, after: DraftSession, speakerNames: (slug: string) => string): SessionChange[] {
  const ref = { session: after.slug, title: after.title };
  const changes: SessionChange[] = [];
  const timeChanged = new Date(before.startsAt).getTime() !== new Date(after.startsAt).getTime() || new Date(before.endsAt).getTime() !== new Date(after.endsAt).getTime();
  if (before.status !== after.status) {
    changes.push({ ...ref, type: after.status === "CANCELLED" ? "cancelled" : "reinstated", startsAt: after.startsAt, endsAt: after.endsAt });
  }
  if (timeChanged) {
    changes.push({ ...ref, type: "moved", from: { startsAt: before.startsAt, endsAt: before.endsAt }, to: { startsAt: after.startsAt, endsAt: after.endsAt } });
  }
  if (before.room !== after.room) changes.push({ ...ref, type: "re-roomed", from: before.room, to: after.room });

  const beforeSpeakers = new Set(before.speakers.map(speakerKey));
  const afterSpeakers = new Set(after.speakers.map(speakerKey));
  const added = after.speakers.filter((entry) => !beforeSpeakers.has(speakerKey(entry)));
  const removed = before.speakers.filter((entry) => !afterSpeakers.has(speakerKey(entry)));
  if (added.length || removed.length) {
    const mention = (entry: { speaker: string; role: SpeakerMention["role"] }) => ({ name: speakerNames(entry.speaker), role: entry.role });
    changes.push({ ...ref, type: "speakers", added: added.map(mention), removed: removed.map(mention) });
  }

  const fields = (Object.keys(SESSION_FIELD_LABELS) as SessionField[]).filter((field) => before[field] !== after[field]);
  if (fields.length) changes.push({ ...ref, type: "updated", fields, ...(fields.includes("title") ? { previousTitle: before.title } : {}) });
  const credit = creditChange(before, after);
  if (credit) changes.push({ ...ref, type: "credit", ...credit });
  for (const delta of diffPresentations(before, after, speakerNames)) {
    changes.push({ ...ref, type: "presentation", presentation: delta.slug, before: delta.before, after: delta.after });
  }
  return changes;
}

function diffEntities<T extends object>(
  entity: EntityChange["entity"],
  before: T[],
  after: T[],
  key: (item: T) => string,
  name: (item: T) => string,
): EntityChange[] {
  const old = new Map(before.map((item) => [key(item), item]));
  const next = new Map(after.map((item) => [key(item), item]));
  const changes: EntityChange[] = [];
  for (const [k, item] of next) {
    const previous = old.get(k);
    if (!previous) changes.push({ type: "entity", entity, action: "added", key: k, name: name(item) });
    else if (!sameEntity(previous, item)) changes.push({ type: "entity", entity, action: "updated", key: k, name: name(item) });
  }
  for (const [k, item] of old) if (!next.has(k)) changes.push({ type: "entity", entity, action: "removed", key: k, name: name(item) });
  return changes;
}

/**
 * Every change from `before` to `after`: sessions first in the order of the
 * new program (removed ones at their old time), then tracks, rooms and speakers.
 * Ordering of lists inside the documents does not matter, only their contents.
 */
export function diffPrograms(before: ProgramDocument, after: ProgramDocument): ProgramChange[] {
  const oldSessions = sessionBySlug(before);
  const newSessions = sessionBySlug(after);
  const names = new Map([...speakerBySlug(before), ...speakerBySlug(after)].map(([slug, speaker]) => [slug, speaker.name]));
  const speakerNames = (slug: string) => names.get(slug) ?? slug;

  const timed: { at: string; changes: SessionChange[] }[] = [];
  for (const session of newSessions.values()) {
    const previous = oldSessions.get(session.slug);
    if (!previous) {
      timed.push({
        at: session.startsAt,
        changes: [{ type: "added", session: session.slug, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, room: session.room }],
      });
    } else {
      const changes = diffSession(previous, session, speakerNames);
      if (changes.length) timed.push({ at: session.startsAt, changes });
    }
  }
  for (const session of oldSessions.values()) {
    if (newSessions.has(session.slug)) continue;
    timed.push({
      at: session.startsAt,
      changes: [{ type: "removed", session: session.slug, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, room: session.room }],
    });
  }
  timed.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || a.changes[0]!.session.localeCompare(b.changes[0]!.session));

  return [
    ...timed.flatMap((entry) => entry.changes),
    ...diffEntities("track", before.tracks, after.tracks, (track) => track.slug, (track) => track.name),
    ...diffEntities("room", before.rooms, after.rooms, (room) => room.name, (room) => room.name),
    ...diffEntities("speaker", before.speakers, after.speakers, (speaker) => speaker.slug, (speaker) => speaker.name),
  ];
}

/** The changes grouped by session, in order: what one person is told about one session. */
export function groupBySession(changes: ProgramChange[]): Map<string, SessionChange[]> {
  const groups = new Map<string, SessionChange[]>();
  for (const change of changes) {
    if (!isSessionChange(change)) continue;
    groups.set(change.session, [...(groups.get(change.session) ?? []), change]);
  }
  return groups;
}

export type ChangeCounts = Record<"added" | "removed" | "moved" | "reRoomed" | "cancelled" | "speakers" | "other", number>;

export function countChanges(changes: ProgramChange[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, moved: 0, reRoomed: 0, cancelled: 0, speakers: 0, other: 0 };
  for (const change of changes) {
    if (change.type === "added") counts.added++;
    else if (change.type === "removed") counts.removed++;
    else if (change.type === "moved") counts.moved++;
    else if (change.type === "re-roomed") counts.reRoomed++;
    else if (change.type === "cancelled") counts.cancelled++;
    else if (change.type === "speakers") counts.speakers++;
    else counts.other++;
  }
  return counts;
}

/** "Sat, Mar 4, 8:00–9:30 AM MST" */
export function formatWhen(time: SessionTime, zone: string): string {
  const start = new Date(time.startsAt);
  return `${formatDay(dayKeyOf(start, zone), "short")}, ${formatTimeRange(start, new Date(time.endsAt), zone)} ${zoneAbbreviation(zone, start)}`;
}

const roomText = (room: string | null) => room ?? "no room (to be announced)";

function listMentions(mentions: SpeakerMention[]): string {
  return mentions.map((mention) => `${mention.name} (${ROLE_LABELS[mention.role].one.toLowerCase()})`).join(", ");
}

/** One line about one change, for people: the changelog, the comparison, the e-mails. */
export function describeChange(change: ProgramChange, zone: string): string {
  switch (change.type) {
    case "added":
      return `Added: ${formatWhen(change, zone)}, ${roomText(change.room)}`;
    case "removed":
      return `Removed from the program (was ${formatWhen(change, zone)})`;
    case "moved":
      return `Moved from ${formatWhen(change.from, zone)} to ${formatWhen(change.to, zone)}`;
    case "re-roomed":
      return `Room changed from ${roomText(change.from)} to ${roomText(change.to)}`;
    case "cancelled":
      return `Cancelled (was ${formatWhen(change, zone)})`;
    case "reinstated":
      return `Back on the program: ${formatWhen(change, zone)}`;
    case "speakers": {
      const parts = [];
      if (change.added.length) parts.push(`added ${listMentions(change.added)}`);
      if (change.removed.length) parts.push(`removed ${listMentions(change.removed)}`);
      return `Speakers changed: ${parts.join("; ")}`;
    }
    case "updated": {
      const fields = change.fields.map((field) => SESSION_FIELD_LABELS[field]).join(", ");
      return change.previousTitle ? `Renamed from “${change.previousTitle}”${change.fields.length > 1 ? `; also changed ${fields.replace(/^title, ?/, "")}` : ""}` : `Details changed: ${fields}`;
    }
    case "credit":
      return describeCredit(change.from, change.to);
    case "presentation":
      return describePresentationDelta(change, zone);
    case "entity": {
      const what = { track: "Track", room: "Room", speaker: "Speaker" }[change.entity];
      return `${what} ${change.action}: ${change.name}`;
    }
  }
}

/** A short label for the kind of change (badges in lists). */
export const CHANGE_LABELS: Record<ProgramChange["type"], string> = {
  added: "Added",
  removed: "Removed",
  moved: "Moved",
  "re-roomed": "New room",
  cancelled: "Cancelled",
  reinstated: "Reinstated",
  speakers: "Speakers",
  updated: "Updated",
  credit: "CME credit",
  presentation: "Presentation",
  entity: "Program",
};

/** "CME credit 1.00 → 1.50, follows the new length", and its kin for accrediting, withdrawing and SA-CME. */
export function describeCredit(from: CreditState, to: CreditState): string {
  if (!from.accredited && to.accredited) return `Accredited for CME: ${creditsLabel(to.quarters)}${to.saCme ? ", SA-CME" : ""}`;
  if (from.accredited && !to.accredited) return `No longer accredited for CME (was ${creditsLabel(from.quarters)})`;
  const parts: string[] = [];
  if (from.quarters !== to.quarters) {
    const follows = to.followsLength ? (from.followsLength ? ", follows the new length" : ", follows the length") : "";
    parts.push(`CME credit ${formatCredits(from.quarters)} → ${formatCredits(to.quarters)}${follows}`);
  } else if (from.followsLength !== to.followsLength) {
    parts.push(to.followsLength ? `CME credit follows the length (${formatCredits(to.quarters)})` : `CME credit set to ${formatCredits(to.quarters)}`);
  }
  if (from.saCme !== to.saCme) parts.push(to.saCme ? "now counts as SA-CME" : "no longer counts as SA-CME");
  // Neither version accredited: only the stored figures changed.
  if (!to.accredited) return `CME credit changed (not accredited): ${parts.join("; ") || formatCredits(to.quarters)}`;
  return parts.join("; ");
}


/**
 * Several releases' changes to one session (oldest first) folded into what
 * changed overall: a session moved twice reads as one move from where it was to
 * where it is; a change undone by a later release (moved back, cancelled then
 * reinstated, a speaker added then removed) is no change. What a person who
 * last looked before the first of them is told.
 */
export function netSessionChanges(changes: readonly SessionChange[]): SessionChange[] {
  if (!changes.length) return [];
  const removed = changes.findLast((change) => change.type === "removed");
  if (removed) return [removed];
  const ref = { session: changes[0]!.session, title: changes[changes.length - 1]!.title };
  const net: SessionChange[] = [];

  const statuses = changes.filter((change) => change.type === "cancelled" || change.type === "reinstated");
  const lastStatus = statuses[statuses.length - 1];
  // The status before the first of them is the opposite of what it changed to.
  if (lastStatus && statuses[0]!.type === lastStatus.type) net.push({ ...lastStatus, title: ref.title });

  const moves = changes.filter((change) => change.type === "moved");
  if (moves.length) {
    const from = moves[0]!.from;
    const to = moves[moves.length - 1]!.to;
    if (new Date(from.startsAt).getTime() !== new Date(to.startsAt).getTime() || new Date(from.endsAt).getTime() !== new Date(to.endsAt).getTime()) {
      net.push({ ...ref, type: "moved", from, to });
    }
  }

  const rooms = changes.filter((change) => change.type === "re-roomed");
  if (rooms.length && rooms[0]!.from !== rooms[rooms.length - 1]!.to) net.push({ ...ref, type: "re-roomed", from: rooms[0]!.from, to: rooms[rooms.length - 1]!.to });

  // Each person in each role: present at the end and absent at the start (added), or the other way round (removed).
  const people = new Map<string, { first: "added" | "removed"; last: "added" | "removed"; mention: SpeakerMention }>();
  for (const change of changes) {
    if (change.type !== "speakers") continue;
    for (const [action, mentions] of [["added", change.added], ["removed", change.removed]] as const) {
      for (const mention of mentions) {
        const key = `${mention.role}:${mention.name}`;
        people.set(key, { first: people.get(key)?.first ?? action, last: action, mention });
      }
    }
  }
  const settled = [...people.values()].filter((person) => person.first === person.last);
  if (settled.length) {
    net.push({
      ...ref,
      type: "speakers",
      added: settled.filter((person) => person.last === "added").map((person) => person.mention),
      removed: settled.filter((person) => person.last === "removed").map((person) => person.mention),
    });
  }

  const renames = changes.filter((change) => change.type === "updated" && change.previousTitle !== undefined);
  const firstTitle = renames[0]?.type === "updated" ? renames[0].previousTitle : undefined;
  if (firstTitle !== undefined && firstTitle !== ref.title) net.push({ ...ref, type: "updated", fields: ["title"], previousTitle: firstTitle });

  // Each talk: as it was before the first change to it, and as it is after the last; the same (or never there) is no change.
  const talks = new Map<string, { before: PresentationState | null; after: PresentationState | null }>();
  for (const change of changes) {
    if (change.type !== "presentation") continue;
    talks.set(change.presentation, { before: talks.has(change.presentation) ? talks.get(change.presentation)!.before : change.before, after: change.after });
  }
  for (const [presentation, { before, after }] of talks) {
    if (stableJson(before) !== stableJson(after)) net.push({ ...ref, type: "presentation", presentation, before, after });
  }
  return net;
}

/** One change as old → new ("Time: Mon, Mar 6, 9:00–10:00 AM MST → Mon, Mar 6, 10:30–11:30 AM MST"); `before` is null when there is nothing to set against. */
export type OldNew = { what: string; before: string | null; after: string };

export function describeOldNew(change: SessionChange, zone: string): OldNew {
  switch (change.type) {
    case "moved":
      return { what: "Time", before: formatWhen(change.from, zone), after: formatWhen(change.to, zone) };
    case "re-roomed":
      return { what: "Room", before: roomText(change.from), after: roomText(change.to) };
    case "cancelled":
      return { what: "Status", before: `scheduled, ${formatWhen(change, zone)}`, after: "cancelled" };
    case "reinstated":
      return { what: "Status", before: "cancelled", after: `back on the program, ${formatWhen(change, zone)}` };
    case "removed":
      return { what: "Removed", before: formatWhen(change, zone), after: "no longer on the program" };
    case "added":
      return { what: "Added", before: null, after: `${formatWhen(change, zone)}, ${roomText(change.room)}` };
    case "updated":
      return change.previousTitle !== undefined
        ? { what: "Title", before: `“${change.previousTitle}”`, after: `“${change.title}”` }
        : { what: "Details", before: null, after: change.fields.map((field) => SESSION_FIELD_LABELS[field]).join(", ") };
    case "speakers":
      return { what: "Speakers", before: null, after: describeChange(change, zone).replace(/^Speakers changed: /, "") };
    case "credit":
      return { what: "CME credit", before: null, after: describeCredit(change.from, change.to) };
    case "presentation":
      return presentationOldNew(change, zone);
  }
}

/** The same as one line of plain text, for e-mail. */
export function oldNewText({ what, before, after }: OldNew): string {
  return before === null ? `${what}: ${after}` : `${what}: ${before} → ${after}`;
}
