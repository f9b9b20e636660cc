// Who may do what, event by event: anyone may watch; people whose registration
// (or role) grants the meeting may ask and vote; only its moderators and
// organizers may moderate. A refusal writes nothing. Claims in the handshake
// (a user id, a role) are ignored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askQuestion, voteQuestion } from "~/models/live-qa/asking.server";
import { approveQuestion, closeQa, openQa, pinQuestion, setModeration } from "~/models/live-qa/moderation.server";
import { prisma } from "~/utils/db.server";
import type { JoinResult } from "./contract";
import type { RealtimeServer } from "./server";
import { connect, makePerson, makeSession, ok, request, startSidecar, type QaClient, type TestPerson } from "./test-support";

let sidecar: RealtimeServer;
let session: { id: string };
let moderator: TestPerson;

beforeAll(async () => {
  sidecar = await startSidecar();
  session = await makeSession();
  moderator = await makePerson("MODERATOR");
});
afterAll(() => sidecar.close());

/** A fresh question on the board (or waiting, with `approved: false`), asked by a fresh attendee. */
async function question({ approved = true } = {}) {
  const asker = await makePerson("ATTENDEE");
  const asked = await askQuestion({ sessionId: session.id, userId: asker.id, body: `Fixture ${Math.random()}` });
  if (approved) await approveQuestion({ sessionId: session.id, questionId: asked.question!.id, userId: moderator.id });
  return asked.question!.id;
}

async function ensureSettings({ open, moderationEnabled }: { open: boolean; moderationEnabled: boolean }) {
  const current = await prisma.sessionQa.findUnique({ where: { sessionId: session.id }, select: { open: true, moderationEnabled: true } });
  const now = current ?? { open: true, moderationEnabled: true };
  if (now.open !== open) await (open ? openQa : closeQa)({ sessionId: session.id, userId: moderator.id });
  if (now.moderationEnabled !== moderationEnabled) await setModeration({ sessionId: session.id, userId: moderator.id, enabled: moderationEnabled });
}

type Who = "anonymous" | "signed in, not registered" | "attendee of another meeting" | "attendee" | "moderator" | "organizer";

type Action = {
  event: string;
  /** Sets the stage for `person` and returns the payload. */
  prepare: (person: TestPerson | null) => Promise<Record<string, unknown>>;
  allowed: Who[];
};

const participants: Who[] = ["attendee", "moderator", "organizer"];
const moderators: Who[] = ["moderator", "organizer"];

const actions: Action[] = [
  { event: "question:ask", prepare: async () => ({ body: "May I ask?" }), allowed: participants },
  { event: "question:vote", prepare: async () => ({ questionId: await question() }), allowed: participants },
  {
    event: "question:unvote",
    prepare: async (person) => {
      const id = await question();
      // Only people who may vote can have a vote to take back; for the others the question simply has none of theirs.
      if (person) await voteQuestion({ sessionId: session.id, questionId: id, userId: person.id }).catch(() => null);
      return { questionId: id };
    },
    allowed: participants,
  },
  { event: "question:approve", prepare: async () => ({ questionId: await question({ approved: false }) }), allowed: moderators },
  { event: "question:dismiss", prepare: async () => ({ questionId: await question({ approved: false }), reason: "Duplicate" }), allowed: moderators },
  { event: "question:edit", prepare: async () => ({ questionId: await question(), body: "Clarified text" }), allowed: moderators },
  { event: "question:pin", prepare: async () => ({ questionId: await question() }), allowed: moderators },
  {
    event: "question:unpin",
    prepare: async () => {
      await pinQuestion({ sessionId: session.id, questionId: await question(), userId: moderator.id });
      return {};
    },
    allowed: moderators,
  },
  { event: "question:answer", prepare: async () => ({ questionId: await question() }), allowed: moderators },
  {
    event: "qa:close",
    prepare: async () => {
      await ensureSettings({ open: true, moderationEnabled: true });
      return {};
    },
    allowed: moderators,
  },
  {
    event: "qa:open",
    prepare: async () => {
      await ensureSettings({ open: false, moderationEnabled: true });
      return {};
    },
    allowed: moderators,
  },
  {
    event: "qa:moderation",
    prepare: async () => {
      await ensureSettings({ open: true, moderationEnabled: true });
      return { enabled: false };
    },
    allowed: moderators,
  },
];

