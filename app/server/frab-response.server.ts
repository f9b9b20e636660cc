// schedule.json and schedule.xml share their caching: an ETag from the
// meeting's program version (it changes exactly when a publish changes the
// program), answered with 304 when the app already has it.
import { buildFrabSchedule, frabScheduleXml } from "~/models/program/frab-schedule.server";
import { getProgramStamp } from "~/models/meetings/meeting.server";
import { env } from "~/utils/env.server";

export async function frabScheduleResponse(request: Request, meetingSlug: string, format: "json" | "xml"): Promise<Response> {
  const stamp = await getProgramStamp(meetingSlug);
  if (!stamp) throw new Response("There is no meeting at this address.", { status: 404 });
  const etag = `W/"frab-${format}-${meetingSlug}-${stamp.programVersion}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate", "Access-Control-Allow-Origin": "*" };
  if (request.headers.get("If-None-Match")?.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  const schedule = await buildFrabSchedule(meetingSlug, env.APP_ORIGIN);
  if (!schedule) throw new Response("There is no meeting at this address.", { status: 404 });
  return format === "json"
    ? new Response(JSON.stringify(schedule, null, 1), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } })
    : new Response(frabScheduleXml(schedule), { headers: { ...headers, "Content-Type": "application/xml; charset=utf-8" } });
}
