// An author's abstracts against the database: the call as authors read it,
// their own abstracts (another person's is "not found", never "forbidden"),
// starting a draft, saving it (autosave or the button: guarded by its
// revision, so a save from an older tab is refused, not silently merged),
// submitting it (a number given once, under a lock on the call, with the
// confirmation mail in the same transaction) and withdrawing it.
// The submitter is always the signed-in caller, never a form field.
import { type Prisma } from "~/generated/prisma/client";
import { type Actor, recordAudit } from "~/models/meetings/audit.server";
import { type Outcome, refuse, refuseAll, refusalOf, RefusalError } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { formatMoment } from "~/utils/time";
import { queueSubmittedMail } from "./submission-mail.server";
import { type AbstractForm, parseKeywords, saveProblems, submitProblems } from "./submission";
import { writingWindow } from "./window";

export type AuthorMeeting = { id: string; slug: string; name: string; timeZone: string };

const callSelect = {
  id: true,
  opensAt: true,
  closesAt: true,
  lateBreakingOpensAt: true,
  lateBreakingClosesAt: true,
  totalCharacterLimit: true,
  maxAuthors: true,
  confirmBy: true,
  guidelines: true,
  sections: { select: { key: true, title: true, guidance: true, limit: true, unit: true }, orderBy: { position: "asc" } },
  topics: { select: { id: true, name: true }, orderBy: { position: "asc" } },
} as const;

export type AuthorCall = Prisma.AbstractCallGetPayload<{ select: typeof callSelect }>;

/** The meeting's call as authors see it, or null when it has none. */
export async function callForAuthors(meetingId: string): Promise<AuthorCall | null> {
  return prisma.abstractCall.findUnique({ where: { meetingId }, select: callSelect });
}

const abstractSelect = {
  id: true,
  number: true,
  title: true,
  topicId: true,
  body: true,
  keywords: true,
  preference: true,
  traineeLevel: true,
  lateBreaking: true,
  status: true,
  revision: true,
  updatedAt: true,
  submittedAt: true,
  withdrawnAt: true,
  decision: true,
  notifiedAt: true,
  poster: { select: { id: true } },
  topic: { select: { name: true } },
  authors: { select: { name: true, institution: true, city: true, country: true, email: true, presenting: true }, orderBy: { position: "asc" } },
} as const;

export type MyAbstract = Prisma.AbstractGetPayload<{ select: typeof abstractSelect }>;

/** The caller's abstracts in the call, newest first. */
export async function myAbstracts(userId: string, callId: string): Promise<MyAbstract[]> {
  return prisma.abstract.findMany({ where: { callId, submitterId: userId }, select: abstractSelect, orderBy: { createdAt: "desc" } });
}

/** One of the caller's abstracts, or null: someone else's is as absent as one that never was. */
export async function myAbstract(userId: string, callId: string, abstractId: string): Promise<MyAbstract | null> {
  return prisma.abstract.findFirst({ where: { id: abstractId, callId, submitterId: userId }, select: abstractSelect });
}

// In the order the rows are written below, so the two compare as JSON.
const authorRowSelect = { position: true, name: true, institution: true, city: true, country: true, email: true, presenting: true } as const;

const NOT_FOUND = "There is no abstract of yours at this address.";
const STALE = "This abstract was changed in another tab or window after this page was opened, so this save was refused to keep that change. Copy your latest text, reload the page and paste it back.";

/** A new draft, with the caller as its first and presenting author. */
export async function startAbstract(user: Actor, meeting: AuthorMeeting, now = new Date()): Promise<Outcome<{ id: string }>> {
  const call = await prisma.abstractCall.findUnique({ where: { meetingId: meeting.id }, select: { ...callSelect } });
  if (!call) return refuse("NOT_FOUND", "This meeting has no call for abstracts.");
  const window = writingWindow(call, meeting.timeZone, now);
  if (!window.ok) return refuse("CLOSED", window.message);
  const created = await prisma.abstract.create({
    data: {
      callId: call.id,
      submitterId: user.id,
      lateBreaking: window.lateBreaking,
      createdAt: now,
      updatedAt: now,
      authors: { create: [{ position: 0, name: user.name, email: user.email, institution: "", presenting: true }] },
    },
    select: { id: true },
  });
  return { ok: true, id: created.id };
}

export type SavedAbstract = { revision: number; number: number | null; status: "DRAFT" | "SUBMITTED"; savedAt: Date; submittedNow: boolean };

/**
 * Saves the form over the caller's abstract, and with `submit` submits it.
 * Refused with nothing written: not the caller's (NOT_FOUND), withdrawn or
 * saved meanwhile from elsewhere (CONFLICT), outside the call's window
 * (CLOSED), over a limit or (to submit) incomplete (INVALID). A submitted
 * abstract stays submitted when edited, and keeps its number when submitted again.
 */
