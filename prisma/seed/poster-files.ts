// The seeded e-posters' files: one 16:9 slide per poster, drawn with pdfkit
// from the abstract itself (title band, authors, the four sections in
// columns), so the gallery shows real PDFs to open. Stored under UPLOAD_DIR
// with keys derived from the abstract's number: seeding again finds them and
// writes nothing.
import { createHash } from "node:crypto";
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import PDFDocument from "pdfkit";

const WIDTH = 1280;
const HEIGHT = 720;
const MARGIN = 36;

export type PosterContent = { meeting: string; number: number; title: string; authors: string; institutions: string; sections: { title: string; text: string }[] };

// The seed also runs before the app's settings are loaded (the tests' template,
// the first start), so it reads the one it needs itself, with env.server.ts's default.
const uploadDir = () => path.resolve(process.env.UPLOAD_DIR || ".data/uploads");

export const posterStorageKey = (meeting: string, number: number) => `${createHash("sha256").update(`${meeting} poster ${number}`).digest("hex").slice(0, 32)}.pdf`;

function drawPoster(content: PosterContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: 0,
    // A fixed date keeps the file the same on every run.
    info: { Title: content.title, Subject: `E-poster ${content.number}`, CreationDate: new Date("2023-02-20T12:00:00Z") },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.rect(0, 0, WIDTH, 150).fill("#0f3d5c");
  doc.fillColor("#ffffff").font("Helvetica-Bold").fontSize(30).text(content.title, MARGIN, MARGIN, { width: WIDTH - 2 * MARGIN - 120 });
  doc.font("Helvetica").fontSize(15).text(content.authors, MARGIN, doc.y + 8, { width: WIDTH - 2 * MARGIN - 120 });
  doc.fontSize(11).fillColor("#cbd5e1").text(content.institutions, MARGIN, doc.y + 4, { width: WIDTH - 2 * MARGIN - 120 });
  doc.font("Helvetica-Bold").fontSize(26).fillColor("#fbbf24").text(`#${content.number}`, WIDTH - MARGIN - 110, MARGIN, { width: 110, align: "right" });

  const top = 180;
  const columnWidth = (WIDTH - 2 * MARGIN - 3 * 24) / 4;
  content.sections.forEach((section, index) => {
    const x = MARGIN + index * (columnWidth + 24);
    doc.rect(x, top, columnWidth, 4).fill("#0f766e");
    doc.fillColor("#0f172a").font("Helvetica-Bold").fontSize(20).text(section.title, x, top + 14, { width: columnWidth });
    doc.font("Helvetica").fontSize(19).fillColor("#1e293b").text(section.text, x, doc.y + 12, { width: columnWidth, lineGap: 5 });
  });
  doc.rect(0, HEIGHT - 44, WIDTH, 44).fill("#e2e8f0");
  doc.fillColor("#334155").font("Helvetica").fontSize(14).text(`${content.meeting} · E-poster ${content.number}`, MARGIN, HEIGHT - 30, { width: WIDTH - 2 * MARGIN });
  doc.end();
  return done;
}

/** Writes each poster's file unless it is there already; returns the storage key and size per number. */
export async function writePosterFiles(meeting: string, posters: PosterContent[]): Promise<Map<number, { storageKey: string; size: number }>> {
  const folder = uploadDir();
  await mkdir(folder, { recursive: true });
  const written = new Map<number, { storageKey: string; size: number }>();
  for (const poster of posters) {
    const storageKey = posterStorageKey(meeting, poster.number);
    const file = path.join(folder, storageKey);
    const bytes = await drawPoster(poster);
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFile(file, bytes, { mode: 0o600 });
    written.set(poster.number, { storageKey, size: bytes.byteLength });
  }
  return written;
}
