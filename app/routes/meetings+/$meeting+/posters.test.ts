// The poster routes as Remix calls them: the presenter uploads through the
// form (a disguised file is a 400 and nothing is stored; someone else's
// abstract a 404; an oral a 409), the file route serves only published
// posters with safe headers, and the gallery and poster pages read them.
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor } from "~/models/accounts/people.fixture";
import { makeAbstract, makeCall, makeUser } from "~/models/abstracts/call.fixture";
import { prisma } from "~/utils/db.server";
import { href } from "~/utils/href";
import * as upload from "./abstracts.$abstract_.poster";
import * as gallery from "./posters._index";
import * as posterPage from "./posters.$number";
import * as posterFile from "./posters.$number_.file";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

let meeting: { id: string; slug: string };
let cookie: string;
let strangerCookie: string;
let poster: { id: string; number: number | null; title: string };
let oral: { id: string; number: number | null };

beforeAll(async () => {
  const made = await makeCall();
  meeting = made.meeting;
  const user = await makeUser();
  cookie = await cookieFor(user.id);
  strangerCookie = await cookieFor((await makeUser()).id);
  poster = await makeAbstract(made.call.id, { submitterId: user.id, decision: "POSTER", notified: true, topicId: made.call.topics[0]!.id, title: "Cryoablation of renal masses", authors: [{ name: "Ana García", institution: "Hospital Clínic" }] });
  oral = await makeAbstract(made.call.id, { submitterId: user.id, decision: "ORAL", notified: true });
});

function post(abstractId: string, who: string, intent: string, file?: { bytes: Uint8Array; name: string; type: string }) {
  const body = new FormData();
  body.set("intent", intent);
  if (file) body.set("poster", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  const request = new Request(`http://localhost${href.abstractPoster(meeting.slug, abstractId)}`, { method: "POST", body, headers: { Cookie: who } });
  return (upload.action as unknown as Handler)({ request, params: { meeting: meeting.slug, abstract: abstractId }, context: {} });
}

const get = (handler: unknown, path: string, params: Record<string, string>, who?: string) =>
  (handler as Handler)({ request: new Request(`http://localhost${path}`, { headers: who ? { Cookie: who } : {} }), params: { meeting: meeting.slug, ...params }, context: {} });

const statusOf = (value: unknown) => (value as { init?: { status?: number } }).init?.status ?? (value as Response).status;

describe("the presenter's poster page", () => {
  it("refuses a disguised file with a clear 400 and stores nothing", async () => {
    const reply = await post(poster.id, cookie, "upload", { bytes: new TextEncoder().encode("MZ not a pdf at all"), name: "poster.pdf", type: "application/pdf" });
    expect(statusOf(reply)).toBe(400);
    expect((reply as { data: { message: string } }).data.message).toContain("PDF, PNG or JPEG");
    expect(await prisma.poster.findUnique({ where: { abstractId: poster.id }, select: { id: true } })).toBeNull();
  });

  it("refuses a file over 20 MB with a 400 that says the limit", async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    const reply = await post(poster.id, cookie, "upload", { bytes: big, name: "huge.pdf", type: "application/pdf" });
    expect(statusOf(reply)).toBe(400);
    expect((reply as { data: { message: string } }).data.message).toContain("20 MB");
    expect(await prisma.poster.findUnique({ where: { abstractId: poster.id }, select: { id: true } })).toBeNull();
  });

  it("is 404 for someone else's abstract and 409 for an oral", async () => {
    await expect(get(upload.loader, href.abstractPoster(meeting.slug, poster.id), { abstract: poster.id }, strangerCookie)).rejects.toMatchObject({ status: 404 });
    expect(statusOf(await post(poster.id, strangerCookie, "upload", { bytes: PNG, name: "p.png", type: "image/png" }))).toBe(404);
    await expect(get(upload.loader, href.abstractPoster(meeting.slug, oral.id), { abstract: oral.id }, cookie)).rejects.toMatchObject({ status: 409 });
  });

  it("uploads an image, which the file route then serves with safe headers", async () => {
    const number = String(poster.number);
    await expect(get(posterFile.loader, href.posterFile(meeting.slug, poster.number!), { number })).rejects.toMatchObject({ status: 404 });
    const reply = (await post(poster.id, cookie, "upload", { bytes: PNG, name: "ré<su>me.png", type: "image/png" })) as Response;
    expect(reply.status).toBe(303);
    const file = (await get(posterFile.loader, href.posterFile(meeting.slug, poster.number!), { number })) as Response;
    expect(file.headers.get("Content-Type")).toBe("image/png");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(file.headers.get("Content-Disposition")).toMatch(/^inline; filename="r_sume.png"/);
    expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), Buffer.from(PNG))).toBe(0);
    await expect(get(posterFile.loader, href.posterFile(meeting.slug, oral.number!), { number: String(oral.number) })).rejects.toMatchObject({ status: 404 });

    const page = (await get(posterPage.loader, href.poster(meeting.slug, poster.number!), { number })) as { poster: { file: { image: boolean } | null } };
    expect(page.poster.file?.image).toBe(true);
    await expect(get(posterPage.loader, href.poster(meeting.slug, oral.number!), { number: String(oral.number) })).rejects.toMatchObject({ status: 404 });
  });

  it("lists the poster in the gallery and finds it by author", async () => {
    const found = (await get(gallery.loader, href.posters(meeting.slug, { q: "garcia" }), {})) as { posters: { number: number }[]; total: number };
    expect(found.posters.map((p) => p.number)).toEqual([poster.number]);
    const none = (await get(gallery.loader, href.posters(meeting.slug, { q: "nobody here" }), {})) as { posters: unknown[]; total: number };
    expect(none).toMatchObject({ posters: [], total: 1 });
  });
});
