// /organize/:meeting/cme/report/evaluation.csv?scope=meeting|session: one row
// per evaluation response, without names or ids (a session's responses name
// the session). Organizers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { evaluationCsv } from "~/models/cme/report.server";
import { requireOrganizer } from "~/server/organizer.server";
import { csvDownload } from "~/utils/csv";

const SCOPES = { meeting: "MEETING", session: "SESSION" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  const asked = new URL(request.url).searchParams.get("scope") ?? "";
  const scope = asked === "meeting" || asked === "session" ? SCOPES[asked] : null;
  if (!scope) throw new Response("Say which evaluation: scope=meeting or scope=session.", { status: 400 });
  const csv = await evaluationCsv(meeting.id, scope);
  if (csv === null) throw new Response(`The ${asked} evaluation has not been made yet.`, { status: 404 });
  return csvDownload(csv, `${meeting.slug}-${asked}-evaluation`);
}
