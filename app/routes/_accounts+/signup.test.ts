import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { requestSignup, SIGNUP_LINK_TTL_MS } from "~/models/accounts/signup.server";
import { createUser, verifyLogin } from "~/models/accounts/user.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import type * as PasswordModule from "~/utils/password.server";
import { loginSessionCookie } from "~/utils/session.server";
import { mailTo } from "../../../tests/mail-queue";
import { createProgramFixture } from "~/models/program/program.fixture";
import { href } from "~/utils/href";
import { action, loader as signupLoader } from "./signup";
import { action as confirmAction, loader as confirmLoader } from "./signup_.confirm.$token";

// Counts the password hashes each sign-up makes, keeping the real argon2.
vi.mock("~/utils/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

type Reply = { status?: string; error?: Record<string, string[] | null> };
type Body = { result: Reply; sentTo: string | null };

function postSignup(fields: Record<string, string>, ip = `192.0.2.${randomUUID()}`) {
  const request = new Request("http://localhost/signup", { method: "POST", body: new URLSearchParams(fields) });
  return action({ request, params: {}, context: { clientIp: ip } });
}

function asData<T = Body>(result: unknown) {
  expect(result).not.toBeInstanceOf(Response);
  const { data, init } = result as { data: T; init: ResponseInit | null };
  return { status: init?.status ?? 200, body: data };
}

/** A reply with the address it was about blanked out, to compare the answers for two addresses. */
const withoutAddress = (body: unknown, email: string): unknown => JSON.parse(JSON.stringify(body).replaceAll(email, "ADDRESS").replaceAll(email.toUpperCase(), "ADDRESS"));

const uniqueEmail = () => `signup-${randomUUID()}@example.test`;

/** The token of the newest sign-up link e-mailed to `email`. */
async function signupTokenFor(email: string): Promise<string> {
  const mails = await mailTo(email);
  const token = new RegExp(`${env.APP_ORIGIN}/signup/confirm/([A-Za-z0-9_-]{43})`).exec(mails.at(-1)?.text ?? "")?.[1];
  if (!token) throw new Error(`no sign-up link was e-mailed to ${email}`);
  return token;
}

async function loadConfirm(token: string) {
  const result: unknown = await confirmLoader({ request: new Request(`http://localhost/signup/confirm/${token}`), params: { token }, context: {} });
  return asData<{ state: string; name?: string; email?: string; pendingAdd?: { title: string } | null }>(result);
}

function postConfirm(token: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/signup/confirm/${token}`, { method: "POST", body: new URLSearchParams(fields), headers });
  return confirmAction({ request, params: { token }, context: {} });
}

type ConfirmBody = { page: { state: string; email?: string } | null; result?: Reply };

describe("POST /signup", () => {
  it("answers a known and an unknown address alike (status and body), after hashing a password for each", async () => {
    const known = uniqueEmail();
    await createUser({ email: known, name: "Already Here", password: "first password" });
    const unknown = uniqueEmail();
    vi.mocked(hashPassword).mockClear();

    const forKnown = asData(await postSignup({ name: "Second Try", email: known.toUpperCase(), password: "second password" }));
    expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(1);
    const forUnknown = asData(await postSignup({ name: "Someone New", email: unknown, password: "second password" }));
    expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(2);

    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    // The only difference is the address each typed, which the page repeats.
    expect(withoutAddress(forUnknown.body, unknown)).toEqual(withoutAddress(forKnown.body, known));
    expect([forKnown.body.sentTo, forUnknown.body.sentTo]).toEqual([known, unknown]);
    expect(JSON.stringify(forKnown.body)).not.toContain("second password");
  });

  it("e-mails an unknown address a link, and creates no account until the link is used", async () => {
    const email = uniqueEmail();
    await postSignup({ name: "Charles Dotter", email, password: "angioplasty-1964", redirectTo: "/meetings/sir-2023/register" });
    const [mail, ...more] = await mailTo(email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Finish creating your Meeting Platform account");
    expect(mail!.text).toContain("Hello Charles Dotter");
    expect(mail!.text).toContain("within 24 hours");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    // The request keeps only the token's hash, never the token or the password.
    const token = await signupTokenFor(email);
    const row = await prisma.signupRequest.findFirstOrThrow({ where: { email }, select: { tokenHash: true, passwordHash: true, redirectTo: true } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.redirectTo).toBe("/meetings/sir-2023/register");
  });

  it("e-mails a known address how to sign in or reset instead, and changes nothing", async () => {
    const email = uniqueEmail();
    await createUser({ email, name: "First Owner", password: "first password" });
    await postSignup({ name: "Second Try", email, password: "second password" });
    const [mail, ...more] = await mailTo(email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Someone tried to create a Meeting Platform account with your address");
    expect(mail!.text).toContain("Hello First Owner");
    expect(mail!.text).toContain(`${env.APP_ORIGIN}/login`);
    expect(mail!.text).toContain(`${env.APP_ORIGIN}/forgot-password`);
    expect(mail!.text).not.toMatch(/signup\/confirm/);
    expect(await prisma.signupRequest.count({ where: { email } })).toBe(0);
    expect(await verifyLogin(email, "first password")).not.toBeNull();
    expect(await verifyLogin(email, "second password")).toBeNull();
  });

  it("answers oversized and too-short fields with 400 field errors and sends nothing", async () => {
    const email = `${"a".repeat(250)}@example.test`;
    const { status, body } = asData(await postSignup({ name: "n".repeat(201), email, password: "short" }));
    expect(status).toBe(400);
    expect(body.sentTo).toBeNull();
    expect(body.result.error?.name).toEqual(["A name has at most 200 characters"]);
    expect(body.result.error?.email).toContain("An email address has at most 254 characters");
    expect(body.result.error?.password).toEqual(["Use at least 8 characters"]);
    expect(asData(await postSignup({ name: "Ok", email: uniqueEmail(), password: "p".repeat(129) })).body.result.error?.password).toEqual([
      "A password has at most 128 characters",
    ]);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("requires a name, an email and a password", async () => {
    const { status, body } = asData(await postSignup({ name: "   " }));
    expect(status).toBe(400);
    expect(Object.keys(body.result.error ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("allows 5 sign-ups per hour from one IP, then answers 429", async () => {
    const ip = `198.51.100.${randomUUID()}`;
    for (let i = 0; i < 5; i++) expect(asData(await postSignup({ name: `Person ${i}`, email: uniqueEmail(), password: "a good password" }, ip)).status).toBe(200);
    const email = uniqueEmail();
    const blocked = asData(await postSignup({ name: "One Too Many", email, password: "a good password" }, ip));
    expect(blocked.status).toBe(429);
    expect(blocked.body.result.error?.[""]?.[0]).toMatch(/^Too many sign-ups from your network\. Try again in \d+ minutes\.$/);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("allows 5 sign-ups per hour for one address from anywhere, known or not, so its inbox cannot be flooded", async () => {
    const known = uniqueEmail();
    await createUser({ email: known, name: "Flooded", password: "a good password" });
    const unknown = uniqueEmail();
    for (const email of [known, unknown]) {
      for (let i = 0; i < 5; i++) expect(asData(await postSignup({ name: "Again", email, password: "a good password" })).status).toBe(200);
    }
    const [forKnown, forUnknown] = [asData(await postSignup({ name: "Again", email: known, password: "a good password" })), asData(await postSignup({ name: "Again", email: unknown, password: "a good password" }))];
    expect([forKnown.status, forUnknown.status]).toEqual([429, 429]);
    expect(withoutAddress(forKnown.body, known)).toEqual(withoutAddress(forUnknown.body, unknown));
    expect(forKnown.body.result.error?.[""]?.[0]).toMatch(/^Too many sign-ups for this email address\. Try again in \d+ minutes\.$/);
    expect(await mailTo(known)).toHaveLength(5);
    expect(await mailTo(unknown)).toHaveLength(5);
  });
});

describe("/signup/confirm/:token", () => {
  it("with the password chosen, creates the account, signs in, trusts the browser and lands on redirectTo", async () => {
    const email = uniqueEmail();
    await postSignup({ name: "Charles Dotter", email: email.toUpperCase(), password: "angioplasty-1964", redirectTo: "/meetings/sir-2023/agenda?day=2" });
    const token = await signupTokenFor(email);
    expect(await loadConfirm(token)).toEqual({ status: 200, body: { state: "ready", name: "Charles Dotter", email, pendingAdd: null } });

    const response = (await postConfirm(token, { password: "angioplasty-1964" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/meetings/sir-2023/agenda?day=2");
    const user = await verifyLogin(email, "angioplasty-1964");
    expect(user?.name).toBe("Charles Dotter");
    const cookies = response.headers.getSetCookie();
    const id = await loginSessionCookie.parse(cookies.find((c) => c.startsWith("meetings_session="))!);
    expect((await prisma.loginSession.findUnique({ where: { id }, select: { userId: true } }))?.userId).toBe(user?.id);
    expect(cookies.some((c) => c.startsWith("meetings_device="))).toBe(true);
  });

  it("works once: the link is then gone, on GET and POST", async () => {
    const email = uniqueEmail();
    await postSignup({ name: "Once Only", email, password: "a good password" });
    const token = await signupTokenFor(email);
    expect(((await postConfirm(token, { password: "a good password" })) as Response).status).toBe(302);
    const again = asData<ConfirmBody>(await postConfirm(token, { password: "a good password" }));
    expect(again.status).toBe(410);
    expect(again.body.page).toEqual({ state: "gone" });
    expect(await loadConfirm(token)).toEqual({ status: 410, body: { state: "gone" } });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a wrong password with a 400 field error and keeps the link usable", async () => {
    const email = uniqueEmail();
    await postSignup({ name: "Typo Prone", email, password: "the right password" });
    const token = await signupTokenFor(email);
    const wrong = asData<ConfirmBody>(await postConfirm(token, { password: "a stranger's password" }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.result?.error?.password).toEqual(["That is not the password you chose when you signed up."]);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect(((await postConfirm(token, { password: "the right password" })) as Response).status).toBe(302);
  });

  it("says clearly when the address got an account meanwhile, and makes no second one", async () => {
    const email = uniqueEmail();
    await postSignup({ name: "First Tab", email, password: "a good password" });
    const first = await signupTokenFor(email);
    await postSignup({ name: "Second Tab", email, password: "a good password" });
    const second = await signupTokenFor(email);
    expect(second).not.toBe(first);
    expect(((await postConfirm(second, { password: "a good password" })) as Response).status).toBe(302);

    const taken = asData<ConfirmBody>(await postConfirm(first, { password: "a good password" }));
    expect(taken.status).toBe(409);
    expect(taken.body.page).toEqual({ state: "taken", email });
    expect(await loadConfirm(first)).toEqual({ status: 409, body: { state: "taken", email } });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { email }, select: { name: true } })).name).toBe("Second Tab");
  });

  it("answers an expired link with 410 and creates nothing", async () => {
    const email = uniqueEmail();
    await requestSignup({ name: "Too Late", email, password: "a good password" }, new Date(Date.now() - SIGNUP_LINK_TTL_MS - 1000));
    const token = await signupTokenFor(email);
    expect(asData<ConfirmBody>(await postConfirm(token, { password: "a good password" })).status).toBe(410);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("answers made-up tokens and a missing password with 4xx, never a 500", async () => {
    expect(asData<ConfirmBody>(await postConfirm("not a token!", { password: "whatever" })).status).toBe(410);
    expect(asData<ConfirmBody>(await postConfirm("A".repeat(43), { password: "whatever" })).status).toBe(410);
    const email = uniqueEmail();
    await postSignup({ name: "Blank", email, password: "a good password" });
    const missing = asData<ConfirmBody>(await postConfirm(await signupTokenFor(email), {}));
    expect(missing.status).toBe(400);
    expect(missing.body.result?.error?.password).toEqual(["Enter the password you chose"]);
  });

  it("lands on the home page when redirectTo would leave the site", async () => {
    const email = uniqueEmail();
    await postSignup({ name: "Phish Bait", email, password: "a good password", redirectTo: "//evil.example/phish" });
    const response = (await postConfirm(await signupTokenFor(email), { password: "a good password" })) as Response;
    expect(response.headers.get("Location")).toBe("/");
  });

  it("began with “Add to my schedule”: the link's page names the session, and using the link adds it and lands at its button", async () => {
    const program = await createProgramFixture();
    const { dotter } = program.sessions;
    const email = uniqueEmail();
    const from = `/meetings/${program.meeting.slug}/agenda?day=2023-03-06`;
    const page = await signupLoader({ request: new Request(`http://localhost${href.signup(from, dotter.id)}`), params: {}, context: {} });
    expect(page.pendingAdd).toMatchObject({ sessionId: dotter.id, title: "Dr. Charles T. Dotter Lecture" });

    await postSignup({ name: "New Student", email, password: "a good password", redirectTo: from, add: dotter.id });
    const token = await signupTokenFor(email);
    expect((await loadConfirm(token)).body).toMatchObject({ state: "ready", pendingAdd: { title: "Dr. Charles T. Dotter Lecture" } });
    const response = (await postConfirm(token, { password: "a good password" })) as Response;
    expect(response.headers.get("Location")).toBe(`${from}#schedule-${dotter.id}`);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await prisma.scheduleItem.findMany({ where: { userId: user.id }, select: { sessionId: true } })).toEqual([{ sessionId: dotter.id }]);
  });

  it("keeps no session that cannot be added (cancelled, unknown), and then adds nothing", async () => {
    const program = await createProgramFixture();
    // Longer than any id: the form is refused whole, as with any field out of bounds.
    expect(asData(await postSignup({ name: "Odd Add", email: uniqueEmail(), password: "a good password", add: "x".repeat(65) })).status).toBe(400);
    for (const add of [program.sessions.cancelled.id, "no-such-session"]) {
      const email = uniqueEmail();
      await postSignup({ name: "Odd Add", email, password: "a good password", add });
      expect((await loadConfirm(await signupTokenFor(email))).body).toMatchObject({ state: "ready", pendingAdd: null });
      const response = (await postConfirm(await signupTokenFor(email), { password: "a good password" })) as Response;
      expect(response.headers.get("Location")).toBe("/");
      expect(await prisma.scheduleItem.count({ where: { user: { email } } })).toBe(0);
    }
  });
});
