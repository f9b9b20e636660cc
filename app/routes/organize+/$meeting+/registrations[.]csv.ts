// /organize/:meeting/registrations.csv: every registration but abandoned
// checkouts, for spreadsheets. Organizers of the meeting (and admins) only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMeeting } from "~/models/meetings/meeting.server";
import { registrationsCsv } from "~/models/registration/console.server";
import { requireMeetingRole } from "~/server/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  const csv = await registrationsCsv(meeting.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${meeting.slug}-registrations-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
