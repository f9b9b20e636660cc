// The book of abstracts from the database: orals under their published
// session with day, time and room in the meeting's zone, posters by topic, the
// author index, and the PDF's text (read back with PDF.js) carrying all of it.
import { describe, expect, it } from "vitest";
import { readPdf } from "~/models/cme/pdf-text.fixture";
import { prisma } from "~/utils/db.server";
import { bookPdf } from "./book-pdf.server";
import { meetingBook } from "./book.server";
import { makeAbstract, makeCall } from "./call.fixture";

async function arrangeBook() {
  const { call, meeting } = await makeCall();
  const [oncology, vascular] = call.topics;
  const room = await prisma.room.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true } });
  const session = await prisma.session.create({
    data: { meetingId: meeting.id, slug: "io-abstracts", title: "Interventional Oncology Abstracts", kind: "ABSTRACT_SESSION", startsAt: new Date("2027-03-21T16:00:00Z"), endsAt: new Date("2027-03-21T17:00:00Z"), roomId: room.id },
    select: { id: true },
  });
  const second = await makeAbstract(call.id, { decision: "ORAL", notified: true, topicId: oncology!.id, title: "Second talk on microwave ablation", authors: [{ name: "Zoë Adams", institution: "Mayo Clinic" }] });
  const first = await makeAbstract(call.id, { decision: "ORAL", notified: true, topicId: oncology!.id, title: "First talk on Y-90 dosimetry", authors: [{ name: "Ana García", institution: "Hospital Clínic" }, { name: "Łukasz Nowak", institution: "Mayo Clinic" }] });
  const poster = await makeAbstract(call.id, { decision: "POSTER", notified: true, topicId: vascular!.id, title: "Pedal access for CLTI", authors: [{ name: "Ana García", institution: "Hospital Clínic" }] });
  await makeAbstract(call.id, { decision: "REJECT", notified: true, title: "A rejected abstract" });
  await prisma.presentation.createMany({
    data: [
      { sessionId: session.id, slug: "second", title: second.title, startsAt: new Date("2027-03-21T16:10:00Z"), endsAt: new Date("2027-03-21T16:20:00Z"), abstractId: second.id },
      { sessionId: session.id, slug: "first", title: first.title, startsAt: new Date("2027-03-21T16:00:00Z"), endsAt: new Date("2027-03-21T16:10:00Z"), abstractId: first.id },
    ],
  });
  const full = await prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { id: true, name: true, timeZone: true, startsOn: true, endsOn: true } });
  return { meeting: full, first, second, poster };
}

describe("the book of abstracts", () => {
  it("puts orals under their session in time order and posters under their topic, with an author index", async () => {
    const { meeting, first, second, poster } = await arrangeBook();
    const book = await meetingBook(meeting);
    expect(book.count).toBe(3);
    expect(book.chapters.map((chapter) => [chapter.title, chapter.entries.map((entry) => entry.abstract.number)])).toEqual([
      ["Interventional Oncology Abstracts", [first.number, second.number]],
      ["Peripheral Vascular Disease", [poster.number]],
    ]);
    // Phoenix is UTC-7 in March: 16:00 UTC is 9:00 AM.
    expect(book.chapters[0]!.subtitle).toBe("Oral presentations · Sunday, March 21, 2027, 9:00–10:00 AM MST · Hall A");
    expect(book.chapters[0]!.entries[0]!.when).toBe("9:00–9:10 AM MST");
    expect(book.index.map((entry) => [entry.name, entry.numbers])).toEqual([
      ["Zoë Adams", [second.number]],
      ["Ana García", [first.number, poster.number].sort((a, b) => a! - b!)],
      ["Łukasz Nowak", [first.number]],
    ]);
  });

  it("prints the same book as a PDF: cover, contents, titles and the author index", async () => {
    const { meeting, first, poster } = await arrangeBook();
    const pdf = await readPdf(await bookPdf(await meetingBook(meeting)));
    expect(pdf.title).toContain(meeting.name);
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    expect(pdf.text).toContain("Book of Abstracts");
    expect(pdf.text).toContain("Contents");
    expect(pdf.text).toContain("Interventional Oncology Abstracts");
    expect(pdf.text).toContain(`${first.number} First talk on Y-90 dosimetry`);
    expect(pdf.text).toContain("Pedal access for CLTI");
    expect(pdf.text).toContain(`Ana García — ${[first.number, poster.number].sort((a, b) => a! - b!).join(", ")}`);
    expect(pdf.text).toContain("Łukasz Nowak");
    expect(pdf.text).not.toContain("A rejected abstract");
  });
});
