// Limits and bad input: per-person rate limits with a clear message, payloads
// checked before anything is written, abusive text stored harmlessly, unknown
// or malformed events refused, and the socket still usable afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { askQuestion } from "~/models/live-qa/asking.server";
import { approveQuestion } from "~/models/live-qa/moderation.server";
import { prisma } from "~/utils/db.server";
import type { ChangeResult } from "./contract";
import type { RealtimeServer } from "./server";
import { connect, makePerson, makeSession, ok, request, startSidecar, type QaClient, type TestPerson } from "./test-support";

let sidecar: RealtimeServer;
let session: { id: string };
let moderator: TestPerson;
const open: QaClient[] = [];

beforeAll(async () => {
  sidecar = await startSidecar();
  session = await makeSession();
  moderator = await makePerson("MODERATOR");
});
afterAll(() => sidecar.close());
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

async function joined(person: TestPerson | null) {
  const socket = await connect(sidecar, person ? { ticket: person.ticket } : {});
  open.push(socket);
  await ok(socket, "qa:join", { sessionId: session.id });
  return socket;
}

const questionsBy = (userId: string) => prisma.audienceQuestion.count({ where: { authorId: userId } });

describe("rate limits", () => {
  it("five questions a minute per person; the sixth is refused with a clear message and not stored", async () => {
    const person = await makePerson("ATTENDEE");
    const socket = await joined(person);
    for (let i = 1; i <= 5; i++) await ok(socket, "question:ask", { body: `Question number ${i}` });
    const sixth = await request(socket, "question:ask", { body: "One too many" });
    expect(sixth).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    if (!sixth.ok) expect(sixth.error.message).toMatch(/^You can ask up to 5 questions a minute\. Try again in (\d+ seconds?|a minute)\.$/);
    expect(await questionsBy(person.id)).toBe(5);

    // The limit is the person's, not the socket's: a second tab does not get five more.
    const secondTab = await joined(person);
    expect(await request(secondTab, "question:ask", { body: "From another tab" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(await questionsBy(person.id)).toBe(5);
  });

  it("sixty votes a minute per person, across tabs; the next is refused and the count stays right", async () => {
    const asker = await makePerson("ATTENDEE");
    const asked = await askQuestion({ sessionId: session.id, userId: asker.id, body: "Vote on me" });
    const questionId = asked.question!.id;
    await approveQuestion({ sessionId: session.id, questionId, userId: moderator.id });
    const voter = await makePerson("ATTENDEE");
    const tabs = [await joined(voter), await joined(voter)];
    for (let i = 0; i < 60; i++) await ok(tabs[i % 2]!, i % 2 === 0 ? "question:vote" : "question:unvote", { questionId });
    const refused = await request(tabs[0]!, "question:vote", { questionId });
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^You can vote up to 60 times a minute\. Try again in/);
    const stored = await prisma.audienceQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { voteCount: true, _count: { select: { votes: true } } } });
    expect(stored).toEqual({ voteCount: 0, _count: { votes: 0 } });
  });
});

