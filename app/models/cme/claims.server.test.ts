// Claims against the real database: what the evidence supports (overlaps
// once, quarters rounded down, the maximum), a claim and its amendments (every
// version kept, each with its own certificate), and every refusal leaving
// nothing written.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganizer, createPerson } from "../accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "../program/program.fixture";
import { claimHistory, claimOptions, submitClaim } from "./claims.server";
import { createEvaluationFromTemplate } from "./evaluations.server";

let fixture: ProgramFixture;
// A week after the meeting (Mar 4–6, 2023, Phoenix); the deadline is June 30.
const NOW = new Date("2023-03-13T17:00:00Z");

const DESIGNATION = {
  provider: "Society of Testing",
  accreditationStatement: "The Society of Testing is accredited by the ACCME to provide continuing medical education for physicians.",
  designationStatement: "The Society of Testing designates this live activity for a maximum of 4.00 AMA PRA Category 1 Credits™.",
  offersAmaPra: true,
  offersParticipation: true,
  offersSaCme: true,
  maxCreditQuarters: 16,
  claimDeadline: new Date("2023-06-30T00:00:00Z"),
  evaluationRequired: false,
  allowSelfReported: false,
};

async function designate(changes: Partial<typeof DESIGNATION> = {}) {
  const data = { ...DESIGNATION, ...changes };
  await prisma.creditDesignation.upsert({ where: { meetingId: fixture.meeting.id }, create: { meetingId: fixture.meeting.id, ...data }, update: data, select: { id: true } });
}

beforeAll(async () => {
  fixture = await createProgramFixture();
  const { embolization, whyIr, lateNight, dotter, cancelled } = fixture.sessions;
  await prisma.session.updateMany({ where: { id: { in: [embolization.id, whyIr.id, lateNight.id, dotter.id, cancelled.id] } }, data: { cmeAccredited: true } });
});

beforeEach(() => designate());

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** Time on a session's live page, in minutes from its start. */
async function watched(userId: string, session: { id: string; startsAt: Date }, from: number, to: number) {
  await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: session.id, userId, startedAt: minutesAfter(session.startsAt, from), endedAt: minutesAfter(session.startsAt, to) } });
}

const details = { creditType: "AMA_PRA", firstName: "Ada", lastName: "Okafor", degree: "MD", attest: true };
const claimForm = (sessions: { slug: string; credit?: string; claim?: boolean }[], changes: Record<string, unknown> = {}) => ({ ...details, sessions, ...changes });

const written = async (userId: string) => ({
  claims: await prisma.creditClaim.count({ where: { userId } }),
  versions: await prisma.creditClaimVersion.count({ where: { claim: { userId } } }),
  certificates: await prisma.certificate.count({ where: { version: { claim: { userId } } } }),
});
const nothingWritten = { claims: 0, versions: 0, certificates: 0 };

