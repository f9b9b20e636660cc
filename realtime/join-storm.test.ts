// A plenary's first minute: many sockets connect and join one session at once.
// The sidecar lets the waiting ones in together, from one read of the session
// (fanout.ts), and looks up their sign-ins and rights in batches
// (batched-lookup.ts). Each must still get exactly its own first state: the
// board getQaBoard gives that viewer alone, or the events it missed.
import { expect, it } from "vitest";
import { askQuestion, voteQuestion } from "~/models/live-qa/asking.server";
import { getQaBoard } from "~/models/live-qa/board.server";
import { approveQuestion, setModeration } from "~/models/live-qa/moderation.server";
import type { JoinResult } from "./contract";
import { makePerson, makeSession, ok, sidecarForFile, type QaClient, type TestPerson } from "./test-support";

const sidecar = sidecarForFile({ fanout: { sliceSize: 4 } });

function connected(person: TestPerson | null): Promise<QaClient> {
  return sidecar.connect(person ? { ticket: person.ticket } : {});
}

it("sockets joining together each get their own board, as getQaBoard makes it for them alone, and the right rights", async () => {
  const session = await makeSession();
  const moderator = await makePerson("MODERATOR", "sir-2023", "Mo Derator");
  const attendees = await Promise.all(Array.from({ length: 12 }, (_, i) => makePerson("ATTENDEE", "sir-2023", `Attendee ${i + 1}`)));
  const outsider = await makePerson(null, "sir-2023", "Not Registered");
  const [author, secondAuthor, ...voters] = attendees as [TestPerson, TestPerson, ...TestPerson[]];
  // A board with something in it for every view: an approved question with votes,
  // an anonymous approved one, and one still waiting (its author and moderators see it). Moderation is on by default.
  const approved = await askQuestion({ userId: author.id, sessionId: session.id, body: "Approved and voted on?" });
  const anonymous = await askQuestion({ userId: secondAuthor.id, sessionId: session.id, body: "Asked anonymously?", anonymous: true });
  await askQuestion({ userId: author.id, sessionId: session.id, body: "Still waiting?" });
  for (const question of [approved, anonymous]) await approveQuestion({ userId: moderator.id, sessionId: session.id, questionId: question.question!.id });
  for (const voter of voters.slice(0, 5)) await voteQuestion({ userId: voter.id, sessionId: session.id, questionId: approved.question!.id });
  await voteQuestion({ userId: voters[0]!.id, sessionId: session.id, questionId: anonymous.question!.id });

  const people: (TestPerson | null)[] = [moderator, ...attendees, outsider, null, null];
  const sockets = await Promise.all(people.map(connected));
  // Every join sent before any is answered: they wait together and are let in together.
  const joined = await Promise.all(sockets.map((socket) => ok<JoinResult>(socket, "qa:join", { sessionId: session.id })));

  for (const [i, person] of people.entries()) {
    const result = joined[i]!;
    const moderates = person === moderator;
    const participates = person !== null && person !== outsider;
    expect(result.rights, `rights of ${person?.name ?? "someone signed out"}`).toEqual({
      signedIn: person !== null,
      name: person?.name ?? null,
      canParticipate: participates,
      canModerate: moderates,
    });
    expect(result.sync.kind).toBe("snapshot");
    const alone = await getQaBoard(session.id, { userId: person?.id ?? null, moderator: moderates });
    expect(result.sync.kind === "snapshot" && result.sync.board, `board of ${person?.name ?? "someone signed out"}`).toEqual(alone);
  }
  // The views really differ: the moderator sees three questions, the author their waiting one, a voter their votes.
  const boardOf = (person: TestPerson | null) => {
    const result = joined[people.indexOf(person)]!;
    return result.sync.kind === "snapshot" ? result.sync.board.questions : [];
  };
  expect(boardOf(moderator)).toHaveLength(3);
  expect(boardOf(author).map((q) => q.body).sort()).toEqual(["Approved and voted on?", "Asked anonymously?", "Still waiting?"]);
  expect(boardOf(null)).toHaveLength(2);
  expect(boardOf(null).find((q) => q.anonymous)?.authorName).toBeNull();
  expect(boardOf(voters[0]!).every((q) => q.votedByMe)).toBe(true);
  expect(boardOf(voters[6]!).some((q) => q.votedByMe)).toBe(false);

  // All of them are in the session's rooms: a new approval reaches every one.
  expect(sidecar.server.io.sockets.adapter.rooms.get(`qa:${session.id}`)?.size).toBe(people.length);
});

it("sockets coming back together with the same last event id each get the events they missed, in their own view", async () => {
  const session = await makeSession();
  const moderator = await makePerson("MODERATOR");
  const [author, voter, other] = await Promise.all([makePerson("ATTENDEE"), makePerson("ATTENDEE"), makePerson("ATTENDEE")]);
  await setModeration({ userId: moderator.id, sessionId: session.id, enabled: false });
  const first = await askQuestion({ userId: author.id, sessionId: session.id, body: "Before they dropped?" });
  await setModeration({ userId: moderator.id, sessionId: session.id, enabled: true });
  const waiting = await askQuestion({ userId: author.id, sessionId: session.id, body: "Asked while they were away?" });
  const vote = await voteQuestion({ userId: voter.id, sessionId: session.id, questionId: first.question!.id });

  const people = [moderator, author, voter, other, null];
  const sockets = await Promise.all(people.map(connected));
  const joined = await Promise.all(sockets.map((socket) => ok<JoinResult>(socket, "qa:join", { sessionId: session.id, lastEventId: first.eventId })));

  const missed = (i: number) => {
    const sync = joined[i]!.sync;
    if (sync.kind !== "events") throw new Error("expected the missed events");
    return sync.events;
  };
  // The moderator and the author see the waiting question; the voter sees their vote as theirs; the others see the vote only.
  expect(missed(0).map((e) => e.id)).toEqual([expect.any(Number), waiting.eventId, vote.eventId]);
  expect(missed(1).some((e) => e.question?.id === waiting.question!.id)).toBe(true);
  expect(missed(2).find((e) => e.id === vote.eventId)?.question?.votedByMe).toBe(true);
  for (const i of [3, 4]) {
    expect(missed(i).some((e) => e.question?.id === waiting.question!.id)).toBe(false);
    expect(missed(i).find((e) => e.id === vote.eventId)?.question?.votedByMe).toBeUndefined();
  }
});
