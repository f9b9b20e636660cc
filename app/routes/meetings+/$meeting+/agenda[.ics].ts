// The whole published program as a calendar file: /meetings/:meeting/agenda.ics.
// Subscribable; answered from the rendered-file cache and with 304s, keyed by
// the program version.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { keepsCancelled, listProgramCalendarSessions } from "~/models/program/calendar.server";
import { env } from "~/utils/env.server";
import { calendarNotFound, calendarResponse, lookupCalendarMeeting, renderCalendar } from "~/server/ical.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await lookupCalendarMeeting(params.meeting ?? "");
  if (!meeting) return calendarNotFound("There is no meeting at this address.");
  const withCancelled = keepsCancelled(meeting, new Date());
  return calendarResponse(request, {
    key: ["program", meeting.id, meeting.programVersion, withCancelled, env.APP_ORIGIN],
    filename: `${meeting.slug}.ics`,
    personal: false,
    render: async () =>
      renderCalendar({
        name: meeting.name,
        description: `The program of ${meeting.name}.`,
        meeting,
        sessions: await listProgramCalendarSessions(meeting.id, { withCancelled }),
        origin: env.APP_ORIGIN,
        url: absoluteUrl(href.agendaCalendar(meeting)),
      }),
  });
}
