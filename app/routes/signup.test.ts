import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, verifyLogin } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { loginSessionCookie } from "~/utils/session.server";
import { action } from "./signup";

type Reply = { error?: Record<string, string[] | null> };

function postSignup(fields: Record<string, string>, ip = `192.0.2.${randomUUID()}`) {
  const request = new Request("http://localhost/signup", { method: "POST", body: new URLSearchParams(fields), headers: { "X-Forwarded-For": ip } });
  return action({ request, params: {}, context: {} });
}

function asData(result: unknown) {
  expect(result).not.toBeInstanceOf(Response);
  const { data, init } = result as { data: Reply; init: ResponseInit | null };
  return { status: init?.status ?? 200, reply: data };
}

const uniqueEmail = () => `signup-${randomUUID()}@example.test`;

describe("POST /signup", () => {
  it("creates the account, signs it in and returns to redirectTo", async () => {
    const email = uniqueEmail();
    const response = (await postSignup({ name: "Charles Dotter", email, password: "angioplasty-1964", redirectTo: "/meetings/sir-2023" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/meetings/sir-2023");
    const user = await verifyLogin(email, "angioplasty-1964");
    expect(user?.name).toBe("Charles Dotter");
    const id = await loginSessionCookie.parse(response.headers.get("Set-Cookie"));
    expect((await prisma.loginSession.findUnique({ where: { id }, select: { userId: true } }))?.userId).toBe(user?.id);
  });

  it("answers a taken email with a field error, not a 500, and changes nothing", async () => {
    const email = uniqueEmail();
    await createUser({ email, name: "First Owner", password: "first password" });
    const { status, reply } = asData(await postSignup({ name: "Second Try", email: email.toUpperCase(), password: "second password" }));
    expect(status).toBe(400);
    expect(reply.error?.email?.[0]).toMatch(/already exists/);
    expect(await verifyLogin(email, "first password")).not.toBeNull();
  });

  it("answers oversized and too-short fields with 400 field errors and creates nothing", async () => {
    const email = `${"a".repeat(250)}@example.test`;
    const { status, reply } = asData(await postSignup({ name: "n".repeat(201), email, password: "short" }));
    expect(status).toBe(400);
    expect(reply.error?.name).toEqual(["A name has at most 200 characters"]);
    expect(reply.error?.email).toContain("An email address has at most 254 characters");
    expect(reply.error?.password).toEqual(["Use at least 8 characters"]);
    expect(asData(await postSignup({ name: "Ok", email: uniqueEmail(), password: "p".repeat(129) })).reply.error?.password).toEqual([
      "A password has at most 128 characters",
    ]);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("requires a name, an email and a password", async () => {
    const { status, reply } = asData(await postSignup({ name: "   " }));
    expect(status).toBe(400);
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("allows 5 sign-ups per hour from one IP, then answers 429", async () => {
    const ip = `198.51.100.${randomUUID()}`;
    for (let i = 0; i < 5; i++) {
      expect(((await postSignup({ name: `Person ${i}`, email: uniqueEmail(), password: "a good password" }, ip)) as Response).status).toBe(302);
    }
    const email = uniqueEmail();
    const blocked = asData(await postSignup({ name: "One Too Many", email, password: "a good password" }, ip));
    expect(blocked.status).toBe(429);
    expect(blocked.reply.error?.[""]?.[0]).toMatch(/^Too many sign-ups from your network\. Try again in \d+ minutes\.$/);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});
