import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPasswordReset, createUser, PASSWORD_RESET_TTL_MS, verifyLogin } from "~/models/accounts/user.server";
import { prisma } from "~/utils/db.server";
import { createLoginSession } from "~/utils/session.server";
import { action, loader } from "./reset-password.$token";

type Reply = { error?: Record<string, string[] | null> };

async function userWithResetLink(issuedAt = new Date()) {
  const email = `reset-${randomUUID()}@example.test`;
  const created = await createUser({ email, name: "Resetting", password: "old password" });
  if (!created.ok) throw new Error("could not create test user");
  const reset = (await createPasswordReset(email, issuedAt))!;
  return { user: created.user, token: reset.token };
}

async function load(token: string) {
  const result = (await loader({ request: new Request(`http://localhost/reset-password/${token}`), params: { token }, context: {} })) as unknown;
  if (result && typeof result === "object" && "init" in result) {
    const { data, init } = result as { data: { linkUsable: boolean }; init: ResponseInit | null };
    return { status: init?.status ?? 200, body: data };
  }
  return { status: 200, body: result as { linkUsable: boolean } };
}

async function post(token: string, fields: Record<string, string>) {
  const request = new Request(`http://localhost/reset-password/${token}`, { method: "POST", body: new URLSearchParams(fields) });
  return action({ request, params: { token }, context: {} });
}

function asData(result: unknown) {
  expect(result).not.toBeInstanceOf(Response);
  const { data, init } = result as { data: { linkUsable: boolean; result?: Reply }; init: ResponseInit | null };
  return { status: init?.status ?? 200, body: data };
}

describe("/reset-password/:token", () => {
  it("shows the form for a fresh link", async () => {
    const { token } = await userWithResetLink();
    expect(await load(token)).toEqual({ status: 200, body: { linkUsable: true } });
  });

  it("sets the new password, signs out every device, and sends to sign in", async () => {
    const { user, token } = await userWithResetLink();
    await createLoginSession(user.id, new Request("http://localhost/"));
    const response = (await post(token, { password: "new password!", confirmPassword: "new password!" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?reset=done");
    expect(await verifyLogin(user.email, "new password!")).not.toBeNull();
    expect(await prisma.loginSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers a used link with 410 on both GET and POST, and keeps the password", async () => {
    const { user, token } = await userWithResetLink();
    await post(token, { password: "new password!", confirmPassword: "new password!" });
    expect(await load(token)).toEqual({ status: 410, body: { linkUsable: false } });
    const again = asData(await post(token, { password: "hijack password", confirmPassword: "hijack password" }));
    expect(again.status).toBe(410);
    expect(again.body.linkUsable).toBe(false);
    expect(await verifyLogin(user.email, "new password!")).not.toBeNull();
  });

  it("answers an expired link with 410", async () => {
    const { user, token } = await userWithResetLink(new Date(Date.now() - PASSWORD_RESET_TTL_MS - 60_000));
    expect((await load(token)).status).toBe(410);
    expect(asData(await post(token, { password: "new password!", confirmPassword: "new password!" })).status).toBe(410);
    expect(await verifyLogin(user.email, "old password")).not.toBeNull();
  });

  it("answers unknown and malformed tokens with 410", async () => {
    expect((await load("A".repeat(43))).status).toBe(410);
    expect((await load("../../etc/passwd")).status).toBe(410);
    expect((await load("x".repeat(5000))).status).toBe(410);
  });

  it("answers mismatched, short and oversized passwords with 400 field errors and leaves the link usable", async () => {
    const { token } = await userWithResetLink();
    const mismatch = asData(await post(token, { password: "new password!", confirmPassword: "new password?" }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.result?.error?.confirmPassword).toEqual(["The two passwords do not match"]);
    const short = asData(await post(token, { password: "short", confirmPassword: "short" }));
    expect(short.body.result?.error?.password).toEqual(["Use at least 8 characters"]);
    const long = asData(await post(token, { password: "p".repeat(129), confirmPassword: "p".repeat(129) }));
    expect(long.body.result?.error?.password).toEqual(["A password has at most 128 characters"]);
    expect((await load(token)).body.linkUsable).toBe(true);
  });
});
