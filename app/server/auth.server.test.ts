import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "~/models/accounts/user.server";
import { hasMeetingRole } from "~/models/accounts/access.server";
import { getSignInByCookie } from "~/models/accounts/signed-in.server";
import { getSignIn, getUser, requireAnonymous, requireMeetingRole, requireUser } from "./auth.server";
import { prisma } from "~/utils/db.server";
import { createLoginSession, destroyLoginSession, listLoginSessions, loginSessionCookie, revokeOtherLoginSessions } from "~/utils/session.server";

async function newUser() {
  const created = await createUser({ email: `auth-${randomUUID()}@example.test`, name: "Test Person", password: "a good password" });
  if (!created.ok) throw new Error("could not create test user");
  return created.user;
}

/** A request carrying the cookie a fresh sign-in of `userId` would set. */
async function signedInRequest(userId: string, url = "http://localhost/account") {
  const { loginSession, setCookie } = await createLoginSession(userId, new Request(url, { headers: { "User-Agent": "vitest" } }));
  const request = new Request(url, { headers: { Cookie: setCookie.split(";")[0]! } });
  return { request, loginSession, setCookie };
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected a thrown Response");
}

describe("sign-in cookie", () => {
  it("is HttpOnly, SameSite=Lax, path /, 30 days, and carries only the signed LoginSession id", async () => {
    const user = await newUser();
    const { setCookie, loginSession } = await signedInRequest(user.id);
    expect(setCookie).toMatch(/^meetings_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/);
    expect(setCookie).not.toContain(user.email);
    expect(await loginSessionCookie.parse(setCookie.split(";")[0]!)).toBe(loginSession.id);
  });

  it("identifies the user with one lookup of the LoginSession", async () => {
    const user = await newUser();
    const { request, loginSession } = await signedInRequest(user.id);
    expect(await getUser(request)).toEqual({ id: user.id, name: user.name, email: user.email, isAdmin: false });
    expect((await getSignIn(request))?.loginSessionId).toBe(loginSession.id);
  });

  it("can be checked from a raw Cookie header (as the realtime sidecar does)", async () => {
    const user = await newUser();
    const { setCookie, loginSession } = await signedInRequest(user.id);
    const signIn = await getSignInByCookie(`other=1; ${setCookie.split(";")[0]}`);
    expect(signIn).toEqual({ user: { id: user.id, name: user.name, email: user.email, isAdmin: false }, loginSessionId: loginSession.id });
    expect(await getSignInByCookie(undefined)).toBeNull();
  });

  it("is ignored when tampered with", async () => {
    const user = await newUser();
    const { loginSession } = await signedInRequest(user.id);
    // A correctly formed but unsigned cookie naming a real LoginSession id.
    const forged = `meetings_session=${encodeURIComponent(btoa(JSON.stringify(loginSession.id)))}`;
    expect(await getUser(new Request("http://localhost/", { headers: { Cookie: forged } }))).toBeNull();
  });

  it("stops working when its LoginSession expires", async () => {
    const user = await newUser();
    const { request, loginSession } = await signedInRequest(user.id);
    await prisma.loginSession.update({ where: { id: loginSession.id }, data: { expiresAt: new Date(Date.now() - 1000) }, select: { id: true } });
    expect(await getUser(request)).toBeNull();
  });

  it("stops working on signing out, which deletes the LoginSession and clears the cookie", async () => {
    const user = await newUser();
    const { request, loginSession } = await signedInRequest(user.id);
    const cleared = await destroyLoginSession(request);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await prisma.loginSession.findUnique({ where: { id: loginSession.id }, select: { id: true } })).toBeNull();
    // The old cookie, replayed from anywhere, no longer signs anyone in.
    expect(await getUser(request)).toBeNull();
  });

  it("revokes every other device but keeps this one", async () => {
    const user = await newUser();
    const here = await signedInRequest(user.id);
    const elsewhere = await signedInRequest(user.id);
    const another = await signedInRequest(user.id);
    expect(await listLoginSessions(user.id)).toHaveLength(3);
    expect(await revokeOtherLoginSessions(user.id, here.loginSession.id)).toBe(2);
    expect(await getUser(here.request)).not.toBeNull();
    expect(await getUser(elsewhere.request)).toBeNull();
    expect(await getUser(another.request)).toBeNull();
  });
});

