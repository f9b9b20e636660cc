// A person's own schedule as a calendar feed: /calendar/:token.ics. Routes
// cannot match ":token.ics" within one segment, so the parameter carries the
// suffix. An unknown, replaced or malformed token is a plain 404 that reveals
// nothing. Served by app/server/calendar-feeds.server.ts (before Remix, in production).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedResponse } from "~/server/calendar-feeds.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return calendarFeedResponse(request, { kind: "personal", file: params.feed ?? "" });
}
