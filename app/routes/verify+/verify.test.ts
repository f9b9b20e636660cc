// /verify and /verify/:code as a browser asks for them, signed out: a valid
// certificate, a superseded one (which names the amended one's date and
// credits but never its code), unknown and malformed codes (the same 404,
// no lookup for the malformed), a loosely typed code sent to its one address,
// the per-IP limit, and the code form.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { amendClaim, makeClaim } from "~/models/cme/claim.fixture";
import { loader as verifyLoader, NOT_FOUND_MESSAGE } from "./$code";
import { loader as formLoader } from "./_index";

type Loaded = Awaited<ReturnType<typeof verifyLoader>>;

/** A lookup from an IP of the test's own, so no other test's count is shared. */
async function lookUp(code: string, ip = randomUUID()) {
  const args: LoaderFunctionArgs = { request: new Request(`http://localhost/verify/${code}`), params: { code }, context: { clientIp: ip } };
  try {
    const loaded = (await verifyLoader(args)) as Loaded;
    return { status: loaded.init?.status ?? 200, view: loaded.data, headers: new Headers(loaded.init?.headers), text: null };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, view: null, headers: thrown.headers, text: await thrown.text() };
  }
}

describe("/verify/:code", () => {
  it("confirms a valid certificate: learner, degree, meeting, dates, credits and issue date", async () => {
    const claim = await makeClaim({ firstName: "Sam", lastName: "Patel", degree: "MD", totalQuarters: 50, at: new Date("2023-03-20T18:00:00Z") });
    const { status, view, headers } = await lookUp(claim.code);
    expect(status).toBe(200);
    expect(view?.supersededBy).toBeNull();
    expect(view?.facts).toMatchObject({
      learner: "Sam Patel, MD",
      meeting: "SIR 2023 Annual Scientific Meeting",
      dates: "March 4–9, 2023",
      credits: ["12.50 AMA PRA Category 1 Credits™"],
      issuedOn: "March 20, 2023",
    });
    expect(headers.get("Cache-Control")).toBe("private, no-store");
    expect(headers.get("X-Robots-Tag")).toBe("noindex");
  });

  it("says a superseded certificate was replaced, when and for what credit, without the new code", async () => {
    const claim = await makeClaim({ totalQuarters: 10, at: new Date("2023-03-20T18:00:00Z") });
    const amended = await amendClaim(claim, { totalQuarters: 12, at: new Date("2023-03-25T18:00:00Z") });
    const { status, view } = await lookUp(claim.code);
    expect(status).toBe(200);
    expect(view?.supersededBy).toEqual({ issuedOn: "March 25, 2023", credits: ["3.00 AMA PRA Category 1 Credits™"] });
    expect(view?.facts.credits).toEqual(["2.50 AMA PRA Category 1 Credits™"]);
    expect(JSON.stringify(view)).not.toContain(amended.code);
    const current = await lookUp(amended.code);
    expect(current.view?.supersededBy).toBeNull();
    expect(current.view?.facts.amended).toBe("Amended (version 2)");
  });

  it("answers an unknown code and a malformed one with the same 404 and no hint", async () => {
    for (const code of ["0000-0000-0000", "not-a-code", "7K3M-Q9TX-2BRU", "%3Cscript%3E"]) {
      const { status, text } = await lookUp(code);
      expect([code, status, text]).toEqual([code, 404, NOT_FOUND_MESSAGE]);
    }
  });

  it("sends a code typed in lower case or without hyphens to its one address", async () => {
    const claim = await makeClaim();
    const { status, headers } = await lookUp(claim.code.toLowerCase().replaceAll("-", ""));
    expect(status).toBe(302);
    expect(headers.get("Location")).toBe(`/verify/${claim.code}`);
  });

  it("limits lookups per IP: past 30 in 15 minutes, 429 with a message and Retry-After, even for a real code", async () => {
    const claim = await makeClaim();
    const ip = randomUUID();
    for (let i = 0; i < 30; i++) expect((await lookUp(`${String(i).padStart(4, "0")}-0000-0000`, ip)).status).toBe(404);
    const over = await lookUp(claim.code, ip);
    expect(over.status).toBe(429);
    expect(over.text).toMatch(/^Too many certificates were looked up from your network\. Try again in \d+ minutes\.$/);
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another network is not held back.
    expect((await lookUp(claim.code)).status).toBe(200);
  });
});

describe("/verify", () => {
  const submit = async (code: string | null) => {
    const url = code === null ? "http://localhost/verify" : `http://localhost/verify?${new URLSearchParams({ code })}`;
    try {
      return await formLoader({ request: new Request(url), params: {}, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  it("shows the form, and sends a typed code to its page, read as the certificate means it", async () => {
    expect(await submit(null)).toEqual({ typed: "", error: null });
    const sent = (await submit(" 7k3m q9tx 2brd ")) as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/verify/7K3M-Q9TX-2BRD");
  });

  it("answers something that is not a code, or nothing, with 400 and what a code looks like", async () => {
    const wrong = (await submit("12345")) as { data: { error: string }; init: ResponseInit };
    expect(wrong.init.status).toBe(400);
    expect(wrong.data.error).toContain("12 letters and digits");
    const empty = (await submit("  ")) as { data: { error: string }; init: ResponseInit };
    expect(empty.init.status).toBe(400);
    expect(empty.data.error).toBe("Enter the verification code printed on the certificate.");
  });
});
