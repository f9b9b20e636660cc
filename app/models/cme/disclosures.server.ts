// Faculty disclosures, the writes: who must disclose, asking them by e-mail
// with a personal link (a random secret, only its sha256 stored, expiring, a
// new one replacing the old), their answer through that link, and the
// organizers' review. Every submission and review appends a DisclosureVersion,
// so the record shows who said what, and when. The reads (board, warnings,
// learner view, CSV, reminders) are in disclosure-views.server.ts.
import { createHash, randomBytes } from "node:crypto";
import { type Prisma } from "~/generated/prisma/client";
import { type Actor, recordAudit } from "~/models/meetings/audit.server";
import { type Outcome, refuse, RefusalError, refusalOf } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { formatDate } from "~/utils/time";
import { carryOverReviews, DISCLOSURE_LINK_TTL_MS, type DisclosureAnswer, disclosureSnapshot, isEditable, relationshipsOf } from "./disclosures";

type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;
export type DisclosureMeeting = { id: string; slug: string; name: string; timeZone: string };

export const hashDisclosureToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Accredited sessions that still take place: their faculty must disclose. */
export const ACCREDITED = { cmeAccredited: true, status: { not: "CANCELLED" } } as const satisfies Prisma.SessionWhereInput;

/** Speakers, moderators and panelists of the meeting's accredited sessions. */
export function listFaculty(db: Db, meetingId: string) {
  return db.speaker.findMany({
    where: { meetingId, sessions: { some: { session: ACCREDITED } } },
    select: {
      id: true,
      slug: true,
      name: true,
      email: true,
      sessions: { where: { session: ACCREDITED }, select: { role: true, session: { select: { slug: true, title: true, startsAt: true, endsAt: true } } } },
    },
    orderBy: { name: "asc" },
  });
}

/**
 * When the person's answer stops being editable, and whether they must
 * disclose at all: faculty until their first accredited session starts (no
 * longer required when they have none); planners until the meeting's first one.
 */
export async function disclosureWindow(db: Db, disclosure: { meetingId: string; role: "FACULTY" | "PLANNER"; speakerId: string | null }) {
  const first = await db.session.findFirst({
    where: { meetingId: disclosure.meetingId, ...ACCREDITED, ...(disclosure.role === "FACULTY" ? { speakers: { some: { speakerId: disclosure.speakerId ?? "" } } } : {}) },
    select: { startsAt: true },
    orderBy: { startsAt: "asc" },
  });
  return { required: disclosure.role === "PLANNER" || first !== null, firstStartsAt: first?.startsAt ?? null };
}

/** Creates the missing rows of faculty (and refreshes their name and address from the speaker). */
async function syncFaculty(tx: Tx, meetingId: string) {
  const faculty = await listFaculty(tx, meetingId);
  await tx.disclosure.createMany({
    data: faculty.map((speaker) => ({ meetingId, role: "FACULTY" as const, speakerId: speaker.id, name: speaker.name, email: speaker.email ?? "" })),
    skipDuplicates: true,
  });
  for (const speaker of faculty) {
    await tx.disclosure.updateMany({ where: { speakerId: speaker.id, OR: [{ name: { not: speaker.name } }, { email: { not: speaker.email ?? "" } }] }, data: { name: speaker.name, email: speaker.email ?? "" } });
  }
  return faculty;
}

type LinkKind = "request" | "reminder" | "new-link";

/** A fresh link for the person (replacing any earlier one) and the e-mail that carries it, in `tx`. */
export async function issueDisclosureLink(
  tx: Tx,
  meeting: DisclosureMeeting,
  disclosure: { id: string; name: string; email: string; role: "FACULTY" | "PLANNER" },
  kind: LinkKind,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + DISCLOSURE_LINK_TTL_MS);
  await tx.disclosure.update({
    where: { id: disclosure.id },
    data: {
      tokenHash: hashDisclosureToken(token),
      tokenExpiresAt: expiresAt,
      ...(kind === "request" ? { requestedAt: now } : {}),
      ...(kind === "reminder" ? { lastRemindedAt: now, reminders: { increment: 1 } } : {}),
    },
    select: { id: true },
  });
  const what = disclosure.role === "FACULTY" ? `faculty of ${meeting.name}` : `a planner of ${meeting.name}`;
  await queueMail(tx, {
    kind: kind === "reminder" ? "disclosure-reminder" : "disclosure-request",
    meetingId: meeting.id,
    holdsSecret: true,
    to: disclosure.email,
    subject: `${kind === "reminder" ? "Reminder: " : ""}${meeting.name}: please disclose your financial relationships`,
    text: [
      `Dear ${disclosure.name},`,
      "",
      `As ${what}, an activity accredited for continuing medical education, you control educational content.`,
      "ACCME's Standards for Integrity and Independence ask everyone in that position to disclose all financial relationships",
      "with ineligible companies in the past 24 months (company, nature of the relationship, ongoing or ended), or to state that there are none.",
      "",
      "Your personal form (no account needed):",
      absoluteUrl(href.disclosure(token)),
      "",
      `The link works until ${formatDate(expiresAt, meeting.timeZone)}${kind === "request" ? "" : " and replaces any link we sent you before"}.`,
      "You can change your answer until your session starts. Please do not forward this message: the link is yours.",
    ].join("\n"),
  });
  return token;
}

