// The book of abstracts as a PDF (US Letter, portrait): a cover, the contents
// with page numbers, one chapter per oral session and per poster topic (each
// on a new page), and the author index by abstract number. It is drawn from
// the same view as the printable page. All text is real text in Noto Serif,
// embedded, because authors' names come from everywhere (the certificate's
// font and its serifText, so letters the font lacks print as "?").
import { serifPdf, serifText } from "~/models/cme/certificate-pdf.server";
import { affiliations } from "./printed";
import { indexLine } from "./book";
import type { BookView } from "./book";

const MARGIN = 60;
const INK = "#0f172a";
const MUTED = "#475569";
const BRAND = "#1e3a8a";
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const sup = (n: number) => Array.from(String(n), (digit) => SUPERSCRIPT[Number(digit)]).join("");
/** Contents lines that fit one page, to reserve the contents' pages before the chapters are drawn. */
const CONTENTS_PER_PAGE = 34;

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string, size: number, color = INK) {
  doc.font("Serif-Bold").fontSize(size).fillColor(color).text(serifText(text), { lineGap: 2 });
}

function body(doc: Doc, text: string, size = 10, color = INK, font = "Serif") {
  doc.font(font).fontSize(size).fillColor(color).text(serifText(text), { lineGap: 1.5 });
}

function drawAbstract(doc: Doc, entry: BookView["chapters"][number]["entries"][number]) {
  const { abstract } = entry;
  // Keep a title from being stranded alone at the foot of a page.
  if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
  if (entry.when) body(doc, entry.when, 9.5, BRAND, "Serif-Bold");
  heading(doc, `${abstract.number}  ${abstract.title || "Untitled abstract"}`, 12);
  const { places, numbers } = affiliations(abstract.authors);
  body(doc, abstract.authors.map((author, index) => `${author.name}${sup(numbers[index] ?? 0)}`).join(", "), 10);
  body(doc, places.map((place, index) => `${sup(index + 1)} ${place}`).join("; "), 8.5, MUTED);
  for (const section of abstract.sections) {
    doc.moveDown(0.3);
    body(doc, section.title, 9.5, INK, "Serif-Bold");
    body(doc, section.text || "—", 9.5);
  }
  if (abstract.keywords.length) {
    doc.moveDown(0.3);
    body(doc, `Keywords: ${abstract.keywords.join(", ")}`, 8.5, MUTED, "Serif-Italic");
  }
  doc.moveDown(1.2);
}

function drawCover(doc: Doc, view: BookView) {
  doc.y = 230;
  doc.font("Serif-Bold").fontSize(30).fillColor(BRAND).text("Book of Abstracts", { align: "center" });
  doc.moveDown(0.8);
  doc.font("Serif-Bold").fontSize(18).fillColor(INK).text(serifText(view.meeting.name), { align: "center" });
  doc.moveDown(0.4);
  doc.font("Serif").fontSize(12).fillColor(MUTED).text(view.meeting.dates, { align: "center" });
  doc.moveDown(0.4);
  doc.text(`${view.count} abstracts`, { align: "center" });
}

function drawContents(doc: Doc, lines: { title: string; page: number }[], firstPage: number) {
  const width = doc.page.width - 2 * MARGIN;
  lines.forEach((line, index) => {
    if (index % CONTENTS_PER_PAGE === 0) {
      doc.switchToPage(firstPage + index / CONTENTS_PER_PAGE);
      doc.y = MARGIN;
      if (index === 0) heading(doc, "Contents", 18, BRAND);
      doc.moveDown(0.5);
    }
    const y = doc.y;
    doc.font("Serif").fontSize(10.5).fillColor(INK).text(serifText(line.title), MARGIN, y, { width: width - 40, lineBreak: false, ellipsis: true });
    doc.text(String(line.page), MARGIN, y, { width, align: "right" });
    doc.y = y + 17;
  });
}

function drawPageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let page = 1; page < range.count; page++) {
    doc.switchToPage(range.start + page);
    const bottom = doc.page.margins.bottom;
    // Drawing in the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font("Serif").fontSize(8.5).fillColor(MUTED).text(String(page + 1), 0, doc.page.height - 36, { width: doc.page.width, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export function bookPdf(view: BookView): Promise<Buffer> {
  return serifPdf({ size: "LETTER", margin: MARGIN, bufferPages: true, info: { Title: `Book of Abstracts: ${view.meeting.name}` }, lang: "en-US", displayTitle: true }, (doc) => {
    drawCover(doc, view);
    const contentsLines = view.chapters.length + (view.index.length ? 1 : 0);
    const contentsPages = Math.max(1, Math.ceil(contentsLines / CONTENTS_PER_PAGE));
    const contentsStart = doc.bufferedPageRange().count;
    for (let page = 0; page < contentsPages; page++) doc.addPage();

    const lines: { title: string; page: number }[] = [];
    for (const chapter of view.chapters) {
      doc.addPage();
      lines.push({ title: chapter.title, page: doc.bufferedPageRange().count });
      heading(doc, chapter.title, 17, BRAND);
      body(doc, chapter.subtitle, 10, MUTED);
      doc.moveDown(1);
      for (const entry of chapter.entries) drawAbstract(doc, entry);
    }
    if (view.index.length) {
      doc.addPage();
      lines.push({ title: "Author index", page: doc.bufferedPageRange().count });
      heading(doc, "Author index", 17, BRAND);
      body(doc, "Numbers are abstract numbers.", 9.5, MUTED, "Serif-Italic");
      doc.moveDown(0.6);
      for (const entry of view.index) body(doc, indexLine(entry), 10);
    }
    drawContents(doc, lines, contentsStart);
    drawPageNumbers(doc);
  });
}
