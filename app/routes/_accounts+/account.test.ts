import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPasswordReset, createUser, isPasswordResetTokenUsable, verifyLogin } from "~/models/accounts/user.server";
import { getUser } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import { mailTo } from "../../../tests/mail-queue";
import { createLoginSession } from "~/utils/session.server";
import { action, describeUserAgent, loader } from "./account";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function userOnDevices(...userAgents: string[]) {
  const created = await createUser({ email: `account-${randomUUID()}@example.test`, name: "Many Devices", password: "a good password" });
  if (!created.ok) throw new Error("could not create test user");
  const cookies: string[] = [];
  for (const userAgent of userAgents) {
    const { setCookie } = await createLoginSession(created.user.id, new Request("http://localhost/", { headers: { "User-Agent": userAgent } }));
    cookies.push(setCookie.split(";")[0]!);
  }
  return { user: created.user, cookies };
}

describe("/account", () => {
  it("sends the signed-out to sign in, coming back here", async () => {
    const thrown = await Promise.resolve(loader({ request: new Request("http://localhost/account"), params: {}, context: {} })).catch((e: unknown) => e);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });

  it("shows name, email and the signed-in devices, marking this one", async () => {
    const { user, cookies } = await userOnDevices(CHROME_LINUX, SAFARI_IPHONE);
    const page = await loader({ request: new Request("http://localhost/account", { headers: { Cookie: cookies[1]! } }), params: {}, context: {} });
    expect(page.user).toEqual({ name: user.name, email: user.email });
    expect(page.devices.map((d) => [d.description, d.current]).sort()).toEqual([
      ["Chrome on Linux", false],
      ["Safari on iOS", true],
    ]);
  });

  it("signs out the other devices and keeps this one", async () => {
    const { cookies } = await userOnDevices(CHROME_LINUX, SAFARI_IPHONE, CHROME_LINUX);
    const request = new Request("http://localhost/account", {
      method: "POST",
      body: new URLSearchParams({ intent: "sign-out-other-devices" }),
      headers: { Cookie: cookies[0]! },
    });
    const result = (await action({ request, params: {}, context: {} })) as { signedOut: number };
    expect(result.signedOut).toBe(2);
    const [here, ...others] = await Promise.all(cookies.map((cookie) => getUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))));
    expect(here).not.toBeNull();
    expect(others).toEqual([null, null]);
  });

  it("answers an unknown intent with 400 and signs nobody out", async () => {
    const { cookies } = await userOnDevices(CHROME_LINUX, SAFARI_IPHONE);
    const request = new Request("http://localhost/account", { method: "POST", body: new URLSearchParams({ intent: "delete-everything" }), headers: { Cookie: cookies[0]! } });
    const result = (await action({ request, params: {}, context: {} })) as { init: ResponseInit | null };
    expect(result.init?.status).toBe(400);
    expect(await getUser(new Request("http://localhost/", { headers: { Cookie: cookies[1]! } }))).not.toBeNull();
  });
});

