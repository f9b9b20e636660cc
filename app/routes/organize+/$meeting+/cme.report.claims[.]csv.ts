// /organize/:meeting/cme/report/claims.csv: one row per learner's current
// claim (name, degree, credit, version, certificate), for the provider's records. Organizers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { claimsCsv } from "~/models/cme/report.server";
import { requireOrganizer } from "~/server/organizer.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  return csvDownload(await claimsCsv(meeting.id, meeting.timeZone), `${meeting.slug}-cme-claims`);
}
