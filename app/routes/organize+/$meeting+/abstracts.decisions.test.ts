// The decisions and notifications pages as Remix calls them: organizers only;
// bad input is a 400 with a sentence; a full session or a second send a 409,
// with nothing half-written; a send queues the mails.
import { afterAll, describe, expect, it } from "vitest";
import { makeAbstract, makeCall } from "~/models/abstracts/call.fixture";
import { answerAcceptance } from "~/models/abstracts/confirmation.server";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { newDraftSession } from "~/models/program/document";
import { changeDraft, getDraft } from "~/models/program/draft.server";
import { prisma } from "~/utils/db.server";
import { routeOutcome } from "../../../../tests/route-outcome";
import * as decisions from "./abstracts.decisions";
import * as notifications from "./abstracts.notifications";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

afterAll(() => prisma.$disconnect());

function call(handler: unknown, slug: string, cookie: string, form?: Record<string, string>, query = "") {
  const request = new Request(`http://localhost/organize/${slug}/abstracts/decisions${query}`, { method: form ? "POST" : "GET", headers: { Cookie: cookie }, body: form ? new URLSearchParams(form) : undefined });
  return routeOutcome(() => (handler as Handler)({ request, params: { meeting: slug }, context: {} }));
}

async function setup() {
  const { meeting, call: abstractCall } = await makeCall();
  const organizer = await createPerson("chair", { roles: [{ meetingId: meeting.id, role: "ORGANIZER" }] });
  const attendee = await createPerson("author", { roles: [{ meetingId: meeting.id, role: "ATTENDEE" }] });
  await changeDraft(meeting.id, organizer, (document) => {
    document.sessions.push({ ...newDraftSession("orals", "Orals"), kind: "ABSTRACT_SESSION", startsAt: "2027-03-21T16:00:00.000Z", endsAt: "2027-03-21T16:10:00.000Z", room: "Hall A" });
    return { ok: true, document, value: undefined, audit: { action: "session.create", summary: "test" } };
  });
  return { meeting, abstractCall, chair: await cookieFor(organizer.id), author: await cookieFor(attendee.id) };
}

describe("the decisions page", () => {
  it("is for organizers only", async () => {
    const { meeting, author } = await setup();
    expect((await call(decisions.loader, meeting.slug, author)).status).toBe(403);
    expect((await call(decisions.action, meeting.slug, author, { intent: "propose" })).status).toBe(403);
    expect((await call(notifications.loader, meeting.slug, author)).status).toBe(403);
    expect((await call(notifications.action, meeting.slug, author, { intent: "send" })).status).toBe(403);
  });

  it("proposes, places and refuses a full session with a 409, and shows the filtered board", async () => {
    const { meeting, abstractCall, chair } = await setup();
    const first = await makeAbstract(abstractCall.id, { topicId: abstractCall.topics[0]!.id });
    const second = await makeAbstract(abstractCall.id);
    expect((await call(decisions.action, meeting.slug, chair, { intent: "propose", abstractId: first.id, decision: "SOMETHING" })).status).toBe(400);
    expect(await call(decisions.action, meeting.slug, chair, { intent: "propose", abstractId: first.id, decision: "REJECT", reason: "" })).toMatchObject({ status: 400, body: { ok: false } });
    for (const abstract of [first, second]) expect((await call(decisions.action, meeting.slug, chair, { intent: "propose", abstractId: abstract.id, decision: "ORAL" })).status).toBe(200);
    expect((await call(decisions.action, meeting.slug, chair, { intent: "place", abstractId: first.id, session: "orals", minutes: "8" })).status).toBe(200);
    const full = await call(decisions.action, meeting.slug, chair, { intent: "place", abstractId: second.id, session: "orals", minutes: "8" });
    expect(full).toMatchObject({ status: 409, body: { ok: false, message: expect.stringContaining("full") } });
    expect((await getDraft(meeting.id)).document.sessions[0]!.presentations).toHaveLength(1);

    const page = await call(decisions.loader, meeting.slug, chair, undefined, `?topic=${abstractCall.topics[0]!.id}`);
    const body = page.body as Awaited<ReturnType<typeof decisions.loader>>;
    expect(body.rows.map((row) => [row.number, row.placement?.sessionTitle])).toEqual([[first.number, "Orals"]]);
    expect(body.rows[0]!.placement!.time).toBe("Sunday, March 21, 2027, 9:00–9:08 AM");
    expect(body.unplaced).toEqual([second.number]);
  });

  it("shows the chairs a placed oral whose presenter declined, with the reason", async () => {
    const { meeting, abstractCall, chair } = await setup();
    const submitter = await createPerson("presenter");
    const oral = await makeAbstract(abstractCall.id, { submitterId: submitter.id });
    await call(decisions.action, meeting.slug, chair, { intent: "propose", abstractId: oral.id, decision: "ORAL" });
    await call(decisions.action, meeting.slug, chair, { intent: "place", abstractId: oral.id, session: "orals", minutes: "8" });
    await prisma.abstract.update({ where: { id: oral.id }, data: { notifiedAt: new Date() }, select: { id: true } });
    expect(await answerAcceptance(meeting, submitter, oral.id, { answer: "decline", reason: "Visa refused." })).toEqual({ ok: true });
    const body = (await call(decisions.loader, meeting.slug, chair)).body as Awaited<ReturnType<typeof decisions.loader>>;
    expect(body.rows[0]).toMatchObject({ number: oral.number, notified: true, declined: { reason: "Visa refused." }, placement: { sessionTitle: "Orals" } });
    expect(await call(decisions.action, meeting.slug, chair, { intent: "unplace", number: String(oral.number) })).toMatchObject({ status: 200 });
    const after = (await call(decisions.loader, meeting.slug, chair)).body as Awaited<ReturnType<typeof decisions.loader>>;
    expect(after.rows[0]!.placement).toBeNull();
    expect(after.unplaced).toEqual([]);
  });
});

describe("the notifications page", () => {
  it("refuses while an oral is unplaced, sends anyway when ticked, and a second send is a 409", async () => {
    const { meeting, abstractCall, chair } = await setup();
    const oral = await makeAbstract(abstractCall.id, { decision: "ORAL" });
    await makeAbstract(abstractCall.id, { decision: "POSTER" });
    const page = (await call(notifications.loader, meeting.slug, chair)).body as Awaited<ReturnType<typeof notifications.loader>>;
    expect(page.total).toBe(2);
    expect(page.unplaced).toEqual([oral.number]);
    expect((await call(notifications.action, meeting.slug, chair, { intent: "send" })).status).toBe(409);
    expect(await prisma.outgoingMail.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await call(notifications.action, meeting.slug, chair, { intent: "send", sendAnyway: "on" })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await prisma.outgoingMail.count({ where: { meetingId: meeting.id } })).toBe(2);
    expect((await call(notifications.action, meeting.slug, chair, { intent: "send", sendAnyway: "on" })).status).toBe(409);
    expect(await prisma.outgoingMail.count({ where: { meetingId: meeting.id } })).toBe(2);
  });
});
