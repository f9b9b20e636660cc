// The short address the projector shows for asking (/q/<code>, typed from the
// screen or read from its QR code): a redirect to the session's live page. An
// unknown code is a 404 page that says what to do instead.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { PageError } from "~/components/forms";
import { askLinkTarget } from "~/server/live-qa-page.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const target = await askLinkTarget(params.code ?? "");
  if (!target) throw new Response("No session has this code. Check it against the screen, or find the session in its meeting's program.", { status: 404 });
  return redirect(target);
}

export const meta: MetaFunction = () => [{ title: "Ask a question" }];

export default function AskLink() {
  return null;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : "This link did not work. Please try again in a moment.";
  return <PageError status={isRouteErrorResponse(error) ? error.status : 500} title="Session not found" message={message} />;
}
