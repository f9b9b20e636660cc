// /organize/:meeting/registrations.csv: every registration but abandoned
// checkouts, for spreadsheets. Organizers of the meeting (and admins) only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { registrationsCsv } from "~/models/registration/console.server";
import { requireOrganizer } from "~/server/organizer.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  return csvDownload(await registrationsCsv(meeting.id), `${meeting.slug}-registrations`);
}
