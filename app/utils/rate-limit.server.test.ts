import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientIp, defineRateLimit, limitPasswordResetRequest, limitSignIn, limitSignUp, resetSignInLimit, tooManyAttemptsMessage } from "./rate-limit.server";

const uniqueIp = () => `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${randomUUID().slice(0, 4)}`;

describe("defineRateLimit", () => {
  it("allows exactly `points` attempts per window, then tells how long to wait", async () => {
    const limit = defineRateLimit({ name: `test-${randomUUID()}`, points: 3, durationSeconds: 600 });
    for (let i = 0; i < 3; i++) expect(await limit.consume("key")).toEqual({ allowed: true });
    const verdict = await limit.consume("key");
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) {
      expect(verdict.retryAfterSeconds).toBeGreaterThan(590);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
    // Other keys are counted separately.
    expect(await limit.consume("another key")).toEqual({ allowed: true });
  });

  it("shares counts across limiter instances (as across web processes), through the database", async () => {
    const name = `test-${randomUUID()}`;
    const one = defineRateLimit({ name, points: 4, durationSeconds: 60 });
    const two = defineRateLimit({ name, points: 4, durationSeconds: 60 });
    expect((await one.consume("k")).allowed).toBe(true);
    expect((await two.consume("k")).allowed).toBe(true);
    expect((await one.consume("k")).allowed).toBe(true);
    expect((await two.consume("k")).allowed).toBe(true);
    expect((await one.consume("k")).allowed).toBe(false);
    expect((await two.consume("k")).allowed).toBe(false);
  });

  it("forgets a key on reset", async () => {
    const limit = defineRateLimit({ name: `test-${randomUUID()}`, points: 1, durationSeconds: 60 });
    await limit.consume("k");
    expect((await limit.consume("k")).allowed).toBe(false);
    await limit.reset("k");
    expect((await limit.consume("k")).allowed).toBe(true);
  });

  it("accepts keys longer than the table's varchar(255)", async () => {
    const limit = defineRateLimit({ name: `test-${randomUUID()}`, points: 1, durationSeconds: 60 });
    expect((await limit.consume("x".repeat(1000))).allowed).toBe(true);
    expect((await limit.consume("x".repeat(1000))).allowed).toBe(false);
  });
});

describe("the account limits", () => {
  it("sign-in: 10 attempts per 15 minutes for one email from one IP", async () => {
    const ip = uniqueIp();
    const email = `${randomUUID()}@example.test`;
    for (let i = 0; i < 10; i++) expect((await limitSignIn(ip, email)).allowed).toBe(true);
    const verdict = await limitSignIn(ip, email);
    expect(verdict).toMatchObject({ allowed: false });
    if (!verdict.allowed) expect(verdict.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another account from the same IP is not locked out by this one.
    expect((await limitSignIn(ip, `${randomUUID()}@example.test`)).allowed).toBe(true);
    // A successful sign-in clears the account's count.
    await resetSignInLimit(ip, email);
    expect((await limitSignIn(ip, email)).allowed).toBe(true);
  });

  it("sign-in: 50 attempts per 15 minutes from one IP across accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 50; i++) expect((await limitSignIn(ip, `${i}-${randomUUID()}@example.test`)).allowed).toBe(true);
    expect((await limitSignIn(ip, `${randomUUID()}@example.test`)).allowed).toBe(false);
    expect((await limitSignIn(uniqueIp(), `${randomUUID()}@example.test`)).allowed).toBe(true);
  });

  it("sign-up: 5 per hour from one IP", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) expect((await limitSignUp(ip)).allowed).toBe(true);
    const verdict = await limitSignUp(ip);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.retryAfterSeconds).toBeGreaterThan(59 * 60);
  });

  it("password reset requests: 5 per hour per email", async () => {
    const email = `${randomUUID()}@example.test`;
    for (let i = 0; i < 5; i++) expect((await limitPasswordResetRequest(email)).allowed).toBe(true);
    expect((await limitPasswordResetRequest(email)).allowed).toBe(false);
  });
});

describe("tooManyAttemptsMessage", () => {
  it("rounds the wait up to whole minutes", () => {
    expect(tooManyAttemptsMessage("sign-in attempts", 14 * 60 + 1)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage("sign-in attempts", 5)).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });
});

describe("clientIp", () => {
  it("prefers the address the server puts in the load context", () => {
    const request = new Request("http://localhost/", { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(clientIp(request, { clientIp: "198.51.100.9" })).toBe("198.51.100.9");
  });

  it("otherwise takes the first X-Forwarded-For address, else one shared key", () => {
    expect(clientIp(new Request("http://localhost/", { headers: { "X-Forwarded-For": "203.0.113.7, 10.0.0.1" } }))).toBe("203.0.113.7");
    expect(clientIp(new Request("http://localhost/"))).toBe(clientIp(new Request("http://localhost/other")));
  });
});
