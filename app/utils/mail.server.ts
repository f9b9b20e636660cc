// Outgoing mail. With SMTP_URL set, nodemailer sends it; without, each message
// is written as a real RFC 822 .eml file to MAIL_OUTBOX_DIR and logged, so a
// developer (or a test) can open it. Mail is never silently dropped.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";
import { logger } from "./logger.server";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

let smtpTransport: Transporter | undefined;
// The outbox transport only renders the message; writing the file is ours.
const outboxTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

export async function sendMail(mail: OutgoingMail): Promise<{ outboxFile?: string }> {
  const message = { from: env.MAIL_FROM, ...mail };
  if (env.SMTP_URL) {
    smtpTransport ??= nodemailer.createTransport(env.SMTP_URL);
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

/**
 * The messages in an outbox directory, oldest first. Parses just the MIME that
 * nodemailer writes for our mail (single part or multipart/alternative;
 * 7bit, quoted-printable or base64; encoded-word headers) — enough for tests
 * and for a developer tool, not a general mail parser.
 */
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
      return { file, ...parseMessage(await readFile(file, "utf8")) };
    }),
  );
}

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded header lines continue with leading whitespace.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body).toString("utf8");
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  return part.body;
}

/** RFC 2047 encoded words, e.g. `=?UTF-8?Q?R=C3=A9union?=`; adjacent words join without the space between them. */
function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset: string, kind: string, encoded: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(encoded, "base64").toString("utf8")
        : decodeQuotedPrintable(encoded.replace(/_/g, " ")).toString("utf8"),
    );
}

function parseMessage(raw: string): Omit<OutboxMessage, "file"> {
  const message = splitPart(raw);
  const header = (name: string) => decodeHeader(message.headers.get(name) ?? "");
  const contentType = message.headers.get("content-type") ?? "text/plain";
  let text = "";
  let html: string | undefined;
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const parts = boundary
    ? message.body
        .replace(/\r\n/g, "\n")
        .split(`--${boundary}`)
        .slice(1)
        .filter((chunk) => !chunk.startsWith("--"))
        .map((chunk) => splitPart(chunk.replace(/^\n/, "").replace(/\n$/, "")))
    : [{ ...message, body: message.body.replace(/\n$/, "") }];
  for (const part of parts) {
    const type = (part.headers.get("content-type") ?? "text/plain").toLowerCase();
    if (type.startsWith("text/html")) html = decodeBody(part);
    else if (type.startsWith("text/plain")) text = decodeBody(part);
  }
  return { from: header("from"), to: header("to"), subject: header("subject"), date: header("date"), text, html };
}