export async function saveAbstract(user: Actor, meeting: AuthorMeeting, abstractId: string, form: AbstractForm, options: { submit?: boolean; now?: Date; call?: AuthorCall } = {}): Promise<Outcome<SavedAbstract>> {
  const now = options.now ?? new Date();
  // The caller may have read the call already (the page's action has): autosaves are frequent.
  const call = options.call ?? (await callForAuthors(meeting.id));
  if (!call) return refuse("NOT_FOUND", NOT_FOUND);
  const current = await prisma.abstract.findFirst({
    where: { id: abstractId, callId: call.id, submitterId: user.id },
    select: { status: true, lateBreaking: true, revision: true, number: true, authors: { select: authorRowSelect, orderBy: { position: "asc" } } },
  });
  if (!current) return refuse("NOT_FOUND", NOT_FOUND);
  if (current.status === "WITHDRAWN") return refuse("CONFLICT", "This abstract was withdrawn and can no longer be changed.");
  const window = writingWindow(call, meeting.timeZone, now, { submitted: current.status === "SUBMITTED", lateBreaking: current.lateBreaking });
  if (!window.ok) return refuse("CLOSED", window.message);
  const rules = { sections: call.sections, totalCharacterLimit: call.totalCharacterLimit, maxAuthors: call.maxAuthors, topicIds: call.topics.map((topic) => topic.id) };
  // A submitted abstract stays complete: its edits are checked as a submission is.
  const problems = [...saveProblems(form, rules), ...(options.submit || current.status === "SUBMITTED" ? submitProblems(form, rules) : [])];
  if (problems.length) return refuseAll(problems as [(typeof problems)[0], ...typeof problems]);
  if (current.revision !== form.revision) return refuse("CONFLICT", STALE);

  try {
    return await prisma.$transaction(async (tx) => {
      const submitting = options.submit && current.status === "DRAFT";
      const updated = await tx.abstract.updateMany({
        where: { id: abstractId, submitterId: user.id, revision: form.revision, status: { not: "WITHDRAWN" } },
        data: {
          title: form.title,
          topicId: form.topic || null,
          body: form.body,
          keywords: parseKeywords(form.keywords),
          preference: form.preference,
          traineeLevel: form.traineeLevel === "NONE" ? null : form.traineeLevel,
          lateBreaking: window.lateBreaking,
          revision: { increment: 1 },
          updatedAt: now,
        },
      });
      if (updated.count !== 1) throw new RefusalError("CONFLICT", STALE);
      const authors = form.authors.map((author, position) => ({
        position,
        name: author.name,
        institution: author.institution,
        city: author.city || null,
        country: author.country || null,
        email: author.email || null,
        presenting: position === form.presenting,
      }));
      // Most autosaves change only the text: the author rows are rewritten only when they differ.
      if (JSON.stringify(authors) !== JSON.stringify(current.authors)) {
        await tx.abstractAuthor.deleteMany({ where: { abstractId } });
        if (authors.length) await tx.abstractAuthor.createMany({ data: authors.map((author) => ({ abstractId, ...author })) });
      }
      let number = current.number;
      if (submitting) {
        // One submit at a time per call: the next number is read and taken under this lock.
        await tx.$queryRaw`SELECT id FROM "AbstractCall" WHERE id = ${call.id} FOR UPDATE`;
        if (number === null) {
          const last = await tx.abstract.aggregate({ where: { callId: call.id }, _max: { number: true } });
          number = (last._max.number ?? 0) + 1;
        }
        await tx.abstract.update({ where: { id: abstractId }, data: { status: "SUBMITTED", number, submittedAt: now }, select: { id: true } });
        await queueSubmittedMail(tx, meeting, user, { id: abstractId, number, title: form.title, lateBreaking: window.lateBreaking }, window.lateBreaking && call.lateBreakingClosesAt ? call.lateBreakingClosesAt : call.closesAt);
        await recordAudit(tx, meeting.id, user, { action: "abstract.submitted", summary: `Abstract ${number} submitted: ${form.title}`, details: { abstractId, number } });
      } else if (current.status === "SUBMITTED") {
        await recordAudit(tx, meeting.id, user, { action: "abstract.edited", summary: `Abstract ${number} edited by its author after submission`, details: { abstractId, number } });
      }
      return { ok: true as const, revision: form.revision + 1, number, status: submitting || current.status === "SUBMITTED" ? ("SUBMITTED" as const) : ("DRAFT" as const), savedAt: now, submittedNow: Boolean(submitting) };
    });
  } catch (error) {
    return refusalOf(error);
  }
}

/** Withdraws the caller's abstract, until decisions are sent; a withdrawn abstract keeps its number, never reused. */
export async function withdrawAbstract(user: Actor, meeting: AuthorMeeting, abstractId: string, now = new Date()): Promise<Outcome> {
  const abstract = await prisma.abstract.findFirst({ where: { id: abstractId, call: { meetingId: meeting.id }, submitterId: user.id }, select: { status: true, number: true, notifiedAt: true, title: true } });
  if (!abstract) return refuse("NOT_FOUND", NOT_FOUND);
  if (abstract.status === "WITHDRAWN") return { ok: true };
  if (abstract.notifiedAt) return refuse("CONFLICT", `Decisions were sent on ${formatMoment(abstract.notifiedAt, meeting.timeZone)}; to withdraw now, write to the organizers.`);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.abstract.updateMany({ where: { id: abstractId, submitterId: user.id, notifiedAt: null, status: { not: "WITHDRAWN" } }, data: { status: "WITHDRAWN", withdrawnAt: now, revision: { increment: 1 }, updatedAt: now } });
    if (count === 1) await recordAudit(tx, meeting.id, user, { action: "abstract.withdrawn", summary: `Abstract ${abstract.number ?? "(draft)"} withdrawn by its author: ${abstract.title}`, details: { abstractId } });
  });
  return { ok: true };
}
