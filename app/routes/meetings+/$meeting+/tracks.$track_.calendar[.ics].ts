// One track as a calendar file. Its public address is /meetings/:meeting/tracks/:track.ics,
// but a route cannot match a parameter and a suffix in one segment, and the
// track's page owns /tracks/:track; so scripts/server.ts rewrites that address
// to this route's /meetings/:meeting/tracks/:track/calendar.ics before Remix sees it.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { getCalendarTrack, keepsCancelled, listProgramCalendarSessions } from "~/models/program/calendar.server";
import { env } from "~/utils/env.server";
import { calendarNotFound, calendarResponse, lookupCalendarMeeting, renderCalendar } from "~/server/ical.server";
import { href } from "~/utils/href";
import { absoluteUrl } from "~/utils/href.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await lookupCalendarMeeting(params.meeting ?? "");
  if (!meeting) return calendarNotFound("There is no meeting at this address.");
  const track = await getCalendarTrack(meeting.id, params.track ?? "");
  if (!track) return calendarNotFound(`${meeting.name} has no track at this address.`);
  const withCancelled = keepsCancelled(meeting, new Date());
  return calendarResponse(request, {
    key: ["track", meeting.id, meeting.programVersion, track.slug, withCancelled, env.APP_ORIGIN],
    filename: `${meeting.slug}-${track.slug}.ics`,
    personal: false,
    render: async () =>
      renderCalendar({
        name: `${track.name} · ${meeting.name}`,
        description: `The ${track.name} sessions of ${meeting.name}.`,
        meeting,
        sessions: await listProgramCalendarSessions(meeting.id, { trackId: track.id, withCancelled }),
        origin: env.APP_ORIGIN,
        url: absoluteUrl(href.trackCalendar(meeting, track)),
      }),
  });
}
