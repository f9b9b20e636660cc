// /organize/:meeting/cme/attendance.csv: every person's minutes per session
// with the evidence behind them, for the provider's records. Organizers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceCsv } from "~/models/cme/attendance.server";
import { getMeeting } from "~/models/meetings/meeting.server";
import { requireMeetingRole } from "~/server/auth.server";
import { csvDownload } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  return csvDownload(await attendanceCsv(meeting.id, meeting.timeZone), `${meeting.slug}-attendance`);
}
