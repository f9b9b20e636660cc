// Outgoing mail. Code that promises a message calls `queueMail(tx, …)` inside
// the transaction of the change that causes it: the message is stored as an
// OutgoingMail row and a job on the queue delivers it (jobs/), retrying for
// more than a day while the mail server is down. Delivery goes through
// `transmitMail`: with SMTP_URL set, nodemailer sends it; without, each message
// is written as a real RFC 822 .eml file to MAIL_OUTBOX_DIR and logged, so a
// developer (or a test) can open it. Mail is never silently dropped.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import nodemailer, { type Transporter } from "nodemailer";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { enqueueJob } from "./enqueue-job.server";
import { QUEUES } from "./job-queue.server";
import { logger } from "./logger.server";

export type OutgoingMessage = { to: string; subject: string; text: string; html?: string };

export type QueuedMessage = OutgoingMessage & {
  /** What the message is (receipt, invitation, password-reset, program-digest …), for the console. */
  kind: string;
  /** The meeting it is about: that meeting's organizers see it, and can send it again if it failed. */
  meetingId?: string | null;
  /** The text holds a private link (reset, invitation, confirmation): blanked once delivered. */
  holdsSecret?: boolean;
};

/** Stores `message` and its delivery job in the transaction `tx`; nothing is sent unless it commits. */
export async function queueMail(tx: Prisma.TransactionClient, message: QueuedMessage): Promise<string> {
  const { id } = await tx.outgoingMail.create({
    data: {
      kind: message.kind,
      meetingId: message.meetingId ?? null,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      holdsSecret: message.holdsSecret ?? false,
    },
    select: { id: true },
  });
  await enqueueJob(tx, QUEUES.mail, { mailId: id });
  return id;
}

const DELIVERED_SECRET = "(Removed after delivery: this message held a private link.)";

export type DeliveryOutcome = "sent" | "already-sent" | "missing";

/**
 * Sends one stored message (the mail job's work). A failure is recorded on the
 * row and thrown, so the queue retries; on the last attempt the row is marked
 * failed. A row already sent is not sent again: a job retried after its worker
 * died once the message was out must not send it twice.
 */
export async function deliverQueuedMail(mailId: string, { lastAttempt }: { lastAttempt: boolean }, now = () => new Date()): Promise<DeliveryOutcome> {
  const mail = await prisma.outgoingMail.findUnique({
    where: { id: mailId },
    select: { id: true, to: true, subject: true, text: true, html: true, holdsSecret: true, status: true },
  });
  if (!mail) return "missing";
  if (mail.status === "SENT") return "already-sent";
  try {
    await transmitMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined });
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await prisma.outgoingMail.update({
      where: { id: mail.id },
      data: { attempts: { increment: 1 }, lastError, ...(lastAttempt ? { status: "FAILED", failedAt: now() } : {}) },
      select: { id: true },
    });
    throw error;
  }
  await prisma.outgoingMail.update({
    where: { id: mail.id },
    data: { status: "SENT", sentAt: now(), attempts: { increment: 1 }, lastError: null, ...(mail.holdsSecret ? { text: DELIVERED_SECRET, html: null } : {}) },
    select: { id: true },
  });
  return "sent";
}

let smtpTransport: Transporter | undefined;
// The outbox transport only renders the message; writing the file is ours.
const outboxTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/** Hands one message to the mail server (or the outbox) now. Only the mail job calls this. */
export async function transmitMail(mail: OutgoingMessage): Promise<{ outboxFile?: string }> {
  const message = { from: env.MAIL_FROM, ...mail };
  if (env.SMTP_URL) {
    // Short timeouts: a hung server must fail the attempt (and be retried later)
    // rather than hold the job until its heartbeat lapses.
    smtpTransport ??= nodemailer.createTransport({ url: env.SMTP_URL, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
    const info = await smtpTransport.sendMail(message);
    logger.info({ messageId: info.messageId, subject: mail.subject }, "mail sent");
    return {};
  }
  const info = await outboxTransport.sendMail(message);
  const outboxFile = await writeToOutbox(env.MAIL_OUTBOX_DIR, mail.subject, info.message as Buffer);
  logger.info({ file: outboxFile, subject: mail.subject, to: mail.to }, `mail written to the outbox (no SMTP_URL): ${outboxFile}`);
  return { outboxFile };
}

async function writeToOutbox(dir: string, subject: string, message: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  // A sortable timestamp first, so `ls` lists the outbox oldest first; the random
  // tail keeps two mails with one subject in the same millisecond apart.
  const timestamp = new Date().toISOString().replace(/[:.]/g, "-");
  const slug = subject.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "mail";
  const file = path.join(dir, `${timestamp}-${slug}-${randomBytes(3).toString("hex")}.eml`);
  await writeFile(file, message, { flag: "wx" });
  return file;
}

export type OutboxMessage = { file: string; from: string; to: string; subject: string; date: string; text: string; html?: string };

/** The messages in an outbox directory, oldest first, parsed with mailparser. */
export async function readOutbox(dir = env.MAIL_OUTBOX_DIR): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".eml")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const parsed = await simpleParser(await readFile(file));
      return {
        file,
        from: addressText(parsed.from),
        to: addressText(parsed.to),
        subject: parsed.subject ?? "",
        date: parsed.date?.toUTCString() ?? "",
        // mailparser ends a text part with the line break nodemailer wrote after it.
        text: (parsed.text ?? "").replace(/\n$/, ""),
        html: parsed.html === false ? undefined : parsed.html,
      };
    }),
  );
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(", ");
}
