import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "./env.server";
import { readOutbox, transmitMail } from "./mail.server";

// This worker's own outbox (tests/setup-database.ts points MAIL_OUTBOX_DIR at it).
const outbox = env.MAIL_OUTBOX_DIR;
beforeAll(() => rm(outbox, { recursive: true, force: true }));
afterAll(() => rm(outbox, { recursive: true, force: true }));

describe("transmitMail without SMTP_URL", () => {
  it("writes a real RFC 822 message to the outbox that readOutbox reads back", async () => {
    const before = (await readOutbox(outbox)).length;
    const link = `http://localhost:3000/reset-password/${"A".repeat(43)}`;
    const { outboxFile } = await transmitMail({ to: "ann@example.org", subject: "Reset your password", text: `Hello Ann,\n\nOpen ${link} within 1 hour.` });
    expect(outboxFile).toBeDefined();
    expect(path.dirname(outboxFile!)).toBe(outbox);
    expect(path.basename(outboxFile!)).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-reset-your-password-[0-9a-f]+\.eml$/);

    const raw = await readFile(outboxFile!, "utf8");
    expect(raw).toMatch(/^From: .+$/m);
    expect(raw).toMatch(/^To: ann@example\.org$/m);
    expect(raw).toMatch(/^Subject: Reset your password$/m);
    expect(raw).toMatch(/^Message-ID: <.+>$/m);

    const messages = await readOutbox(outbox);
    expect(messages).toHaveLength(before + 1);
    const message = messages.find((m) => m.file === outboxFile)!;
    expect(message).toMatchObject({ to: "ann@example.org", subject: "Reset your password" });
    // The link survives quoted-printable line wrapping intact.
    expect(message.text).toContain(link);
  });

  it("keeps non-ASCII subjects and bodies, and the HTML part", async () => {
    const { outboxFile } = await transmitMail({
      to: "jose@example.org",
      subject: "Réunion annuelle — inscription confirmée",
      text: "Bienvenue à la réunion, José. Ünïcode ✓",
      html: "<p>Bienvenue à la <strong>réunion</strong></p>",
    });
    const message = (await readOutbox(outbox)).find((m) => m.file === outboxFile)!;
    expect(message.subject).toBe("Réunion annuelle — inscription confirmée");
    expect(message.text).toBe("Bienvenue à la réunion, José. Ünïcode ✓");
    expect(message.html).toBe("<p>Bienvenue à la <strong>réunion</strong></p>");
  });

  it("keeps two messages with one subject sent at the same instant apart", async () => {
    await Promise.all([transmitMail({ to: "a@example.org", subject: "Same", text: "one" }), transmitMail({ to: "b@example.org", subject: "Same", text: "two" })]);
    const same = (await readOutbox(outbox)).filter((m) => m.subject === "Same");
    expect(same.map((m) => m.text).sort()).toEqual(["one", "two"]);
  });

  it("reads an outbox that does not exist yet as empty", async () => {
    expect(await readOutbox(path.join(outbox, "nothing-here"))).toEqual([]);
  });
});
