import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
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

describe("describeUserAgent", () => {
  it("names common browsers and systems", () => {
    expect(describeUserAgent(CHROME_LINUX)).toBe("Chrome on Linux");
    expect(describeUserAgent(SAFARI_IPHONE)).toBe("Safari on iOS");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox on Windows");
    expect(describeUserAgent(null)).toBe("Unknown device");
  });
});