describe("requireUser / requireAnonymous", () => {
  it("sends the signed-out to sign in, coming back to the same page and query", async () => {
    const response = await thrownBy(requireUser(new Request("http://localhost/meetings/sir-2023/schedule?day=2023-03-05")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/meetings/sir-2023/schedule?day=2023-03-05")}`);
  });

  it("clears a stale cookie while redirecting", async () => {
    const user = await newUser();
    const { request, loginSession } = await signedInRequest(user.id);
    await prisma.loginSession.delete({ where: { id: loginSession.id }, select: { id: true } });
    const response = await thrownBy(requireUser(request));
    expect(response.headers.get("Set-Cookie")).toMatch(/^meetings_session=;/);
  });

  it("returns the user when signed in", async () => {
    const user = await newUser();
    const { request } = await signedInRequest(user.id);
    expect((await requireUser(request)).id).toBe(user.id);
  });

  it("sends the signed-in away from pages for the signed-out", async () => {
    const user = await newUser();
    const { request } = await signedInRequest(user.id);
    const response = await thrownBy(requireAnonymous(request));
    expect(response.headers.get("Location")).toBe("/");
    await expect(requireAnonymous(new Request("http://localhost/login"))).resolves.toBeUndefined();
  });
});

describe("meeting roles", () => {
  async function newMeeting() {
    const suffix = randomUUID().slice(0, 8);
    const society = await prisma.society.create({ data: { slug: `soc-${suffix}`, name: `Society ${suffix}`, shortName: "SOC" }, select: { id: true } });
    return prisma.meeting.create({
      data: {
        slug: `meeting-${suffix}`,
        name: `Meeting ${suffix}`,
        societyId: society.id,
        startsOn: new Date("2030-03-01"),
        endsOn: new Date("2030-03-04"),
        timeZone: "America/Phoenix",
        format: "VIRTUAL",
        description: "",
      },
      select: { id: true },
    });
  }

  it("grants a role only in the meeting where it is held", async () => {
    const [user, meeting, otherMeeting] = await Promise.all([newUser(), newMeeting(), newMeeting()]);
    await prisma.meetingRole.create({ data: { userId: user.id, meetingId: meeting.id, role: "MODERATOR" }, select: { id: true } });
    expect(await hasMeetingRole(user.id, meeting.id, ["MODERATOR", "ORGANIZER"])).toBe(true);
    expect(await hasMeetingRole(user.id, meeting.id, ["ORGANIZER"])).toBe(false);
    expect(await hasMeetingRole(user.id, otherMeeting.id, ["MODERATOR"])).toBe(false);
  });

  it("treats platform admins as holding every role", async () => {
    const [user, meeting] = await Promise.all([newUser(), newMeeting()]);
    await prisma.user.update({ where: { id: user.id }, data: { isAdmin: true }, select: { id: true } });
    expect(await hasMeetingRole(user.id, meeting.id, ["ORGANIZER"])).toBe(true);
  });

  it("requireMeetingRole answers 403 to the signed-in without the role", async () => {
    const [user, meeting] = await Promise.all([newUser(), newMeeting()]);
    const { request } = await signedInRequest(user.id);
    const response = await thrownBy(requireMeetingRole(request, meeting.id, ["ORGANIZER"]));
    expect(response.status).toBe(403);
    await prisma.meetingRole.create({ data: { userId: user.id, meetingId: meeting.id, role: "ORGANIZER" }, select: { id: true } });
    expect((await requireMeetingRole(request, meeting.id, ["ORGANIZER"])).id).toBe(user.id);
  });
});