describe("what the evidence supports", () => {
  it("counts overlapping sessions once, rounds down to quarters, and reads minutes at the edges", async () => {
    const learner = await createPerson("learner");
    const { embolization, whyIr, dotter, lateNight } = fixture.sessions;
    await watched(learner.id, embolization, -10, 95); // all 90 minutes, outside time cut off
    await watched(learner.id, whyIr, 0, 60); // the same hour: already counted for the embolization session
    await watched(learner.id, dotter, 0, 45); // exactly 45 minutes: 0.75
    await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: lateNight.id, userId: learner.id, startedAt: lateNight.startsAt, endedAt: minutesAfter(lateNight.startsAt, 14.99) } }); // 14 minutes and 59 seconds: nothing

    const options = (await claimOptions(learner.id, fixture.meeting.id, NOW))!;
    expect(options.sessions.map((row) => [row.slug, row.minutes, row.claimableQuarters, row.selfReported])).toEqual([
      [embolization.slug, 90, 6, false],
      [whyIr.slug, 60, 0, false],
      [lateNight.slug, 14, 0, false],
      [dotter.slug, 45, 3, false],
    ]);
    expect(options).toMatchObject({ totalQuarters: 9, capped: false, open: true, deadline: "2023-06-30" });

    await designate({ maxCreditQuarters: 8 });
    expect(await claimOptions(learner.id, fixture.meeting.id, NOW)).toMatchObject({ totalQuarters: 8, capped: true });
  });

  it("is null for a meeting that offers no credit", async () => {
    const other = await createProgramFixture();
    const learner = await createPerson("learner");
    expect(await claimOptions(learner.id, other.meeting.id, NOW)).toBeNull();
    expect(await submitClaim(learner.id, other.meeting.id, claimForm([]), NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("claiming", () => {
  it("records what was claimed (less than the evidence is fine), caps the total, and issues a certificate", async () => {
    const learner = await createPerson("learner");
    const { embolization, dotter } = fixture.sessions;
    await watched(learner.id, embolization, 0, 90);
    await watched(learner.id, dotter, 0, 60);
    await designate({ maxCreditQuarters: 9 });

    const result = await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "1.25" }, { slug: dotter.slug, credit: "1" }]), NOW);
    expect(result).toMatchObject({ ok: true, version: 1 });
    const [version] = await claimHistory(learner.id, fixture.meeting.id);
    expect(version).toMatchObject({ number: 1, creditType: "AMA_PRA", totalQuarters: 9, saCmeQuarters: 0, firstName: "Ada", lastName: "Okafor", degree: "MD", parsConsent: false });
    expect(version!.sessions.map((row) => [row.session.slug, row.quarters, row.minutes, row.selfReported])).toEqual([
      [embolization.slug, 5, 90, false],
      [dotter.slug, 4, 60, false],
    ]);
    expect(version!.certificate?.code).toBe(result.ok && result.code);
    const certificate = await prisma.certificate.findUniqueOrThrow({ where: { code: result.ok ? result.code : "" }, select: { snapshot: true } });
    expect(certificate.snapshot).toMatchObject({ learner: { name: "Ada Okafor", degree: "MD" }, creditType: "AMA_PRA", claimVersion: 1 });
  });

  it("keeps every version on amendment, each with a certificate of its own", async () => {
    const learner = await createPerson("learner");
    const { embolization } = fixture.sessions;
    await watched(learner.id, embolization, 0, 90);
    const first = await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "1.5" }]), NOW);
    const second = await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "0.75" }], { creditType: "PARTICIPATION", degree: "PhD" }), minutesAfter(NOW, 60));
    expect(first).toMatchObject({ ok: true, version: 1 });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const versions = await claimHistory(learner.id, fixture.meeting.id);
    expect(versions.map((version) => [version.number, version.totalQuarters, version.creditType, version.certificate?.code])).toEqual([
      [2, 3, "PARTICIPATION", second.ok && second.code],
      [1, 6, "AMA_PRA", first.ok && first.code],
    ]);
    expect(await written(learner.id)).toEqual({ claims: 1, versions: 2, certificates: 2 });
  });

  it("is the signed-in learner's own: a user id in the form is ignored", async () => {
    const learner = await createPerson("learner");
    const someoneElse = await createPerson("someone");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: fixture.sessions.dotter.slug, credit: "1" }], { userId: someoneElse.id }), NOW)).toMatchObject({ ok: true });
    expect(await written(someoneElse.id)).toEqual(nothingWritten);
    expect(await written(learner.id)).toMatchObject({ versions: 1 });
  });

  it("counts a passed self-assessment's session as SA-CME", async () => {
    const learner = await createPerson("learner");
    const { embolization, dotter } = fixture.sessions;
    await prisma.session.update({ where: { id: dotter.id }, data: { saCme: true } });
    await watched(learner.id, embolization, 0, 90);
    await watched(learner.id, dotter, 0, 60);
    expect((await claimOptions(learner.id, fixture.meeting.id, NOW))!.sessions.find((row) => row.slug === dotter.slug)).toMatchObject({ saCme: true, saCmePassed: false });
    await prisma.selfAssessmentAttempt.create({ data: { sessionId: dotter.id, userId: learner.id, answers: {}, correct: 3, total: 3, passed: true } });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "1.5" }, { slug: dotter.slug, credit: "0.75" }]), NOW)).toMatchObject({ ok: true });
    const [version] = await claimHistory(learner.id, fixture.meeting.id);
    expect(version).toMatchObject({ totalQuarters: 9, saCmeQuarters: 3 });
    expect(version!.sessions.map((row) => [row.session.slug, row.saCme])).toEqual([
      [embolization.slug, false],
      [dotter.slug, true],
    ]);
    await prisma.session.update({ where: { id: dotter.id }, data: { saCme: false } });
  });
});

