// A proof document, served only to the registration's owner and the meeting's
// organizers (and admins): the check is in the query. Its type was verified by
// content when it was uploaded; nosniff, on every response (app/server/security-headers.server.ts),
// keeps browsers from guessing otherwise.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getProofDocument } from "~/models/registration/verification.server";
import { requireUser } from "~/server/auth.server";
import { storedFileResponse } from "~/utils/upload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const document = await getProofDocument(params.document ?? "", user);
  if (!document || document.registration.meeting.slug !== params.meeting) throw new Response("There is no such document, or it is not yours to see.", { status: 404 });
  return storedFileResponse(document, "The document file is missing.", { "Cache-Control": "private, no-store" });
}
