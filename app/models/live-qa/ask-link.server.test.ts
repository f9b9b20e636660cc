// The projector's short address: a code that leads back to its session.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeSession } from "../../../realtime/test-support";
import { askCodeOf, findSessionByAskCode, shortestCode } from "./ask-link.server";

describe("ask links", () => {
  it("give every session a 7-character hex code that leads back to it, typed in any case", async () => {
    const sessions = await Promise.all([makeSession(), makeSession(), makeSession()]);
    const codes = await Promise.all(sessions.map((session) => askCodeOf(session.id)));
    expect(new Set(codes).size).toBe(3);
    for (const [index, code] of codes.entries()) {
      expect(code).toMatch(/^[0-9a-f]{7}$/);
      expect(await findSessionByAskCode(code)).toEqual({ meetingSlug: "sir-2023", sessionSlug: sessions[index]!.slug });
      expect(await findSessionByAskCode(` ${code.toUpperCase()} `)).toEqual({ meetingSlug: "sir-2023", sessionSlug: sessions[index]!.slug });
    }
  });

  it("grow longer when an older session's hash starts the same way, so a code shown once keeps leading to its session", () => {
    const older = { id: "c1", hash: "abcdef0123" };
    const newer = { id: "c2", hash: "abcdef0456" };
    expect(shortestCode(older, [older, newer])).toBe("abcdef0");
    expect(shortestCode(newer, [older, newer])).toBe("abcdef04");
    expect(shortestCode({ id: "c3", hash: "abcdef0123" }, [older, { id: "c3", hash: "abcdef0123" }])).toBe("abcdef0123");
  });

  it("lead every seeded session back to itself", async () => {
    const seeded = await prisma.session.findMany({ select: { id: true, slug: true }, take: 40, orderBy: { id: "asc" } });
    for (const session of seeded) expect((await findSessionByAskCode(await askCodeOf(session.id)))?.sessionSlug, session.slug).toBe(session.slug);
  });

  it("find nothing for an unknown or malformed code", async () => {
    for (const typed of ["", "12", "xyz1234", "../../etc", "f".repeat(65)]) expect(await findSessionByAskCode(typed), typed).toBeNull();
  });
});
