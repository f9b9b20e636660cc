// The SA-CME pages' actions as Remix calls them: bad input answered with a 4xx
// and its message beside the field, nothing written; only organizers edit
// questions; the learner's attempt lands on its own address.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { createProgramFixture, type ProgramFixture } from "~/models/program/program.fixture";
import { prisma } from "~/utils/db.server";
import * as learnerPage from "../../meetings+/$meeting+/cme_.self-assessment.$session";
import * as consolePage from "./cme.self-assessment";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
type Body = { error?: Record<string, string[]>; result?: { error?: Record<string, string[]> }; message?: string };
type Posted = Response | { type: string; data: Body; init?: ResponseInit } | Body;

let fixture: ProgramFixture;
let cookie: string;
const SLUG = "uterine-fibroid-embolization";

beforeAll(async () => {
  fixture = await createProgramFixture();
  const organizer = await createPerson("organizer", { roles: [{ meetingId: fixture.meeting.id, role: "ORGANIZER" }] });
  cookie = await cookieFor(organizer.id);
  await prisma.session.update({ where: { id: fixture.sessions.embolization.id }, data: { cmeAccredited: true, saCme: true } });
  await prisma.creditDesignation.create({
    data: { meetingId: fixture.meeting.id, provider: "Society of Testing", accreditationStatement: "A", designationStatement: "D", offersSaCme: true, maxCreditQuarters: 40, claimDeadline: new Date("2023-06-30T00:00:00Z") },
  });
});

/** Posts a form as `who` (a Cookie header); the status, and the field errors of a refused form. */
async function post(handler: Handler, path: string, params: Record<string, string>, form: Record<string, string>, who = cookie) {
  const request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: who }, body: new URLSearchParams(form) });
  const result = (await handler({ request, params, context: {} })) as Posted;
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), errors: {} as Record<string, string[]> };
  // A refusal comes wrapped by data() with its status; a plain object is a 200.
  const [body, status] = "data" in result && "type" in result ? [result.data, result.init?.status ?? 200] : [result as Body, 200];
  return { status, location: null, errors: body.result?.error ?? body.error ?? {} };
}

const question = (fields: Record<string, string> = {}) => ({
  session: SLUG,
  prompt: "Which embolic agent is temporary?",
  "options[0]": "Coils",
  "options[1]": "Gelatin sponge",
  correct: "1",
  explanation: "Gelatin sponge is resorbed within weeks.",
  ...fields,
});

describe("the console's question form", () => {
  const save = (form: Record<string, string>, who?: string) => post(consolePage.action as Handler, `/organize/${fixture.meeting.slug}/cme/self-assessment`, { meeting: fixture.meeting.slug }, form, who);

  it("refuses a question without its correct answer, or for a session not flagged SA-CME, writing nothing", async () => {
    const missing = await save(question({ correct: "" }));
    expect(missing.status).toBe(400);
    expect(missing.errors.correct?.[0]).toBe("Pick the correct answer.");
    const notSaCme = await save(question({ session: fixture.sessions.dotter.slug }));
    expect(notSaCme.status).toBe(404);
    expect(await prisma.selfAssessmentQuestion.count({ where: { session: { meetingId: fixture.meeting.id } } })).toBe(0);
  });

  it("is for the meeting's organizers only, and adds the question for them", async () => {
    const attendee = await createPerson("attendee", { roles: [{ meetingId: fixture.meeting.id, role: "ATTENDEE" }] });
    await expect(save(question(), await cookieFor(attendee.id))).rejects.toMatchObject({ status: 403 });
    expect((await save(question())).status).toBe(200);
    expect(await prisma.selfAssessmentQuestion.findMany({ where: { sessionId: fixture.sessions.embolization.id }, select: { options: true, correctOption: true } })).toEqual([
      { options: ["Coils", "Gelatin sponge"], correctOption: 1 },
    ]);
  });
});

describe("the learner's page", () => {
  it("answers an unknown option with 400 beside the question, and a scored attempt with its own address", async () => {
    const learner = await createPerson("learner");
    const { embolization } = fixture.sessions;
    await prisma.attendanceInterval.create({ data: { id: randomUUID(), sessionId: embolization.id, userId: learner.id, startedAt: embolization.startsAt, endedAt: embolization.endsAt } });
    const [stored] = await prisma.selfAssessmentQuestion.findMany({ where: { sessionId: embolization.id }, select: { id: true } });
    const path = `/meetings/${fixture.meeting.slug}/cme/self-assessment/${SLUG}`;
    const params = { meeting: fixture.meeting.slug, session: SLUG };
    const who = await cookieFor(learner.id);
    const unknown = await post(learnerPage.action as Handler, path, params, { [`q-${stored!.id}`]: "Onyx" }, who);
    expect(unknown.status).toBe(400);
    expect(unknown.errors[`q-${stored!.id}`]).toEqual(["Choose one of the answers listed."]);
    expect(await prisma.selfAssessmentAttempt.count({ where: { userId: learner.id } })).toBe(0);

    const scored = await post(learnerPage.action as Handler, path, params, { [`q-${stored!.id}`]: "Gelatin sponge" }, who);
    expect(scored.status).toBe(302);
    const attempt = await prisma.selfAssessmentAttempt.findFirstOrThrow({ where: { userId: learner.id }, select: { id: true, passed: true } });
    expect(attempt.passed).toBe(true);
    expect(scored.location).toBe(`${path}?attempt=${attempt.id}`);
  });
});
