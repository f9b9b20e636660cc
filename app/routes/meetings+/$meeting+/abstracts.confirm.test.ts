// The presenter's confirmation page as Remix calls it: the submitter only
// (someone else's abstract is a 404), a rejected or un-notified abstract a 409
// with a message, a decline without a reason a 400, and a confirmation saved.
import { afterAll, describe, expect, it } from "vitest";
import { makeAbstract, makeCall } from "~/models/abstracts/call.fixture";
import { cookieFor, createPerson } from "~/models/accounts/people.fixture";
import { prisma } from "~/utils/db.server";
import * as confirm from "./abstracts.$abstract_.confirm";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

afterAll(() => prisma.$disconnect());

async function run(handler: unknown, slug: string, abstract: string, cookie: string | null, form?: Record<string, string>) {
  const request = new Request(`http://localhost/meetings/${slug}/abstracts/${abstract}/confirm`, {
    method: form ? "POST" : "GET",
    headers: cookie ? { Cookie: cookie } : {},
    body: form ? new URLSearchParams(form) : undefined,
  });
  try {
    const result = await (handler as Handler)({ request, params: { meeting: slug, abstract }, context: {} });
    if (result instanceof Response) return { status: result.status, body: null as unknown };
    if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
      return { status: init?.status ?? 200, body: data };
    }
    return { status: 200, body: result as unknown };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: await error.text() as unknown };
    throw error;
  }
}

describe("the presenter's confirmation page", () => {
  it("lets the submitter confirm a notified acceptance, and refuses everyone and everything else", async () => {
    const { meeting, call } = await makeCall();
    await prisma.abstractCall.update({ where: { id: call.id }, data: { confirmBy: new Date(Date.now() + 86_400_000) }, select: { id: true } });
    const submitter = await createPerson("submitter");
    const stranger = await createPerson("stranger");
    const mine = await cookieFor(submitter.id);
    const accepted = await makeAbstract(call.id, { submitterId: submitter.id, decision: "ORAL", notified: true });
    const rejected = await makeAbstract(call.id, { submitterId: submitter.id, decision: "REJECT", notified: true });
    const proposed = await makeAbstract(call.id, { submitterId: submitter.id, decision: "POSTER" });

    expect((await run(confirm.loader, meeting.slug, accepted.id, null)).status).toBe(302);
    expect((await run(confirm.loader, meeting.slug, accepted.id, await cookieFor(stranger.id))).status).toBe(404);
    expect((await run(confirm.action, meeting.slug, accepted.id, await cookieFor(stranger.id), { answer: "confirm" })).status).toBe(404);
    expect(await run(confirm.loader, meeting.slug, rejected.id, mine)).toMatchObject({ status: 409, body: expect.stringContaining("not accepted") });
    expect(await run(confirm.loader, meeting.slug, proposed.id, mine)).toMatchObject({ status: 409, body: expect.stringContaining("not sent you its decision") });
    expect((await run(confirm.action, meeting.slug, proposed.id, mine, { answer: "confirm" })).status).toBe(409);

    expect(await run(confirm.loader, meeting.slug, accepted.id, mine)).toMatchObject({ status: 200, body: { open: true, abstract: { number: accepted.number, decision: "Oral" } } });
    expect((await run(confirm.action, meeting.slug, accepted.id, mine, { answer: "decline", reason: "" })).status).toBe(400);
    expect((await run(confirm.action, meeting.slug, accepted.id, mine, { answer: "maybe" })).status).toBe(400);
    expect(await run(confirm.action, meeting.slug, accepted.id, mine, { answer: "confirm" })).toMatchObject({ status: 200, body: { message: expect.stringContaining("confirmed") } });
    const row = await prisma.abstract.findUniqueOrThrow({ where: { id: accepted.id }, select: { presenterConfirmedAt: true, presenterDeclinedAt: true } });
    expect(row.presenterConfirmedAt).not.toBeNull();
    expect(row.presenterDeclinedAt).toBeNull();
  });

  it("refuses answers after the deadline with a 409", async () => {
    const { meeting, call } = await makeCall();
    await prisma.abstractCall.update({ where: { id: call.id }, data: { confirmBy: new Date(Date.now() - 60_000) }, select: { id: true } });
    const submitter = await createPerson("late");
    const accepted = await makeAbstract(call.id, { submitterId: submitter.id, decision: "POSTER", notified: true });
    const cookie = await cookieFor(submitter.id);
    expect(await run(confirm.loader, meeting.slug, accepted.id, cookie)).toMatchObject({ status: 200, body: { open: false } });
    expect(await run(confirm.action, meeting.slug, accepted.id, cookie, { answer: "decline", reason: "Cannot travel." })).toMatchObject({ status: 409 });
    expect((await prisma.abstract.findUniqueOrThrow({ where: { id: accepted.id }, select: { presenterDeclinedAt: true } })).presenterDeclinedAt).toBeNull();
  });
});
