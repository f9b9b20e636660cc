import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accountKey, createPasswordReset, createUser } from "~/models/accounts/user.server";
import { createProgramFixture } from "~/models/program/program.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { mailTo } from "../../../tests/mail-queue";
import { createLoginSession, loginSessionCookie } from "~/utils/session.server";
import { action, loader } from "./login";
import { action as resetAction } from "./reset-password.$token";

type Reply = { status?: string; error?: Record<string, string[] | null> };

async function newUser(password = "a good password") {
  const created = await createUser({ email: `login-${randomUUID()}@example.test`, name: "Login Tester", password });
  if (!created.ok) throw new Error("could not create test user");
  return { ...created.user, password };
}

/**
 * POSTs a sign-in form from its own client address (the server's load context
 * carries it, as Express does), so rate-limit counts stay with the test.
 */
function postLogin(fields: Record<string, string>, { ip = `192.0.2.${randomUUID()}`, url = "http://localhost/login", cookie = "" } = {}) {
  const request = new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
  return action({ request, params: {}, context: { clientIp: ip } });
}

/** The Cookie header of a browser that has signed in to `user` (and so holds its device cookie), signed out again. */
async function trustedBrowser(user: { email: string; password: string }, ip?: string): Promise<string> {
  const response = (await postLogin({ email: user.email, password: user.password }, { ip })) as Response;
  expect(response.status).toBe(302);
  const device = response.headers.getSetCookie().find((cookie) => cookie.startsWith("meetings_device="));
  expect(device).toBeDefined();
  return device!.split(";")[0]!;
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
    const id = await loginSessionCookie.parse(response.headers.getSetCookie().find((cookie) => cookie.startsWith("meetings_session="))!);
    const row = await prisma.loginSession.findUnique({ where: { id }, select: { userId: true } });
    expect(row?.userId).toBe(user.id);
  });

  it("sent by “Add to my schedule”: names the session, adds it with the sign-in, and lands at its button", async () => {
    const program = await createProgramFixture();
    const { dotter } = program.sessions;
    const from = `/meetings/${program.meeting.slug}/agenda?day=2023-03-06`;
    const page = await loader({ request: new Request(`http://localhost${href.login(from, dotter.id)}`), params: {}, context: {} });
    expect(page?.pendingAdd).toEqual({ sessionId: dotter.id, title: "Dr. Charles T. Dotter Lecture", meetingName: program.meeting.name });

    const user = await newUser();
    // A wrong password adds nothing.
    await postLogin({ email: user.email, password: "not it", redirectTo: from, add: dotter.id });
    expect(await prisma.scheduleItem.count({ where: { userId: user.id } })).toBe(0);
    const response = (await postLogin({ email: user.email, password: user.password, redirectTo: from, add: dotter.id })) as Response;
    expect(response.headers.get("Location")).toBe(`${from}#schedule-${dotter.id}`);
    expect(await prisma.scheduleItem.findMany({ where: { userId: user.id }, select: { sessionId: true } })).toEqual([{ sessionId: dotter.id }]);
    // Already there (added in another tab, say) is no error.
    const again = await newUser();
    await prisma.scheduleItem.create({ data: { userId: again.id, sessionId: dotter.id } });
    expect(((await postLogin({ email: again.email, password: again.password, redirectTo: from, add: dotter.id })) as Response).headers.get("Location")).toBe(
      `${from}#schedule-${dotter.id}`,
    );
  });

  it("offers nothing to add for a cancelled or unknown session, and signing in then adds nothing", async () => {
    const program = await createProgramFixture();
    for (const add of [program.sessions.cancelled.id, "no-such-session", "<script>"]) {
      const page = await loader({ request: new Request(`http://localhost${href.login("/", add)}`), params: {}, context: {} });
      expect(page?.pendingAdd).toBeNull();
      const user = await newUser();
      const response = (await postLogin({ email: user.email, password: user.password, redirectTo: "/meetings", add })) as Response;
      expect(response.headers.get("Location")).toBe("/meetings");
      expect(await prisma.scheduleItem.count({ where: { userId: user.id } })).toBe(0);
    }
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

  it("keeps the per-address limit: a trusted browser's 11th attempt from one IP within 15 minutes gets 429, even with the right password", async () => {
    const user = await newUser();
    const ip = `198.51.100.${randomUUID()}`;
    // A browser that signed in before meets no account throttle, so the per-address limit is what answers.
    const browser = await trustedBrowser(user, ip);
    for (let i = 0; i < 10; i++) expect(asData(await postLogin({ email: user.email, password: "wrong password" }, { ip, cookie: browser })).status).toBe(400);
    const blocked = asData(await postLogin({ email: user.email, password: user.password }, { ip, cookie: browser }));
    expect(blocked.status).toBe(429);
    expect(blocked.reply.error?.[""]).toEqual(["Too many sign-in attempts. Try again in 15 minutes."]);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await prisma.loginSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers a body that is not a form with 400", async () => {
    const request = new Request("http://localhost/login", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    const thrown = await action({ request, params: {}, context: {} }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
  });
});

describe("the account's own throttle, across client addresses", () => {
  const wrong = "not the password";
  const incorrect = "Email or password is incorrect.";
  const waitMessage = (seconds: number) => `Too many failed sign-ins for this email address. Try again in ${seconds} seconds, or reset your password.`;
  /** Each attempt from a client address never seen before, as a botnet would. */
  const fromAnywhere = (fields: Record<string, string>, cookie = "") => postLogin(fields, { ip: `203.0.113.${randomUUID()}`, cookie });

  /** Lets the current wait run out, as if its seconds had passed. */
  async function waitOut(email: string) {
    await prisma.signInThrottle.updateMany({ where: { accountKey: accountKey(email) }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  }

  /** Ends the episode, as if an hour without failures had passed. */
  async function endEpisode(email: string) {
    await prisma.signInThrottle.updateMany({ where: { accountKey: accountKey(email) }, data: { lockedUntil: null, lastFailureAt: new Date(Date.now() - 61 * 60_000) } });
  }

  const noticesTo = async (email: string) => (await mailTo(email)).filter((m) => m.subject === "Someone is trying to sign in to your Meeting Platform account");

  it("lets 5 failures through from 25 addresses, then makes every address wait, even with the right password", async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) {
      const { status, reply } = asData(await fromAnywhere({ email: user.email, password: wrong }));
      expect([status, reply.error?.[""]]).toEqual([400, [incorrect]]);
    }
    const sixth = asData(await fromAnywhere({ email: user.email, password: wrong }));
    expect([sixth.status, sixth.reply.error?.[""]]).toEqual([400, [incorrect, waitMessage(15)]]);
    for (let i = 0; i < 19; i++) {
      const blocked = asData(await fromAnywhere({ email: user.email, password: i % 2 ? wrong : user.password }));
      expect(blocked.status).toBe(429);
      expect(blocked.reply.error?.[""]?.[0]).toMatch(/^Too many failed sign-ins for this email address\. Try again in 1?\d seconds, or reset your password\.$/);
      expect(Number(blocked.headers.get("Retry-After"))).toBeLessThanOrEqual(15);
    }
    expect(await prisma.loginSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("makes each further failure wait longer: 15, 30, 60, 120 seconds … up to 15 minutes", async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) await fromAnywhere({ email: user.email, password: wrong });
    const waits: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { reply } = asData(await fromAnywhere({ email: user.email, password: wrong }));
      waits.push(reply.error?.[""]?.[1] ?? "");
      const blocked = asData(await fromAnywhere({ email: user.email, password: user.password }));
      expect(blocked.status).toBe(429);
      await waitOut(user.email);
    }
    expect(waits).toEqual([15, 30, 60].map(waitMessage).concat(["2 minutes", "4 minutes", "8 minutes", "15 minutes", "15 minutes"].map((wait) => `Too many failed sign-ins for this email address. Try again in ${wait}, or reset your password.`)));
    // Once the wait is over, the right password gets in and the count starts again.
    expect(((await fromAnywhere({ email: user.email, password: user.password })) as Response).status).toBe(302);
    expect(asData(await fromAnywhere({ email: user.email, password: wrong })).reply.error?.[""]).toEqual([incorrect]);
  });

  it("answers an unknown address exactly as a known one, throttle and all", async () => {
    const user = await newUser();
    const unknown = `nobody-${randomUUID()}@example.test`;
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 8; i++) {
        const { status, reply, headers } = asData(await fromAnywhere({ email, password: wrong }));
        seen.push({ status, reply: JSON.parse(JSON.stringify(reply).replaceAll(email, "ADDRESS")) as unknown, retryAfter: headers.get("Retry-After") !== null });
      }
      return seen;
    };
    const forKnown = await answers(user.email);
    expect(forKnown.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 429, 429]);
    expect(await answers(unknown)).toEqual(forKnown);
  });

  it("e-mails the owner once per episode, saying what to do", async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) await fromAnywhere({ email: user.email, password: wrong });
    expect(await noticesTo(user.email)).toHaveLength(0);
    await fromAnywhere({ email: user.email, password: wrong });
    const [notice, ...more] = await noticesTo(user.email);
    expect(more).toHaveLength(0);
    expect(notice!.text).toContain("Hello Login Tester");
    expect(notice!.text).toMatch(/https?:\/\/[^\s]+\/forgot-password/);
    expect(notice!.text).toContain("Browsers you have signed in with before are not slowed down.");

    // More failures in the same episode: no more mail.
    for (let i = 0; i < 3; i++) {
      await waitOut(user.email);
      await fromAnywhere({ email: user.email, password: wrong });
    }
    expect(await noticesTo(user.email)).toHaveLength(1);

    // After an hour of quiet a new episode starts: 5 free failures again, and a new notice when it is throttled.
    await endEpisode(user.email);
    for (let i = 0; i < 5; i++) expect(asData(await fromAnywhere({ email: user.email, password: wrong })).reply.error?.[""]).toEqual([incorrect]);
    expect(await noticesTo(user.email)).toHaveLength(1);
    await fromAnywhere({ email: user.email, password: wrong });
    expect(await noticesTo(user.email)).toHaveLength(2);
  });

  it("never slows a browser that signed in before (its device cookie); that browser keeps its own limit", async () => {
    const user = await newUser();
    const browser = await trustedBrowser(user);
    for (let i = 0; i < 8; i++) await fromAnywhere({ email: user.email, password: wrong });
    expect(asData(await fromAnywhere({ email: user.email, password: user.password })).status).toBe(429);

    // The owner's browser: a typo answers as usual, and the right password gets in, from any address.
    expect(asData(await fromAnywhere({ email: user.email, password: wrong }, browser)).reply.error?.[""]).toEqual([incorrect]);
    const signedIn = (await fromAnywhere({ email: user.email, password: user.password }, browser)) as Response;
    expect(signedIn.status).toBe(302);
    // ...and its success leaves the attacker's episode as it was.
    expect(asData(await fromAnywhere({ email: user.email, password: user.password })).status).toBe(429);

    // Its own limit: 10 attempts per 15 minutes for this account, then it waits too.
    const renewed = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith("meetings_device="))!.split(";")[0]!;
    for (let i = 0; i < 10; i++) expect(asData(await fromAnywhere({ email: user.email, password: wrong }, renewed)).status).toBe(400);
    const limited = asData(await fromAnywhere({ email: user.email, password: user.password }, renewed));
    expect(limited.status).toBe(429);
    expect(limited.reply.error?.[""]?.[0]).toMatch(/^Too many failed sign-ins for this email address\. Try again in 15 minutes, or reset your password\.$/);
  });

  it("trusts no forged, tampered or other account's device cookie", async () => {
    const user = await newUser();
    const other = await newUser();
    const othersBrowser = await trustedBrowser(other);
    const [name, value] = othersBrowser.split("=");
    const forged = `${name}=${Buffer.from(JSON.stringify({ id: "x".repeat(24), accountKeys: [accountKey(user.email)] })).toString("base64")}`;
    const tampered = `${name}=${value!.slice(0, -3)}abc`;
    for (let i = 0; i < 6; i++) await fromAnywhere({ email: user.email, password: wrong });
    for (const cookie of [othersBrowser, forged, tampered]) {
      expect(asData(await fromAnywhere({ email: user.email, password: user.password }, cookie)).status).toBe(429);
    }
  });

  it("is lifted by a password reset, which also trusts the browser that made it", async () => {
    const user = await newUser();
    for (let i = 0; i < 8; i++) await fromAnywhere({ email: user.email, password: wrong });
    const reset = (await createPasswordReset(user.email))!;
    const resetResponse = (await resetAction({
      request: new Request(`http://localhost/reset-password/${reset.token}`, { method: "POST", body: new URLSearchParams({ password: "a brand new one", confirmPassword: "a brand new one" }) }),
      params: { token: reset.token },
      context: {},
    })) as Response;
    expect(resetResponse.status).toBe(302);
    const browser = resetResponse.headers.getSetCookie().find((cookie) => cookie.startsWith("meetings_device="))!.split(";")[0]!;
    expect(await prisma.signInThrottle.count({ where: { accountKey: accountKey(user.email) } })).toBe(0);
    // The attacker comes back at once: after 5 more failures strangers wait again, the owner's browser does not.
    for (let i = 0; i < 6; i++) await fromAnywhere({ email: user.email, password: wrong });
    expect(asData(await fromAnywhere({ email: user.email, password: "a brand new one" })).status).toBe(429);
    expect(((await fromAnywhere({ email: user.email, password: "a brand new one" }, browser)) as Response).status).toBe(302);
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