/** Asks everyone who must disclose and has not been asked yet; people without an e-mail address are named, not asked. */
export async function requestDisclosures(meeting: DisclosureMeeting, actor: Actor, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await syncFaculty(tx, meeting.id);
    const facultyIds = (await listFaculty(tx, meeting.id)).map((speaker) => speaker.id);
    const waiting = await tx.disclosure.findMany({
      where: { meetingId: meeting.id, requestedAt: null, OR: [{ role: "PLANNER" }, { speakerId: { in: facultyIds } }] },
      select: { id: true, name: true, email: true, role: true },
      orderBy: { name: "asc" },
    });
    const asked = waiting.filter((person) => person.email);
    for (const person of asked) await issueDisclosureLink(tx, meeting, person, "request", now);
    const withoutEmail = waiting.filter((person) => !person.email).map((person) => person.name);
    if (asked.length) {
      await recordAudit(tx, meeting.id, actor, { action: "cme.disclosures.request", summary: `Asked ${asked.length} people to disclose their financial relationships`, details: { disclosureIds: asked.map((person) => person.id) } });
    }
    return { ok: true as const, asked: asked.length, withoutEmail };
  });
}

/** A new personal link for one person, replacing the old one (lost, expired, or sent to a wrong address). */
export async function sendNewDisclosureLink(meeting: DisclosureMeeting, actor: Actor, disclosureId: string, now = new Date()): Promise<Outcome<{ name: string }>> {
  return prisma.$transaction(async (tx) => {
    const disclosure = await tx.disclosure.findFirst({ where: { id: disclosureId, meetingId: meeting.id }, select: { id: true, name: true, email: true, role: true, requestedAt: true } });
    if (!disclosure) return refuse("NOT_FOUND", "This person is not on the disclosure board.");
    if (!disclosure.email) return refuse("INVALID", `There is no e-mail address for ${disclosure.name}. Add it on their speaker page first.`);
    await issueDisclosureLink(tx, meeting, disclosure, disclosure.requestedAt ? "new-link" : "request", now);
    await recordAudit(tx, meeting.id, actor, { action: "cme.disclosures.link", summary: `Sent a new disclosure link to ${disclosure.name} <${disclosure.email}>`, details: { disclosureId } });
    return { ok: true, name: disclosure.name };
  });
}

/** Adds a planner (program committee) who must disclose, and asks them at once. */
export async function addPlanner(meeting: DisclosureMeeting, actor: Actor, input: { name: string; email: string }, now = new Date()): Promise<Outcome<{ id: string }>> {
  return prisma.$transaction(async (tx) => {
    const already = await tx.disclosure.findFirst({ where: { meetingId: meeting.id, role: "PLANNER", email: input.email }, select: { id: true } });
    if (already) return refuse("INVALID", `${input.email} is already a planner of this meeting.`, "email");
    const planner = await tx.disclosure.create({ data: { meetingId: meeting.id, role: "PLANNER", name: input.name, email: input.email }, select: { id: true, name: true, email: true, role: true } });
    await issueDisclosureLink(tx, meeting, planner, "request", now);
    await recordAudit(tx, meeting.id, actor, { action: "cme.disclosures.planner", summary: `Added ${input.name} <${input.email}> as a planner and asked for their disclosure`, details: { disclosureId: planner.id } });
    return { ok: true, id: planner.id };
  });
}

