import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { createLoginSession, loginSessionCookie } from "~/utils/session.server";
import { action, loader } from "./login";

type Reply = { status?: string; error?: Record<string, string[] | null> };

async function newUser(password = "a good password") {
  const created = await createUser({ email: `login-${randomUUID()}@example.test`, name: "Login Tester", password });
  if (!created.ok) throw new Error("could not create test user");
  return { ...created.user, password };
}

/** POSTs a sign-in form from its own IP (so rate-limit counts stay with the test). */
function postLogin(fields: Record<string, string>, { ip = `192.0.2.${randomUUID()}`, url = "http://localhost/login" } = {}) {
  const request = new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: { "X-Forwarded-For": ip } });
  return action({ request, params: {}, context: {} });
}

function asData(result: unknown) {
  expect(result).not.toBeInstanceOf(Response);
  const { data, init } = result as { data: Reply; init: ResponseInit | null };
  return { status: init?.status ?? 200, reply: data, headers: new Headers(init?.headers) };
}

describe("POST /login", () => {
  it("signs in: a LoginSession row, its signed id in the cookie, and back to redirectTo", async () => {
    const user = await newUser();
    const response = (await postLogin({ email: user.email.toUpperCase(), password: user.password, redirectTo: "/meetings/sir-2023/agenda?day=2" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/meetings/sir-2023/agenda?day=2");
    const id = await loginSessionCookie.parse(response.headers.get("Set-Cookie"));
    const row = await prisma.loginSession.findUnique({ where: { id }, select: { userId: true } });
    expect(row?.userId).toBe(user.id);
  });

  it("ignores a redirectTo that leaves the site", async () => {
    const user = await newUser();
    const response = (await postLogin({ email: user.email, password: user.password, redirectTo: "//evil.example/phish" })) as Response;
    expect(response.headers.get("Location")).toBe("/");
  });

  it("answers a wrong password with 400 'Email or password is incorrect' and no sign-in", async () => {
    const user = await newUser();
    const { status, reply } = asData(await postLogin({ email: user.email, password: "not the password" }));
    expect(status).toBe(400);
    expect(reply.error?.[""]).toEqual(["Email or password is incorrect."]);
    expect(await prisma.loginSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives the same answer for an email without an account", async () => {
    const { status, reply } = asData(await postLogin({ email: `${randomUUID()}@example.test`, password: "whatever password" }));
    expect(status).toBe(400);
    expect(reply.error?.[""]).toEqual(["Email or password is incorrect."]);
  });

  it("answers missing and oversized fields with 400 field errors", async () => {
    const missing = asData(await postLogin({}));
    expect(missing.status).toBe(400);
    expect(missing.reply.error?.email).toEqual(["Enter your email address"]);
    expect(missing.reply.error?.password).toEqual(["Enter your password"]);

    const oversized = asData(await postLogin({ email: `${"a".repeat(250)}@example.test`, password: "p".repeat(129) }));
    expect(oversized.status).toBe(400);
    expect(oversized.reply.error?.email).toContain("An email address has at most 254 characters");
    expect(oversized.reply.error?.password).toEqual(["A password has at most 128 characters"]);
  });

  it("never echoes the password back", async () => {
    const { reply } = asData(await postLogin({ email: "not-an-email", password: "secret-password" }));
    expect(JSON.stringify(reply)).not.toContain("secret-password");
  });

  it("refuses the 11th attempt within 15 minutes with 429 and how long to wait, even with the right password", async () => {
    const user = await newUser();
    const ip = `198.51.100.${randomUUID()}`;
    for (let i = 0; i < 10; i++) expect(asData(await postLogin({ email: user.email, password: "wrong password" }, { ip })).status).toBe(400);
    const blocked = asData(await postLogin({ email: user.email, password: user.password }, { ip }));
    expect(blocked.status).toBe(429);
    expect(blocked.reply.error?.[""]).toEqual(["Too many sign-in attempts. Try again in 15 minutes."]);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await prisma.loginSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers a body that is not a form with 400", async () => {
    const request = new Request("http://localhost/login", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    const thrown = await action({ request, params: {}, context: {} }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
  });
});

describe("GET /login", () => {
  it("sends the already signed-in home", async () => {
    const user = await newUser();
    const { setCookie } = await createLoginSession(user.id, new Request("http://localhost/"));
    const request = new Request("http://localhost/login", { headers: { Cookie: setCookie.split(";")[0]! } });
    const thrown = await Promise.resolve(loader({ request, params: {}, context: {} })).catch((error: unknown) => error);
    expect((thrown as Response).headers.get("Location")).toBe("/");
  });
});
