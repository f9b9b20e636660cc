// The organizer console's audit log: who changed what, and when. Every console
// action writes one entry in the same transaction as its change, so the log
// never claims a change that was rolled back, nor misses one that was made.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { formatMoment } from "~/utils/time";

/** Who acts: the signed-in user (SignedInUser fits). */
export type Actor = { id: string; name: string; email: string };

type Db = Prisma.TransactionClient | typeof prisma;

export type AuditRecord = { action: string; summary: string; details?: Prisma.InputJsonValue };

export async function recordAudit(db: Db, meetingId: string, actor: Actor, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      meetingId,
      actorId: actor.id,
      actorLabel: `${actor.name} <${actor.email}>`,
      action: record.action,
      summary: record.summary.slice(0, 500),
      details: record.details ?? {},
    },
    select: { id: true },
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** A page of the log, newest first; `before` is the createdAt/id cursor of the last entry shown. */
export async function listAuditEntries(meetingId: string, options: { before?: { createdAt: Date; id: string }; action?: string } = {}) {
  const where: Prisma.AuditEntryWhereInput = { meetingId };
  if (options.action) where.action = { startsWith: options.action };
  if (options.before) {
    where.OR = [{ createdAt: { lt: options.before.createdAt } }, { createdAt: options.before.createdAt, id: { lt: options.before.id } }];
  }
  const entries = await prisma.auditEntry.findMany({
    where,
    select: { id: true, action: true, summary: true, details: true, actorLabel: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  return { entries: entries.slice(0, AUDIT_PAGE_SIZE), hasMore: entries.length > AUDIT_PAGE_SIZE };
}

/** An entry as the console shows it, its time in the meeting's zone. */
export function auditEntryView(entry: { id: string; action: string; summary: string; actorLabel: string; createdAt: Date }, zone: string) {
  return { id: entry.id, action: entry.action, summary: entry.summary, who: entry.actorLabel, at: entry.createdAt.toISOString(), when: formatMoment(entry.createdAt, zone) };
}
