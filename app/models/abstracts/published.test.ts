import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeAbstract, makeCall } from "./call.fixture";
import { bookAbstracts, galleryPosters, publishedPoster } from "./published.server";
import { formatBytes, isPublished, matchesSearch } from "./published";

describe("which abstracts are published", () => {
  const base = { status: "SUBMITTED", decision: "POSTER" as const, notifiedAt: new Date(), presenterDeclinedAt: null, number: 4 };

  it("is a notified, submitted, undeclined poster or e-poster for the gallery, and orals too for the book", () => {
    expect(isPublished(base, "gallery")).toBe(true);
    expect(isPublished({ ...base, decision: "EPOSTER" }, "gallery")).toBe(true);
    expect(isPublished({ ...base, decision: "ORAL" }, "gallery")).toBe(false);
    expect(isPublished({ ...base, decision: "ORAL" }, "book")).toBe(true);
    expect(isPublished({ ...base, decision: "REJECT" }, "book")).toBe(false);
    expect(isPublished({ ...base, notifiedAt: null }, "gallery")).toBe(false);
    expect(isPublished({ ...base, status: "WITHDRAWN" }, "book")).toBe(false);
    expect(isPublished({ ...base, presenterDeclinedAt: new Date() }, "book")).toBe(false);
  });

  it("asks the database the same rule", async () => {
    const { call, meeting } = await makeCall();
    const poster = await makeAbstract(call.id, { decision: "POSTER", notified: true });
    const eposter = await makeAbstract(call.id, { decision: "EPOSTER", notified: true });
    const oral = await makeAbstract(call.id, { decision: "ORAL", notified: true });
    await makeAbstract(call.id, { decision: "POSTER", notified: false });
    await makeAbstract(call.id, { decision: "REJECT", notified: true });
    await makeAbstract(call.id, { decision: "POSTER", notified: true, status: "WITHDRAWN" });
    const declined = await makeAbstract(call.id, { decision: "POSTER", notified: true });
    await prisma.abstract.update({ where: { id: declined.id }, data: { presenterDeclinedAt: new Date() }, select: { id: true } });

    const gallery = await galleryPosters(meeting.id);
    expect(gallery.posters.map((p) => p.number)).toEqual([poster.number, eposter.number]);
    expect((await bookAbstracts(meeting.id)).map((a) => a.number)).toEqual([poster.number, eposter.number, oral.number]);
    expect(await publishedPoster(meeting.id, oral.number!)).toBeNull();
    expect(await publishedPoster(meeting.id, declined.number!)).toBeNull();
    expect((await publishedPoster(meeting.id, poster.number!))?.title).toBe(poster.title);
  });
});

describe("the gallery's search", () => {
  it("finds by topic, author, keyword and text, accents ignored", async () => {
    const { call, meeting } = await makeCall();
    const [oncology, vascular] = call.topics;
    const liver = await makeAbstract(call.id, { decision: "POSTER", notified: true, topicId: oncology!.id, title: "Radioembolization of liver tumours", authors: [{ name: "Ana García", institution: "Hospital Clínic" }] });
    const leg = await makeAbstract(call.id, { decision: "EPOSTER", notified: true, topicId: vascular!.id, title: "Below-the-knee angioplasty", authors: [{ name: "John Smith", institution: "Mayo Clinic" }] });
    await prisma.abstract.update({ where: { id: leg.id }, data: { keywords: ["atherectomy"] }, select: { id: true } });
    const numbers = async (filters: Parameters<typeof galleryPosters>[1]) => (await galleryPosters(meeting.id, filters)).posters.map((p) => p.number);

    expect(await numbers({ topic: "oncology" })).toEqual([liver.number]);
    expect(await numbers({ q: "garcia" })).toEqual([liver.number]);
    expect(await numbers({ q: "clinic" })).toEqual([liver.number, leg.number]);
    expect(await numbers({ q: "Atherectomy" })).toEqual([leg.number]);
    expect(await numbers({ q: "purpose text" })).toEqual([liver.number, leg.number]);
    expect(await numbers({ kind: "EPOSTER" })).toEqual([leg.number]);
    expect(await numbers({ q: "nothing like this" })).toEqual([]);
    expect((await galleryPosters(meeting.id, { q: "nothing" })).total).toBe(2);
  });

  it("matches every word somewhere", () => {
    const poster = { title: "Liver", authors: [{ name: "Ana", institution: "Mayo" }], keywords: ["TACE"], sections: [{ text: "Results here" }] };
    expect(matchesSearch(poster, "liver tace")).toBe(true);
    expect(matchesSearch(poster, "liver kidney")).toBe(false);
    expect(matchesSearch(poster, "  ")).toBe(true);
    expect(formatBytes(2.1 * 1024 * 1024)).toBe("2.1 MB");
  });
});
