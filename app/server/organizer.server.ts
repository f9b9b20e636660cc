// What every loader and action of the organizer console does first: find the
// meeting (404 otherwise) and require the ORGANIZER role in it (admins pass;
// signed out → sign in; anyone else → 403). Door staff (CHECK_IN) pass only the
// console's frame and its check-in page. Also answers the draft-entry forms,
// and the chairs' pages on a meeting without a call for abstracts.
import { type Submission } from "@conform-to/react";
import { hasMeetingRole } from "~/models/accounts/access.server";
import { type Refusal } from "~/models/refusal";
import { requireMeetingRole } from "./auth.server";
import { requireMeeting } from "./meeting-page.server";
import { refusalResponse } from "./refusal.server";

export async function requireOrganizer(request: Request, params: { meeting?: string }) {
  const meeting = await requireMeeting(params);
  const user = await requireMeetingRole(request, meeting.id, ["ORGANIZER"]);
  return { meeting, user };
}

/** What a chairs' page reads of the meeting's call for abstracts, or a 404 that says the meeting has no call yet. */
export function requireAbstractCall<Found>(found: Found | null | undefined): Found {
  if (!found) throw new Response("This meeting has no call for abstracts yet.", { status: 404 });
  return found;
}

/** Who may open the door check-in page: the meeting's door staff and its organizers. */
export const CHECK_IN_ROLES = ["ORGANIZER", "CHECK_IN"] as const;

export async function requireCheckInStaff(request: Request, params: { meeting?: string }) {
  const meeting = await requireMeeting(params);
  const user = await requireMeetingRole(request, meeting.id, CHECK_IN_ROLES);
  return { meeting, user };
}

/**
 * The console's frame: organizers, and door staff, who see no console
 * navigation (every page but check-in refuses them on its own).
 */
export async function requireConsoleFrame(request: Request, params: { meeting?: string }) {
  const { meeting, user } = await requireCheckInStaff(request, params);
  return { meeting, user, organizer: await hasMeetingRole(user.id, meeting.id, ["ORGANIZER"]) };
}

/**
 * The answer to a draft entry's editor (a room's, a track's), tagged with the
 * form's id so that only that form shows it: refused, with the refusal's
 * status, or saved, with a sentence for the page (an added entry's form is emptied).
 */
export function draftEntryReply(
  submission: Pick<Submission<unknown>, "reply">,
  formId: string,
  outcome: { ok: true } | Refusal,
  entry: { name: string; added: boolean },
) {
  if (!outcome.ok) return refusalResponse(outcome, submission, { formId });
  return {
    formId,
    result: submission.reply({ resetForm: entry.added }),
    message: entry.added ? `Added “${entry.name}” to the draft.` : `Saved “${entry.name}” to the draft.`,
  };
}
