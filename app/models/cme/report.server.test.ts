// The provider's report against the real database: a known set of learners,
// claims (one amended) and evaluation responses, and the report's figures, the
// CSVs and the PARS file read back from it; only current claim versions count,
// and nothing about evaluations carries a name.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganizer } from "../accounts/people.fixture";
import { type ProgramFixture } from "../program/program.fixture";
import { createEvaluationFromTemplate, getEvaluation } from "./evaluations.server";
import { PARS_COLUMNS } from "./pars";
import { createReportFixture, giveEvidence, makeClaim, makeLearner } from "./report.fixture";
import { claimsCsv, cmeReport, evaluationCsv, parsLearnerFile } from "./report.server";

let fixture: ProgramFixture;
let ana: Awaited<ReturnType<typeof makeLearner>>;
let anaCode: string;

beforeAll(async () => {
  fixture = await createReportFixture();
  const { meeting, sessions } = fixture;
  const { embolization, dotter, lateNight, whyIr } = sessions;
  ana = await makeLearner("Ana García");
  const ben = await makeLearner("Ben Okafor");
  const cleo = await makeLearner("Cleo Novak");
  const dan = await makeLearner("Dan Reyes");
  const eve = await makeLearner("Eve Laurent");
  await giveEvidence(ana.id, embolization, 90);
  await giveEvidence(ana.id, dotter, 60);
  await giveEvidence(ben.id, dotter, 60);
  await giveEvidence(cleo.id, embolization, 30);
  await giveEvidence(dan.id, lateNight, 30);
  // Evidence at a session that is not accredited makes nobody a learner.
  await giveEvidence(eve.id, whyIr, 60);

  // Ana claims, then amends: only the second version counts.
  await makeClaim(meeting.id, ana, { totalQuarters: 6, sessions: [{ id: embolization.id, quarters: 6 }], claimedAt: new Date("2023-03-07T18:00:00Z") });
  anaCode = (
    await makeClaim(meeting.id, ana, {
      totalQuarters: 10,
      saCmeQuarters: 4,
      parsConsent: true,
      pars: { birthMonth: 3, birthDay: 9, licenseState: "AZ", licenseNumber: "AZ-4711", certifyingBoard: "ABR", boardId: "98765" },
      sessions: [
        { id: embolization.id, quarters: 6 },
        { id: dotter.id, quarters: 4, saCme: true },
      ],
      // 11 PM in Phoenix on March 8 is already March 9 in UTC: the completion date is the meeting's day.
      claimedAt: new Date("2023-03-09T06:00:00Z"),
    })
  ).code;
  await makeClaim(meeting.id, ben, {
    totalQuarters: 6,
    sessions: [
      { id: dotter.id, quarters: 4 },
      { id: lateNight.id, quarters: 2, selfReported: true },
    ],
  });
  await makeClaim(meeting.id, cleo, { creditType: "PARTICIPATION", totalQuarters: 2, parsConsent: true, sessions: [{ id: embolization.id, quarters: 2 }] });

  const organizer = await createOrganizer(meeting.id);
  await createEvaluationFromTemplate(meeting.id, "MEETING", organizer);
  await createEvaluationFromTemplate(meeting.id, "SESSION", organizer);
  const meetingEvaluation = (await getEvaluation(meeting.id, "MEETING"))!;
  const sessionEvaluation = (await getEvaluation(meeting.id, "SESSION"))!;
  const [objectives, , , profession, , change, bias] = meetingEvaluation.questions;
  await prisma.evaluationResponse.createMany({
    data: [
      { evaluationId: meetingEvaluation.id, userId: ana.id, subject: "", answers: { [objectives!.id]: 5, [profession!.id]: "Physician", [change!.id]: "Use cone-beam CT for every embolization", [bias!.id]: { free: true, detail: "" } } },
      { evaluationId: meetingEvaluation.id, userId: ben.id, subject: "", answers: { [objectives!.id]: 4, [profession!.id]: "Physician", [change!.id]: "Screen for PAD earlier", [bias!.id]: { free: false, detail: "One device shown by brand" } } },
    ],
  });
  const [sessionObjectives, faculty, sessionChange] = sessionEvaluation.questions;
  await prisma.evaluationResponse.create({
    data: { evaluationId: sessionEvaluation.id, userId: ana.id, sessionId: dotter.id, subject: dotter.id, answers: { [sessionObjectives!.id]: 5, [faculty!.id]: 5, [sessionChange!.id]: "Teach residents the Dotter technique" } },
  });
});

