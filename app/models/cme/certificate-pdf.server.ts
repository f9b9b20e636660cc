// The certificate as a PDF: one US-Letter landscape page, drawn from the
// snapshot fixed at issue, so a copy downloaded years later reads the same.
// Everything on it is real text (a registrar can search and copy it, and the
// tests read it back); the QR code is drawn as vector squares, so it prints
// sharp at any size. The serif lines (the title, the learner's name, the
// credit) are set in Noto Serif, embedded (and subset by PDFKit), because a
// learner's name may be Polish, Turkish, Vietnamese, Greek or Russian and must
// print exactly; the sans lines (the provider's and meeting's names, the
// statements, all typed by organizers) use PDFKit's built-in Helvetica.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { certificateFacts, certificateTitle, type CertificateFacts, type CertificateSnapshot } from "./certificates";

const PAGE = { width: 792, height: 612 };
const INK = "#0f172a";
const MUTED = "#475569";
const BRAND = "#1e3a8a";
const GOLD = "#b08d3c";
const AMENDED = "#9a3412";
/** The text column: wide enough for a long meeting name on one line, with room for the frame. */
const COLUMN = { left: 96, width: PAGE.width - 192 };
/** The footer (date issued, verification, QR code) starts here; the body is centred above it. */
const FOOTER_TOP = 470;
const BODY_TOP = 52;

type Block = {
  text: string;
  font: SerifFont | "Helvetica" | "Helvetica-Bold";
  size: number;
  color: string;
  /** Space above the block, in points. */
  gap: number;
  /** Letter spacing, for the provider's name set in capitals. */
  spacing?: number;
  /** The smallest size the block may shrink to before it wraps onto a second line. */
  minSize?: number;
};

// Noto Serif's files, as Google Fonts publishes them (the Expo team's package of them).
const SERIF_FILES = {
  Serif: "@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf",
  "Serif-Bold": "@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf",
  "Serif-Italic": "@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf",
} as const;
type SerifFont = keyof typeof SERIF_FILES;
let serifFonts: Record<SerifFont, Buffer> | undefined;
function loadSerifFonts(): Record<SerifFont, Buffer> {
  const resolve = createRequire(import.meta.url).resolve;
  serifFonts ??= Object.fromEntries(Object.entries(SERIF_FILES).map(([name, file]) => [name, readFileSync(resolve(file))])) as Record<SerifFont, Buffer>;
  return serifFonts;
}

/**
 * A PDF drawn by `draw` on a document that knows the serif fonts by name
 * ("Serif", "Serif-Bold", "Serif-Italic"), as the bytes PDFKit streams once
 * `draw` is done: the certificate's and the book of abstracts' one way to
 * make a PDF.
 */
export function serifPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument(options);
  for (const [name, font] of Object.entries(loadSerifFonts())) doc.registerFont(name, font);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc);
  doc.end();
  return done;
}
const isSerif = (font: Block["font"]): font is SerifFont => font in SERIF_FILES;

// Noto Serif draws the Latin, Greek and Cyrillic scripts; a letter of another
// (a Chinese or Arabic name) would print as an empty box, so it prints as "?"
// and /verify shows the name exactly as claimed.
const SERIF_SCRIPTS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;

/** `text` in what Noto Serif can print: letters of other scripts as "?". */
export function serifText(text: string): string {
  return Array.from(text, (char) => (SERIF_SCRIPTS.test(char) ? char : "?")).join("");
}

// The built-in Helvetica encodes Windows-1252 only: Latin-1 and these. A
// letter beyond it (Ł, ő, ș) in an organizer-typed line would print as a wrong
// glyph, so it is printed without its accent instead (Łódź → Lodz).
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const BASE_LETTERS: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŧ: "T", ŧ: "t", Ŀ: "L", ŀ: "l", ĸ: "k" };
const printable = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.includes(char);
};

/** `text` in what the built-in fonts can print: accents the encoding lacks dropped, anything else a "?". */
export function printableText(text: string): string {
  return Array.from(text, (char) => {
    if (printable(char)) return char;
    const base = BASE_LETTERS[char] ?? char.normalize("NFD").replace(/\p{M}/gu, "");
    return base && Array.from(base).every(printable) ? base : "?";
  }).join("");
}

/** The certificate's body, top to bottom, at full size. */
function bodyBlocks(snapshot: CertificateSnapshot, facts: CertificateFacts): Block[] {
  const [total, ...parts] = facts.credits;
  const credit = snapshot.creditType === "AMA_PRA";
  const blocks: (Block | null)[] = [
    { text: facts.provider.toUpperCase(), font: "Helvetica-Bold", size: 11, color: BRAND, gap: 0, spacing: 2 },
    { text: facts.title, font: "Serif-Bold", size: 36, color: BRAND, gap: 10 },
    facts.amended ? { text: facts.amended, font: "Helvetica-Bold", size: 11, color: AMENDED, gap: 4, spacing: 0.5 } : null,
    { text: "This certifies that", font: "Serif-Italic", size: 14, color: MUTED, gap: 26 },
    { text: facts.learner, font: "Serif-Bold", size: 30, minSize: 20, color: INK, gap: 8 },
    { text: credit ? "attended the live activity" : "participated in the live activity", font: "Serif-Italic", size: 14, color: MUTED, gap: 10 },
    { text: facts.meeting, font: "Helvetica-Bold", size: 17, minSize: 13, color: INK, gap: 8 },
    { text: `${facts.dates} · ${facts.place}`, font: "Helvetica", size: 12, color: INK, gap: 5 },
    { text: credit ? "and is awarded" : "and reports", font: "Serif-Italic", size: 14, color: MUTED, gap: 16 },
    total ? { text: total, font: "Serif-Bold", size: 22, color: INK, gap: 6 } : null,
    ...parts.map((part): Block => ({ text: part, font: "Helvetica", size: 11, color: INK, gap: 4 })),
    { text: snapshot.accreditationStatement, font: "Helvetica", size: 9.5, color: MUTED, gap: 20 },
    { text: snapshot.designationStatement, font: "Helvetica", size: 9.5, color: MUTED, gap: 5 },
  ];
  return blocks.filter((block) => block !== null).map((block) => ({ ...block, text: isSerif(block.font) ? serifText(block.text) : printableText(block.text) }));
}

