// Several sidecars on one database, the way production scales: PostgreSQL
// carries every change to every sidecar, each viewer gets it once, and a sidecar
// that is killed and restarted leaves its viewers with exactly the state of
// those that never dropped.
import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { askQuestion, unvoteQuestion, voteQuestion } from "~/models/live-qa/asking.server";
import { approveQuestion, setModeration } from "~/models/live-qa/moderation.server";
import { audienceQuestions, type QaBoard } from "~/models/live-qa/questions";
import { prisma } from "~/utils/db.server";
import { freePort } from "~/utils/free-port.server";
import type { ChangeResult } from "./contract";
import type { RealtimeServer } from "./server";
import { connect, makePerson, makeSession, ok, quietFor, spawnSidecar, startSidecar, Watcher, type QaClient } from "./test-support";

let first: RealtimeServer;
let second: RealtimeServer;
const open: QaClient[] = [];

beforeAll(async () => {
  [first, second] = await Promise.all([startSidecar(), startSidecar()]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

async function client(server: { port: number }, options: Parameters<typeof connect>[1] = {}) {
  const socket = await connect(server, options);
  open.push(socket);
  return socket;
}

/** The part of a board that must agree across screens: each question's status, text and votes, and the settings. */
function essence(board: QaBoard) {
  return {
    qa: board.qa,
    questions: audienceQuestions(board)
      .map((q) => ({ id: q.id, status: q.status, body: q.body, voteCount: q.voteCount, answeredAt: q.answeredAt }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe("two sidecars on one database", () => {
  it("a question asked on one reaches viewers on the other, once", async () => {
    const session = await makeSession();
    const [moderator, asker] = await Promise.all([makePerson("MODERATOR"), makePerson("ATTENDEE")]);
    const askerOnFirst = await Watcher.join(await client(first, { ticket: asker.ticket }), session.id);
    const moderatorOnSecond = await Watcher.join(await client(second, { ticket: moderator.ticket }), session.id);
    const viewerOnSecond = await Watcher.join(await client(second), session.id);

    const { question } = await ok<ChangeResult>(askerOnFirst.socket, "question:ask", { body: "Across sidecars?" });
    await moderatorOnSecond.until((w) => w.question(question!.id)?.status === "PENDING", "the pending question on the other sidecar");
    await ok(moderatorOnSecond.socket, "question:approve", { questionId: question!.id });
    await viewerOnSecond.until((w) => w.question(question!.id)?.status === "APPROVED", "the approved question");
    await askerOnFirst.until((w) => w.question(question!.id)?.status === "APPROVED", "the approval back on the first sidecar");
    await quietFor(300);

    for (const watcher of [askerOnFirst, moderatorOnSecond, viewerOnSecond]) {
      expect(new Set(watcher.received).size, "no event delivered twice").toBe(watcher.received.length);
    }
    expect(viewerOnSecond.received).toHaveLength(1);
    expect(moderatorOnSecond.received).toHaveLength(2);
    await viewerOnSecond.until((w) => w.viewers === 3, "three viewers counted across both sidecars");
  });
});

describe("a sidecar killed mid-session", () => {
  let doomed: ChildProcess | undefined;
  afterAll(() => {
    doomed?.kill("SIGKILL");
  });

  it("its viewers reconnect and end with exactly the questions and vote counts of viewers that never dropped", async () => {
    const session = await makeSession();
    const moderator = await makePerson("MODERATOR");
    const askers = await Promise.all(Array.from({ length: 4 }, () => makePerson("ATTENDEE")));
    const voters = await Promise.all(Array.from({ length: 6 }, () => makePerson("ATTENDEE")));
    await setModeration({ sessionId: session.id, userId: moderator.id, enabled: false });

    const port = await freePort();
    doomed = await spawnSidecar(port);
    const steady = await Promise.all([
      Watcher.join(await client(first), session.id),
      Watcher.join(await client(first, { ticket: voters[0]!.ticket }), session.id),
    ]);
    const dropping = await Promise.all([
      Watcher.join(await client({ port }, { reconnection: true }), session.id),
      Watcher.join(await client({ port }, { ticket: voters[1]!.ticket, reconnection: true }), session.id),
      Watcher.join(await client({ port }, { ticket: moderator.ticket, reconnection: true }), session.id),
    ]);

    // A stream of changes written straight through the domain functions, as the
    // web app's forms or another sidecar would: questions, approvals, votes and un-votes.
    const questionIds: string[] = [];
    let round = 0;
    async function writeRound() {
      const asker = askers[round % askers.length]!;
      const asked = await askQuestion({ sessionId: session.id, userId: asker.id, body: `Question ${round}` });
      questionIds.push(asked.question!.id);
      for (const [i, voter] of voters.entries()) {
        const target = questionIds[(round + i) % questionIds.length]!;
        const change = await voteQuestion({ sessionId: session.id, questionId: target, userId: voter.id }).catch(() => null);
        if (!change && i % 2 === 0) await unvoteQuestion({ sessionId: session.id, questionId: target, userId: voter.id });
      }
      round += 1;
    }

    for (let i = 0; i < 3; i++) await writeRound();
    doomed.kill("SIGKILL");
    for (let i = 0; i < 4; i++) await writeRound();
    // A question asked with moderation on while the sidecar is down, approved later.
    await setModeration({ sessionId: session.id, userId: moderator.id, enabled: true });
    const late = await askQuestion({ sessionId: session.id, userId: askers[0]!.id, body: "Asked while a sidecar was down" });
    await approveQuestion({ sessionId: session.id, questionId: late.question!.id, userId: moderator.id });
    await setModeration({ sessionId: session.id, userId: moderator.id, enabled: false });
    doomed = await spawnSidecar(port);
    for (let i = 0; i < 3; i++) await writeRound();

    const head = Number((await prisma.qaEvent.findFirstOrThrow({ where: { sessionId: session.id }, orderBy: { id: "desc" }, select: { id: true } })).id);
    for (const watcher of [...steady, ...dropping]) await watcher.until((w) => w.board.lastEventId === head, "every screen to reach the last event", 20_000);
    for (const watcher of dropping) expect(watcher.joins, "reconnected and joined again").toBeGreaterThan(1);

    const expected = essence(steady[0]!.board);
    expect(expected.questions).toHaveLength(round + 1);
    for (const watcher of [...steady, ...dropping]) expect(essence(watcher.board)).toEqual(expected);
    const stored = await prisma.audienceQuestion.findMany({ where: { sessionId: session.id }, select: { id: true, voteCount: true, _count: { select: { votes: true } } } });
    for (const row of stored) {
      expect(row.voteCount).toBe(row._count.votes);
      expect(expected.questions.find((q) => q.id === row.id)?.voteCount).toBe(row.voteCount);
    }
    // The screens that never dropped got each event exactly once.
    for (const watcher of steady) expect(new Set(watcher.received).size).toBe(watcher.received.length);
    // Personal state survives too: the voter on the restarted sidecar knows which questions they voted for.
    const votedByThem = new Set((await prisma.questionVote.findMany({ where: { userId: voters[1]!.id }, select: { questionId: true } })).map((v) => v.questionId));
    const shown = new Set(dropping[1]!.board.questions.filter((q) => q.votedByMe).map((q) => q.id));
    expect(shown).toEqual(votedByThem);
  }, 90_000);
});
