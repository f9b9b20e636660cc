// /organize/:meeting/cme/disclosures.csv: every person who must disclose, one
// line per relationship with the organizers' review, for the CME record.
// Organizers of the meeting (and admins) only; cells are injection-safe.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { disclosuresCsv } from "~/models/cme/disclosure-views.server";
import { requireOrganizer } from "~/server/organizer.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  return csvDownload(await disclosuresCsv(meeting.id), `${meeting.slug}-disclosures`);
}
