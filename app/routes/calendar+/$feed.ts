// A person's own schedule as a calendar feed: /calendar/:token.ics. The token
// is the only key (calendar apps cannot sign in), so an unknown, replaced or
// malformed one is a plain 404 that reveals nothing. Routes cannot match
// ":token.ics" within one segment, so the parameter carries the suffix and the
// loader takes it off.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { findScheduleFeed } from "~/models/schedule/calendar-feed.server";
import { keepsCancelled, listScheduledCalendarSessions } from "~/models/program/calendar.server";
import { fingerprint } from "~/models/schedule/schedule.server";
import { env } from "~/utils/env.server";
import { calendarNotFound, calendarResponse, renderCalendar } from "~/server/ical.server";

const NOT_FOUND = "This calendar address is unknown or has been replaced. Copy the current one from My schedule.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.feed ?? "";
  if (!file.endsWith(".ics")) return calendarNotFound(NOT_FOUND);
  // Not cached: a replaced token must stop working at once.
  const feed = await findScheduleFeed(file.slice(0, -".ics".length));
  if (!feed) return calendarNotFound(NOT_FOUND);
  const { meeting, userId, sessionIds } = feed;
  const withCancelled = keepsCancelled(meeting, new Date());
  return calendarResponse(request, {
    key: ["schedule", meeting.id, meeting.programVersion, userId, fingerprint(sessionIds), withCancelled, env.APP_ORIGIN],
    filename: `${meeting.slug}-my-schedule.ics`,
    personal: true,
    render: async () =>
      renderCalendar({
        name: `My schedule · ${meeting.name}`,
        description: `The sessions you picked at ${meeting.name}.`,
        meeting,
        sessions: await listScheduledCalendarSessions(meeting.id, sessionIds, { withCancelled }),
        origin: env.APP_ORIGIN,
      }),
  });
}
