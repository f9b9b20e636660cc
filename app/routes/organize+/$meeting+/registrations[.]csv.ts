// /organize/:meeting/registrations.csv: every registration but abandoned
// checkouts, for spreadsheets. Organizers of the meeting (and admins) only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMeeting } from "~/models/meetings/meeting.server";
import { registrationsCsv } from "~/models/registration/console.server";
import { requireMeetingRole } from "~/server/auth.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  return csvDownload(await registrationsCsv(meeting.id), `${meeting.slug}-registrations`);
}
