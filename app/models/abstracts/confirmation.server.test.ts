import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeAbstract, makeCall, makeUser } from "./call.fixture";
import { answerAcceptance, declineReasons, presenterConfirmation } from "./confirmation.server";

const CONFIRM_BY = new Date("2027-02-01T06:59:00.000Z");
const before = new Date("2027-01-15T12:00:00.000Z");
const after = new Date("2027-02-01T07:00:00.000Z");

async function setup() {
  const { meeting, call } = await makeCall();
  await prisma.abstractCall.update({ where: { id: call.id }, data: { confirmBy: CONFIRM_BY }, select: { id: true } });
  const author = await makeUser("Ada Author");
  return { meeting: { id: meeting.id, timeZone: meeting.timeZone }, call, author };
}

describe("presenter confirmation", () => {
  it("confirms a notified acceptance before the deadline, once", async () => {
    const { meeting, call, author } = await setup();
    const abstract = await makeAbstract(call.id, { submitterId: author.id, decision: "ORAL", notified: true });
    const page = await presenterConfirmation(meeting, author.id, abstract.id, before);
    expect(page).toMatchObject({ ok: true, open: true, deadline: "Sunday, January 31, 2027, 11:59 PM MST" });
    expect(await answerAcceptance(meeting, author, abstract.id, { answer: "confirm" }, before)).toEqual({ ok: true });
    expect(await answerAcceptance(meeting, author, abstract.id, { answer: "confirm" }, before)).toMatchObject({ ok: false, code: "CONFLICT" });
    const row = await prisma.abstract.findUniqueOrThrow({ where: { id: abstract.id }, select: { presenterConfirmedAt: true, presenterDeclinedAt: true } });
    expect(row).toEqual({ presenterConfirmedAt: before, presenterDeclinedAt: null });
  });

  it("declines with a reason only, which the chairs can read; a decline is final", async () => {
    const { meeting, call, author } = await setup();
    const abstract = await makeAbstract(call.id, { submitterId: author.id, decision: "POSTER", notified: true });
    expect(await answerAcceptance(meeting, author, abstract.id, { answer: "decline", reason: " " }, before)).toMatchObject({ ok: false, code: "INVALID", field: "reason" });
    expect(await answerAcceptance(meeting, author, abstract.id, { answer: "confirm" }, before)).toEqual({ ok: true });
    expect(await answerAcceptance(meeting, author, abstract.id, { answer: "decline", reason: "Visa refused." }, before)).toEqual({ ok: true });
    const row = await prisma.abstract.findUniqueOrThrow({ where: { id: abstract.id }, select: { presenterConfirmedAt: true, presenterDeclinedAt: true } });
    expect(row).toEqual({ presenterConfirmedAt: null, presenterDeclinedAt: before });
    expect((await declineReasons(meeting.id)).get(abstract.number!)).toBe("Visa refused.");
    expect(await answerAcceptance(meeting, author, abstract.id, { answer: "confirm" }, before)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await presenterConfirmation(meeting, author.id, abstract.id, before)).toMatchObject({ ok: true, open: false });
  });

  it("refuses after the deadline, someone else's abstract, a rejected or un-notified one", async () => {
    const { meeting, call, author } = await setup();
    const accepted = await makeAbstract(call.id, { submitterId: author.id, decision: "ORAL", notified: true });
    expect(await answerAcceptance(meeting, author, accepted.id, { answer: "confirm" }, after)).toMatchObject({ ok: false, code: "CLOSED" });
    expect(await presenterConfirmation(meeting, author.id, accepted.id, after)).toMatchObject({ ok: true, open: false });
    const stranger = await makeUser();
    expect(await answerAcceptance(meeting, stranger, accepted.id, { answer: "confirm" }, before)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const rejected = await makeAbstract(call.id, { submitterId: author.id, decision: "REJECT", notified: true });
    expect(await presenterConfirmation(meeting, author.id, rejected.id, before)).toMatchObject({ ok: false, code: "CONFLICT" });
    const proposed = await makeAbstract(call.id, { submitterId: author.id, decision: "ORAL" });
    expect(await answerAcceptance(meeting, author, proposed.id, { answer: "confirm" }, before)).toMatchObject({ ok: false, code: "CONFLICT" });
    const rows = await prisma.abstract.findMany({ where: { id: { in: [accepted.id, rejected.id, proposed.id] } }, select: { presenterConfirmedAt: true } });
    expect(rows.every((row) => row.presenterConfirmedAt === null)).toBe(true);
  });
});
