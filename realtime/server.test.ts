// The contract, end to end: a real sidecar on port 0, real socket.io-client
// clients, the real database. Each test makes its own session and people.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { destroyLoginSession, revokeOtherLoginSessions } from "~/utils/session.server";
import type { ChangeResult, JoinResult, ViewerRights } from "./contract";
import type { RealtimeServer } from "./server";
import { APP_ORIGIN, connect, makePerson, makeSession, ok, quietFor, request, startSidecar, Watcher, type QaClient } from "./test-support";

let sidecar: RealtimeServer;
const open: QaClient[] = [];

beforeAll(async () => {
  sidecar = await startSidecar();
});
afterAll(async () => {
  await sidecar.close();
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

async function client(options: Parameters<typeof connect>[1] = {}) {
  const socket = await connect(sidecar, options);
  open.push(socket);
  return socket;
}

/** A session with a moderator, two attendees and an anonymous watcher, all joined. */
async function room() {
  const session = await makeSession();
  const [moderator, asker, other] = await Promise.all([makePerson("MODERATOR", "sir-2023", "Mo Derator"), makePerson("ATTENDEE", "sir-2023", "Ada Asker"), makePerson("ATTENDEE", "sir-2023", "Otto Other")]);
  const watchers = {
    moderator: await Watcher.join(await client({ ticket: moderator.ticket }), session.id),
    asker: await Watcher.join(await client({ ticket: asker.ticket }), session.id),
    other: await Watcher.join(await client({ ticket: other.ticket }), session.id),
    anonymous: await Watcher.join(await client(), session.id),
  };
  return { session, people: { moderator, asker, other }, watchers };
}

describe("realtime sidecar: questions", () => {
  it("a question waits for moderation: the author and moderators see it, nobody else does", async () => {
    const { watchers } = await room();
    const asked = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "  What is the  recurrence rate after TARE?  " });
    expect(asked.question).toMatchObject({ body: "What is the  recurrence rate after TARE?", status: "PENDING", mine: true, authorName: "Ada Asker" });
    const id = asked.question!.id;

    await watchers.moderator.until((w) => w.question(id)?.status === "PENDING", "the moderator to see the pending question");
    await watchers.asker.until((w) => w.question(id)?.status === "PENDING", "the author to see their pending question");
    await quietFor(300);
    expect(watchers.other.question(id)).toBeUndefined();
    expect(watchers.anonymous.question(id)).toBeUndefined();
    expect(await prisma.audienceQuestion.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PENDING" });
  });

  it("approving puts it on every screen; an anonymous author is hidden from all but moderators and themselves", async () => {
    const { watchers } = await room();
    const { question } = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "Dose thresholds for segmentectomy?", anonymous: true });
    const approved = await ok<ChangeResult>(watchers.moderator.socket, "question:approve", { questionId: question!.id });
    expect(approved.question).toMatchObject({ status: "APPROVED", authorName: "Ada Asker", anonymous: true });

    for (const watcher of Object.values(watchers)) {
      await watcher.until((w) => w.question(question!.id)?.status === "APPROVED", "the approved question everywhere");
    }
    expect(watchers.other.question(question!.id)).toMatchObject({ authorName: null, anonymous: true, mine: false });
    expect(watchers.anonymous.question(question!.id)?.authorName).toBeNull();
    expect(watchers.moderator.question(question!.id)?.authorName).toBe("Ada Asker");
    expect(watchers.asker.question(question!.id)).toMatchObject({ authorName: "Ada Asker", mine: true });
  });

  it("votes and un-votes: one per person, counted in the database, broadcast to all, 'voted' only for the voter", async () => {
    const { watchers } = await room();
    const { question } = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "Is cone-beam CT needed?" });
    const id = question!.id;
    await ok(watchers.moderator.socket, "question:approve", { questionId: id });

    const voted = await ok<ChangeResult>(watchers.other.socket, "question:vote", { questionId: id });
    expect(voted.question).toMatchObject({ voteCount: 1, votedByMe: true });
    await ok(watchers.moderator.socket, "question:vote", { questionId: id });
    for (const watcher of Object.values(watchers)) await watcher.until((w) => w.question(id)?.voteCount === 2, "two votes everywhere");
    expect(watchers.other.question(id)?.votedByMe).toBe(true);
    expect(watchers.moderator.question(id)?.votedByMe).toBe(true);
    expect(watchers.asker.question(id)?.votedByMe).toBeFalsy();

    const again = await request(watchers.other.socket, "question:vote", { questionId: id });
    expect(again).toEqual({ ok: false, error: { code: "CONFLICT", message: "You already voted for this question." } });

    const unvoted = await ok<ChangeResult>(watchers.other.socket, "question:unvote", { questionId: id });
    expect(unvoted.question).toMatchObject({ voteCount: 1, votedByMe: false });
    for (const watcher of Object.values(watchers)) await watcher.until((w) => w.question(id)?.voteCount === 1, "one vote everywhere");
    expect(watchers.other.question(id)?.votedByMe).toBe(false);

    const stored = await prisma.audienceQuestion.findUniqueOrThrow({ where: { id }, select: { voteCount: true, _count: { select: { votes: true } } } });
    expect(stored).toEqual({ voteCount: 1, _count: { votes: 1 } });
    expect((await request(watchers.anonymous.socket, "question:vote", { questionId: id })).ok).toBe(false);
  });

  it("refuses an author's upvote of their own question in the acknowledgement, and a blank question with 'Write your question'", async () => {
    const { watchers } = await room();
    const { question } = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "Is my own question worth a vote?" });
    const id = question!.id;
    await ok(watchers.moderator.socket, "question:approve", { questionId: id });
    expect(await request(watchers.asker.socket, "question:vote", { questionId: id })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "You cannot upvote your own question." },
    });
    expect(await prisma.questionVote.count({ where: { questionId: id } })).toBe(0);
    // Everyone else still may.
    expect((await ok<ChangeResult>(watchers.other.socket, "question:vote", { questionId: id })).question).toMatchObject({ voteCount: 1, votedByMe: true });

    for (const body of ["", "  \n  "]) {
      expect(await request(watchers.asker.socket, "question:ask", { body })).toEqual({ ok: false, error: { code: "INVALID", message: "Write your question (body)" } });
    }
  });

  it("dismissing tells the author why, takes it off everyone else's screen, and refuses votes on it", async () => {
    const { watchers } = await room();
    const { question } = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "Off-topic: where is lunch?" });
    const id = question!.id;
    await ok(watchers.moderator.socket, "question:approve", { questionId: id });
    await watchers.other.until((w) => w.question(id)?.status === "APPROVED", "the approved question");

    await ok(watchers.moderator.socket, "question:dismiss", { questionId: id, reason: "Please ask the help desk." });
    await watchers.asker.until((w) => w.question(id)?.status === "DISMISSED", "the author to see the dismissal");
    expect(watchers.asker.question(id)).toMatchObject({ dismissReason: "Please ask the help desk.", body: "Off-topic: where is lunch?" });
    await watchers.other.until((w) => w.question(id)?.status === "DISMISSED", "the others to drop it");
    expect(watchers.other.question(id)).toMatchObject({ body: "", dismissReason: null });

    const vote = await request(watchers.other.socket, "question:vote", { questionId: id });
    expect(vote).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "This question is no longer on the board." } });
    expect(await prisma.questionVote.count({ where: { questionId: id } })).toBe(0);
  });

  it("pinning shows one question as 'now answering'; marking it answered unpins it", async () => {
    const { watchers } = await room();
    const first = (await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "First question" })).question!;
    const second = (await ok<ChangeResult>(watchers.other.socket, "question:ask", { body: "Second question" })).question!;
    await ok(watchers.moderator.socket, "question:approve", { questionId: first.id });
    await ok(watchers.moderator.socket, "question:approve", { questionId: second.id });

    await ok(watchers.moderator.socket, "question:pin", { questionId: first.id });
    await watchers.anonymous.until((w) => w.board.qa.pinnedQuestionId === first.id, "the first question pinned");
    await ok(watchers.moderator.socket, "question:pin", { questionId: second.id });
    await watchers.anonymous.until((w) => w.board.qa.pinnedQuestionId === second.id, "the pin to move to the second");

    const answered = await ok<ChangeResult>(watchers.moderator.socket, "question:answer", { questionId: second.id });
    expect(answered.qa.pinnedQuestionId).toBeNull();
    expect(answered.question?.answeredAt).toEqual(expect.any(String));
    await watchers.other.until((w) => w.board.qa.pinnedQuestionId === null && Boolean(w.question(second.id)?.answeredAt), "answered and unpinned");
    expect((await prisma.sessionQa.findMany({ where: { pinnedQuestionId: { in: [first.id, second.id] } } })).length).toBe(0);
  });

  it("authors edit or withdraw their question before approval; a moderator's edit is marked as such", async () => {
    const { watchers } = await room();
    const { question } = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "teh question" });
    const id = question!.id;
    const edited = await ok<ChangeResult>(watchers.asker.socket, "question:edit", { questionId: id, body: "The question" });
    expect(edited.question).toMatchObject({ body: "The question", editedAt: null });

    await ok(watchers.moderator.socket, "question:approve", { questionId: id });
    expect(await request(watchers.asker.socket, "question:edit", { questionId: id, body: "Changed after approval" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await request(watchers.asker.socket, "question:withdraw", { questionId: id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(watchers.moderator.socket, "question:edit", { questionId: id, body: "The question, clarified" });
    await watchers.asker.until((w) => w.question(id)?.body === "The question, clarified", "the moderator's edit");
    expect(watchers.asker.question(id)?.editedAt).toEqual(expect.any(String));

    const other = (await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "Never mind this one" })).question!;
    expect(await request(watchers.other.socket, "question:withdraw", { questionId: other.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await ok(watchers.asker.socket, "question:withdraw", { questionId: other.id });
    await watchers.moderator.until((w) => w.question(other.id)?.status === "WITHDRAWN", "the moderator to see the withdrawal");
  });

  it("closing Q&A refuses new questions and votes until it is reopened; with moderation off questions go straight up", async () => {
    const { watchers } = await room();
    await ok(watchers.moderator.socket, "qa:close");
    await watchers.asker.until((w) => !w.board.qa.open, "Q&A closed");
    const refused = await request(watchers.asker.socket, "question:ask", { body: "Too late?" });
    expect(refused).toEqual({ ok: false, error: { code: "CLOSED", message: "Q&A is closed for this session." } });
    expect(await request(watchers.moderator.socket, "qa:close", {})).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    await ok(watchers.moderator.socket, "qa:open");
    await ok(watchers.moderator.socket, "qa:moderation", { enabled: false });
    const { question } = await ok<ChangeResult>(watchers.asker.socket, "question:ask", { body: "Straight to the board" });
    expect(question?.status).toBe("APPROVED");
    await watchers.anonymous.until((w) => w.question(question!.id)?.status === "APPROVED", "the unmoderated question for everyone");
  });
});

describe("realtime sidecar: connection", () => {
  it("accepts the web app's cookie as well as a ticket, and refuses a bad ticket", async () => {
    const session = await makeSession();
    const person = await makePerson("ATTENDEE");
    const viaCookie = await client({ cookie: person.cookie });
    const joined = await ok<JoinResult>(viaCookie, "qa:join", { sessionId: session.id });
    expect(joined.rights).toEqual({ signedIn: true, name: person.name, canParticipate: true, canModerate: false });

    await expect(connect(sidecar, { ticket: `${person.ticket.slice(0, -2)}xx` })).rejects.toThrow(/ticket is invalid or expired/);
  });

  it("refuses a handshake from another site even with a valid sign-in, over WebSocket and polling; the app's own page gets in", async () => {
    const session = await makeSession();
    const person = await makePerson("ATTENDEE");
    for (const transport of ["websocket", "polling"] as const) {
      for (const origin of ["https://evil.example", "null", "http://localhost:3000.evil.example", "http://localhost:3001"]) {
        await expect(connect(sidecar, { cookie: person.cookie, ticket: person.ticket, origin, transport }), `${transport} from ${origin}`).rejects.toThrow();
      }
      const own = await client({ cookie: person.cookie, origin: APP_ORIGIN, transport });
      const joined = await ok<JoinResult>(own, "qa:join", { sessionId: session.id });
      expect(joined.rights, transport).toEqual({ signedIn: true, name: person.name, canParticipate: true, canModerate: false });
    }
  });

  it("signing out disconnects that sign-in's sockets; revoking other devices disconnects them and keeps this one", async () => {
    const person = await makePerson("ATTENDEE");
    const here = await client({ ticket: person.ticket });
    const ended = new Promise<string>((resolve) => here.on("auth:ended", ({ message }) => resolve(message)));
    const gone = new Promise<string>((resolve) => here.on("disconnect", (reason) => resolve(reason)));
    await destroyLoginSession(new Request(APP_ORIGIN, { method: "POST", headers: { Cookie: person.cookie } }));
    expect(await ended).toMatch(/signed out/);
    expect(await gone).toBe("io server disconnect");

    const other = await makePerson("ATTENDEE");
    const second = await prisma.loginSession.create({ data: { userId: other.id, expiresAt: new Date(Date.now() + 3600_000) }, select: { id: true } });
    const { issueRealtimeTicket } = await import("~/models/accounts/realtime-ticket.server");
    const kept = await client({ ticket: other.ticket });
    const revoked = await client({ ticket: issueRealtimeTicket(second.id).ticket });
    const revokedGone = new Promise<string>((resolve) => revoked.on("disconnect", (reason) => resolve(reason)));
    expect(await revokeOtherLoginSessions(other.id, other.loginSessionId)).toBe(1);
    expect(await revokedGone).toBe("io server disconnect");
    await quietFor(200);
    expect(kept.connected).toBe(true);
  });

  it("a role taken or given while watching changes what the person may do at once, and their screen is told", async () => {
    const { session, people, watchers } = await room();
    const rightsOf = (socket: QaClient) => new Promise<ViewerRights>((resolve) => socket.once("rights:changed", ({ rights }) => resolve(rights)));

    // A cancelled registration takes the ATTENDEE role away (app/models/registration/registration.server.ts).
    const revoked = rightsOf(watchers.asker.socket);
    await prisma.meetingRole.deleteMany({ where: { userId: people.asker.id, meetingId: session.meetingId } });
    expect(await revoked).toEqual({ signedIn: true, name: "Ada Asker", canParticipate: false, canModerate: false });
    expect(await request(watchers.asker.socket, "question:ask", { body: "Still here?" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    // Made a moderator mid-session: moderates at once and sees questions waiting for approval.
    const promoted = rightsOf(watchers.other.socket);
    await prisma.meetingRole.create({ data: { userId: people.other.id, meetingId: session.meetingId, role: "MODERATOR" } });
    expect(await promoted).toMatchObject({ canParticipate: true, canModerate: true });
    const { question } = await ok<ChangeResult>(watchers.moderator.socket, "question:ask", { body: "Pending, for moderators only" });
    await watchers.other.until((w) => w.question(question!.id)?.status === "PENDING", "the new moderator to see a pending question");
    await ok(watchers.other.socket, "question:approve", { questionId: question!.id });
  });

  it("counts the people watching a session", async () => {
    const session = await makeSession();
    const first = await Watcher.join(await client(), session.id);
    const second = await Watcher.join(await client(), session.id);
    await first.until((w) => w.viewers === 2, "two viewers");
    second.socket.close();
    await first.until((w) => w.viewers === 1, "one viewer after the other left");
  });

  it("serves /healthz and refuses WebSocket upgrades from another site", async () => {
    const health = await fetch(`http://127.0.0.1:${sidecar.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", listening: true, sockets: expect.any(Number) });
    expect((await fetch(`http://127.0.0.1:${sidecar.port}/nothing-here`)).status).toBe(404);

    const { io } = await import("socket.io-client");
    const foreign = io(`http://127.0.0.1:${sidecar.port}`, { transports: ["websocket"], extraHeaders: { Origin: "https://evil.example" }, reconnection: false, forceNew: true });
    const outcome = await new Promise<string>((resolve) => {
      foreign.once("connect", () => resolve("connected"));
      foreign.once("connect_error", () => resolve("refused"));
    });
    foreign.close();
    expect(outcome).toBe("refused");
    const friendly = io(`http://127.0.0.1:${sidecar.port}`, { transports: ["websocket"], extraHeaders: { Origin: APP_ORIGIN }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      friendly.once("connect", () => resolve());
      friendly.once("connect_error", reject);
    });
    friendly.close();
  });
});
