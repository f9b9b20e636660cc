// The book of abstracts' page and PDF through their routes: published
// abstracts only, a PDF typed and named for a browser, and an unknown meeting a 404.
import { describe, expect, it } from "vitest";
import { makeAbstract, makeCall } from "~/models/abstracts/call.fixture";
import { readPdf } from "~/models/cme/pdf-text.fixture";
import { href } from "~/utils/href";
import * as page from "./book-of-abstracts";
import * as pdf from "./book-of-abstracts[.]pdf";

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;
const get = (handler: unknown, slug: string, path: string) => (handler as Handler)({ request: new Request(`http://localhost${path}`), params: { meeting: slug }, context: {} });

describe("the book of abstracts' routes", () => {
  it("show the published abstracts on the page and in the PDF", async () => {
    const { call, meeting } = await makeCall();
    const poster = await makeAbstract(call.id, { decision: "EPOSTER", notified: true, topicId: call.topics[0]!.id, title: "Hepatic venous pressure gradient", authors: [{ name: "Mei Chen", institution: "UCSF" }] });
    await makeAbstract(call.id, { decision: "POSTER", notified: false, title: "Not yet notified" });
    const loaded = (await get(page.loader, meeting.slug, href.bookOfAbstracts(meeting.slug))) as { book: { count: number; chapters: { title: string }[]; index: { name: string }[] } };
    expect(loaded.book.count).toBe(1);
    expect(loaded.book.chapters.map((chapter) => chapter.title)).toEqual(["Interventional Oncology"]);
    expect(loaded.book.index.map((entry) => entry.name)).toEqual(["Mei Chen"]);

    const response = (await get(pdf.loader, meeting.slug, href.bookOfAbstractsPdf(meeting.slug))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^inline; filename="Book of abstracts /);
    const text = (await readPdf(await response.arrayBuffer())).text;
    expect(text).toContain(`${poster.number} Hepatic venous pressure gradient`);
    expect(text).toContain(`Mei Chen — ${poster.number}`);
    expect(text).not.toContain("Not yet notified");
  });

  it("answer 404 for an unknown meeting", async () => {
    await expect(get(page.loader, "no-such-meeting", "/")).rejects.toMatchObject({ status: 404 });
    await expect(get(pdf.loader, "no-such-meeting", "/")).rejects.toMatchObject({ status: 404 });
  });
});
