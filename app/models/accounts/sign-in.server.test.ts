import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { mailTo } from "../../../tests/mail-queue";
import { delayAfterFailures, recordFailedSignIn, signInThrottleWait } from "./sign-in.server";
import { accountKey, createUser } from "./user.server";

describe("delayAfterFailures", () => {
  it("is free for 5 failures, then doubles from 15 seconds and stops at 15 minutes", () => {
    expect(Array.from({ length: 13 }, (_, i) => delayAfterFailures(i + 1))).toEqual([0, 0, 0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900]);
    expect(delayAfterFailures(1_000_000)).toBe(900);
  });
});

describe("recordFailedSignIn", () => {
  it("counts concurrent failures from many processes exactly once each, and sends one notice", async () => {
    const email = `throttle-${randomUUID()}@example.test`;
    await createUser({ email, name: "Much Sought", password: "a good password" });
    const now = new Date();
    await Promise.all(Array.from({ length: 12 }, () => recordFailedSignIn(email, now)));
    const row = await prisma.signInThrottle.findUniqueOrThrow({ where: { accountKey: accountKey(email) }, select: { failures: true, lockedUntil: true } });
    expect(row.failures).toBe(12);
    expect(row.lockedUntil?.getTime()).toBe(now.getTime() + 900_000);
    expect(await signInThrottleWait(email, now)).toBe(900);
    const notices = await mailTo(email);
    expect(notices.map((m) => m.subject)).toEqual(["Someone is trying to sign in to your Meeting Platform account"]);
  });

  it("keys the row by an HMAC of the address, whatever its case, and stores no address", async () => {
    const email = `Throttle-${randomUUID()}@Example.test`;
    await recordFailedSignIn(email);
    expect(accountKey(email)).toBe(accountKey(` ${email.toLowerCase()} `));
    const row = await prisma.signInThrottle.findUniqueOrThrow({ where: { accountKey: accountKey(email) }, select: { accountKey: true } });
    expect(row.accountKey).not.toContain(email.toLowerCase().split("@")[0]);
    expect(row.accountKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
