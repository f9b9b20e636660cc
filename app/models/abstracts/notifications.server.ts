// Telling the authors: the chairs first see what would go out (how many of each
// decision, and each kind's e-mail rendered for one real abstract), then send
// the batch. Each abstract's mail is queued in the same transaction that sets
// its notifiedAt, and only abstracts with a decision and no notifiedAt are
// taken, each claimed by a conditional update, so pressing twice (or two
// chairs at once) never sends anything twice. The decision is final from then.
import type { AbstractDecision } from "~/generated/prisma/enums";
import { type Refusal, refuse } from "~/models/refusal";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { queueMail } from "~/utils/mail.server";
import { type Actor, recordAudit } from "../meetings/audit.server";
import { getDraft } from "../program/draft.server";
import { decisionMail } from "./decision-mail";
import { DECISIONS } from "./decisions.server";
import { placementOf } from "./placement.server";
import { presentingAuthorSelect } from "./printed-select.server";

type Meeting = { id: string; slug: string; name: string; timeZone: string };

/** The abstracts the next batch would tell, each with its recipients and its mail. */
async function pendingMails(meeting: Meeting) {
  const [call, abstracts, draft] = await Promise.all([
    prisma.abstractCall.findUnique({ where: { meetingId: meeting.id }, select: { confirmBy: true } }),
    prisma.abstract.findMany({
      where: { call: { meetingId: meeting.id }, status: "SUBMITTED", number: { not: null }, decision: { not: null }, notifiedAt: null },
      select: {
        id: true,
        number: true,
        title: true,
        decision: true,
        decisionReason: true,
        submitter: { select: { name: true, email: true } },
        authors: presentingAuthorSelect({ email: true }),
        // Only the text meant for the authors, never who wrote it.
        assignments: { where: { state: "ACTIVE", review: { submittedAt: { not: null } } }, select: { review: { select: { commentToAuthors: true } } }, orderBy: { createdAt: "asc" } },
      },
      orderBy: { number: "asc" },
    }),
    getDraft(meeting.id),
  ]);
  return abstracts.map((abstract) => {
    const number = abstract.number!;
    const decision = abstract.decision!;
    const placed = decision === "ORAL" ? placementOf(draft.document, number) : null;
    const mail = decisionMail({
      meeting,
      abstract: { number, title: abstract.title, decision, decisionReason: abstract.decisionReason },
      greet: abstract.submitter.name,
      placement: placed ? { sessionTitle: placed.session.title, startsAt: placed.talk.startsAt, endsAt: placed.talk.endsAt } : null,
      commentsToAuthors: abstract.assignments.map((assignment) => assignment.review?.commentToAuthors ?? ""),
      confirmBy: call?.confirmBy ?? null,
      confirmUrl: absoluteUrl(href.abstractConfirm(meeting.slug, abstract.id)),
      posterUrl: absoluteUrl(href.abstractPoster(meeting.slug, abstract.id)),
    });
    // The submitter and the presenting author, once per address.
    const recipients = [abstract.submitter.email, abstract.authors[0]?.email].filter((email): email is string => !!email?.trim());
    const to = recipients.map((email) => email.trim()).filter((email, index, all) => all.findIndex((other) => other.toLowerCase() === email.toLowerCase()) === index);
    return { id: abstract.id, number, decision, unplacedOral: decision === "ORAL" && !placed, to, ...mail };
  });
}

/** What "Send" would do now: per decision the count and one real abstract's mail; the orals not yet placed. */
export async function notificationPreview(meeting: Meeting) {
  const pending = await pendingMails(meeting);
  const kinds = DECISIONS.map((decision) => {
    const ofKind = pending.filter((mail) => mail.decision === decision);
    const sample = ofKind[0];
    return { decision, count: ofKind.length, preview: sample ? { number: sample.number, subject: sample.subject, text: sample.text } : null };
  });
  const alreadyNotified = await prisma.abstract.count({ where: { call: { meetingId: meeting.id }, notifiedAt: { not: null } } });
  return { kinds, total: pending.length, unplaced: pending.filter((mail) => mail.unplacedOral).map((mail) => mail.number), alreadyNotified };
}

/**
 * Sends the batch. Refused while an accepted oral is not placed in a session
 * (naming them) unless the chair chose to send anyway. The value counts the
 * abstracts told and the mails queued.
 */
export async function sendNotifications(meeting: Meeting, actor: Actor, options: { sendAnyway: boolean }): Promise<Refusal | { ok: true; abstracts: number; mails: number }> {
  const pending = await pendingMails(meeting);
  if (!pending.length) return refuse("CONFLICT", "There is nothing to send: every decided abstract's authors have been told.");
  const unplaced = pending.filter((mail) => mail.unplacedOral).map((mail) => mail.number);
  if (unplaced.length && !options.sendAnyway) {
    return refuse(
      "CONFLICT",
      `Abstract${unplaced.length === 1 ? "" : "s"} ${unplaced.join(", ")} ${unplaced.length === 1 ? "is" : "are"} accepted as oral but not placed in a session. Place ${unplaced.length === 1 ? "it" : "them"} first, or tick “send anyway”.`,
      "sendAnyway",
    );
  }
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    let abstracts = 0;
    let mails = 0;
    const byDecision: Partial<Record<AbstractDecision, number>> = {};
    for (const mail of pending) {
      const claimed = await tx.abstract.updateMany({ where: { id: mail.id, notifiedAt: null, decision: mail.decision, status: "SUBMITTED" }, data: { notifiedAt: now } });
      if (claimed.count !== 1) continue;
      abstracts++;
      byDecision[mail.decision] = (byDecision[mail.decision] ?? 0) + 1;
      for (const to of mail.to) {
        await queueMail(tx, { kind: "abstract-decision", meetingId: meeting.id, to, subject: mail.subject, text: mail.text });
        mails++;
      }
    }
    await recordAudit(tx, meeting.id, actor, {
      action: "abstract.notify",
      summary: `Sent the decisions on ${abstracts} abstract${abstracts === 1 ? "" : "s"} to their authors (${mails} e-mail${mails === 1 ? "" : "s"})`,
      details: { byDecision, sentAnyway: unplaced.length > 0 },
    });
    return { ok: true as const, abstracts, mails };
  });
}