const FORM_SELECT = {
  id: true,
  meetingId: true,
  role: true,
  speakerId: true,
  name: true,
  submittedAt: true,
  noRelationships: true,
  tokenExpiresAt: true,
  meeting: { select: { slug: true, name: true, timeZone: true } },
  relationships: { select: { company: true, nature: true, ongoing: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.DisclosureSelect;

/**
 * The form behind a personal link, only that person's: null for an unknown,
 * replaced or expired link (the page says 404 either way, so a guess learns nothing).
 */
export async function getDisclosureForm(token: string, now = new Date()) {
  if (!token) return null;
  const disclosure = await prisma.disclosure.findUnique({ where: { tokenHash: hashDisclosureToken(token) }, select: FORM_SELECT });
  if (!disclosure || !disclosure.tokenExpiresAt || disclosure.tokenExpiresAt <= now) return null;
  const window = await disclosureWindow(prisma, disclosure);
  const sessions = disclosure.speakerId
    ? await prisma.session.findMany({ where: { ...ACCREDITED, speakers: { some: { speakerId: disclosure.speakerId } } }, select: { title: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } })
    : [];
  return { ...disclosure, sessions, firstStartsAt: window.firstStartsAt, editable: isEditable(window.firstStartsAt, now) };
}

/** The person's answer through their link: replaces their list (keeping reviews of relationships still listed) and appends a version. */
export async function submitDisclosure(token: string, answer: DisclosureAnswer, now = new Date()): Promise<Outcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const found = await tx.disclosure.findUnique({ where: { tokenHash: hashDisclosureToken(token) }, select: { id: true } });
      if (!found) throw new RefusalError("NOT_FOUND", "This disclosure link is not valid.");
      // One submission at a time per person: the version list stays in order.
      await tx.$queryRaw`SELECT "id" FROM "Disclosure" WHERE "id" = ${found.id} FOR UPDATE`;
      const disclosure = await tx.disclosure.findUniqueOrThrow({
        where: { id: found.id },
        select: { ...FORM_SELECT, email: true, tokenHash: true, relationships: { select: { company: true, nature: true, ongoing: true, relevant: true, mitigation: true, reviewedById: true, reviewedAt: true } } },
      });
      if (disclosure.tokenHash !== hashDisclosureToken(token) || !disclosure.tokenExpiresAt || disclosure.tokenExpiresAt <= now) throw new RefusalError("NOT_FOUND", "This disclosure link is not valid.");
      const window = await disclosureWindow(tx, disclosure);
      if (!isEditable(window.firstStartsAt, now)) throw new RefusalError("CLOSED", "Your session has started: your disclosure can no longer be changed.");
      const rows = carryOverReviews(disclosure.relationships, relationshipsOf(answer));
      await tx.financialRelationship.deleteMany({ where: { disclosureId: disclosure.id } });
      await tx.financialRelationship.createMany({ data: rows.map((row, position) => ({ ...row, position, disclosureId: disclosure.id })) });
      const noRelationships = answer.answer === "none";
      await tx.disclosure.update({ where: { id: disclosure.id }, data: { submittedAt: now, noRelationships }, select: { id: true } });
      await tx.disclosureVersion.create({
        data: { disclosureId: disclosure.id, kind: "submitted", at: now, snapshot: disclosureSnapshot({ ...disclosure, noRelationships, submittedAt: now, relationships: rows }) },
        select: { id: true },
      });
      return { ok: true as const };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** The organizers' finding on one relationship: relevant or not, and how a relevant one was mitigated. Appends a "reviewed" version. */
export async function reviewRelationship(
  meetingId: string,
  actor: Actor,
  input: { relationshipId: string; relevant: boolean; mitigation: string | null },
  now = new Date(),
): Promise<Outcome<{ name: string }>> {
  return prisma.$transaction(async (tx) => {
    const relationship = await tx.financialRelationship.findFirst({
      where: { id: input.relationshipId, disclosure: { meetingId } },
      select: { company: true, disclosureId: true },
    });
    if (!relationship) return refuse("NOT_FOUND", "This relationship is no longer listed: the person may have changed their disclosure. Reload the board.");
    await tx.financialRelationship.update({
      where: { id: input.relationshipId },
      data: { relevant: input.relevant, mitigation: input.mitigation, reviewedById: actor.id, reviewedAt: now },
      select: { id: true },
    });
    const disclosure = await tx.disclosure.findUniqueOrThrow({
      where: { id: relationship.disclosureId },
      select: { name: true, email: true, noRelationships: true, submittedAt: true, relationships: { select: { company: true, nature: true, ongoing: true, relevant: true, mitigation: true }, orderBy: { position: "asc" } } },
    });
    await tx.disclosureVersion.create({ data: { disclosureId: relationship.disclosureId, kind: "reviewed", byUserId: actor.id, at: now, snapshot: disclosureSnapshot(disclosure) }, select: { id: true } });
    const finding = input.relevant ? (input.mitigation ? "relevant, mitigated" : "relevant, not yet mitigated") : "not relevant";
    await recordAudit(tx, meetingId, actor, {
      action: "cme.disclosures.review",
      summary: `Reviewed ${disclosure.name}'s relationship with ${relationship.company}: ${finding}`,
      details: { relationshipId: input.relationshipId, relevant: input.relevant, mitigation: input.mitigation },
    });
    return { ok: true, name: disclosure.name };
  });
}

/** The published speaker's address for disclosure requests (`{ email }`), or null while the speaker is only in the draft. */
export function getSpeakerEmail(meetingId: string, speakerSlug: string) {
  return prisma.speaker.findFirst({ where: { meetingId, slug: speakerSlug }, select: { email: true } });
}

/** Sets (or clears) the address a speaker's disclosure request goes to; never shown on the program. */
export async function saveSpeakerEmail(meetingId: string, actor: Actor, speakerSlug: string, email: string | null): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const speaker = await tx.speaker.findFirst({ where: { meetingId, slug: speakerSlug }, select: { id: true, name: true } });
    if (!speaker) return refuse("CONFLICT", "Publish this speaker first: the e-mail address belongs to the published speaker.", "email");
    await tx.speaker.update({ where: { id: speaker.id }, data: { email }, select: { id: true } });
    await tx.disclosure.updateMany({ where: { speakerId: speaker.id }, data: { email: email ?? "" } });
    await recordAudit(tx, meetingId, actor, { action: "speaker.email", summary: `${email ? "Set" : "Removed"} the e-mail address of ${speaker.name}`, details: { speakerId: speaker.id } });
    return { ok: true };
  });
}