describe("/account: change password", () => {
  type PasswordReply = { form: string; result: { error?: Record<string, string[] | null> }; passwordChanged: { otherDevicesSignedOut: number } | null };

  async function postChange(cookie: string, fields: Record<string, string>, ip = `192.0.2.${randomUUID()}`) {
    const request = new Request("http://localhost/account", { method: "POST", body: new URLSearchParams({ intent: "change-password", ...fields }), headers: { Cookie: cookie } });
    const result = (await action({ request, params: {}, context: { clientIp: ip } })) as unknown;
    if (result && typeof result === "object" && "init" in result) {
      const { data, init } = result as { data: PasswordReply; init: ResponseInit | null };
      return { status: init?.status ?? 200, body: data, headers: new Headers(init?.headers) };
    }
    return { status: 200, body: result as PasswordReply, headers: new Headers() };
  }

  const signedIn = (cookie: string) => getUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));

  it("with the current password: sets the new one, signs out every other device, keeps this one, and e-mails the owner", async () => {
    const { user, cookies } = await userOnDevices(CHROME_LINUX, SAFARI_IPHONE, CHROME_LINUX);
    const { status, body } = await postChange(cookies[1]!, { currentPassword: "a good password", newPassword: "a better password" });
    expect(status).toBe(200);
    expect(body.passwordChanged).toEqual({ otherDevicesSignedOut: 2 });
    expect(await verifyLogin(user.email, "a better password")).not.toBeNull();
    expect(await verifyLogin(user.email, "a good password")).toBeNull();
    expect(await Promise.all(cookies.map(async (cookie) => (await signedIn(cookie)) !== null))).toEqual([false, true, false]);

    const [mail, ...more] = await mailTo(user.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Your Meeting Platform password was changed");
    expect(mail!.text).toContain("2 other devices were signed out.");
    expect(mail!.text).toContain(`${env.APP_ORIGIN}/forgot-password`);
  });

  it("also spends the reset links sent before the change", async () => {
    const { user, cookies } = await userOnDevices(CHROME_LINUX);
    const reset = (await createPasswordReset(user.email))!;
    expect((await postChange(cookies[0]!, { currentPassword: "a good password", newPassword: "a better password" })).status).toBe(200);
    expect(await isPasswordResetTokenUsable(reset.token)).toBe(false);
  });

  it("refuses a wrong current password with a 400 field error, and changes and sends nothing", async () => {
    const { user, cookies } = await userOnDevices(CHROME_LINUX, SAFARI_IPHONE);
    const { status, body } = await postChange(cookies[0]!, { currentPassword: "a guessed password", newPassword: "an attacker's password" });
    expect(status).toBe(400);
    expect(body.result.error?.currentPassword).toEqual(["That is not your current password."]);
    expect(body.passwordChanged).toBeNull();
    expect(JSON.stringify(body)).not.toContain("guessed");
    expect(await verifyLogin(user.email, "a good password")).not.toBeNull();
    expect(await signedIn(cookies[1]!)).not.toBeNull();
    expect(await mailTo(user.email)).toHaveLength(0);
  });

  it("checks the new password like sign-up, and wants it different from the current one", async () => {
    const { cookies } = await userOnDevices(CHROME_LINUX);
    const short = await postChange(cookies[0]!, { currentPassword: "a good password", newPassword: "short" });
    expect(short.status).toBe(400);
    expect(short.body.result.error?.newPassword).toEqual(["Use at least 8 characters"]);
    const same = await postChange(cookies[0]!, { currentPassword: "a good password", newPassword: "a good password" });
    expect(same.body.result.error?.newPassword).toEqual(["Choose a password different from your current one"]);
    const missing = await postChange(cookies[0]!, {});
    expect(Object.keys(missing.body.result.error ?? {}).sort()).toEqual(["currentPassword", "newPassword"]);
  });

  it("is rate-limited like sign-in: 5 attempts per 15 minutes for the account, from any address", async () => {
    const { user, cookies } = await userOnDevices(CHROME_LINUX);
    for (let i = 0; i < 5; i++) expect((await postChange(cookies[0]!, { currentPassword: `guess ${i} password`, newPassword: "whatever password" })).status).toBe(400);
    const blocked = await postChange(cookies[0]!, { currentPassword: "a good password", newPassword: "a better password" });
    expect(blocked.status).toBe(429);
    expect(blocked.body.result.error?.[""]?.[0]).toMatch(/^Too many password change attempts\. Try again in 1[45] minutes\.$/);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await verifyLogin(user.email, "a good password")).not.toBeNull();
  });
});

describe("describeUserAgent", () => {
  it("names common browsers and systems", () => {
    expect(describeUserAgent(CHROME_LINUX)).toBe("Chrome on Linux");
    expect(describeUserAgent(SAFARI_IPHONE)).toBe("Safari on iOS");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox on Windows");
    expect(describeUserAgent(null)).toBe("Unknown device");
  });
});
