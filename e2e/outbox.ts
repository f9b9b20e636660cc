// The mail the e2e server wrote (e2e/server.ts sends no mail: each message is an
// .eml file in the outbox), for specs that follow an e-mailed link.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export const outbox = process.env.E2E_OUTBOX ?? ".data/e2e-outbox";

/** A long header (a subject, an address) is folded onto the next lines, each starting with whitespace. */
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, " ");

const isTo = (raw: string, email: string) => new RegExp(`^To: ${email.replace(/[.+]/g, "\\$&")}$`, "m").test(unfold(raw));

/** The newest link to `pathPrefix` (e.g. "/reset-password/") in mail to `email`, undefined until it arrives. */
export async function linkMailedTo(email: string, pathPrefix: string): Promise<string | undefined> {
  const names = (await readdir(outbox).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort().reverse();
  const link = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[A-Za-z0-9_-]+`);
  for (const name of names) {
    const raw = await readFile(path.join(outbox, name), "utf8");
    if (!isTo(raw, email)) continue;
    // Undo quoted-printable soft line breaks, which may split a long link.
    const found = link.exec(raw.replace(/=\r?\n/g, ""))?.[0];
    if (found) return found;
  }
  return undefined;
}

/** Subjects of the mail sent to `email` so far, oldest first. */
export async function subjectsTo(email: string): Promise<string[]> {
  const names = (await readdir(outbox).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort();
  const subjects: string[] = [];
  for (const name of names) {
    const raw = unfold(await readFile(path.join(outbox, name), "utf8"));
    if (!isTo(raw, email)) continue;
    subjects.push(/^Subject: (.*)$/m.exec(raw)?.[1] ?? "");
  }
  return subjects;
}
