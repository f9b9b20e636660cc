// The live pages' loaders and no-JavaScript actions, called as Remix calls
// them: who gets in, what each sees, and forms that write through the same
// verbs as the sidecar (refusals as 4xx with a message, never a 500).
import { beforeAll, describe, expect, it } from "vitest";
import { askQuestion } from "~/models/live-qa/asking.server";
import { confirmationText, QA_COMMAND_EVENTS, QA_COMMANDS, qaIntent, type QaPage } from "~/models/live-qa/commands";
import { approveQuestion } from "~/models/live-qa/moderation.server";
import { readRealtimeTicket } from "~/models/accounts/realtime-ticket.server";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { connect, makePerson, makeSession, ok, request, startSidecar, type TestPerson } from "../../../../realtime/test-support";
import { action as liveAction, loader as liveLoader } from "./sessions.$session_.live";
import { action as moderateAction, loader as moderateLoader } from "./sessions.$session_.moderate";
import { loader as presentLoader } from "./sessions.$session_.present";
import { loader as sessionLoader } from "./sessions.$session";
import { action as ticketAction } from "../../_resources+/realtime.ticket";
import { loader as askLinkLoader } from "../../q.$code";

let session: { id: string; slug: string };
let moderator: TestPerson;
let attendee: TestPerson;
let approvedId: string;
let pendingId: string;

beforeAll(async () => {
  session = await makeSession();
  moderator = await makePerson("MODERATOR");
  attendee = await makePerson("ATTENDEE", "sir-2023", "Attendee Ann");
  const asker = await makePerson("ATTENDEE");
  approvedId = (await askQuestion({ sessionId: session.id, userId: asker.id, body: "Approved question" })).question!.id;
  await approveQuestion({ sessionId: session.id, questionId: approvedId, userId: moderator.id });
  pendingId = (await askQuestion({ sessionId: session.id, userId: asker.id, body: "Pending question", anonymous: true })).question!.id;
});

const base = (slug = session.slug) => `http://localhost${href.session("sir-2023", slug)}`;
const params = (slug = session.slug) => ({ meeting: "sir-2023", session: slug });

function get(path: string, person?: TestPerson) {
  return { request: new Request(`${base()}${path}`, { headers: person ? { Cookie: person.cookie } : {} }), params: params(), context: {} };
}
function post(path: string, form: Record<string, string>, person?: TestPerson, slug = session.slug) {
  return {
    request: new Request(`${base(slug)}${path}`, { method: "POST", body: new URLSearchParams(form), headers: person ? { Cookie: person.cookie } : {} }),
    params: params(slug),
    context: {},
  };
}

/** A loader or action's outcome as a response: thrown responses (redirects, 4xx) included. */
async function outcome(promise: Promise<unknown>): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const value = await promise;
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), body: null };
    const wrapped = value as { type?: string; init?: { status?: number }; data?: unknown };
    if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
    return { status: 200, location: null, body: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: await thrown.text() };
    throw thrown;
  }
}

