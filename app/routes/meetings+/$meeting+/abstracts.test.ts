// The author's abstract pages as a browser reaches them, signed in by cookie:
// starting a draft, the autosave reply (and a stale tab's 409), a plain-POST
// submit, refusals that write nothing, and someone else's abstract a 404.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { cookieFor } from "~/models/accounts/people.fixture";
import { makeCall, makeUser } from "~/models/abstracts/call.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import { settle } from "../../../../tests/route-outcome";
import { action as abstractAction, loader as abstractLoader } from "./abstracts.$abstract";
import { loader as previewLoader } from "./abstracts.$abstract_.preview";
import { loader as indexLoader } from "./abstracts._index";
import { action as newAction } from "./abstracts.new";

const statusOf = (result: unknown) => (result instanceof Response ? result.status : (result as { init?: { status?: number } }).init?.status ?? 200);
const dataOf = (result: unknown) => (result as { data: Record<string, unknown> }).data;

async function arrange(options: Parameters<typeof makeCall>[0] = {}) {
  const { meeting, call } = await makeCall(options);
  const author = await makeUser("Ada Author");
  return { meeting, call, author, cookie: await cookieFor(author.id) };
}

function post(url: string, cookie: string, fields: Record<string, string>) {
  return new Request(`http://localhost${url}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) });
}

async function start(context: Awaited<ReturnType<typeof arrange>>) {
  const result = await settle(() => newAction({ request: post(href.newAbstract(context.meeting.slug), context.cookie, {}), params: { meeting: context.meeting.slug }, context: {} } as ActionFunctionArgs));
  expect(result).toBeInstanceOf(Response);
  const location = (result as Response).headers.get("Location")!;
  return location.split("/").pop()!;
}

function fields(context: Awaited<ReturnType<typeof arrange>>, revision: number, changes: Record<string, string> = {}) {
  return {
    revision: String(revision),
    title: "Radioembolization dosimetry",
    topic: context.call.topics[0]!.id,
    ...Object.fromEntries(context.call.sections.map((section) => [`body.${section.key}`, `${section.title} text.`])),
    keywords: "Y-90",
    preference: "POSTER",
    traineeLevel: "NONE",
    "authors[0].name": "Ada Author",
    "authors[0].institution": "Mayo Clinic",
    "authors[0].city": "",
    "authors[0].country": "",
    "authors[0].email": "",
    presenting: "0",
    ...changes,
  };
}

const act = (context: Awaited<ReturnType<typeof arrange>>, id: string, body: Record<string, string>, cookie = context.cookie) =>
  settle(() => abstractAction({ request: post(href.abstract(context.meeting.slug, id), cookie, body), params: { meeting: context.meeting.slug, abstract: id }, context: {} } as ActionFunctionArgs));

const row = (id: string) => prisma.abstract.findUniqueOrThrow({ where: { id }, select: { title: true, revision: true, status: true, number: true } });

describe("/meetings/:meeting/abstracts/:abstract", () => {
  it("starts a draft, autosaves with a new revision and the time, refuses a stale tab with 409, then submits by plain POST", async () => {
    const context = await arrange();
    const id = await start(context);
    const loaded = await abstractLoader({ request: new Request(`http://localhost${href.abstract(context.meeting.slug, id)}`, { headers: { Cookie: context.cookie } }), params: { meeting: context.meeting.slug, abstract: id }, context: {} } as LoaderFunctionArgs);
    expect(loaded.values.authors[0]!.name).toBe("Ada Author");
    expect(loaded.editable).toBe(true);

    const autosaved = await act(context, id, { ...fields(context, 1), intent: "autosave" });
    expect(statusOf(autosaved)).toBe(200);
    expect(dataOf(autosaved)).toMatchObject({ ok: true, revision: 2, savedAt: expect.stringMatching(/^\d{1,2}:\d{2} [AP]M$/) });

    const stale = await act(context, id, { ...fields(context, 1, { title: "Older tab" }), intent: "autosave" });
    expect(statusOf(stale)).toBe(409);
    expect(dataOf(stale)).toMatchObject({ ok: false, message: expect.stringContaining("another tab"), values: expect.objectContaining({ title: "Older tab" }) });
    expect((await row(id)).title).toBe("Radioembolization dosimetry");

    const submitted = await act(context, id, { ...fields(context, 2), intent: "submit" });
    expect(submitted).toBeInstanceOf(Response);
    expect((submitted as Response).headers.get("Location")).toBe(href.abstract(context.meeting.slug, id, { done: "submitted" }));
    expect(await row(id)).toMatchObject({ status: "SUBMITTED", number: 1 });

    const list = await indexLoader({ request: new Request(`http://localhost${href.abstracts(context.meeting.slug)}`, { headers: { Cookie: context.cookie } }), params: { meeting: context.meeting.slug }, context: {} } as LoaderFunctionArgs);
    expect(list.abstracts).toEqual([expect.objectContaining({ id, number: 1, status: "SUBMITTED" })]);
    const preview = await previewLoader({ request: new Request(`http://localhost${href.abstractPreview(context.meeting.slug, id)}`, { headers: { Cookie: context.cookie } }), params: { meeting: context.meeting.slug, abstract: id }, context: {} } as LoaderFunctionArgs);
    expect(preview.printed).toMatchObject({ number: 1, title: "Radioembolization dosimetry", authors: [expect.objectContaining({ name: "Ada Author", presenting: true })] });
  });

  it("moves and removes authors by intent, keeping the typed text", async () => {
    const context = await arrange();
    const id = await start(context);
    const two = { ...fields(context, 1, { title: "Typed before moving" }), "authors[1].name": "Ben Second", "authors[1].institution": "UCLA", "authors[1].city": "", "authors[1].country": "", "authors[1].email": "", intent: "author-up:1" };
    expect(await act(context, id, two)).toBeInstanceOf(Response);
    const authors = await prisma.abstractAuthor.findMany({ where: { abstractId: id }, select: { name: true, presenting: true }, orderBy: { position: "asc" } });
    expect(authors).toEqual([{ name: "Ben Second", presenting: false }, { name: "Ada Author", presenting: true }]);
    expect((await row(id)).title).toBe("Typed before moving");
  });

  it("is a 404 for anyone else, to read or to post, and nothing is written", async () => {
    const context = await arrange();
    const id = await start(context);
    const stranger = await cookieFor((await makeUser()).id);
    const read = await settle(() => abstractLoader({ request: new Request(`http://localhost${href.abstract(context.meeting.slug, id)}`, { headers: { Cookie: stranger } }), params: { meeting: context.meeting.slug, abstract: id }, context: {} } as LoaderFunctionArgs));
    expect(statusOf(read)).toBe(404);
    const preview = await settle(() => previewLoader({ request: new Request(`http://localhost${href.abstractPreview(context.meeting.slug, id)}`, { headers: { Cookie: stranger } }), params: { meeting: context.meeting.slug, abstract: id }, context: {} } as LoaderFunctionArgs));
    expect(statusOf(preview)).toBe(404);
    expect(statusOf(await act(context, id, { ...fields(context, 1), intent: "save" }, stranger))).toBe(404);
    expect(statusOf(await act(context, id, { intent: "withdraw" }, stranger))).toBe(404);
    expect(await row(id)).toMatchObject({ revision: 1, status: "DRAFT", title: "" });
  });

  it("refuses an over-limit section (400) and a save after the deadline (409, the closing time), writing nothing", async () => {
    const context = await arrange();
    const id = await start(context);
    const purpose = context.call.sections[0]!;
    const over = await act(context, id, { ...fields(context, 1, { [`body.${purpose.key}`]: "x".repeat(purpose.limit + 5) }), intent: "save" });
    expect(statusOf(over)).toBe(400);
    expect(dataOf(over)).toMatchObject({ errors: { [`body.${purpose.key}`]: [expect.stringContaining("5 characters over")] } });
    await prisma.abstractCall.update({ where: { id: context.call.id }, data: { closesAt: new Date(Date.now() - 60_000) }, select: { id: true } });
    const closed = await act(context, id, { ...fields(context, 1), intent: "submit" });
    expect(statusOf(closed)).toBe(409);
    expect(dataOf(closed)).toMatchObject({ message: expect.stringMatching(/^The call closed on .* MST\.$/) });
    const late = await settle(() => newAction({ request: post(href.newAbstract(context.meeting.slug), context.cookie, {}), params: { meeting: context.meeting.slug }, context: {} } as ActionFunctionArgs));
    expect(statusOf(late)).toBe(409);
    expect(await row(id)).toMatchObject({ revision: 1, status: "DRAFT", title: "" });
    expect(await prisma.abstract.count({ where: { callId: context.call.id } })).toBe(1);
  });

  it("withdraws with the confirm step's intent", async () => {
    const context = await arrange();
    const id = await start(context);
    const done = await act(context, id, { intent: "withdraw" });
    expect((done as Response).headers.get("Location")).toBe(href.abstract(context.meeting.slug, id, { done: "withdrawn" }));
    expect((await row(id)).status).toBe("WITHDRAWN");
  });
});
