// Where a person lands after signing in or up, once the session they pressed
// "Add to my schedule" on (signed out) is added: back on their page, scrolled
// to that session's button, which now says "In my schedule".
import { scheduleAnchor } from "~/models/schedule/forms";
import { addPendingSession, findPendingAdd } from "~/models/schedule/pending-add.server";
import { requireAnonymous } from "./auth.server";

/**
 * What the sign-in and sign-up pages load: someone already signed in is sent
 * on; sent here by "Add to my schedule", the page names the session that
 * signing in (or the new account) adds.
 */
export async function signInPageData(request: Request) {
  await requireAnonymous(request);
  return { pendingAdd: await findPendingAdd(new URL(request.url).searchParams.get("add")) };
}

/**
 * Adds the pending session, if any, and returns the path to land on: `path`
 * (already made safe by safeRedirect) with the button's anchor when the add
 * took. A session that left the program meanwhile is not added, and the page
 * shows it as it is.
 */
export async function landingAfterSignIn(userId: string, path: string, add: string | null | undefined): Promise<string> {
  if (!add) return path;
  const added = await addPendingSession(userId, add);
  return added.ok ? `${path.split("#")[0]}#${scheduleAnchor(add)}` : path;
}