describe("refused, with nothing written", () => {
  it("needs the attestation, a name and a degree", async () => {
    const learner = await createPerson("learner");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    const refused = await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: fixture.sessions.dotter.slug, credit: "1" }], { attest: false, firstName: " ", degree: "" }), NOW);
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    const fields = refused.ok ? [] : [refused.field, ...(refused.also ?? []).map((problem) => problem.field)];
    expect(fields.sort()).toEqual(["attest", "degree", "firstName"]);
    expect(await written(learner.id)).toEqual(nothingWritten);
  });

  it("claims above the evidence, off the 0.25 steps, or above the designated credit", async () => {
    const learner = await createPerson("learner");
    const { embolization, dotter } = fixture.sessions;
    await watched(learner.id, embolization, 0, 90);
    await watched(learner.id, dotter, 0, 44); // 0.50 at most
    const aboveEvidence = await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "1.5" }, { slug: dotter.slug, credit: "0.75" }]), NOW);
    expect(aboveEvidence).toMatchObject({ ok: false, code: "INVALID", field: "sessions[1].credit", message: expect.stringContaining("at most 0.50") });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "1.1" }]), NOW)).toMatchObject({ ok: false, field: "sessions[0].credit", message: expect.stringContaining("steps of 0.25") });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "1.75" }]), NOW)).toMatchObject({ ok: false, field: "sessions[0].credit", message: expect.stringContaining("at most 1.50") });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: embolization.slug, credit: "0" }]), NOW)).toMatchObject({ ok: false, message: "Claim credit for at least one session." });
    expect(await written(learner.id)).toEqual(nothingWritten);
  });

  it("a session not accredited, not in the meeting, or cancelled", async () => {
    const learner = await createPerson("learner");
    const { evening, cancelled } = fixture.sessions;
    await watched(learner.id, evening, 0, 60);
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    const refused = await submitClaim(
      learner.id,
      fixture.meeting.id,
      claimForm([{ slug: fixture.sessions.dotter.slug, credit: "1" }, { slug: evening.slug, credit: "1" }, { slug: "not-a-session", credit: "1" }, { slug: cancelled.slug, credit: "1" }]),
      NOW,
    );
    expect(refused).toMatchObject({ ok: false, field: "sessions[1].credit", message: "“Resident Section Reception” is not accredited for CME, so it earns no credit." });
    expect(refused.ok ? [] : refused.also).toEqual([
      { field: "sessions[2].credit", message: "That session is not part of this meeting." },
      { field: "sessions[3].credit", message: "“Liver-Directed Therapy Debate” was cancelled, so it earns no credit." },
    ]);
    expect(await written(learner.id)).toEqual(nothingWritten);
  });

  it("after the deadline: claims close at the end of that day in the meeting's zone", async () => {
    const learner = await createPerson("learner");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    const form = claimForm([{ slug: fixture.sessions.dotter.slug, credit: "1" }]);
    // 2023-07-01 06:59 UTC is still June 30 in Phoenix (UTC−7).
    const closed = await submitClaim(learner.id, fixture.meeting.id, form, new Date("2023-07-01T07:00:00Z"));
    expect(closed).toMatchObject({ ok: false, code: "CLOSED", message: "Claims for this meeting closed at the end of Friday, June 30, 2023." });
    expect(await claimOptions(learner.id, fixture.meeting.id, new Date("2023-07-01T07:00:00Z"))).toMatchObject({ open: false });
    expect(await written(learner.id)).toEqual(nothingWritten);
    expect(await submitClaim(learner.id, fixture.meeting.id, form, new Date("2023-07-01T06:59:00Z"))).toMatchObject({ ok: true });
  });

  it("a credit type the meeting does not offer", async () => {
    const learner = await createPerson("learner");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    await designate({ offersAmaPra: false });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([{ slug: fixture.sessions.dotter.slug, credit: "1" }]), NOW)).toMatchObject({ ok: false, field: "creditType" });
    expect(await written(learner.id)).toEqual(nothingWritten);
  });
});

