// A PDF's pages and text, read back with PDF.js (through unpdf) for the tests:
// what a registrar's software would extract from a certificate.
import { extractText, getDocumentProxy, getMeta } from "unpdf";

export async function readPdf(bytes: Uint8Array | ArrayBuffer) {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  const { info } = await getMeta(document);
  // PDF.js joins the pieces of a line with spaces of its own: collapse runs of them, so tests can look for phrases.
  return { pages: totalPages, text: text.replace(/\s+/g, " "), title: String((info as { Title?: string }).Title ?? "") };
}
