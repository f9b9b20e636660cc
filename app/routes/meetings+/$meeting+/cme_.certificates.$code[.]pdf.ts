// /meetings/:meeting/cme/certificates/:code.pdf: a certificate as a PDF, for
// the learner it was issued to and the meeting's organizers. Anyone else, and
// a code that is unknown, malformed or of another meeting, gets the same 404,
// so the address says nothing about whose codes exist.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdf } from "~/models/cme/certificate-pdf.server";
import { normalizeVerificationCode } from "~/models/cme/certificates";
import { certificateForDownload } from "~/models/cme/certificates.server";
import { requireUser } from "~/server/auth.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

const NOT_FOUND = "No certificate of yours has this code. Your certificates are listed in your account's CME transcript.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const code = normalizeVerificationCode(params.code ?? "");
  const certificate = code ? await certificateForDownload(params.meeting ?? "", code, user.id) : null;
  if (!certificate) throw new Response(NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  const pdf = await certificatePdf(certificate.snapshot, certificate.code, absoluteUrl(href.verifyCertificate(certificate.code)));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${certificate.snapshot.meeting.slug}-cme-certificate-${certificate.code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