describe("the provider's report", () => {
  it("counts learners with evidence and the current claims only", async () => {
    const report = await cmeReport(fixture.meeting.id);
    expect(report.learnersWithEvidence).toBe(4);
    expect(report.learnersEvaluated).toBe(2);
    expect(report.claims).toEqual({
      learners: 3,
      physicians: 2,
      others: 1,
      totalQuarters: 18,
      amaPraQuarters: 16,
      participationQuarters: 2,
      saCmeQuarters: 4,
      selfReportedQuarters: 2,
      sessionQuarters: 18,
    });
    const { embolization, dotter, lateNight } = fixture.sessions;
    expect(report.sessions.map((row) => [row.session.id, row.quarters, row.claimants, row.selfReported])).toEqual([
      [embolization.id, 8, 2, 0],
      [lateNight.id, 2, 1, 1],
      [dotter.id, 8, 2, 0],
    ]);
    expect(report.pars).toEqual({ activity: { providerId: "0001234", activityId: "TEST-ASM" }, reported: 1, withoutConsent: 1, notPhysicians: 1 });
  });

  it("agrees with the database: the totals of each learner's latest version", async () => {
    const report = await cmeReport(fixture.meeting.id);
    const [latest] = await prisma.$queryRaw<{ learners: bigint; quarters: bigint }[]>`
      SELECT count(*) AS learners, coalesce(sum(v."totalQuarters"), 0) AS quarters
      FROM "CreditClaimVersion" v JOIN "CreditClaim" c ON c.id = v."claimId"
      WHERE c."meetingId" = ${fixture.meeting.id}
        AND v.number = (SELECT max(number) FROM "CreditClaimVersion" w WHERE w."claimId" = v."claimId")`;
    expect(report.claims.learners).toBe(Number(latest!.learners));
    expect(report.claims.totalQuarters).toBe(Number(latest!.quarters));
    const all = await prisma.creditClaimVersion.aggregate({ where: { claim: { meetingId: fixture.meeting.id } }, _sum: { totalQuarters: true } });
    // The amended-away version is on record but not in the report.
    expect(all._sum.totalQuarters).toBe(report.claims.totalQuarters + 6);
  });

  it("shows evaluation results and every commitment to change, without names", async () => {
    const report = await cmeReport(fixture.meeting.id);
    expect(report.evaluations.meeting!.responses).toBe(2);
    expect(report.evaluations.session!.responses).toBe(1);
    const objectives = report.evaluations.meeting!.questions[0]!.result;
    expect(objectives).toMatchObject({ kind: "RATING", answered: 2, counts: [0, 0, 0, 1, 1], average: 4.5 });
    expect(report.commitments).toEqual([
      { prompt: "What will you change in your practice as a result of this meeting?", texts: ["Screen for PAD earlier", "Use cone-beam CT for every embolization"] },
      { prompt: "What will you do differently after this session?", texts: ["Teach residents the Dotter technique"] },
    ]);
    const text = JSON.stringify({ evaluations: report.evaluations, commitments: report.commitments });
    expect(text).not.toMatch(/García|Okafor|@example|ana-|ben-/);
    expect(text).not.toContain(ana.id);
  });
});

describe("the downloads", () => {
  it("lists each learner's current claim in the claims CSV", async () => {
    const rows = parse(await claimsCsv(fixture.meeting.id, "America/Phoenix")) as string[][];
    expect(rows[0]).toEqual(["Name", "Degree", "E-mail", "Credit type", "Credits", "SA-CME credits", "Self-reported sessions", "Claim version", "Claimed at (America/Phoenix)", "Certificate"]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(["Ana García", "MD", ana.email, "AMA PRA Category 1 Credit™", "2.50", "1.00", "", "2", "2023-03-08 23:00", anaCode]);
    expect(rows.find((row) => row[0] === "Ben Okafor")?.[6]).toBe("Late Night Cases");
    expect(rows.find((row) => row[0] === "Cleo Novak")?.slice(1, 5)).toEqual(["RN", expect.stringContaining("cleo-"), "Participation", "0.50"]);
  });

  it("gives one row per evaluation response, sessions named, no names or ids", async () => {
    const meetingRows = parse((await evaluationCsv(fixture.meeting.id, "MEETING"))!) as string[][];
    expect(meetingRows[0]![0]).toBe("The meeting met its stated learning objectives.");
    expect(meetingRows).toHaveLength(3);
    expect(meetingRows.map((row) => row[6])).toContain("No: One device shown by brand");
    const sessionRows = parse((await evaluationCsv(fixture.meeting.id, "SESSION"))!) as string[][];
    expect(sessionRows[0]!.slice(0, 2)).toEqual(["Session", "The session met its learning objectives."]);
    expect(sessionRows[1]).toEqual(["Dr. Charles T. Dotter Lecture", "5", "5", "Teach residents the Dotter technique", ""]);
    const everything = JSON.stringify([meetingRows, sessionRows]);
    expect(everything).not.toMatch(/García|Okafor|@example/);
    expect(everything).not.toContain(ana.id);
  });

  it("writes the PARS file for the consenting physician only, in the documented columns", async () => {
    const lines = (await parsLearnerFile(fixture.meeting.id, "America/Phoenix")).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const cells = lines[0]!.split("\t");
    expect(cells).toHaveLength(PARS_COLUMNS.length);
    expect(cells).toEqual(["0001234", "TEST-ASM", "Ana", "García", "3", "9", "", "AZ", "AZ-4711", "ABR", "98765", "03/08/2023", "2.50"]);
  });
});

describe("a meeting without its PARS IDs", () => {
  it("still writes the learners, with those two cells empty, and the report says they are missing", async () => {
    const bare = await createReportFixture({ accmeProviderId: null, parsActivityId: "  " });
    const learner = await makeLearner("Ida Chen");
    await makeClaim(bare.meeting.id, learner, { totalQuarters: 4, parsConsent: true, pars: { birthMonth: 12, birthDay: 1, npi: "1234567893" }, sessions: [{ id: bare.sessions.dotter.id, quarters: 4 }] });
    expect((await cmeReport(bare.meeting.id)).pars.activity).toEqual({ providerId: null, activityId: null });
    const [line] = (await parsLearnerFile(bare.meeting.id, "America/Phoenix")).split("\r\n");
    expect(line!.split("\t").slice(0, 4)).toEqual(["", "", "Ida", "Chen"]);
    expect(await evaluationCsv(bare.meeting.id, "MEETING")).toBeNull();
  });
});
