import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "~/models/accounts/user.server";
import { getUser } from "~/server/auth.server";
import { prisma } from "~/utils/db.server";
import { createLoginSession } from "~/utils/session.server";
import { action, loader } from "./logout";

async function signedInCookie() {
  const created = await createUser({ email: `logout-${randomUUID()}@example.test`, name: "Leaving Soon", password: "a good password" });
  if (!created.ok) throw new Error("could not create test user");
  const { setCookie, loginSession } = await createLoginSession(created.user.id, new Request("http://localhost/"));
  return { cookie: setCookie.split(";")[0]!, loginSession, user: created.user };
}

describe("/logout", () => {
  it("POST deletes this device's LoginSession, clears the cookie and goes home", async () => {
    const { cookie, loginSession } = await signedInCookie();
    const request = new Request("http://localhost/logout", { method: "POST", body: new URLSearchParams(), headers: { Cookie: cookie } });
    const response = (await action({ request, params: {}, context: {} })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/^meetings_session=;/);
    expect(await prisma.loginSession.findUnique({ where: { id: loginSession.id }, select: { id: true } })).toBeNull();
    expect(await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toBeNull();
  });

  it("GET signs nobody out: it offers the button to the signed-in", async () => {
    const { cookie, loginSession, user } = await signedInCookie();
    const result = await loader({ request: new Request("http://localhost/logout", { headers: { Cookie: cookie } }), params: {}, context: {} });
    expect(result).toEqual({ name: user.name });
    expect(await prisma.loginSession.findUnique({ where: { id: loginSession.id }, select: { id: true } })).not.toBeNull();
  });

  it("GET sends the signed-out home", async () => {
    const thrown = await Promise.resolve(loader({ request: new Request("http://localhost/logout"), params: {}, context: {} })).catch((e: unknown) => e);
    expect((thrown as Response).headers.get("Location")).toBe("/");
  });
});
