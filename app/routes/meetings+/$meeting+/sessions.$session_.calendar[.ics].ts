// One session as a calendar file, for "Add to Apple Calendar or Outlook" on its
// page. Also reachable as /meetings/:meeting/sessions/:session.ics (rewritten
// here by scripts/server.ts, like the track feeds). Same UID as in every feed.
// Served by app/server/calendar-feeds.server.ts (before Remix, in production).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedResponse } from "~/server/calendar-feeds.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return calendarFeedResponse(request, { kind: "session", meeting: params.meeting ?? "", session: params.session ?? "" });
}
