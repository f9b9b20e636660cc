// Accepting an invitation to a meeting's team: the link shows the meeting and
// the role; signed out, the person signs in or signs up (and comes back here);
// signed in with the invited address, one button grants the role.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormCard, FormErrors, PageError, SubmitButton, useIsPending } from "~/components/forms";
import { acceptInvitation, getInvitation, INVITED_ROLE_LABELS, INVITED_ROLE_PHRASES } from "~/models/meetings/team.server";
import { getUser, requireUser } from "~/server/auth.server";
import { refusalStatus } from "~/server/refusal.server";
import { href } from "~/utils/href";

export const meta: MetaFunction = () => [{ title: "Invitation · Meeting Platform" }];

// The URL carries a secret: never cache the page, never leak it onward.
// Referrer-Policy: no-referrer comes with every secret URL (SECRET_URLS in app/server/security-headers.server.ts).
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await getInvitation(params.token ?? "");
  if (!invitation) throw new Response("This invitation link is not valid. Check that you copied the whole link.", { status: 404 });
  const user = await getUser(request);
  const here = new URL(request.url).pathname;
  const view = {
    meeting: invitation.meeting,
    role: INVITED_ROLE_LABELS[invitation.role].toLowerCase(),
    rolePhrase: INVITED_ROLE_PHRASES[invitation.role],
    email: invitation.email,
    invitedBy: invitation.invitedBy?.name ?? "An organizer",
    state: invitation.state,
    user: user ? { name: user.name, email: user.email } : null,
    signIn: href.login(here),
    signUp: href.signup(here),
  };
  return data(view, { status: invitation.state === "open" ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await acceptInvitation(params.token ?? "", user);
  if (!result.ok) return data({ error: result.message }, { status: refusalStatus(result) });
  const invitation = await getInvitation(params.token ?? "");
  const next = { ORGANIZER: href.organize.meeting(result.meetingSlug), CHECK_IN: href.organize.checkIn(result.meetingSlug), MODERATOR: href.meeting(result.meetingSlug), REVIEWER: href.reviews(result.meetingSlug) };
  return redirect(invitation ? next[invitation.role] : href.meeting(result.meetingSlug));
}

export default function AcceptInvitation() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending();
  if (view.state !== "open") {
    return (
      <PageError
        status={410}
        title="This invitation no longer works"
        message={view.state === "accepted" ? "It was already accepted." : view.state === "revoked" ? "The organizers withdrew it." : "It has expired."}
      />
    );
  }
  const rightAccount = view.user?.email === view.email;
  return (
    <FormCard title={`Join the ${view.meeting.name} team`} intro={`${view.invitedBy} invited ${view.email} to be ${view.rolePhrase}.`}>
      <FormErrors errors={actionData ? [actionData.error] : null} />
      {!view.user ? (
        <div className="space-y-3">
          <p className="text-slate-700">Sign in with {view.email}, or create an account with that address, to accept.</p>
          <div className="flex flex-wrap gap-3">
            <Link to={view.signIn} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Sign in
            </Link>
            <Link to={view.signUp} className="rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
              Create an account
            </Link>
          </div>
        </div>
      ) : rightAccount ? (
        <Form method="post">
          <SubmitButton pending={pending} pendingLabel="Joining…" className="w-full">
            Accept and join as {view.role}
          </SubmitButton>
        </Form>
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          You are signed in as {view.user.email}. This invitation is for {view.email}: sign out and sign in with that address to accept it.
        </p>
      )}
    </FormCard>
  );
}

export function ErrorBoundary() {
  return <PageError status={404} title="Invitation not found" message="This invitation link is not valid. Check that you copied the whole link." />;
}
