// /organize/:meeting/cme/attendance.csv: every person's minutes per session
// with the evidence behind them, for the provider's records. Organizers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceCsv } from "~/models/cme/attendance.server";
import { requireOrganizer } from "~/server/organizer.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireOrganizer(request, params);
  return csvDownload(await attendanceCsv(meeting.id, meeting.timeZone), `${meeting.slug}-attendance`);
}
