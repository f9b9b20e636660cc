// What every reviewer page does first: find the meeting (404 otherwise), sign
// the person in, and require that they review for it (the REVIEWER role, or a
// reviewer row of the call linked to their account); anyone else gets 403.
import { hasMeetingRole } from "~/models/accounts/access.server";
import { isReviewer } from "~/models/abstracts/review.server";
import { requireMeetingAndUser } from "./meeting-page.server";

export async function requireReviewer(request: Request, params: { meeting?: string }) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const allowed = (await hasMeetingRole(user.id, meeting.id, ["REVIEWER"])) || (await isReviewer(user.id, meeting.id));
  if (!allowed) throw new Response("These pages are for the meeting's abstract reviewers.", { status: 403 });
  return { meeting, user };
}