/** The block at `scale`, shrunk (down to its minimum) so it fits the column on one line. */
function fitted(doc: PDFKit.PDFDocument, block: Block, scale: number): Block {
  let size = block.size * scale;
  if (block.minSize) {
    const min = block.minSize * scale;
    doc.font(block.font);
    while (size > min && doc.fontSize(size).widthOfString(block.text, { characterSpacing: block.spacing }) > COLUMN.width) size -= 0.5;
  }
  return { ...block, size, gap: block.gap * scale };
}

function blockHeight(doc: PDFKit.PDFDocument, block: Block): number {
  return block.gap + doc.font(block.font).fontSize(block.size).heightOfString(block.text, { width: COLUMN.width, align: "center", characterSpacing: block.spacing });
}

/** Draws the body centred between the top and the footer, smaller if a long name or meeting would not fit. */
function drawBody(doc: PDFKit.PDFDocument, snapshot: CertificateSnapshot, facts: CertificateFacts): void {
  const room = FOOTER_TOP - 16 - BODY_TOP;
  let blocks: Block[] = [];
  let height = Infinity;
  for (let scale = 1; height > room && scale > 0.5; scale -= 0.05) {
    blocks = bodyBlocks(snapshot, facts).map((block) => fitted(doc, block, scale));
    height = blocks.reduce((sum, block) => sum + blockHeight(doc, block), 0);
  }
  let y = BODY_TOP + Math.max(0, (room - height) / 2);
  for (const block of blocks) {
    y += block.gap;
    doc.font(block.font).fontSize(block.size).fillColor(block.color);
    doc.text(block.text, COLUMN.left, y, { width: COLUMN.width, align: "center", characterSpacing: block.spacing, lineGap: 0 });
    y = doc.y;
  }
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  doc.lineWidth(2.5).strokeColor(BRAND).rect(22, 22, PAGE.width - 44, PAGE.height - 44).stroke();
  doc.lineWidth(0.75).strokeColor(GOLD).rect(30, 30, PAGE.width - 60, PAGE.height - 60).stroke();
}

/** The QR code of `url` as filled squares, `size` points wide, its top left at (x, y). */
function drawQrCode(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  doc.fillColor(INK);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      // A hair wider than the cell, so neighbouring squares print as one shape without seams.
      if (modules.get(row, column)) doc.rect(x + column * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill();
}

function drawFooter(doc: PDFKit.PDFDocument, facts: CertificateFacts, code: string, verifyUrl: string): void {
  const qr = { size: 76, x: PAGE.width - 60 - 76, y: FOOTER_TOP + 28 };
  const label = (text: string, x: number, y: number, width: number, align: "left" | "right") =>
    doc.font("Helvetica-Bold").fontSize(7.5).fillColor(MUTED).text(text.toUpperCase(), x, y, { width, align, characterSpacing: 1 });

  doc.lineWidth(0.75).strokeColor(GOLD).moveTo(COLUMN.left - 36, FOOTER_TOP).lineTo(PAGE.width - COLUMN.left + 36, FOOTER_TOP).stroke();

  // Left: when, and by whom.
  const left = { x: 60, width: 250 };
  label("Date issued", left.x, qr.y + 4, left.width, "left");
  doc.font("Helvetica-Bold").fontSize(12).fillColor(INK).text(facts.issuedOn, left.x, doc.y + 3, { width: left.width });
  doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(printableText(facts.provider), left.x, doc.y + 6, { width: left.width });

  // Right, beside the QR code: how anyone shown the certificate checks it.
  const right = { x: qr.x - 16 - 300, width: 300 };
  label("Verification code", right.x, qr.y + 4, right.width, "right");
  doc.font("Courier-Bold").fontSize(15).fillColor(INK).text(code, right.x, doc.y + 3, { width: right.width, align: "right" });
  label("Verify at", right.x, doc.y + 6, right.width, "right");
  doc.font("Helvetica").fontSize(9).fillColor(BRAND).text(verifyUrl, right.x, doc.y + 3, { width: right.width, align: "right", link: verifyUrl });
  drawQrCode(doc, verifyUrl, qr.x, qr.y, qr.size);
}

/**
 * The certificate of `snapshot` with its verification `code` and the public
 * address that confirms it (`verifyUrl`, also in the QR code), as PDF bytes.
 */
export function certificatePdf(snapshot: CertificateSnapshot, code: string, verifyUrl: string): Promise<Buffer> {
  const options: PDFKit.PDFDocumentOptions = {
    size: "LETTER",
    layout: "landscape",
    margin: 0,
    info: {
      Title: `${certificateTitle(snapshot)}: ${snapshot.learner.name}, ${snapshot.meeting.name}`,
      Author: snapshot.provider,
      Subject: `Verification code ${code}`,
    },
    lang: "en-US",
    displayTitle: true,
  };
  return serifPdf(options, (doc) => {
    const facts = certificateFacts(snapshot);
    drawFrame(doc);
    drawBody(doc, snapshot, facts);
    drawFooter(doc, facts, code, verifyUrl);
  });
}
