// What a meeting's pages do first: find the meeting the URL names (404
// otherwise, before anything else, so a mistyped address says so even to a
// visitor who is signed out) and, on a person's own pages, sign them in.
import { getMeeting } from "~/models/meetings/meeting.server";
import { requireUser } from "./auth.server";

export async function requireMeeting(params: { meeting?: string }) {
  const meeting = await getMeeting(params.meeting ?? "");
  if (!meeting) throw new Response("There is no meeting at this address.", { status: 404 });
  return meeting;
}

/** The meeting of the URL and the signed-in person (sign in otherwise): the start of every page that is one's own. */
export async function requireMeetingAndUser(request: Request, params: { meeting?: string }) {
  const meeting = await requireMeeting(params);
  const user = await requireUser(request);
  return { meeting, user };
}