async function personFor(who: Who): Promise<TestPerson | null> {
  switch (who) {
    case "anonymous":
      return null;
    case "signed in, not registered":
      return makePerson(null);
    case "attendee of another meeting":
      return makePerson("ATTENDEE", "sio-2023");
    case "attendee":
      return makePerson("ATTENDEE");
    case "moderator":
      return makePerson("MODERATOR");
    case "organizer":
      return makePerson("ORGANIZER");
  }
}

const everyone: Who[] = ["anonymous", "signed in, not registered", "attendee of another meeting", "attendee", "moderator", "organizer"];

describe.each(everyone)("%s", (who) => {
  let person: TestPerson | null;
  let socket: QaClient;
  let rights: JoinResult["rights"];

  beforeAll(async () => {
    person = await personFor(who);
    socket = await connect(sidecar, person ? { ticket: person.ticket } : {});
    rights = (await ok<JoinResult>(socket, "qa:join", { sessionId: session.id })).rights;
  });
  afterAll(() => {
    socket.close();
  });

  it("may watch, and is told what else they may do", () => {
    expect(rights).toEqual({
      signedIn: person !== null,
      name: person?.name ?? null,
      canParticipate: participants.includes(who),
      canModerate: moderators.includes(who),
    });
  });

  it.each(actions.map((action) => [action.event, action] as const))("%s", async (_event, action) => {
    await ensureSettings({ open: true, moderationEnabled: true });
    const payload = await action.prepare(person);
    const eventsBefore = await prisma.qaEvent.count({ where: { sessionId: session.id } });
    const response = await request(socket, action.event, payload);
    const eventsAfter = await prisma.qaEvent.count({ where: { sessionId: session.id } });
    if (action.allowed.includes(who)) {
      expect(response, JSON.stringify(response)).toMatchObject({ ok: true });
      expect(eventsAfter).toBe(eventsBefore + 1);
    } else {
      const code = person === null ? "UNAUTHENTICATED" : "FORBIDDEN";
      expect(response).toMatchObject({ ok: false, error: { code } });
      expect(eventsAfter, "a refusal writes nothing").toBe(eventsBefore);
    }
  });
});

describe("a forged handshake", () => {
  beforeAll(() => ensureSettings({ open: true, moderationEnabled: true }));

  it("claiming a user or a role without a sign-in connects as nobody in particular", async () => {
    const socket = await connect(sidecar, { auth: { userId: moderator.id, role: "MODERATOR", isAdmin: true } });
    try {
      const { rights } = await ok<JoinResult>(socket, "qa:join", { sessionId: session.id });
      expect(rights).toMatchObject({ signedIn: false, canModerate: false });
      const id = await question({ approved: false });
      expect(await request(socket, "question:approve", { questionId: id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      expect((await prisma.audienceQuestion.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("PENDING");
    } finally {
      socket.close();
    }
  });

  it("an attendee claiming to be a moderator is still an attendee, and the socket stays usable", async () => {
    const attendee = await makePerson("ATTENDEE");
    const socket = await connect(sidecar, { auth: { ticket: attendee.ticket, role: "MODERATOR" } });
    try {
      await ok(socket, "qa:join", { sessionId: session.id, role: "MODERATOR" });
      const id = await question({ approved: false });
      expect(await request(socket, "question:approve", { questionId: id, asModerator: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      await ok(socket, "question:ask", { body: "Still here" });
    } finally {
      socket.close();
    }
  });
});