describe("bad input", () => {
  let person: TestPerson;
  let socket: QaClient;
  beforeAll(async () => {
    person = await makePerson("ATTENDEE");
  });

  async function expectRefused(event: string, payload: unknown, code: string, message?: RegExp) {
    const before = await prisma.qaEvent.count({ where: { sessionId: session.id } });
    const response = await request(socket, event, payload);
    expect(response, `${event} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code } });
    if (message && !response.ok) expect(response.error.message).toMatch(message);
    expect(await prisma.qaEvent.count({ where: { sessionId: session.id } }), "nothing written").toBe(before);
  }

  it("refuses malformed payloads with a clear error, writes nothing, and keeps the socket usable", async () => {
    socket = await joined(person);
    await expectRefused("question:ask", {}, "INVALID", /Write your question/);
    await expectRefused("question:ask", { body: "   \n\t  " }, "INVALID", /Write your question/);
    await expectRefused("question:ask", { body: "x".repeat(501) }, "INVALID", /at most 500 characters/);
    await expectRefused("question:ask", { body: "x".repeat(10_000) }, "INVALID", /at most 500 characters/);
    await expectRefused("question:ask", { body: 42 }, "INVALID");
    await expectRefused("question:ask", "just a string", "INVALID");
    await expectRefused("question:ask", null, "INVALID");
    await expectRefused("question:ask", { body: "fine", anonymous: "yes" }, "INVALID");
    await expectRefused("question:vote", { questionId: "'; DROP TABLE \"AudienceQuestion\"; --" }, "INVALID", /Not a valid id/);
    await expectRefused("question:vote", { questionId: "c".repeat(25) }, "NOT_FOUND");
    await expectRefused("qa:join", { sessionId: "c".repeat(25) }, "NOT_FOUND");
    await expectRefused("qa:join", { sessionId: session.id, lastEventId: -5 }, "INVALID");
    await expectRefused("question:teleport", { anything: true }, "UNKNOWN_EVENT");
    // No callback at all: nothing to answer, nothing breaks.
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit("question:ask", { body: "No callback" });
    // The socket is still fine, and still joined.
    const asked = await ok<ChangeResult>(socket, "question:ask", { body: "Still works?" });
    expect(asked.question?.status).toBe("PENDING");
  });

  it("refuses questions of another session, and anything before joining", async () => {
    const elsewhere = await makeSession();
    const stranger = await makePerson("ATTENDEE");
    const foreign = await askQuestion({ sessionId: elsewhere.id, userId: stranger.id, body: "In another session" });
    await approveQuestion({ sessionId: elsewhere.id, questionId: foreign.question!.id, userId: moderator.id });
    socket = await joined(person);
    await expectRefused("question:vote", { questionId: foreign.question!.id }, "NOT_FOUND");

    const notJoined = await connect(sidecar, { ticket: person.ticket });
    open.push(notJoined);
    const response = await request(notJoined, "question:ask", { body: "Before joining" });
    expect(response).toEqual({ ok: false, error: { code: "NOT_JOINED", message: "Join a session first." } });
  });

  it("stores abusive text harmlessly: control and direction-override characters removed, markup kept as plain text", async () => {
    socket = await joined(person);
    const { question } = await ok<ChangeResult>(socket, "question:ask", {
      body: "<script>alert('x')</script>\u0000\u0007 Is \u202Eevil\u202C text\r\n\r\n\r\n\r\nsafe?\u200B",
    });
    const stored = await prisma.audienceQuestion.findUniqueOrThrow({ where: { id: question!.id }, select: { body: true } });
    expect(stored.body).toBe("<script>alert('x')</script> Is evil text\n\nsafe?");
    expect(question?.body).toBe(stored.body);
  });

  it("bounds the size of a message: an oversized one closes that connection, not the server", async () => {
    const victim = await connect(sidecar, { ticket: person.ticket });
    open.push(victim);
    const closed = new Promise<string>((resolve) => victim.on("disconnect", (reason) => resolve(reason)));
    (victim as unknown as { emit(event: string, payload: unknown): void }).emit("question:ask", { body: "x".repeat(100_000) });
    expect(await closed).toBe("transport close");
    const fresh = await joined(person);
    expect((await request(fresh, "qa:join", { sessionId: session.id })).ok).toBe(true);
  });

  it("replays are refused: approving twice, voting twice", async () => {
    const asker = await makePerson("ATTENDEE");
    const asked = await askQuestion({ sessionId: session.id, userId: asker.id, body: "Replay me" });
    const mod = await joined(moderator);
    await ok(mod, "question:approve", { questionId: asked.question!.id });
    socket = mod;
    await expectRefused("question:approve", { questionId: asked.question!.id }, "CONFLICT", /already approved/);
    await ok(mod, "question:vote", { questionId: asked.question!.id });
    await expectRefused("question:vote", { questionId: asked.question!.id }, "CONFLICT", /already voted/);
  });
});
