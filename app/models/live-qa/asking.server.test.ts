// The vote verb's rules, run as the sidecar and the forms run it: an author
// never upvotes their own question, whichever path the vote takes.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeSession } from "../../../realtime/test-support";
import { refusalOf } from "../refusal";
import { askQuestion, OWN_QUESTION_VOTE, unvoteQuestion, voteQuestion } from "./asking.server";
import { approveQuestion } from "./moderation.server";

describe("voting", () => {
  it("refuses an author's upvote of their own question, with or without the sidecar's rights, and writes nothing", async () => {
    const session = await makeSession();
    const [author, other, moderator] = await Promise.all([makePerson("ATTENDEE"), makePerson("ATTENDEE"), makePerson("MODERATOR")]);
    const id = (await askQuestion({ sessionId: session.id, userId: author.id, body: "Mine" })).question!.id;
    await approveQuestion({ sessionId: session.id, questionId: id, userId: moderator.id });
    const events = await prisma.qaEvent.count({ where: { sessionId: session.id } });

    const asSidecar = { sessionId: session.id, questionId: id, userId: author.id, rights: { canParticipate: true, canModerate: false } };
    const asForm = { questionId: id, userId: author.id };
    for (const input of [asSidecar, asForm]) {
      const refusal = await voteQuestion(input).then(() => null, refusalOf);
      expect(refusal).toEqual({ ok: false, code: "FORBIDDEN", message: OWN_QUESTION_VOTE });
    }
    expect(await prisma.questionVote.count({ where: { questionId: id } })).toBe(0);
    expect(await prisma.qaEvent.count({ where: { sessionId: session.id } })).toBe(events);

    expect((await voteQuestion({ questionId: id, userId: other.id })).question).toMatchObject({ voteCount: 1, votedByMe: true });
  });

  it("lets an author take back a vote on their own question cast before the rule", async () => {
    const session = await makeSession();
    const [author, moderator] = await Promise.all([makePerson("ATTENDEE"), makePerson("MODERATOR")]);
    const id = (await askQuestion({ sessionId: session.id, userId: author.id, body: "Voted for long ago" })).question!.id;
    await approveQuestion({ sessionId: session.id, questionId: id, userId: moderator.id });
    await prisma.questionVote.create({ data: { questionId: id, userId: author.id }, select: { id: true } });
    await prisma.audienceQuestion.update({ where: { id }, data: { voteCount: 1 }, select: { id: true } });
    expect((await unvoteQuestion({ questionId: id, userId: author.id })).question).toMatchObject({ voteCount: 0, votedByMe: false });
  });
});
