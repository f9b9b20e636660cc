// The book of abstracts as a PDF, for reading offline and printing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookPdf } from "~/models/abstracts/book-pdf.server";
import { meetingBook } from "~/models/abstracts/book.server";
import { requireMeeting } from "~/server/meeting-page.server";
import { inlineDisposition } from "~/utils/upload.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const meeting = await requireMeeting(params);
  const pdf = await bookPdf(await meetingBook(meeting));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": inlineDisposition(`Book of abstracts ${meeting.slug}.pdf`),
      "Cache-Control": "public, max-age=300",
    },
  });
}
