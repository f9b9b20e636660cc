// A big room is served in slices, in turn (realtime/fanout.ts). Here slices of
// two sockets make a room of eight watchers four slices, so every view (the
// audience's, a moderator's, an author's, a voter's) crosses slice boundaries.
import { expect, it } from "vitest";
import type { ChangeResult } from "./contract";
import { rooms } from "./fanout";
import { makePerson, makeSession, ok, quietFor, sidecarForFile, Watcher } from "./test-support";

const sidecar = sidecarForFile({ fanout: { sliceSize: 2 } });

function slicesOf(sessionId: string): string[] {
  return [...sidecar.server.io.sockets.adapter.rooms.keys()].filter((room) => room.startsWith(`qa:${sessionId}:slice:`)).sort();
}

async function watch(sessionId: string, ticket?: string): Promise<Watcher> {
  return Watcher.join(await sidecar.connect(ticket ? { ticket } : {}), sessionId);
}

it("every watcher gets every event once and in order, in its own view, whichever slice it is in", async () => {
  const session = await makeSession();
  const moderatorPerson = await makePerson("MODERATOR", "sir-2023", "Mo Derator");
  const attendees = await Promise.all(Array.from({ length: 6 }, (_, i) => makePerson("ATTENDEE", "sir-2023", `Attendee ${i + 1}`)));
  const moderator = await watch(session.id, moderatorPerson.ticket);
  const voters: Watcher[] = [];
  for (const person of attendees) voters.push(await watch(session.id, person.ticket));
  const anonymous = await watch(session.id);
  const everyone = [moderator, ...voters, anonymous];

  expect(slicesOf(session.id)).toHaveLength(4);
  await Promise.all(everyone.map((w) => w.until((x) => x.viewers === 8, "every slice to show 8 watching")));

  // A pending question reaches its author (in the second slice) and the moderator (in the first) only.
  const [asker, ...others] = voters;
  const { question } = await ok<ChangeResult>(asker!.socket, "question:ask", { body: "Is there a dose response for Y-90 in HCC?" });
  const id = question!.id;
  await moderator.until((w) => w.question(id)?.status === "PENDING", "the moderator to see the pending question");
  await asker!.until((w) => w.question(id)?.mine === true, "the author to see their own question");
  await quietFor(300);
  for (const watcher of [...others, anonymous]) expect(watcher.question(id)).toBeUndefined();

  await ok(moderator.socket, "question:approve", { questionId: id });
  // A burst of votes from every attendee but its author (who may not) and the moderator: each slice gets them in one or more messages.
  const votersOfIt = [...others, moderator];
  await Promise.all(votersOfIt.map((voter) => ok(voter.socket, "question:vote", { questionId: id })));
  await Promise.all(everyone.map((w) => w.until((x) => x.question(id)?.voteCount === 6, "every screen to count six votes")));

  for (const voter of votersOfIt) expect(voter.question(id)?.votedByMe).toBe(true);
  expect(asker!.question(id)?.votedByMe).toBeFalsy();
  expect(anonymous.question(id)?.votedByMe).toBeFalsy();
  expect(anonymous.question(id)?.authorName).toBe("Attendee 1");
  for (const watcher of everyone) {
    expect(new Set(watcher.received).size, "no event twice").toBe(watcher.received.length);
    expect(watcher.received, "events in id order").toEqual([...watcher.received].sort((a, b) => a - b));
  }
  // The moderator saw the question while pending, the others from its approval on: the same last event for all.
  const last = Math.max(...moderator.received);
  for (const watcher of everyone) expect(watcher.board.lastEventId).toBe(last);
});

it("a watcher who leaves frees a place that the next one takes, and nobody gets the others' events twice", async () => {
  const session = await makeSession();
  const first = await watch(session.id);
  const second = await watch(session.id);
  const third = await watch(session.id);
  second.socket.close();
  await quietFor(100);
  const fourth = await watch(session.id);
  expect(slicesOf(session.id)).toEqual([rooms.slice(session.id, 0), rooms.slice(session.id, 1)]);
  expect(sidecar.server.io.sockets.adapter.rooms.get(rooms.slice(session.id, 0))?.has(fourth.socket.id!)).toBe(true);

  const moderatorPerson = await makePerson("MODERATOR", "sir-2023", "Mo Derator");
  const moderator = await watch(session.id, moderatorPerson.ticket);
  await ok(moderator.socket, "qa:moderation", { enabled: false });
  const asker = await makePerson("ATTENDEE");
  const askerWatcher = await watch(session.id, asker.ticket);
  const { question } = await ok<ChangeResult>(askerWatcher.socket, "question:ask", { body: "Which embolic agent for GAE?" });
  for (const watcher of [first, third, fourth, moderator, askerWatcher]) {
    await watcher.until((w) => w.question(question!.id)?.status === "APPROVED", "everyone to see the question");
    expect(new Set(watcher.received).size).toBe(watcher.received.length);
  }
});
