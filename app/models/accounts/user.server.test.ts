import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createLoginSession } from "~/utils/session.server";
import { createPasswordReset, createUser, isPasswordResetTokenUsable, normalizeEmail, PASSWORD_RESET_TTL_MS, resetPassword, verifyLogin } from "./user.server";

const uniqueEmail = () => `user-${randomUUID()}@example.test`;

async function newUser(password = "correct horse battery") {
  const email = uniqueEmail();
  const created = await createUser({ email, name: "Ada Lovelace", password });
  if (!created.ok) throw new Error("could not create test user");
  return { ...created.user, password };
}

describe("createUser", () => {
  it("stores the email trimmed and lower-cased, and the password only as an argon2 hash", async () => {
    const email = uniqueEmail();
    const created = await createUser({ email: `  ${email.toUpperCase()} `, name: "  Grace Hopper ", password: "s3cret-password" });
    expect(created.ok).toBe(true);
    const row = await prisma.user.findUniqueOrThrow({ where: { email }, select: { name: true, passwordHash: true } });
    expect(row.name).toBe("Grace Hopper");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("s3cret-password");
  });

  it("reports a taken email (in any case) instead of throwing, and creates nothing", async () => {
    const user = await newUser();
    const again = await createUser({ email: user.email.toUpperCase(), name: "Someone Else", password: "another-password" });
    expect(again).toEqual({ ok: false, reason: "email-taken" });
    expect(await prisma.user.count({ where: { email: user.email } })).toBe(1);
  });
});

describe("verifyLogin", () => {
  it("returns the user for the right password, whatever the email's case and spacing", async () => {
    const user = await newUser();
    const found = await verifyLogin(` ${user.email.toUpperCase()}`, user.password);
    expect(found).toMatchObject({ id: user.id, email: user.email });
    expect(found).not.toHaveProperty("passwordHash");
  });

  it("returns null for a wrong password and for an unknown email", async () => {
    const user = await newUser();
    expect(await verifyLogin(user.email, "wrong password")).toBeNull();
    expect(await verifyLogin(uniqueEmail(), user.password)).toBeNull();
  });
});

describe("password reset", () => {
  it("issues a 32-byte token and stores only its sha256, expiring in one hour", async () => {
    const user = await newUser();
    const now = new Date();
    const reset = await createPasswordReset(user.email.toUpperCase(), now);
    expect(reset).not.toBeNull();
    expect(Buffer.from(reset!.token, "base64url")).toHaveLength(32);
    const rows = await prisma.passwordResetToken.findMany({ where: { userId: user.id }, select: { tokenHash: true, expiresAt: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(reset!.token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.expiresAt.getTime()).toBe(now.getTime() + PASSWORD_RESET_TTL_MS);
  });

  it("issues nothing for an unknown email", async () => {
    expect(await createPasswordReset(uniqueEmail())).toBeNull();
  });

  it("sets the new password, signs the user out everywhere, and works only once", async () => {
    const user = await newUser();
    await createLoginSession(user.id, new Request("http://localhost/"));
    await createLoginSession(user.id, new Request("http://localhost/"));
    const reset = (await createPasswordReset(user.email))!;

    expect(await resetPassword(reset.token, "brand new password")).toEqual({ ok: true, userId: user.id, email: user.email });
    expect(await verifyLogin(user.email, "brand new password")).not.toBeNull();
    expect(await verifyLogin(user.email, user.password)).toBeNull();
    expect(await prisma.loginSession.count({ where: { userId: user.id } })).toBe(0);

    expect(await isPasswordResetTokenUsable(reset.token)).toBe(false);
    expect(await resetPassword(reset.token, "a third password")).toEqual({ ok: false });
    expect(await verifyLogin(user.email, "brand new password")).not.toBeNull();
  });

  it("lets only one of two concurrent resets with the same token win", async () => {
    const user = await newUser();
    const reset = (await createPasswordReset(user.email))!;
    const outcomes = await Promise.all([resetPassword(reset.token, "first new password"), resetPassword(reset.token, "second new password")]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
  });

  it("invalidates the user's other outstanding links once one is used", async () => {
    const user = await newUser();
    const first = (await createPasswordReset(user.email))!;
    const second = (await createPasswordReset(user.email))!;
    expect((await resetPassword(second.token, "brand new password")).ok).toBe(true);
    expect(await resetPassword(first.token, "sneaky password")).toEqual({ ok: false });
  });

  it("refuses an expired token and leaves the password as it was", async () => {
    const user = await newUser();
    const issuedAt = new Date(Date.now() - PASSWORD_RESET_TTL_MS - 1000);
    const reset = (await createPasswordReset(user.email, issuedAt))!;
    expect(await isPasswordResetTokenUsable(reset.token)).toBe(false);
    expect(await resetPassword(reset.token, "brand new password")).toEqual({ ok: false });
    expect(await verifyLogin(user.email, user.password)).not.toBeNull();
  });

  it("refuses an unknown token", async () => {
    expect(await resetPassword("not-a-token-we-ever-issued", "brand new password")).toEqual({ ok: false });
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ann.Smith@Example.ORG ")).toBe("ann.smith@example.org");
  });
});
