import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, isPasswordResetTokenUsable } from "~/models/accounts/user.server";
import { env } from "~/utils/env.server";
import { mailTo } from "../../../tests/mail-queue";
import { action } from "./forgot-password";

type Result = { result: { error?: Record<string, string[] | null> }; sent: boolean };

async function postForgot(email: string) {
  const request = new Request("http://localhost/forgot-password", { method: "POST", body: new URLSearchParams({ email }) });
  const result = (await action({ request, params: {}, context: {} })) as { data: Result; init: ResponseInit | null };
  return { status: result.init?.status ?? 200, body: result.data, headers: new Headers(result.init?.headers) };
}


describe("POST /forgot-password", () => {
  it("emails a working reset link to an existing account", async () => {
    const email = `forgot-${randomUUID()}@example.test`;
    await createUser({ email, name: "Forgetful Fellow", password: "old password" });
    const { status, body } = await postForgot(email.toUpperCase());
    expect(status).toBe(200);
    expect(body.sent).toBe(true);

    const [mail, ...more] = await mailTo(email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Reset your password");
    expect(mail!.text).toContain("Hello Forgetful Fellow");
    const link = new RegExp(`${env.APP_ORIGIN}/reset-password/([A-Za-z0-9_-]{43})`).exec(mail!.text);
    expect(link).not.toBeNull();
    expect(await isPasswordResetTokenUsable(link![1]!)).toBe(true);
  });

  it("answers an unknown email exactly as a known one, and sends nothing", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    const known = `known-${randomUUID()}@example.test`;
    await createUser({ email: known, name: "Known", password: "a good password" });
    const forUnknown = await postForgot(email);
    const forKnown = await postForgot(known);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.body).toEqual(forKnown.body);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("answers a malformed email with a 400 field error", async () => {
    const { status, body } = await postForgot("not an email");
    expect(status).toBe(400);
    expect(body.result.error?.email).toEqual(["Enter a valid email address, like name@example.org"]);
    expect(body.sent).toBe(false);
  });

  it("allows 5 requests per hour for one email, then answers 429 and sends no more", async () => {
    const email = `eager-${randomUUID()}@example.test`;
    await createUser({ email, name: "Eager", password: "a good password" });
    for (let i = 0; i < 5; i++) expect((await postForgot(email)).status).toBe(200);
    const blocked = await postForgot(email);
    expect(blocked.status).toBe(429);
    expect(blocked.body.result.error?.[""]?.[0]).toMatch(/^Too many password reset requests for this email\. Try again in \d+ minutes\.$/);
    expect(await mailTo(email)).toHaveLength(5);
  });
});
