// The error page of a console page, shown inside the console's frame: refusals
// (403) and missing things (404) say what happened; anything else is our fault.
import { isRouteErrorResponse, Link, useParams, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { PageError } from "./forms";
import { href } from "~/utils/href";

export function ConsoleErrorBoundary() {
  const error = useRouteError();
  const params = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Door staff have the frame without the console's counts: their way back is the check-in page.
  const frame = useRouteLoaderData<{ counts: unknown }>("routes/organize+/$meeting+/_layout");
  const doorOnly = frame !== undefined && frame.counts === null;
  const back = params.meeting ? (
    <Link to={doorOnly ? href.organize.checkIn(params.meeting) : href.organize.meeting(params.meeting)} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
      {doorOnly ? "Back to door check-in" : "Back to the console"}
    </Link>
  ) : undefined;
  if (isRouteErrorResponse(error) && status < 500) {
    const message = typeof error.data === "string" && error.data ? error.data : "That request could not be completed.";
    return <PageError status={status} title={status === 404 ? "Not found" : status === 403 ? "Not allowed" : "That did not work"} message={message} action={back} />;
  }
  return <PageError status={status} title="Something went wrong" message="An unexpected error happened on our side. Please try again in a moment." action={back} />;
}
