// One session as a calendar file, for "Add to Apple Calendar or Outlook" on its
// page. Also reachable as /meetings/:meeting/sessions/:session.ics (rewritten
// here by scripts/server.ts, like the track feeds). Same UID as in every feed.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { getCalendarSession } from "~/models/program/calendar.server";
import { env } from "~/utils/env.server";
import { calendarNotFound, calendarResponse, lookupCalendarMeeting, renderCalendar } from "~/server/ical.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await lookupCalendarMeeting(params.meeting ?? "");
  if (!meeting) return calendarNotFound("There is no meeting at this address.");
  const session = await getCalendarSession(meeting.id, params.session ?? "");
  if (!session) return calendarNotFound(`${meeting.name} has no session at this address.`);
  return calendarResponse(request, {
    key: ["session", meeting.id, meeting.programVersion, session.id, session.sequence, env.APP_ORIGIN],
    filename: `${session.slug}.ics`,
    personal: false,
    render: async () => renderCalendar({ name: session.title, meeting, sessions: [session], origin: env.APP_ORIGIN }),
  });
}
