// The error page of the meeting pages: a missing meeting, session, track or
// speaker is a 404 that says what was not found and offers a way back.
import { isRouteErrorResponse, Link, useParams, useRouteError } from "@remix-run/react";
import { PageError } from "./forms";
import { href } from "~/utils/href";

export function ProgramErrorBoundary({ backTo = "meeting" }: { backTo?: "meeting" | "meetings" }) {
  const error = useRouteError();
  const params = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const back = backTo === "meeting" && params.meeting ? (
    <Link to={href.meeting(params.meeting)} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
      Back to the meeting
    </Link>
  ) : undefined;
  if (isRouteErrorResponse(error) && status < 500) {
    const message = typeof error.data === "string" && error.data ? error.data : "We could not find that page.";
    return <PageError status={status} title={status === 404 ? "Not found" : "That did not work"} message={message} action={back} />;
  }
  return <PageError status={status} title="Something went wrong" message="An unexpected error happened on our side. Please try again in a moment." action={back} />;
}