describe("the meeting's evaluation", () => {
  it("must be answered first when the meeting asks for it, and not when it does not", async () => {
    const learner = await createPerson("learner");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    const form = claimForm([{ slug: fixture.sessions.dotter.slug, credit: "1" }]);
    await createEvaluationFromTemplate(fixture.meeting.id, "MEETING", await createOrganizer(fixture.meeting.id));
    await designate({ evaluationRequired: true });
    expect(await submitClaim(learner.id, fixture.meeting.id, form, NOW)).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("evaluation") });
    expect(await written(learner.id)).toEqual(nothingWritten);

    await designate({ evaluationRequired: false });
    expect(await submitClaim(learner.id, fixture.meeting.id, form, NOW)).toMatchObject({ ok: true });

    const answered = await createPerson("answered");
    await watched(answered.id, fixture.sessions.dotter, 0, 60);
    await designate({ evaluationRequired: true });
    const evaluation = await prisma.evaluation.findUniqueOrThrow({ where: { meetingId_scope: { meetingId: fixture.meeting.id, scope: "MEETING" } }, select: { id: true } });
    await prisma.evaluationResponse.create({ data: { evaluationId: evaluation.id, userId: answered.id, subject: "", answers: {} } });
    expect(await submitClaim(answered.id, fixture.meeting.id, form, NOW)).toMatchObject({ ok: true });
  });
});

