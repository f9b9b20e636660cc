// What the author's abstract pages do first: the meeting (404), the signed-in
// author (sign in otherwise), the call (404 without one) and, for one
// abstract, that it is theirs: someone else's is the same 404 as none.
import { callForAuthors, myAbstract } from "~/models/abstracts/submission.server";
import { requireMeetingAndUser } from "./meeting-page.server";

export async function requireAuthorCall(request: Request, params: { meeting?: string }) {
  const { meeting, user } = await requireMeetingAndUser(request, params);
  const call = await callForAuthors(meeting.id);
  if (!call) throw new Response("This meeting has no call for abstracts.", { status: 404 });
  return { meeting, user, call };
}

export async function requireMyAbstract(request: Request, params: { meeting?: string; abstract?: string }) {
  const context = await requireAuthorCall(request, params);
  const abstract = await myAbstract(context.user.id, context.call.id, params.abstract ?? "");
  if (!abstract) throw new Response("There is no abstract of yours at this address.", { status: 404 });
  return { ...context, abstract };
}