describe("viewer page", () => {
  it("shows anyone the approved questions only, and 404s an unknown session", async () => {
    const data = await liveLoader(get("/live"));
    expect(data.board.questions.map((q) => q.id)).toEqual([approvedId]);
    expect(data.viewer).toEqual({ signedIn: false, canParticipate: false, canModerate: false });
    expect(data.realtimeUrl).toMatch(/^https?:\/\/[^/]+$/);
    const missing = await outcome(liveLoader({ ...get("/live"), params: { meeting: "sir-2023", session: "no-such-session" } }));
    expect(missing.status).toBe(404);
  });

  it("sends the signed-out to sign in when they post", async () => {
    const result = await outcome(liveAction(post("/live", { intent: "ask", body: "Hello?" })));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("asks through the plain form, and the author sees it waiting", async () => {
    const result = await outcome(liveAction(post("/live", { intent: "ask", body: "Asked by form", anonymous: "on" }, attendee)));
    expect(result.status).toBe(302);
    expect(result.location).toContain("done=asked-pending");
    const stored = await prisma.audienceQuestion.findFirstOrThrow({ where: { sessionId: session.id, body: "Asked by form" }, select: { status: true, anonymous: true, authorId: true } });
    expect(stored).toEqual({ status: "PENDING", anonymous: true, authorId: attendee.id });
    const data = await liveLoader(get("/live", attendee));
    expect(data.board.questions.find((q) => q.body === "Asked by form")).toMatchObject({ status: "PENDING", mine: true });
  });

  it("answers a bad question with 400 and the field's error, writing nothing", async () => {
    const before = await prisma.audienceQuestion.count({ where: { sessionId: session.id } });
    const result = await outcome(liveAction(post("/live", { intent: "ask", body: "x".repeat(600) }, attendee)));
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain("at most 500 characters");
    const nonsense = await outcome(liveAction(post("/live", { intent: "teleport" }, attendee)));
    expect(nonsense.status).toBe(400);
    expect(await prisma.audienceQuestion.count({ where: { sessionId: session.id } })).toBe(before);
  });

  it("answers a blank or whitespace-only question with 400 and 'Write your question', writing nothing", async () => {
    const before = await prisma.audienceQuestion.count({ where: { sessionId: session.id } });
    for (const body of ["", "   ", " \n\t\u200b "]) {
      const result = await outcome(liveAction(post("/live", { intent: "ask", body }, attendee)));
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body).toMatchObject({ intent: "ask", error: "Write your question", result: { error: { body: ["Write your question"] } } });
    }
    expect(await prisma.audienceQuestion.count({ where: { sessionId: session.id } })).toBe(before);
  });

  it("refuses an author's upvote of their own question through the plain form with 403 and a sentence", async () => {
    const author = await makePerson("ATTENDEE");
    const id = (await askQuestion({ sessionId: session.id, userId: author.id, body: "Mine to answer" })).question!.id;
    await approveQuestion({ sessionId: session.id, questionId: id, userId: moderator.id });
    const result = await outcome(liveAction(post("/live", { intent: "vote", questionId: id }, author)));
    expect(result).toMatchObject({ status: 403, body: { intent: "vote", error: "You cannot upvote your own question." } });
    expect(await prisma.questionVote.count({ where: { questionId: id } })).toBe(0);
  });

  it("tells a registrant whose registration awaits verification (or payment) where it stands, not to register", async () => {
    const trainee = await makePerson(null, "sir-2023", "Tess Trainee");
    const meetingId = (await prisma.meeting.findUniqueOrThrow({ where: { slug: "sir-2023" }, select: { id: true } })).id;
    const category = await prisma.registrationCategory.findFirstOrThrow({ where: { meetingId, requiresProof: true }, select: { id: true } });
    const tier = await prisma.registrationTier.findFirstOrThrow({ where: { meetingId }, select: { id: true } });
    const registration = await prisma.registration.create({
      data: { meetingId, userId: trainee.id, code: `T-${trainee.id.slice(-8)}`, categoryId: category.id, tierId: tier.id, attendance: "VIRTUAL", status: "ACTIVE", verification: "PENDING", proofMethod: "DOCUMENT" },
      select: { id: true },
    });
    expect((await liveLoader(get("/live", trainee))).standing).toEqual({ state: "awaiting-verification", emailToConfirm: false });
    await prisma.registration.update({ where: { id: registration.id }, data: { proofMethod: "INSTITUTIONAL_EMAIL", institutionalEmail: "tess@hospital.edu" } });
    expect((await liveLoader(get("/live", trainee))).standing).toEqual({ state: "awaiting-verification", emailToConfirm: true });
    await prisma.registration.update({ where: { id: registration.id }, data: { verification: "REJECTED" } });
    expect((await liveLoader(get("/live", trainee))).standing).toEqual({ state: "verification-declined" });
    await prisma.registration.update({ where: { id: registration.id }, data: { status: "AWAITING_PAYMENT", verification: "NOT_REQUIRED" } });
    expect((await liveLoader(get("/live", trainee))).standing).toEqual({ state: "awaiting-payment" });
    await prisma.registration.update({ where: { id: registration.id }, data: { status: "CANCELLED" } });
    expect((await liveLoader(get("/live", trainee))).standing).toBeNull();
    // Who may take part is never asked about their registration.
    expect((await liveLoader(get("/live", attendee))).standing).toBeNull();
  });

  it("votes through the plain form; a second vote is a 409 with a message", async () => {
    const voter = await makePerson("ATTENDEE");
    expect((await outcome(liveAction(post("/live", { intent: "vote", questionId: approvedId }, voter)))).status).toBe(302);
    const again = await outcome(liveAction(post("/live", { intent: "vote", questionId: approvedId }, voter)));
    expect(again).toMatchObject({ status: 409, body: { error: "You already voted for this question." } });
    const data = await liveLoader(get("/live", voter));
    expect(data.board.questions.find((q) => q.id === approvedId)).toMatchObject({ votedByMe: true });
  });

  it("refuses people without a registration with a 403 and a way to register", async () => {
    const stranger = await makePerson(null);
    const result = await outcome(liveAction(post("/live", { intent: "vote", questionId: approvedId }, stranger)));
    expect(result.status).toBe(403);
    expect(JSON.stringify(result.body)).toMatch(/registered for SIR 2023/);
  });
});

describe("moderator page", () => {
  it("is for the meeting's moderators: sign in first, attendees get 403", async () => {
    expect((await outcome(moderateLoader(get("/moderate")))).status).toBe(302);
    expect((await outcome(moderateLoader(get("/moderate", attendee)))).status).toBe(403);
    expect((await outcome(moderateAction(post("/moderate", { intent: "approve", questionId: pendingId }, attendee)))).status).toBe(403);
    const data = await moderateLoader(get("/moderate", moderator));
    // Moderators see who asked, anonymous or not.
    expect(data.board.questions.find((q) => q.id === pendingId)).toMatchObject({ status: "PENDING", anonymous: true, authorName: "Test Person" });
  });

  it("approves, pins and closes through plain forms", async () => {
    const asker = await makePerson("ATTENDEE");
    const id = (await askQuestion({ sessionId: session.id, userId: asker.id, body: "Moderate me" })).question!.id;
    expect((await outcome(moderateAction(post("/moderate", { intent: "approve", questionId: id }, moderator)))).location).toContain("done=approve");
    expect((await outcome(moderateAction(post("/moderate", { intent: "pin", questionId: id }, moderator)))).status).toBe(302);
    expect(await prisma.sessionQa.findUniqueOrThrow({ where: { sessionId: session.id }, select: { pinnedQuestionId: true } })).toEqual({ pinnedQuestionId: id });
    expect((await outcome(moderateAction(post("/moderate", { intent: "close" }, moderator)))).status).toBe(302);
    const closed = await outcome(liveAction(post("/live", { intent: "ask", body: "Too late" }, attendee)));
    expect(closed.status).toBe(409);
    expect((await outcome(moderateAction(post("/moderate", { intent: "open" }, moderator)))).status).toBe(302);
    const bad = await outcome(moderateAction(post("/moderate", { intent: "dismiss", questionId: "not an id" }, moderator)));
    expect(bad.status).toBe(400);
  });
});

describe("projector view and session page", () => {
  it("the projector shows only what every viewer may see, even to a moderator", async () => {
    const data = await presentLoader(get("/present", moderator));
    expect(data.board.questions.some((q) => q.id === pendingId)).toBe(false);
    expect(data.board.questions.some((q) => q.id === approvedId)).toBe(true);
    expect(data.askAt).toMatch(/^localhost(:\d+)?\/q\/[0-9a-f]{7}$/);
    expect(data.askQr).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("the projector's short link leads to the live page, typed in any case; an unknown code is a 404", async () => {
    const { askAt } = await presentLoader(get("/present"));
    const code = askAt.split("/q/")[1]!;
    for (const typed of [code, code.toUpperCase()]) {
      const result = await outcome(askLinkLoader({ request: new Request(`http://localhost/q/${typed}`), params: { code: typed }, context: {} }));
      expect(result).toMatchObject({ status: 302, location: href.live("sir-2023", session.slug) });
    }
    for (const typed of ["0000000", "not-a-code", "12"]) {
      const result = await outcome(askLinkLoader({ request: new Request(`http://localhost/q/${typed}`), params: { code: typed }, context: {} }));
      expect(result.status, typed).toBe(404);
    }
  });

  it("the session page keeps the approved questions", async () => {
    const data = await sessionLoader(get(""));
    expect(data.questions.map((q) => q.id)).toContain(approvedId);
    expect(data.questions.some((q) => q.id === pendingId)).toBe(false);
  });
});

describe("realtime tickets", () => {
  it("gives the signed-in a ticket naming their sign-in, and the signed-out none", async () => {
    const signedOut = await ticketAction({ request: new Request("http://localhost/realtime/ticket", { method: "POST" }), params: {}, context: {} });
    expect(await signedOut.json()).toEqual({ ticket: null, expiresAt: null });
    const signedIn = await ticketAction({ request: new Request("http://localhost/realtime/ticket", { method: "POST", headers: { Cookie: attendee.cookie } }), params: {}, context: {} });
    const { ticket } = (await signedIn.json()) as { ticket: string };
    expect(readRealtimeTicket(ticket)).toBe(attendee.loginSessionId);
    expect(readRealtimeTicket(ticket, Date.now() + 3 * 60_000)).toBeNull();
    expect(readRealtimeTicket(ticket.replace(/.$/, (c) => (c === "a" ? "b" : "a")))).toBeNull();
  });
});

describe("the Q&A command table", () => {
  const intents = QA_COMMAND_EVENTS.flatMap((event) => Object.keys(QA_COMMANDS[event].intents));
  // One payload every command's schema accepts: each keeps the fields it knows.
  const anyPayload = { questionId: "c".repeat(25), body: "Is every command bound?", reason: "", enabled: true };

  it("gives every intent one command, and words for both pages", () => {
    expect(new Set(intents).size).toBe(intents.length);
    for (const intent of intents) {
      const command = QA_COMMANDS[qaIntent(intent)!.event];
      // A command whose words depend on its outcome names the keys itself.
      const keys = command.confirmationOf ? Object.keys(command.confirmations) : [intent];
      for (const key of keys) for (const page of ["audience", "moderator"] as QaPage[]) expect(confirmationText(key, page), `${intent} on ${page}`).toBeTruthy();
    }
  });

  it("binds every command in the sidecar: a signed-out socket is asked to sign in, never told the event is unknown", async () => {
    const sidecar = await startSidecar();
    const socket = await connect(sidecar);
    try {
      await ok(socket, "qa:join", { sessionId: session.id });
      for (const event of QA_COMMAND_EVENTS) {
        expect(await request(socket, event, anyPayload), event).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      }
      expect(await request(socket, "question:teleport", anyPayload)).toMatchObject({ ok: false, error: { code: "UNKNOWN_EVENT" } });
    } finally {
      socket.close();
      await sidecar.close();
    }
  });

  it("runs every intent from both pages' actions, and refuses an unknown intent with 400", async () => {
    const own = await makeSession();
    const actions = { audience: liveAction, moderator: moderateAction } as const;
    const paths = { audience: "/live", moderator: "/moderate" } as const;
    for (const page of ["audience", "moderator"] as const) {
      for (const intent of intents) {
        const result = await outcome(actions[page](post(paths[page], { intent, ...anyPayload, enabled: "" }, moderator, own.slug)));
        // Past its schema, each command reaches its verb: done (a redirect to its confirmation) or the verb's own refusal.
        expect(result.status, `${intent} on ${page}: ${JSON.stringify(result.body)}`).not.toBe(400);
        if (result.status === 302) expect(confirmationText(new URL(result.location!, "http://localhost").searchParams.get("done"), page), intent).toBeTruthy();
      }
      const unknown = await outcome(actions[page](post(paths[page], { intent: "teleport" }, moderator, own.slug)));
      expect(unknown).toMatchObject({ status: 400, body: { error: "That request was not understood." } });
    }
  });
});
