// The certificate PDF's address and the account's transcript, as a browser
// asks for them: the PDF for its learner and the meeting's organizers (a
// download of real text), the same plain 404 for anyone else and for unknown,
// malformed or other meetings' codes; the transcript lists the person's own.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { amendClaim, makeClaim } from "~/models/cme/claim.fixture";
import { readPdf } from "~/models/cme/pdf-text.fixture";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";
import { loader as transcriptLoader } from "../../_accounts+/account_.transcript";
import { loader as pdfLoader } from "./cme_.certificates.$code[.]pdf";

async function download(meeting: string, code: string, userId?: string): Promise<Response> {
  const headers = userId ? { Cookie: await cookieFor(userId) } : undefined;
  const args: LoaderFunctionArgs = { request: new Request(`http://localhost/meetings/${meeting}/cme/certificates/${code}.pdf`, { headers }), params: { meeting, code }, context: {} };
  try {
    return await pdfLoader(args);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("/meetings/:meeting/cme/certificates/:code.pdf", () => {
  it("gives the learner their certificate as a PDF attachment, never cached", async () => {
    const claim = await makeClaim({ firstName: "Sam", lastName: "Patel", degree: "MD", totalQuarters: 50 });
    const response = await download("sir-2023", claim.code, claim.userId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="sir-2023-cme-certificate-${claim.code}.pdf"`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const pdf = await readPdf(await response.arrayBuffer());
    expect(pdf.text).toContain("Sam Patel, MD");
    expect(pdf.text).toContain("12.50 AMA PRA Category 1 Credits™");
    expect(pdf.text).toContain(claim.code);
    expect(pdf.text).toContain(absoluteUrl(href.verifyCertificate(claim.code)));
  });

  it("gives the meeting's organizers any of its certificates", async () => {
    const claim = await makeClaim();
    const organizer = await createPerson("organizer", { roles: [{ meetingId: claim.meeting.id, role: "ORGANIZER" }] });
    expect((await download("sir-2023", claim.code, organizer.id)).status).toBe(200);
  });

  it("answers another person, an unknown or malformed code, and another meeting's address with the same plain 404", async () => {
    const claim = await makeClaim();
    const stranger = await createPerson("stranger");
    const answers = [
      await download("sir-2023", claim.code, stranger.id),
      await download("sir-2023", "0000-0000-0000", claim.userId),
      await download("sir-2023", "../../etc/passwd", claim.userId),
      await download("sio-2023", claim.code, claim.userId),
    ];
    const texts = await Promise.all(answers.map((response) => response.text()));
    expect(answers.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/^No certificate of yours has this code\./);
    expect(answers[0]!.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
  });

  it("sends the signed-out to sign in first", async () => {
    const claim = await makeClaim();
    const response = await download("sir-2023", claim.code);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("/account/transcript", () => {
  it("lists the person's current certificate per meeting, with links, and the superseded ones", async () => {
    const claim = await makeClaim({ totalQuarters: 10 });
    const amended = await amendClaim(claim, { totalQuarters: 12 });
    await makeClaim(); // someone else's
    const request = new Request("http://localhost/account/transcript", { headers: { Cookie: await cookieFor(claim.userId) } });
    const { meetings } = await transcriptLoader({ request, params: {}, context: {} });
    expect(meetings).toHaveLength(1);
    const [entry] = meetings;
    expect(entry!.meeting.slug).toBe("sir-2023");
    expect(entry!.current).toMatchObject({
      code: amended.code,
      pdf: `/meetings/sir-2023/cme/certificates/${amended.code}.pdf`,
      verify: `/verify/${amended.code}`,
      facts: { credits: ["3.00 AMA PRA Category 1 Credits™"], amended: "Amended (version 2)" },
    });
    expect(entry!.superseded).toMatchObject([{ code: claim.code, credits: ["2.50 AMA PRA Category 1 Credits™"] }]);
  });
});
