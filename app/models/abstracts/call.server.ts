// The call for abstracts as organizers set it: opening it with the defaults
// (SIO's structured sections, the rubric, a topic per track), its dates and
// numbers, and its topics, sections and rubric criteria (add, change, remove,
// reorder). Every change is audited in its own transaction. Each verb finds
// the call by the meeting, so an id from another meeting's form finds nothing.
import { type Prisma } from "~/generated/prisma/client";
import { type Actor, type AuditRecord, recordAudit } from "~/models/meetings/audit.server";
import { type Outcome, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { DEFAULT_CRITERIA, DEFAULT_MAX_SCORE, STRUCTURED_SECTIONS, TOTAL_CHARACTER_LIMIT } from "./call-defaults";
import { type CallSettings, keyFor } from "./call-forms";
import { movedOnePlace } from "~/utils/order";

type Meeting = { id: string; timeZone: string };
type Tx = Prisma.TransactionClient;

const settingsSelect = {
  id: true,
  opensAt: true,
  closesAt: true,
  lateBreakingOpensAt: true,
  lateBreakingClosesAt: true,
  confirmBy: true,
  totalCharacterLimit: true,
  maxAuthors: true,
  reviewsPerAbstract: true,
  guidelines: true,
  topics: { select: { id: true, name: true, trackId: true, _count: { select: { abstracts: true } } }, orderBy: { position: "asc" } },
  sections: { select: { id: true, key: true, title: true, guidance: true, limit: true, unit: true }, orderBy: { position: "asc" } },
  criteria: { select: { id: true, key: true, name: true, description: true, weight: true, maxScore: true }, orderBy: { position: "asc" } },
} as const;

export type CallForOrganizers = Prisma.AbstractCallGetPayload<{ select: typeof settingsSelect }>;

export async function callForOrganizers(meetingId: string) {
  const [call, tracks] = await Promise.all([
    prisma.abstractCall.findUnique({ where: { meetingId }, select: settingsSelect }),
    prisma.track.findMany({ where: { meetingId }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
  ]);
  return { call, tracks };
}

const DAY_MS = 86_400_000;

/** Opens a call with the defaults: open now, closing in eight weeks, a topic per track. */
export async function openCall(actor: Actor, meeting: Meeting, now = new Date()): Promise<Outcome<{ id: string }>> {
  if (await prisma.abstractCall.findUnique({ where: { meetingId: meeting.id }, select: { id: true } })) return refuse("CONFLICT", "This meeting already has a call for abstracts.");
  const tracks = await prisma.track.findMany({ where: { meetingId: meeting.id }, select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } });
  return prisma.$transaction(async (tx) => {
    const call = await tx.abstractCall.create({
      data: {
        meetingId: meeting.id,
        opensAt: now,
        closesAt: new Date(now.getTime() + 56 * DAY_MS),
        totalCharacterLimit: TOTAL_CHARACTER_LIMIT,
        sections: { create: STRUCTURED_SECTIONS.map((section, position) => ({ ...section, position })) },
        criteria: { create: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, maxScore: DEFAULT_MAX_SCORE, position })) },
        topics: { create: tracks.map((track, position) => ({ slug: track.slug, name: track.name, trackId: track.id, position })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, meeting.id, actor, { action: "abstracts.call.opened", summary: `Opened the call for abstracts with ${tracks.length} topics from the tracks` });
    return { ok: true as const, id: call.id };
  });
}

async function callOf(meetingId: string) {
  return prisma.abstractCall.findUnique({ where: { meetingId }, select: { id: true } });
}

const NO_CALL = "This meeting has no call for abstracts yet.";

export async function updateCallSettings(actor: Actor, meeting: Meeting, settings: CallSettings): Promise<Outcome> {
  const call = await callOf(meeting.id);
  if (!call) return refuse("NOT_FOUND", NO_CALL);
  await prisma.$transaction(async (tx) => {
    await tx.abstractCall.update({ where: { id: call.id }, data: { ...settings, updatedAt: new Date() }, select: { id: true } });
    await recordAudit(tx, meeting.id, actor, { action: "abstracts.call.updated", summary: "Changed the call's dates and limits", details: { ...settings, opensAt: settings.opensAt.toISOString(), closesAt: settings.closesAt.toISOString(), lateBreakingOpensAt: settings.lateBreakingOpensAt?.toISOString() ?? null, lateBreakingClosesAt: settings.lateBreakingClosesAt?.toISOString() ?? null, confirmBy: settings.confirmBy?.toISOString() ?? null } });
  });
  return { ok: true };
}

/** Adds a topic for each of the meeting's tracks that has none yet. */
export async function addTopicsFromTracks(actor: Actor, meeting: Meeting): Promise<Outcome<{ added: number }>> {
  const call = await prisma.abstractCall.findUnique({ where: { meetingId: meeting.id }, select: { id: true, topics: { select: { slug: true, trackId: true, position: true } } } });
  if (!call) return refuse("NOT_FOUND", NO_CALL);
  const tracks = await prisma.track.findMany({ where: { meetingId: meeting.id }, select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } });
  const linked = new Set(call.topics.map((topic) => topic.trackId));
  const slugs = call.topics.map((topic) => topic.slug);
  let position = Math.max(-1, ...call.topics.map((topic) => topic.position)) + 1;
  const missing = tracks.filter((track) => !linked.has(track.id));
  await prisma.$transaction(async (tx) => {
    for (const track of missing) {
      const slug = keyFor(track.slug, slugs);
      slugs.push(slug);
      await tx.abstractTopic.create({ data: { callId: call.id, slug, name: track.name, trackId: track.id, position: position++ }, select: { id: true } });
    }
    if (missing.length) await recordAudit(tx, meeting.id, actor, { action: "abstracts.topics.from-tracks", summary: `Added ${missing.length} topics from the tracks: ${missing.map((track) => track.name).join(", ")}` });
  });
  return { ok: true, added: missing.length };
}

type Kind = "topic" | "section" | "criterion";

async function ordered(tx: Tx, kind: Kind, callId: string): Promise<{ id: string; key: string }[]> {
  const args = { where: { callId }, orderBy: { position: "asc" as const } };
  if (kind === "topic") return (await tx.abstractTopic.findMany({ ...args, select: { id: true, slug: true } })).map((row) => ({ id: row.id, key: row.slug }));
  if (kind === "section") return tx.abstractSection.findMany({ ...args, select: { id: true, key: true } });
  return tx.reviewCriterion.findMany({ ...args, select: { id: true, key: true } });
}

async function setPosition(tx: Tx, kind: Kind, id: string, position: number) {
  if (kind === "topic") await tx.abstractTopic.update({ where: { id }, data: { position }, select: { id: true } });
  else if (kind === "section") await tx.abstractSection.update({ where: { id }, data: { position }, select: { id: true } });
  else await tx.reviewCriterion.update({ where: { id }, data: { position }, select: { id: true } });
}

const LABEL: Record<Kind, string> = { topic: "topic", section: "section", criterion: "criterion" };

/** Moves a topic, section or criterion one place up or down. */
export async function moveItem(actor: Actor, meeting: Meeting, kind: Kind, id: string, direction: "up" | "down"): Promise<Outcome> {
  const call = await callOf(meeting.id);
  if (!call) return refuse("NOT_FOUND", NO_CALL);
  return prisma.$transaction(async (tx) => {
    const rows = await ordered(tx, kind, call.id);
    const index = rows.findIndex((row) => row.id === id);
    if (index === -1) return refuse("NOT_FOUND", `There is no such ${LABEL[kind]} in this call.`);
    const order = movedOnePlace(rows, index, direction);
    if (!order) return { ok: true as const };
    for (const [position, row] of order.entries()) await setPosition(tx, kind, row.id, position);
    await recordAudit(tx, meeting.id, actor, { action: `abstracts.${kind}.moved`, summary: `Moved the ${LABEL[kind]} "${rows[index]!.key}" ${direction}` });
    return { ok: true as const };
  });
}

type SectionFields = { title: string; guidance: string; limit: number; unit: "CHARACTERS" | "WORDS" };
type CriterionFields = { name: string; description: string; weight: number; maxScore: number };
type Item = { kind: "topic"; name: string } | { kind: "section"; section: SectionFields } | { kind: "criterion"; criterion: CriterionFields };

async function updateItem(tx: Tx, item: Item, where: { id: string; callId: string }): Promise<{ count: number }> {
  if (item.kind === "topic") return tx.abstractTopic.updateMany({ where, data: { name: item.name } });
  if (item.kind === "section") return tx.abstractSection.updateMany({ where, data: item.section });
  return tx.reviewCriterion.updateMany({ where, data: item.criterion });
}

/** Adds an item at `position`, keyed (a topic by its slug) by its name, unlike every key `taken`. */
async function createItem(tx: Tx, item: Item, callId: string, position: number, taken: string[]) {
  if (item.kind === "topic") await tx.abstractTopic.create({ data: { callId, name: item.name, slug: keyFor(item.name, taken), position }, select: { id: true } });
  else if (item.kind === "section") await tx.abstractSection.create({ data: { callId, ...item.section, key: keyFor(item.section.title, taken), position }, select: { id: true } });
  else await tx.reviewCriterion.create({ data: { callId, ...item.criterion, key: keyFor(item.criterion.name, taken), position }, select: { id: true } });
}

/** Changes the item `id` names (refused when this call has no such), or adds a new one last; audited in the same transaction. */
async function saveItem(actor: Actor, meeting: Meeting, id: string | null, item: Item, audit: AuditRecord): Promise<Outcome> {
  const call = await callOf(meeting.id);
  if (!call) return refuse("NOT_FOUND", NO_CALL);
  return prisma.$transaction(async (tx) => {
    if (id) {
      const { count } = await updateItem(tx, item, { id, callId: call.id });
      if (!count) return refuse("NOT_FOUND", `There is no such ${LABEL[item.kind]} in this call.`);
    } else {
      const rows = await ordered(tx, item.kind, call.id);
      await createItem(tx, item, call.id, rows.length, rows.map((row) => row.key));
    }
    await recordAudit(tx, meeting.id, actor, audit);
    return { ok: true as const };
  });
}

export function saveTopic(actor: Actor, meeting: Meeting, id: string | null, name: string): Promise<Outcome> {
  const summary = `${id ? "Renamed a topic to" : "Added the topic"} "${name}"`;
  return saveItem(actor, meeting, id, { kind: "topic", name }, { action: id ? "abstracts.topic.renamed" : "abstracts.topic.added", summary });
}

export function saveSection(actor: Actor, meeting: Meeting, id: string | null, section: SectionFields): Promise<Outcome> {
  const summary = `${id ? "Changed" : "Added"} the section "${section.title}" (${section.limit} ${section.unit.toLowerCase()})`;
  return saveItem(actor, meeting, id, { kind: "section", section }, { action: id ? "abstracts.section.changed" : "abstracts.section.added", summary });
}

export function saveCriterion(actor: Actor, meeting: Meeting, id: string | null, criterion: CriterionFields): Promise<Outcome> {
  const summary = `${id ? "Changed" : "Added"} the criterion "${criterion.name}" (weight ${criterion.weight}, scored 1–${criterion.maxScore})`;
  return saveItem(actor, meeting, id, { kind: "criterion", criterion }, { action: id ? "abstracts.criterion.changed" : "abstracts.criterion.added", summary });
}

/**
 * Removes a topic, section or criterion. Refused once it is in use: a topic
 * that abstracts chose, a section once any abstract is submitted (its text
 * would vanish from them), a criterion once any review is submitted.
 */
export async function removeItem(actor: Actor, meeting: Meeting, kind: Kind, id: string): Promise<Outcome> {
  const call = await callOf(meeting.id);
  if (!call) return refuse("NOT_FOUND", NO_CALL);
  if (kind === "topic" && (await prisma.abstract.count({ where: { callId: call.id, topicId: id } }))) return refuse("CONFLICT", "Abstracts chose this topic, so it stays; rename it instead.");
  if (kind === "section" && (await prisma.abstract.count({ where: { callId: call.id, status: "SUBMITTED" } }))) return refuse("CONFLICT", "Abstracts are already submitted with this section, so it stays; change its heading or limit instead.");
  if (kind === "criterion" && (await prisma.abstractReview.count({ where: { submittedAt: { not: null }, assignment: { abstract: { callId: call.id } } } }))) return refuse("CONFLICT", "Reviews are already scored on this rubric, so the criterion stays.");
  return prisma.$transaction(async (tx) => {
    const where = { id, callId: call.id };
    const { count } = kind === "topic" ? await tx.abstractTopic.deleteMany({ where }) : kind === "section" ? await tx.abstractSection.deleteMany({ where }) : await tx.reviewCriterion.deleteMany({ where });
    if (!count) return refuse("NOT_FOUND", `There is no such ${LABEL[kind]} in this call.`);
    const rows = await ordered(tx, kind, call.id);
    for (const [position, row] of rows.entries()) await setPosition(tx, kind, row.id, position);
    await recordAudit(tx, meeting.id, actor, { action: `abstracts.${kind}.removed`, summary: `Removed a ${LABEL[kind]}` });
    return { ok: true as const };
  });
}
