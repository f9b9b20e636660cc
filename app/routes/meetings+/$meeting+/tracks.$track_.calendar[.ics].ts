// One track as a calendar file. Its public address is /meetings/:meeting/tracks/:track.ics,
// but a route cannot match a parameter and a suffix in one segment, and the
// track's page owns /tracks/:track; so scripts/server.ts rewrites that address
// to this route's /meetings/:meeting/tracks/:track/calendar.ics before Remix sees it.
// Served by app/server/calendar-feeds.server.ts (before Remix, in production).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedResponse } from "~/server/calendar-feeds.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return calendarFeedResponse(request, { kind: "track", meeting: params.meeting ?? "", track: params.track ?? "" });
}
