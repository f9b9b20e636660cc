// POST /realtime/ticket: a short-lived ticket that proves this browser's sign-in
// to the live Q&A sidecar, which may live on another host and so not see the
// sign-in cookie. Signed out: no ticket (anyone may still watch).
import type { ActionFunctionArgs } from "@remix-run/node";
import { issueRealtimeTicket } from "~/models/accounts/realtime-ticket.server";
import { getSignIn } from "~/server/auth.server";

export async function loader() {
  return new Response("Ask for a ticket with POST.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Ask for a ticket with POST.", { status: 405, headers: { Allow: "POST" } });
  const signIn = await getSignIn(request);
  const body = signIn ? issueRealtimeTicket(signIn.loginSessionId) : { ticket: null, expiresAt: null };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