describe("self-reported sessions", () => {
  it("are refused unless the meeting allows them; allowed, they are marked and overlaps still count once", async () => {
    const learner = await createPerson("learner");
    const { embolization, whyIr, lateNight } = fixture.sessions;
    await watched(learner.id, embolization, 0, 60); // the first hour, which is also Why IR?'s hour
    const selfReported = [{ slug: embolization.slug, credit: "1" }, { slug: lateNight.slug, credit: "0.5", claim: true }];
    const refused = await submitClaim(learner.id, fixture.meeting.id, claimForm(selfReported), NOW);
    expect(refused).toMatchObject({ ok: false, field: "sessions[1].credit", message: expect.stringContaining("does not accept self-reported sessions") });
    expect(await written(learner.id)).toEqual(nothingWritten);

    await designate({ allowSelfReported: true });
    const options = (await claimOptions(learner.id, fixture.meeting.id, NOW))!;
    // Why IR? is not offered: its hour is the embolization session's recorded hour.
    expect(options.sessions.map((row) => [row.slug, row.selfReported, row.claimableQuarters])).toEqual([
      [embolization.slug, false, 4],
      [lateNight.slug, true, 2],
      [fixture.sessions.dotter.slug, true, 4],
    ]);
    expect(options.totalQuarters).toBe(4); // nothing self-reported is ticked to begin with
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([...selfReported, { slug: whyIr.slug, credit: "0.25", claim: true }]), NOW)).toMatchObject({
      ok: false,
      field: "sessions[2].credit",
      message: expect.stringContaining("at most 0.00"),
    });
    // An unticked self-reported row is not claimed, whatever its credit says.
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm([...selfReported, { slug: whyIr.slug, credit: "1", claim: false }]), NOW)).toMatchObject({ ok: true });
    const [version] = await claimHistory(learner.id, fixture.meeting.id);
    expect(version!.sessions.map((row) => [row.session.slug, row.quarters, row.minutes, row.selfReported])).toEqual([
      [embolization.slug, 4, 60, false],
      [lateNight.slug, 2, 0, true],
    ]);
  });

  it("two parallel sessions each show their own credit, but the same hour is claimed once", async () => {
    await designate({ allowSelfReported: true });
    const learner = await createPerson("learner");
    const { embolization, whyIr } = fixture.sessions; // 8:00–9:30 and 8:00–9:00 on the same morning
    const options = (await claimOptions(learner.id, fixture.meeting.id, NOW))!;
    expect(options.sessions.filter((row) => [embolization.slug, whyIr.slug].includes(row.slug)).map((row) => [row.slug, row.claimableQuarters])).toEqual([
      [embolization.slug, 6],
      [whyIr.slug, 4],
    ]);
    const both = claimForm([
      { slug: embolization.slug, credit: "1.5", claim: true },
      { slug: whyIr.slug, credit: "1", claim: true },
    ]);
    expect(await submitClaim(learner.id, fixture.meeting.id, both, NOW)).toMatchObject({ ok: false, field: "sessions[1].credit", message: expect.stringContaining("at most 0.00") });
    expect(await written(learner.id)).toEqual(nothingWritten);
  });
});

describe("details for ACCME's PARS", () => {
  const dotterClaim = () => [{ slug: fixture.sessions.dotter.slug, credit: "1" }];
  const pars = { birthMonth: "4", birthDay: "17", npi: "1234567893", licenseState: "az", licenseNumber: "MD-12345", certifyingBoard: "abr", boardId: "123456" };

  it("are dropped without consent, and kept with it", async () => {
    const learner = await createPerson("learner");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm(dotterClaim(), { ...pars, parsConsent: false }), NOW)).toMatchObject({ ok: true });
    expect((await claimHistory(learner.id, fixture.meeting.id))[0]).toMatchObject({ parsConsent: false, birthMonth: null, birthDay: null, npi: null, licenseState: null, licenseNumber: null, certifyingBoard: null, boardId: null });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm(dotterClaim(), { ...pars, parsConsent: true }), NOW)).toMatchObject({ ok: true, version: 2 });
    expect((await claimHistory(learner.id, fixture.meeting.id))[0]).toMatchObject({ parsConsent: true, birthMonth: 4, birthDay: 17, npi: "1234567893", licenseState: "AZ", licenseNumber: "MD-12345", certifyingBoard: "ABR", boardId: "123456" });
  });

  it("refuses an NPI whose check digit is wrong, a day that is not in the month, and a consent with no identifier", async () => {
    const learner = await createPerson("learner");
    await watched(learner.id, fixture.sessions.dotter, 0, 60);
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm(dotterClaim(), { ...pars, npi: "1234567890", parsConsent: true }), NOW)).toMatchObject({ ok: false, field: "npi", message: expect.stringContaining("check digit") });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm(dotterClaim(), { ...pars, birthMonth: "2", birthDay: "30", parsConsent: true }), NOW)).toMatchObject({ ok: false, field: "birthDay" });
    expect(await submitClaim(learner.id, fixture.meeting.id, claimForm(dotterClaim(), { birthMonth: "4", birthDay: "17", parsConsent: true }), NOW)).toMatchObject({ ok: false, field: "npi", message: expect.stringContaining("NPI, a state licence or a board ID") });
    expect(await written(learner.id)).toEqual(nothingWritten);
  });
});
