// Certificates as issued and read back: the snapshot's words, a code per
// version, current versus superseded after an amendment, downloads only for
// the learner and the meeting's organizers, and the learner's transcript.
import { describe, expect, it } from "vitest";
import { createPerson } from "~/models/accounts/people.fixture";
import { prisma } from "~/utils/db.server";
import { readSnapshot } from "./certificates";
import { certificateForDownload, transcriptOf, verifyCertificate } from "./certificates.server";
import { amendClaim, makeClaim } from "./claim.fixture";

describe("issueCertificate", () => {
  it("fixes the learner, meeting, credits and statements of the claim version, with a fresh code", async () => {
    const claim = await makeClaim({ firstName: "Ana", lastName: "Ruiz", degree: "DO", totalQuarters: 4, saCmeQuarters: 8, at: new Date("2023-03-20T06:30:00Z") });
    const row = await prisma.certificate.findUniqueOrThrow({ where: { code: claim.code }, select: { versionId: true, snapshot: true } });
    const designation = await prisma.creditDesignation.findUniqueOrThrow({ where: { meetingId: claim.meeting.id }, select: { provider: true, accreditationStatement: true, designationStatement: true } });
    expect(row.versionId).toBe(claim.versionId);
    expect(readSnapshot(row.snapshot)).toMatchObject({
      learner: { name: "Ana Ruiz", degree: "DO" },
      meeting: { name: "SIR 2023 Annual Scientific Meeting", slug: "sir-2023", dates: "March 4–9, 2023" },
      provider: designation.provider,
      creditType: "AMA_PRA",
      // One credit: the AMA's singular.
      credits: [
        { label: "AMA PRA Category 1 Credit™", quarters: 4 },
        { label: "credits of ABR self-assessment CME (SA-CME)", quarters: 8 },
      ],
      accreditationStatement: designation.accreditationStatement,
      designationStatement: designation.designationStatement,
      // 06:30 UTC is still March 19 in Phoenix.
      issuedOn: "2023-03-19",
      claimVersion: 1,
    });
  });
});

describe("verifyCertificate", () => {
  it("finds a current certificate by its code", async () => {
    const claim = await makeClaim({ totalQuarters: 10 });
    const found = await verifyCertificate(claim.code);
    expect(found?.code).toBe(claim.code);
    expect(found?.snapshot.credits[0]?.quarters).toBe(10);
    expect(found?.supersededBy).toBeNull();
  });

  it("says a certificate was superseded by an amendment, with the amended one's date and credits", async () => {
    const claim = await makeClaim({ totalQuarters: 10, at: new Date("2023-03-20T18:00:00Z") });
    const second = await amendClaim(claim, { totalQuarters: 12, at: new Date("2023-03-25T18:00:00Z") });
    const third = await amendClaim(claim, { totalQuarters: 14, at: new Date("2023-04-02T18:00:00Z") });
    for (const code of [claim.code, second.code]) {
      expect((await verifyCertificate(code))?.supersededBy).toEqual({ issuedOn: "2023-04-02", credits: [{ label: "AMA PRA Category 1 Credits™", quarters: 14 }] });
    }
    const current = await verifyCertificate(third.code);
    expect(current?.supersededBy).toBeNull();
    expect(current?.snapshot.claimVersion).toBe(3);
  });

  it("finds nothing for a code no certificate has", async () => {
    expect(await verifyCertificate("0000-0000-0000")).toBeNull();
  });
});

describe("certificateForDownload", () => {
  it("is for the learner and the meeting's organizers, in that meeting only", async () => {
    const claim = await makeClaim();
    const stranger = await createPerson("stranger");
    const organizer = await createPerson("organizer", { roles: [{ meetingId: claim.meeting.id, role: "ORGANIZER" }] });
    const otherOrganizer = await createPerson("organizer", { roles: [{ meetingId: (await prisma.meeting.findUniqueOrThrow({ where: { slug: "sio-2023" }, select: { id: true } })).id, role: "ORGANIZER" }] });
    expect((await certificateForDownload("sir-2023", claim.code, claim.userId))?.code).toBe(claim.code);
    expect((await certificateForDownload("sir-2023", claim.code, organizer.id))?.code).toBe(claim.code);
    expect(await certificateForDownload("sir-2023", claim.code, stranger.id)).toBeNull();
    expect(await certificateForDownload("sir-2023", claim.code, otherOrganizer.id)).toBeNull();
    // The right code under another meeting's address is not found either.
    expect(await certificateForDownload("sio-2023", claim.code, claim.userId)).toBeNull();
  });
});

describe("transcriptOf", () => {
  it("lists each meeting's current certificate with the ones it superseded, and no one else's", async () => {
    const sir = await makeClaim({ meeting: "sir-2023", totalQuarters: 10, at: new Date("2023-03-20T18:00:00Z") });
    const sirAmended = await amendClaim(sir, { totalQuarters: 12, at: new Date("2023-03-25T18:00:00Z") });
    const sio = await makeClaim({ meeting: "sio-2023", userId: sir.userId, totalQuarters: 6 });
    await makeClaim({ meeting: "sir-2023" }); // someone else's
    const transcript = await transcriptOf(sir.userId);
    const meetings = await prisma.meeting.findMany({ where: { slug: { in: ["sir-2023", "sio-2023"] } }, select: { slug: true }, orderBy: { startsOn: "desc" } });
    expect(transcript.map((entry) => entry.meeting.slug)).toEqual(meetings.map((meeting) => meeting.slug));
    const sirEntry = transcript.find((entry) => entry.meeting.slug === "sir-2023")!;
    expect(sirEntry.current.code).toBe(sirAmended.code);
    expect(sirEntry.current.supersededBy).toBeNull();
    expect(sirEntry.superseded.map((record) => [record.code, record.supersededBy?.issuedOn])).toEqual([[sir.code, "2023-03-25"]]);
    expect(transcript.find((entry) => entry.meeting.slug === "sio-2023")?.current.code).toBe(sio.code);
  });

  it("is empty for someone who never claimed", async () => {
    expect(await transcriptOf((await createPerson("newcomer")).id)).toEqual([]);
  });
});
