// The whole published program as a calendar file: /meetings/:meeting/agenda.ics.
// Subscribable; answered from the rendered-file cache and with 304s, keyed by
// the program version (app/server/calendar-feeds.server.ts, which in production
// answers before Remix).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedResponse } from "~/server/calendar-feeds.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return calendarFeedResponse(request, { kind: "program", meeting: params.meeting ?? "" });
}
